using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Graphs;

/// <summary>
/// Graphs compiled by the real generator during the test build. The differential tests also run the
/// generator in memory over this file to get each graph before optimization, and interpret it.
/// </summary>
public static partial class TestGraphs
{
    /// <summary>Broadcasting a row and a column into a matrix: a loop over rows around each kernel run.</summary>
    [TensorFunction]
    public static FunctionGraph RowColumn()
    {
        var x = DMatrix("x");
        var r = DRow("r");
        var c = DCol("c");
        return Function([x, r, c], Tanh(x) * r + Exp(-x) / c - 1.5);
    }

    /// <summary>A scalar input and unary math on a vector, float64.</summary>
    [TensorFunction]
    public static FunctionGraph VectorMath()
    {
        var v = DVector("v");
        var s = DScalar("s");
        return Function([v, s], Sqrt(Abs(v)) * s + Log1p(Sqr(v)) - Expm1(v / 4) + Softplus(v) + Maximum(v, s) - Minimum(v, 0.25));
    }

    /// <summary>The same math in float32, where literals stay float32.</summary>
    [TensorFunction]
    public static FunctionGraph Float32Math()
    {
        var x = FMatrix("x");
        return Function([x], Sigmoid(x) * 2 + Softplus(-x) - Tanh(x) / 3 + Exp(x * 0.5f) - Log(Abs(x) + 1));
    }

    /// <summary>erf and erfc (PyTensor's pt.erf, pt.erfc), float64: alone, fused with other math, into erfc's tail, folded.</summary>
    [TensorFunction]
    public static FunctionGraph ErrorFunctions()
    {
        var v = DVector("v");
        var s = DScalar("s");
        return Function([v, s], [Erf(v), Erfc(v), Erf(v * s) * Erfc(v * 4) + Erf(Constant(0.5))]);
    }

    /// <summary>erf and erfc in float32, and of integers (float64, as PyTensor upcasts int32).</summary>
    [TensorFunction]
    public static FunctionGraph ErrorFunctions32()
    {
        var x = FMatrix("x");
        var i = IMatrix("i");
        return Function([x, i], [Erf(x), Erfc(x), Erf(i) - Erfc(i * 2)]);
    }

    /// <summary>A 3-d tensor whose middle dimension is static 1, with a matrix broadcast against it.</summary>
    [TensorFunction]
    public static FunctionGraph Tensor3Broadcast()
    {
        var t = Tensor("t", DType.Float64, [null, 1, null]);
        var m = DMatrix("m");
        return Function([t, m], Maximum(t, m) * 2 - Sin(m) + Cos(t));
    }

    /// <summary>Several outputs of different shapes sharing work: a vector result broadcast into a matrix one.</summary>
    [TensorFunction]
    public static FunctionGraph SharedWork()
    {
        var x = DMatrix("x");
        var v = DVector("v");
        var e = Exp(v) + 1;
        var scaled = x * e;
        return Function([x, v], [e, scaled, scaled - x, Sqr(e)]);
    }

    /// <summary>Mixed dtypes: int32 and float32 promote to float64; comparisons give bools; Switch picks.</summary>
    [TensorFunction]
    public static FunctionGraph MixedDTypes()
    {
        var i = IMatrix("i");
        var f = FMatrix("f");
        var sum = i + f;
        var positive = sum > 0;
        return Function([i, f], [sum, positive, Switch(positive & (i < 3), sum, -sum), i / 2, i * 3 + 1]);
    }

    /// <summary>Integer arithmetic with NumPy's floor division and Python's remainder.</summary>
    [TensorFunction]
    public static FunctionGraph IntegerMath()
    {
        var (a, b) = LVectors("a", "b");
        return Function([a, b], [IntDiv(a, b), Mod(a, b), Abs(-a) + Pow(b, 2), Maximum(a, b)]);
    }

    /// <summary>Only scalars: the whole function is a few statements, no loop.</summary>
    [TensorFunction]
    public static FunctionGraph ScalarOnly()
    {
        var (x, y) = DScalars("x", "y");
        return Function([x, In(y, value: 0.5)], Exp(x) * y - Log1p(y));
    }

    /// <summary>Graph code may call the user's own helpers, loop over constants and use local functions.</summary>
    [TensorFunction]
    public static FunctionGraph Helpers()
    {
        var x = DVector("x");
        var p = Polynomial(x, [0.5, -2.0, 1.0]);
        TensorVariable Clip(TensorVariable v, double bound) => Minimum(Maximum(v, -bound), bound);
        for (int i = 0; i < 2; i++) p = Clip(p * 1.5, 4.0 - i);
        return Function([x], Logistic(p));
    }

    private static TensorVariable Logistic(TensorVariable z) => 1 / (1 + Exp(-z));

    /// <summary>c0 + c1·x + c2·x² + ..., by Horner's rule, from a constant list of coefficients.</summary>
    private static TensorVariable Polynomial(TensorVariable x, double[] coefficients)
    {
        TensorVariable result = 0.0;
        bool first = true;
        foreach (var c in coefficients)
        {
            result = first ? c : result * x + c;
            first = false;
        }
        return result;
    }

    /// <summary>Reductions over every axis combination of a 3-d tensor, fused with the element-wise work feeding them.</summary>
    [TensorFunction]
    public static FunctionGraph Reductions()
    {
        var t = DTensor3("t");
        var e = Exp(t * 0.1) - t;
        return Function([t], [e.Sum(), Sum(e, 0), Sum(e, [0, 2]), Sum(e, 1, keepdims: true), e.Max(2), Min(e, [1, 2]), e.Mean(-1), Max(Sqr(t))]);
    }

    /// <summary>The sums and means of <see cref="Reductions"/> alone: defined over empty axes too, where Max and Min raise.</summary>
    [TensorFunction]
    public static FunctionGraph Sums()
    {
        var t = DTensor3("t");
        var e = Exp(t * 0.1) - t;
        return Function([t], [e.Sum(), Sum(e, 0), Sum(e, [0, 2]), Sum(e, 1, keepdims: true), e.Mean(-1)]);
    }

    /// <summary>Every product shape, with transposes, and an element-wise epilogue.</summary>
    [TensorFunction]
    public static FunctionGraph Products()
    {
        var (a, b) = DMatrices("a", "b");
        var (u, v) = DVectors("u", "v");
        return Function([a, b, u, v], [Dot(a, v), Dot(u, a), Dot(a, b), Dot(a.T, b.T), Dot(a, a.T), Dot(a.T, u), Dot(v, v) + 1, Tanh(Dot(a, v)) * 2]);
    }

    /// <summary>Bools inside a float kernel: comparisons, logic, switch, casts, bool inputs and outputs, vectorized as masks.</summary>
    [TensorFunction]
    public static FunctionGraph Masks()
    {
        var x = DMatrix("x");
        var r = DRow("r");
        var flag = Matrix("flag", DType.Bool);
        var on = Scalar("on", DType.Bool);
        var above = x > r;
        var both = (above & flag) | !on;
        return Function([x, r, flag, on], [above, both, Switch(both, x, r * 2), Cast(above, DType.Float64) + x, Cast(x, DType.Bool), Eq(above, flag)]);
    }

    /// <summary>The same in float32, where masks are Vector&lt;int&gt;.</summary>
    [TensorFunction]
    public static FunctionGraph Masks32()
    {
        var x = FMatrix("x");
        var r = FRow("r");
        var flag = Matrix("flag", DType.Bool);
        var above = x >= r;
        return Function([x, r, flag], [above & flag, Switch(above | flag, x, r), Cast(above, DType.Float32) * x, Neq(x, r)]);
    }

    /// <summary>
    /// Chains longer than one kernel computes (128 nodes): a matrix chain cut into kernels that pass values
    /// through buffers, each with more constants than it declares locals for (a table), in float64 and in
    /// float32; a reduction of a chain that is cut too; and a 0-d chain too long to write into Invoke
    /// (methods of their own).
    /// </summary>
    [TensorFunction]
    public static FunctionGraph LongChains()
    {
        var x = DMatrix("x");
        var s = DScalar("s");
        var f = FMatrix("f");
        var acc = x;
        var r = x;
        var t = s;
        var g = f;
        for (int i = 1; i <= 60; i++)
        {
            acc = Tanh(acc * 0.75 + x * (0.01 * i)) - acc / (i + 1);
            r = Sin(r) * 0.9 + x * (0.001 * i);
            t = t * 0.5 + Sin(s * i);
            g = Tanh(g * 0.5f + f * (0.02f * i));
        }
        return Function([x, s, f], [acc, r.Sum(), t, g]);
    }
}
