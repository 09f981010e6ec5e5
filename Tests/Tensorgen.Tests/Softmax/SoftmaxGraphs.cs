using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.SoftmaxFamily;

/// <summary>The softmax family at extreme values: the ops themselves and the hand-written forms PyTensor's rewrites stabilize.</summary>
public static partial class SoftmaxGraphs
{
    /// <summary>Softmax, LogSoftmax and LogSumExp along the rows, their PyTensor defaults (every element) beside.</summary>
    [TensorFunction]
    public static FunctionGraph Rows()
    {
        var x = DMatrix("x");
        return Function([x], [Softmax(x, 1), LogSoftmax(x, -1), LogSumExp(x, 1), Softmax(x), LogSumExp(x, keepdims: true)]);
    }

    /// <summary>The same in float32.</summary>
    [TensorFunction]
    public static FunctionGraph Rows32()
    {
        var x = FMatrix("x");
        return Function([x], [Softmax(x, 1), LogSoftmax(x, -1), LogSumExp(x, 1)]);
    }

    /// <summary>PyTensor's local_logsoftmax: log(softmax(x)) written by hand, value and gradient.</summary>
    [TensorFunction]
    public static FunctionGraph LogOfSoftmax()
    {
        var x = DMatrix("x");
        var lsm = Log(Softmax(x, 1));
        return Function([x], [lsm, Grad(lsm.Sum(), x)]);
    }

    /// <summary>PyTensor's local_log_sum_exp: log(sum(exp(x))) by hand, over an axis, with keepdims, and over all.</summary>
    [TensorFunction]
    public static FunctionGraph LogSumOfExp()
    {
        var x = DMatrix("x");
        var rows = Log(Sum(Exp(x), 1));
        return Function([x], [rows, Log(Sum(Exp(x), 1, keepdims: true)), Log(Sum(Exp(x))), Grad(rows.Sum(), x)]);
    }

    /// <summary>The softmax cross-entropy with a one-hot matrix, as users write it, and its gradient.</summary>
    [TensorFunction]
    public static FunctionGraph OneHotCrossEntropy()
    {
        var x = DMatrix("x");
        var onehot = DMatrix("onehot");
        var xent = -Sum(onehot * Log(Softmax(x, 1)), 1);
        return Function([x, onehot], [xent, Grad(xent.Sum(), x)]);
    }

    /// <summary>The softmax cross-entropy with int classes: -log(softmax(x)[arange(n), y]), and its gradient.</summary>
    [TensorFunction]
    public static FunctionGraph IndexedCrossEntropy()
    {
        var x = DMatrix("x");
        var y = LVector("y");
        var xent = -Log(Softmax(x, 1)[Arange(x.Shape[0]), y]);
        return Function([x, y], [xent, Grad(xent.Mean(), x)]);
    }

    /// <summary>CategoricalCrossEntropy (Theano's) with int classes and with ToOneHot, over a softmax, with gradients.</summary>
    [TensorFunction]
    public static FunctionGraph Categorical()
    {
        var x = DMatrix("x");
        var y = LVector("y");
        var sm = Softmax(x, 1);
        var byClass = CategoricalCrossEntropy(sm, y);
        var byOneHot = CategoricalCrossEntropy(sm, ToOneHot(y, x.Shape[1]));
        return Function([x, y], [byClass, byOneHot, Grad(byClass.Sum(), x), Grad(byOneHot.Sum(), x), ToOneHot(y, 4)]);
    }

    /// <summary>Max over two axes with keepdims, then a Dimshuffle dropping the kept axes (was TG9999 "no storage").</summary>
    [TensorFunction]
    public static FunctionGraph MaxKeepdimsDropped()
    {
        var x = DMatrix("x");
        var m = Max(x, [0, 1], keepdims: true);
        return Function([x], [m.Dimshuffle(), m.Dimshuffle() + 1.0, Sum(x, [0, 1], keepdims: true).Dimshuffle()]);
    }

    /// <summary>LogSumExp over axes that are not consecutive, with keepdims, and a 3-d softmax along the middle axis.</summary>
    [TensorFunction]
    public static FunctionGraph Tensor3()
    {
        var x = DTensor3("x");
        return Function([x], [LogSumExp(x, [0, 2], keepdims: true), Softmax(x, 1), LogSoftmax(x, 0)]);
    }

    /// <summary>1 / sign(x): NumPy's sign(-0.0) is +0.0 (met through a fuzz graph of a keepdims max dimshuffled to 0-d).</summary>
    [TensorFunction]
    public static FunctionGraph OverSign()
    {
        var x = DVector("x");
        return Function([x], 1.0 / Sign(x));
    }

    /// <summary>The README's example of the family, as written there.</summary>
    [TensorFunction]
    public static FunctionGraph Classify()
    {
        var x = DMatrix("x"); var y = LVector("y"); var w = DMatrix("w");
        var logits = Dot(x, w);
        var p = Softmax(logits, 1);
        var cost = CategoricalCrossEntropy(p, y).Mean();
        return Function([x, y, w], [cost, Grad(cost, w), LogSumExp(logits, 1)]);
    }
}
