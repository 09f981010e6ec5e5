using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Samples.LogisticRegression;

/// <summary>
/// The same logistic regression trained on minibatches: each step reads only the rows <c>idx</c> of the training data
/// (<c>x[idx]</c>, <c>y[idx]</c>), a slice of a shuffled permutation drawn per epoch.
/// </summary>
public sealed partial class MinibatchModel(double[] initialWeights)
{
    public Shared<double> W { get; } = Shared(initialWeights, name: "w");

    public Shared<double> B { get; } = Shared(0.0, name: "b");

    //   idx = pt.lvector("idx")
    //   p_1 = pt.sigmoid(pt.dot(x[idx], w) + b)
    //   xent = -y[idx] * pt.log(p_1) - (1 - y[idx]) * pt.log(1 - p_1)
    //   cost = xent.mean() + 0.01 * (w ** 2).sum()
    //   train_batch = pytensor.function([x, y, idx], cost, updates=((w, w - 0.1 * gw), (b, b - 0.1 * gb)))
    [TensorFunction]
    public FunctionGraph TrainBatch()
    {
        var x = DMatrix("x");
        var y = DVector("y");
        var idx = LVector("idx");
        var p1 = Sigmoid(Dot(x[idx], W) + B);
        var xent = -y[idx] * Log(p1) - (1 - y[idx]) * Log(1 - p1);
        var cost = xent.Mean() + 0.01 * Pow(W, 2).Sum();
        var (gw, gb) = Grad(cost, [W, B]);
        return Function([x, y, idx], cost, updates: [(W, W - 0.1 * gw), (B, B - 0.1 * gb)]);
    }
}
