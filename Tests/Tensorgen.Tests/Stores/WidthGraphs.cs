using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Stores;

/// <summary>Element-wise kernels that get a Vector512 loop beside their Vector&lt;T&gt; loop: every op with a form at both widths.</summary>
public static partial class WidthGraphs
{
    /// <summary>The functions .NET computes by approximation: each width may differ in the last bits.</summary>
    [TensorFunction]
    public static FunctionGraph Transcendental64()
    {
        var x = DVector("x");
        return Function([x], [Exp(x), Log(x), Sigmoid(x), Sqrt(x), Sin(x), Cos(x)]);
    }

    /// <summary>The same in float32.</summary>
    [TensorFunction]
    public static FunctionGraph Transcendental32()
    {
        var x = FVector("x");
        return Function([x], [Exp(x), Log(x), Sigmoid(x), Sqrt(x), Sin(x), Cos(x)]);
    }

    /// <summary>Correctly rounded ops: every width gives the scalar loop's bits.</summary>
    [TensorFunction]
    public static FunctionGraph Exact64()
    {
        var (a, b) = DVectors("a", "b");
        return Function([a, b], [a + b, a - b, a * b, a / b, Maximum(a, b), Minimum(a, b), -a, Abs(a), Sqr(a),
            Floor(a), Ceil(a), RoundHalfToEven(a), Trunc(a), Reciprocal(a), 0.5 * a + 2]);
    }

    /// <summary>The same in float32.</summary>
    [TensorFunction]
    public static FunctionGraph Exact32()
    {
        var (a, b) = FVectors("a", "b");
        return Function([a, b], [a + b, a - b, a * b, a / b, Maximum(a, b), Minimum(a, b), -a, Abs(a), Sqr(a),
            Floor(a), Ceil(a), RoundHalfToEven(a), Trunc(a), Reciprocal(a), 0.5f * a + 2]);
    }
}
