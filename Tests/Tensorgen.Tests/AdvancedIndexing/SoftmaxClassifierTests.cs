using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.AdvancedIndexing;

/// <summary>
/// A softmax classifier as a PyTensor user writes it: a minibatch by index, the log-sum-exp by hand, the logit of each
/// row's class picked by <c>logits[Arange(n), y[idx]]</c>, the gradient through all of it, shared weights updated.
/// The costs are NumPy's for the same computation (float64, agreeing to 1e-15).
/// </summary>
public sealed class SoftmaxClassifierTests
{
    [Fact]
    public void Trains_as_numpy_computes()
    {
        var run = GeneratorHarness.Run("""
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class G
            {
                static readonly Shared<double> W = Shared(new double[4, 3], "W");

                [TensorFunction]
                public static FunctionGraph Step()
                {
                    var x = DMatrix("x");
                    var y = LVector("y");
                    var idx = LVector("idx");
                    var logits = Dot(x[idx], W);
                    var m = logits.Max(1, keepdims: true);
                    var lse = Log(Exp(logits - m).Sum(1)) + m.Flatten();
                    var cost = (lse - logits[Arange(idx.Shape[0]), y[idx]]).Mean();
                    return Function([x, y, idx], cost, updates: [(W, W - 0.5 * Grad(cost, W))]);
                }

                public static double[] Train()
                {
                    var x = new double[6, 4];
                    var y = new long[6];
                    for (int i = 0; i < 6; i++) { for (int j = 0; j < 4; j++) x[i, j] = System.Math.Sin(i * 4 + j); y[i] = i % 3; }
                    var step = new StepFunction();
                    var costs = new double[5];
                    for (int e = 0; e < 5; e++) costs[e] = step.Invoke(x, y, new long[] { 0, 2, 4, 5 });
                    return costs;
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var costs = (double[])run.Load().GetType("G", throwOnError: true)!.GetMethod("Train")!.Invoke(null, null)!;
        // NumPy 1.24: x = sin(4i + j), y = i % 3, W = 0, batch [0, 2, 4, 5], W -= 0.5 * xbᵀ(softmax - onehot) / 4.
        double[] expected = [1.0986122886681096, 0.8186856232225261, 0.6348813428615153, 0.5122585646879244, 0.4268864664694227];
        for (int e = 0; e < expected.Length; e++) Assert.Equal(expected[e], costs[e], 1e-13);
    }
}
