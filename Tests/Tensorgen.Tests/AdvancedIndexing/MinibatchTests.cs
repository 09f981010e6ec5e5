using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.AdvancedIndexing;

/// <summary>
/// Minibatch training (the issue's "done when"): each epoch a shuffled permutation from
/// <see cref="RandomGenerator.Permutation"/> is cut into batches of row indices, and a compiled training step gathers
/// those rows of the training data (<c>Take(x, idx, 0)</c>, NumPy's <c>x[idx]</c>) and updates shared weights by
/// gradient descent. The loss decreases, and one step matches a plain C# computation of the same step.
/// </summary>
public sealed class MinibatchTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;

        public sealed partial class Model(double[] w0)
        {
            public Shared<double> W { get; } = Shared(w0, name: "w");
            public Shared<double> B { get; } = Shared(0.0, name: "b");

            // PyTensor:  xb, yb = x[idx], y[idx]
            //            p_1 = 1 / (1 + pt.exp(-pt.dot(xb, w) - b)); cost = xent(p_1, yb).mean()
            //            train = pytensor.function([x, y, idx], cost, updates=[(w, w - lr * gw), (b, b - lr * gb)])
            [TensorFunction]
            public FunctionGraph Step()
            {
                var x = DMatrix("x");
                var y = DVector("y");
                var idx = LVector("idx");
                var xb = Take(x, idx, 0);
                var yb = y.Take(idx);
                var p1 = 1 / (1 + Exp(-Dot(xb, W) - B));
                var cost = (-yb * Log(p1) - (1 - yb) * Log(1 - p1)).Mean();
                var (gw, gb) = Grad(cost, [W, B]);
                return Function([x, y, idx], cost, updates: [(W, W - 0.5 * gw), (B, B - 0.5 * gb)]);
            }

            // The same step written with NumPy's index syntax: x[idx], y[idx].
            [TensorFunction]
            public FunctionGraph IndexedStep()
            {
                var x = DMatrix("x");
                var y = DVector("y");
                var idx = LVector("idx");
                var p1 = Sigmoid(Dot(x[idx], W) + B);
                var cost = (-y[idx] * Log(p1) - (1 - y[idx]) * Log(1 - p1)).Mean();
                var (gw, gb) = Grad(cost, [W, B]);
                return Function([x, y, idx], cost, updates: [(W, W - 0.5 * gw), (B, B - 0.5 * gb)]);
            }
        }

        public static class Trainer
        {
            public static Model Create(double[] w0) => new(w0);

            public static double Step(Model model, double[,] x, double[] y, long[] idx) => new Model.StepFunction(model).Invoke(x, y, idx);

            public static double IndexedStep(Model model, double[,] x, double[] y, long[] idx) => new Model.IndexedStepFunction(model).Invoke(x, y, idx);

            public static double[] Weights(Model model) { var t = model.W.GetValue().Tensor; var a = new double[t.FlattenedLength]; t.FlattenTo(a); return a; }

            public static double Bias(Model model) => model.B.Value;
        }
        """);

    // One load: a model made by one loaded assembly is passed back to the same one.
    private static readonly Lazy<Type> Trainer = new(() => Run.Load().GetType("Trainer", throwOnError: true)!);

    private static object Call(string name, params object[] args)
    {
        try { return Trainer.Value.GetMethod(name)!.Invoke(null, args)!; }
        catch (System.Reflection.TargetInvocationException e) { throw e.InnerException!; }
    }

    private const int N = 60, Features = 3, Batch = 8;

    /// <summary>Separable data: the class is whether x · (1.5, -2, 0.5) + 0.25 is positive.</summary>
    private static (double[,] X, double[] Y) Data()
    {
        var rng = RandomGenerator.DefaultRng(12);
        var x = rng.StandardNormal(N, Features);
        var y = new double[N];
        for (int i = 0; i < N; i++) y[i] = 1.5 * x[i, 0] - 2 * x[i, 1] + 0.5 * x[i, 2] + 0.25 > 0 ? 1 : 0;
        return (x, y);
    }

    [Fact]
    public void Builds_without_diagnostics()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
    }

    [Fact]
    public void Shuffled_minibatches_decrease_the_loss()
    {
        var (x, y) = Data();
        var model = Call("Create", new double[Features]);
        var rng = RandomGenerator.DefaultRng(2024);
        var epochLoss = new double[12];
        for (int epoch = 0; epoch < epochLoss.Length; epoch++)
        {
            long[] permutation = rng.Permutation(N);
            int batches = 0;
            // The last batch is shorter (60 = 7 * 8 + 4): a batch's length is the index vector's.
            for (int start = 0; start < N; start += Batch, batches++)
                epochLoss[epoch] += (double)Call("Step", model, x, y, permutation[start..Math.Min(N, start + Batch)]);
            epochLoss[epoch] /= batches;
        }
        Assert.Equal(Math.Log(2), epochLoss[0], 0.2);
        Assert.True(epochLoss[^1] < 0.5 * epochLoss[0], $"loss per epoch: {string.Join(", ", epochLoss)}");
        for (int e = 1; e < epochLoss.Length; e++) Assert.True(epochLoss[e] < epochLoss[e - 1] + 0.05, $"loss per epoch: {string.Join(", ", epochLoss)}");
    }

    [Fact]
    public void One_step_matches_a_plain_computation()
    {
        var (x, y) = Data();
        double[] w0 = [0.3, -0.2, 0.1];
        var model = Call("Create", w0.Clone());
        long[] idx = RandomGenerator.DefaultRng(7).Permutation(N)[..Batch];
        idx[1] = -1; // a negative index reads the last row, as in NumPy

        // The same step, written out: p = sigmoid(x[idx] · w + b), gw = x[idx]ᵀ (p - y[idx]) / n, gb = mean(p - y[idx]).
        double b = 0, cost = 0, gb = 0;
        var gw = new double[Features];
        foreach (long i in idx)
        {
            long r = i < 0 ? i + N : i;
            double z = b;
            for (int f = 0; f < Features; f++) z += x[r, f] * w0[f];
            double p = 1 / (1 + Math.Exp(-z));
            cost += -y[r] * Math.Log(p) - (1 - y[r]) * Math.Log(1 - p);
            for (int f = 0; f < Features; f++) gw[f] += x[r, f] * (p - y[r]) / idx.Length;
            gb += (p - y[r]) / idx.Length;
        }

        Assert.Equal(cost / idx.Length, (double)Call("Step", model, x, y, idx), 12);
        var w = (double[])Call("Weights", model);
        for (int f = 0; f < Features; f++) Assert.Equal(w0[f] - 0.5 * gw[f], w[f], 12);
        Assert.Equal(b - 0.5 * gb, (double)Call("Bias", model), 12);
    }

    [Fact]
    public void The_index_syntax_gives_the_same_training()
    {
        var (x, y) = Data();
        var taken = Call("Create", new double[Features]);
        var indexed = Call("Create", new double[Features]);
        var rng = RandomGenerator.DefaultRng(5);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            long[] permutation = rng.Permutation(N);
            for (int start = 0; start < N; start += Batch)
            {
                var idx = permutation[start..Math.Min(N, start + Batch)];
                Assert.Equal((double)Call("Step", taken, x, y, idx), (double)Call("IndexedStep", indexed, x, y, idx), 12);
            }
        }
        var (wt, wi) = ((double[])Call("Weights", taken), (double[])Call("Weights", indexed));
        for (int f = 0; f < Features; f++) Assert.Equal(wt[f], wi[f], 12);
    }

    [Fact]
    public void A_batch_index_out_of_range_throws_and_leaves_the_weights()
    {
        var (x, y) = Data();
        var model = Call("Create", new double[] { 1, 2, 3 });
        var e = Assert.Throws<IndexOutOfRangeException>(() => Call("Step", model, x, y, new long[] { 0, N }));
        Assert.Equal($"Model.Step: index {N} in 'idx' is out of bounds for axis 0 of 'x' with size {N}.", e.Message);
        Assert.Equal([1.0, 2, 3], (double[])Call("Weights", model));
    }
}
