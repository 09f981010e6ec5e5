using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Samples.LogisticRegression;

/// <summary>
/// The tutorial's "A Real Example: Logistic Regression". The weights and bias are shared variables of
/// the model object; <c>Train</c> and <c>Predict</c> are compiled against them.
/// </summary>
public sealed partial class Model(double[] initialWeights)
{
    // w = pytensor.shared(rng.standard_normal(feats), name="w")
    public Shared<double> W { get; } = Shared(initialWeights, name: "w");

    // b = pytensor.shared(0., name="b")
    public Shared<double> B { get; } = Shared(0.0, name: "b");

    //   p_1 = 1 / (1 + pt.exp(-pt.dot(x, w) - b))       # Probability that target = 1
    //   prediction = p_1 > 0.5                          # The prediction thresholded
    //   xent = -y * pt.log(p_1) - (1-y) * pt.log(1-p_1) # Cross-entropy loss function
    //   cost = xent.mean() + 0.01 * (w ** 2).sum()      # The cost to minimize
    //   gw, gb = pt.grad(cost, [w, b])
    //   train = pytensor.function(inputs=[x,y], outputs=[prediction, xent],
    //                             updates=((w, w - 0.1 * gw), (b, b - 0.1 * gb)))
    [TensorFunction]
    public FunctionGraph Train()
    {
        var x = DMatrix("x");
        var y = DVector("y");
        var p1 = Probability(x);
        var prediction = p1 > 0.5;
        var xent = -y * Log(p1) - (1 - y) * Log(1 - p1);
        var cost = xent.Mean() + 0.01 * Pow(W, 2).Sum();
        var (gw, gb) = Grad(cost, [W, B]);
        return Function([x, y], [prediction, xent], updates: [(W, W - 0.1 * gw), (B, B - 0.1 * gb)]);
    }

    //   predict = pytensor.function(inputs=[x], outputs=prediction)
    [TensorFunction]
    public FunctionGraph Predict()
    {
        var x = DMatrix("x");
        return Function([x], Probability(x) > 0.5);
    }

    private TensorVariable Probability(TensorVariable x) => 1 / (1 + Exp(-Dot(x, W) - B));
}
