using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Samples.Rnn;

/// <summary>
/// An Elman recurrent network, h(t) = tanh(x(t)·U + h(t-1)·W + b), read out as y(t) = h(t)·v + c, over a batch of
/// sequences at once: the loop is a <c>Scan</c> over time, and training is its gradient (back-propagation through
/// time) with plain SGD updates of the shared weights.
/// </summary>
public sealed partial class Model(double[,] u, double[,] w, double[] v)
{
    public Shared<double> U { get; } = Shared(u, name: "U");

    public Shared<double> W { get; } = Shared(w, name: "W");

    public Shared<double> B { get; } = Shared(new double[w.GetLength(0)], name: "b");

    public Shared<double> V { get; } = Shared(v, name: "v");

    public Shared<double> C { get; } = Shared(0.0, name: "c");

    /// <summary>One SGD step on a batch: x is (time, batch, features), y is (time, batch); returns the mean squared error.</summary>
    [TensorFunction]
    public FunctionGraph Train()
    {
        var x = DTensor3("x");
        var y = DMatrix("y");
        var cost = Loss(x, y);
        var (gu, gw, gb, gv, gc) = Grad(cost, [U, W, B, V, C]);
        const double rate = 0.05;
        return Function([x, y], cost, updates: [(U, U - rate * gu), (W, W - rate * gw), (B, B - rate * gb), (V, V - rate * gv), (C, C - rate * gc)]);
    }

    /// <summary>The mean squared error on a batch, without training.</summary>
    [TensorFunction]
    public FunctionGraph Evaluate()
    {
        var x = DTensor3("x");
        var y = DMatrix("y");
        return Function([x, y], Loss(x, y));
    }

    private TensorVariable Loss(TensorVariable x, TensorVariable y)
    {
        // The first state: zeros of shape (batch, hidden).
        var h0 = ZerosLike(Dot(x[0], U));
        var (h, _) = Scan((xt, previous) => Tanh(Dot(xt, U) + Dot(previous, W) + B), sequences: [x], outputsInfo: [h0]);
        var predicted = Dot(h, V) + C;
        return Pow(predicted - y, 2).Mean();
    }
}
