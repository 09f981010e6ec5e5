using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// Vector forms of ops that <see cref="Vector"/> lacks, for generated loops. Log1p, Expm1 and Softplus
/// use the same formulas as <see cref="ScalarOps"/> so the vector loop and its scalar tail agree;
/// the rest apply the scalar op lane by lane (correct, not faster than scalar).
/// </summary>
public static partial class VectorMath
{
    /// <summary>log(1 + x), accurate for tiny x: the rounding error of 1 + x cancels in the ratio; log1p(∞) is ∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1p(Vector<double> x)
    {
        var u = Vector<double>.One + x;
        var exact = Vector.Equals(u, Vector<double>.One) | Vector.Equals(u, new Vector<double>(double.PositiveInfinity));
        return Vector.ConditionalSelect(exact, x, Vector.Log(u) * x / (u - Vector<double>.One));
    }

    /// <summary>log(1 + x), computed in float64.</summary>
    public static Vector<float> Log1p(Vector<float> x) => Map<float, Log1pOp>(x);

    /// <summary>e^x - 1, accurate for tiny x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Expm1(Vector<double> x)
    {
        var u = Vector.Exp(x);
        var um1 = u - Vector<double>.One;
        var general = um1 * x / Vector.Log(u);
        // u == 1: x itself; u - 1 == -1: -1; u infinite: u.
        var result = Vector.ConditionalSelect(Vector.Equals(um1, -Vector<double>.One), -Vector<double>.One, general);
        result = Vector.ConditionalSelect(Vector.Equals(u, new Vector<double>(double.PositiveInfinity)), u, result);
        return Vector.ConditionalSelect(Vector.Equals(u, Vector<double>.One), x, result);
    }

    /// <summary>e^x - 1, computed in float64.</summary>
    public static Vector<float> Expm1(Vector<float> x) => Map<float, Expm1Op>(x);

    /// <summary>log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Softplus(Vector<double> x) =>
        Vector.Max(x, Vector<double>.Zero) + Log1p(Vector.Exp(-Vector.Abs(x)));

    /// <summary>log(1 + e^x), computed in float64.</summary>
    public static Vector<float> Softplus(Vector<float> x) => Map<float, SoftplusOp>(x);

    /// <summary>Sign: 1, -1, +0 for both zeros (NumPy's sign(-0.0) is 0.0), NaN for NaN.</summary>
    public static Vector<double> Sign(Vector<double> x) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<double>.Zero), Vector<double>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), -Vector<double>.One,
                Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), Vector<double>.Zero, x)));

    /// <summary>Sign: 1, -1, +0 for both zeros (NumPy's sign(-0.0) is 0.0), NaN for NaN.</summary>
    public static Vector<float> Sign(Vector<float> x) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero), Vector<float>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -Vector<float>.One,
                Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero), Vector<float>.Zero, x)));

    /// <summary>Bools from <paramref name="source"/>[<paramref name="offset"/>..] as a mask beside doubles (all bits set for true).</summary>
    public static Vector<long> LoadMask64(ReadOnlySpan<bool> source, int offset)
    {
        Span<long> lanes = stackalloc long[Vector<long>.Count];
        var bools = source.Slice(offset, lanes.Length);
        for (int i = 0; i < lanes.Length; i++) lanes[i] = bools[i] ? -1L : 0L;
        return new Vector<long>(lanes);
    }

    /// <summary>Bools from <paramref name="source"/>[<paramref name="offset"/>..] as a mask beside floats.</summary>
    public static Vector<int> LoadMask32(ReadOnlySpan<bool> source, int offset)
    {
        Span<int> lanes = stackalloc int[Vector<int>.Count];
        var bools = source.Slice(offset, lanes.Length);
        for (int i = 0; i < lanes.Length; i++) lanes[i] = bools[i] ? -1 : 0;
        return new Vector<int>(lanes);
    }

    /// <summary>Writes a mask as bools at <paramref name="destination"/>[<paramref name="offset"/>..].</summary>
    public static void StoreMask(Vector<long> mask, Span<bool> destination, int offset)
    {
        var bools = destination.Slice(offset, Vector<long>.Count);
        for (int i = 0; i < bools.Length; i++) bools[i] = mask[i] != 0;
    }

    /// <summary>Writes a mask as bools at <paramref name="destination"/>[<paramref name="offset"/>..].</summary>
    public static void StoreMask(Vector<int> mask, Span<bool> destination, int offset)
    {
        var bools = destination.Slice(offset, Vector<int>.Count);
        for (int i = 0; i < bools.Length; i++) bools[i] = mask[i] != 0;
    }

    /// <summary>The largest lane (NaN if any lane is NaN, as NumPy's max).</summary>
    public static T MaxAcross<T>(Vector<T> v) where T : unmanaged, INumber<T>
    {
        T result = v[0];
        for (int i = 1; i < Vector<T>.Count; i++) result = T.IsNaN(result) ? result : T.IsNaN(v[i]) ? v[i] : T.Max(result, v[i]);
        return result;
    }

    /// <summary>The smallest lane (NaN if any lane is NaN, as NumPy's min).</summary>
    public static T MinAcross<T>(Vector<T> v) where T : unmanaged, INumber<T>
    {
        T result = v[0];
        for (int i = 1; i < Vector<T>.Count; i++) result = T.IsNaN(result) ? result : T.IsNaN(v[i]) ? v[i] : T.Min(result, v[i]);
        return result;
    }

    /// <summary>Hyperbolic tangent, lane by lane.</summary>
    public static Vector<double> Tanh(Vector<double> x) => Map<double, TanhOp>(x);

    /// <summary>Hyperbolic tangent, lane by lane.</summary>
    public static Vector<float> Tanh(Vector<float> x) => Map<float, TanhOp>(x);

    /// <summary>a ** b, lane by lane.</summary>
    public static Vector<double> Pow(Vector<double> a, Vector<double> b) => Map<double, PowOp>(a, b);

    /// <summary>a ** b, lane by lane.</summary>
    public static Vector<float> Pow(Vector<float> a, Vector<float> b) => Map<float, PowOp>(a, b);

    /// <summary>Floor division as NumPy's, lane by lane.</summary>
    public static Vector<double> FloorDiv(Vector<double> a, Vector<double> b) => Map<double, FloorDivOp>(a, b);

    /// <summary>Floor division as NumPy's, lane by lane.</summary>
    public static Vector<float> FloorDiv(Vector<float> a, Vector<float> b) => Map<float, FloorDivOp>(a, b);

    /// <summary>Python's remainder (the divisor's sign), lane by lane.</summary>
    public static Vector<double> Mod(Vector<double> a, Vector<double> b) => Map<double, ModOp>(a, b);

    /// <summary>Python's remainder (the divisor's sign), lane by lane.</summary>
    public static Vector<float> Mod(Vector<float> a, Vector<float> b) => Map<float, ModOp>(a, b);

    private interface IOp
    {
        static abstract double Apply(double a, double b);
    }

    private struct Log1pOp : IOp { public static double Apply(double a, double b) => ScalarOps.Log1p(a); }
    private struct Expm1Op : IOp { public static double Apply(double a, double b) => ScalarOps.Expm1(a); }
    private struct SoftplusOp : IOp { public static double Apply(double a, double b) => ScalarOps.Softplus(a); }
    private struct TanhOp : IOp { public static double Apply(double a, double b) => Math.Tanh(a); }
    private struct PowOp : IOp { public static double Apply(double a, double b) => Math.Pow(a, b); }
    private struct ModOp : IOp { public static double Apply(double a, double b) => ScalarOps.Mod(a, b); }
    private struct FloorDivOp : IOp { public static double Apply(double a, double b) => ScalarOps.FloorDiv(a, b); }

    private static Vector<T> Map<T, TOp>(Vector<T> a, Vector<T> b = default)
        where T : unmanaged, System.Numerics.INumberBase<T>
        where TOp : struct, IOp
    {
        Span<T> lanes = stackalloc T[Vector<T>.Count];
        for (int i = 0; i < lanes.Length; i++)
            lanes[i] = T.CreateTruncating(TOp.Apply(double.CreateTruncating(a[i]), double.CreateTruncating(b[i])));
        return new Vector<T>(lanes);
    }
}
