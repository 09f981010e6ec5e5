using System;
using System.Numerics;

namespace Tensorgen;

// Vector forms of the element-wise ops of issue 13. Rounding, reciprocal and clip are whole-vector operations
// (exact: they give the scalar loop's values to the bit). .NET has no vector form of the others, so they apply
// ScalarOps lane by lane, in float64: the same values as the scalar tail, and the rest of a fused kernel stays
// vectorized around them.
public static partial class VectorMath
{
    /// <summary>x limited to [lo, hi] as NumPy's <c>clip</c> (<c>minimum(maximum(x, lo), hi)</c>): NaN in any operand gives NaN.</summary>
    public static Vector<T> Clip<T>(Vector<T> x, Vector<T> lo, Vector<T> hi) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var clipped = Vector.Min(Vector.Max(x, lo), hi);
        var anyNaN = ~Vector.Equals(x, x) | ~Vector.Equals(lo, lo) | ~Vector.Equals(hi, hi);
        return Vector.ConditionalSelect(anyNaN, x + lo + hi, clipped);
    }

    /// <summary>2^x, lane by lane.</summary>
    public static Vector<double> Exp2(Vector<double> x) => Map<double, Exp2Op>(x);

    /// <summary>2^x, lane by lane in float64.</summary>
    public static Vector<float> Exp2(Vector<float> x) => Map<float, Exp2Op>(x);

    /// <summary>Log2(x), exact for powers of two, lane by lane.</summary>
    public static Vector<double> Log2(Vector<double> x) => Map<double, Log2Op>(x);

    /// <summary>Log2(x), exact for powers of two, lane by lane in float64.</summary>
    public static Vector<float> Log2(Vector<float> x) => Map<float, Log2Op>(x);

    /// <summary>Log10(x), lane by lane.</summary>
    public static Vector<double> Log10(Vector<double> x) => Map<double, Log10Op>(x);

    /// <summary>Log10(x), lane by lane in float64.</summary>
    public static Vector<float> Log10(Vector<float> x) => Map<float, Log10Op>(x);

    /// <summary>Tangent, lane by lane.</summary>
    public static Vector<double> Tan(Vector<double> x) => Map<double, TanOp>(x);

    /// <summary>Tangent, lane by lane in float64.</summary>
    public static Vector<float> Tan(Vector<float> x) => Map<float, TanOp>(x);

    /// <summary>Inverse sine, lane by lane.</summary>
    public static Vector<double> Arcsin(Vector<double> x) => Map<double, ArcsinOp>(x);

    /// <summary>Inverse sine, lane by lane in float64.</summary>
    public static Vector<float> Arcsin(Vector<float> x) => Map<float, ArcsinOp>(x);

    /// <summary>Inverse cosine, lane by lane.</summary>
    public static Vector<double> Arccos(Vector<double> x) => Map<double, ArccosOp>(x);

    /// <summary>Inverse cosine, lane by lane in float64.</summary>
    public static Vector<float> Arccos(Vector<float> x) => Map<float, ArccosOp>(x);

    /// <summary>Inverse tangent, lane by lane.</summary>
    public static Vector<double> Arctan(Vector<double> x) => Map<double, ArctanOp>(x);

    /// <summary>Inverse tangent, lane by lane in float64.</summary>
    public static Vector<float> Arctan(Vector<float> x) => Map<float, ArctanOp>(x);

    /// <summary>Hyperbolic sine, lane by lane.</summary>
    public static Vector<double> Sinh(Vector<double> x) => Map<double, SinhOp>(x);

    /// <summary>Hyperbolic sine, lane by lane in float64.</summary>
    public static Vector<float> Sinh(Vector<float> x) => Map<float, SinhOp>(x);

    /// <summary>Hyperbolic cosine, lane by lane.</summary>
    public static Vector<double> Cosh(Vector<double> x) => Map<double, CoshOp>(x);

    /// <summary>Hyperbolic cosine, lane by lane in float64.</summary>
    public static Vector<float> Cosh(Vector<float> x) => Map<float, CoshOp>(x);

    /// <summary>Inverse hyperbolic sine, lane by lane.</summary>
    public static Vector<double> Arcsinh(Vector<double> x) => Map<double, ArcsinhOp>(x);

    /// <summary>Inverse hyperbolic sine, lane by lane in float64.</summary>
    public static Vector<float> Arcsinh(Vector<float> x) => Map<float, ArcsinhOp>(x);

    /// <summary>Inverse hyperbolic cosine, lane by lane.</summary>
    public static Vector<double> Arccosh(Vector<double> x) => Map<double, ArccoshOp>(x);

    /// <summary>Inverse hyperbolic cosine, lane by lane in float64.</summary>
    public static Vector<float> Arccosh(Vector<float> x) => Map<float, ArccoshOp>(x);

    /// <summary>Inverse hyperbolic tangent, lane by lane.</summary>
    public static Vector<double> Arctanh(Vector<double> x) => Map<double, ArctanhOp>(x);

    /// <summary>Inverse hyperbolic tangent, lane by lane in float64.</summary>
    public static Vector<float> Arctanh(Vector<float> x) => Map<float, ArctanhOp>(x);

    /// <summary>arctan2(y, x), lane by lane.</summary>
    public static Vector<double> Arctan2(Vector<double> y, Vector<double> x) => Map<double, Arctan2Op>(y, x);

    /// <summary>arctan2(y, x), lane by lane in float64.</summary>
    public static Vector<float> Arctan2(Vector<float> y, Vector<float> x) => Map<float, Arctan2Op>(y, x);
    private struct Exp2Op : IOp { public static double Apply(double a, double b) => ScalarOps.Exp2(a); }
    private struct Log2Op : IOp { public static double Apply(double a, double b) => ScalarOps.Log2(a); }
    private struct Log10Op : IOp { public static double Apply(double a, double b) => Math.Log10(a); }
    private struct TanOp : IOp { public static double Apply(double a, double b) => Math.Tan(a); }
    private struct ArcsinOp : IOp { public static double Apply(double a, double b) => Math.Asin(a); }
    private struct ArccosOp : IOp { public static double Apply(double a, double b) => Math.Acos(a); }
    private struct ArctanOp : IOp { public static double Apply(double a, double b) => Math.Atan(a); }
    private struct SinhOp : IOp { public static double Apply(double a, double b) => Math.Sinh(a); }
    private struct CoshOp : IOp { public static double Apply(double a, double b) => Math.Cosh(a); }
    private struct ArcsinhOp : IOp { public static double Apply(double a, double b) => ScalarOps.Arcsinh(a); }
    private struct ArccoshOp : IOp { public static double Apply(double a, double b) => ScalarOps.Arccosh(a); }
    private struct ArctanhOp : IOp { public static double Apply(double a, double b) => ScalarOps.Arctanh(a); }
    private struct Arctan2Op : IOp { public static double Apply(double a, double b) => Math.Atan2(a, b); }
}
