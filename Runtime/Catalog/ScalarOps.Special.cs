using System;

namespace Tensorgen;

// Scalar forms of the element-wise ops of issue 13 that need more than one call of .NET's Math: NumPy's and
// SciPy's edge values (signed zeros, infinities, domain edges), in forms netstandard2.0 has, so the generator's
// constant folding (this file is compiled into it too) computes what the loops compute. The float32 forms compute
// in float64 and round once.
public static partial class ScalarOps
{
    private const double Ln2 = 0.6931471805599453;
    private const double HalfLog2Pi = 0.91893853320467274;
    private const double Two28 = 268435456.0;

    /// <summary>Nearest whole number, halves to even (NumPy's <c>round</c>, PyTensor's <c>round_half_to_even</c>); -0.4 gives -0.</summary>
    public static double RoundHalfToEven(double x) => Math.Round(x, MidpointRounding.ToEven);

    /// <inheritdoc cref="RoundHalfToEven(double)"/>
    public static float RoundHalfToEven(float x) => (float)Math.Round((double)x, MidpointRounding.ToEven);

    /// <summary>2^x: exact for whole x.</summary>
    public static double Exp2(double x) => Math.Pow(2, x);

    /// <inheritdoc cref="Exp2(double)"/>
    public static float Exp2(float x) => (float)Exp2((double)x);

    /// <summary>
    /// log2(x), exact for powers of two: x = m·2^e with √½ ≤ m &lt; √2, so e is added exactly and log(m) has no
    /// cancellation (log(x)/ln 2 gives 2.9999999999999996 for 8).
    /// </summary>
    public static double Log2(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x)) return x == 0 ? double.NegativeInfinity : x < 0 ? double.NaN : x;
        long bits = BitConverter.DoubleToInt64Bits(x);
        int e = (int)((bits >> 52) & 0x7FF);
        int shift = 0;
        if (e == 0)
        {
            // Subnormal: scale into the normal range first.
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0); // 2^54
            e = (int)((bits >> 52) & 0x7FF);
            shift = 54;
        }
        double m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
        int exponent = e - 1023 - shift;
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            exponent++;
        }
        return exponent + Math.Log(m) / Ln2;
    }

    /// <inheritdoc cref="Log2(double)"/>
    public static float Log2(float x) => (float)Log2((double)x);

    /// <summary>Base-10 logarithm.</summary>
    public static float Log10(float x) => (float)Math.Log10(x);

    /// <inheritdoc cref="Log10(float)"/>
    public static double Log10(double x) => Math.Log10(x);

    /// <summary>Tangent, in float64.</summary>
    public static float Tan(float x) => (float)Math.Tan(x);

    /// <inheritdoc cref="Tan(float)"/>
    public static double Tan(double x) => Math.Tan(x);

    /// <summary>Inverse sine, in float64.</summary>
    public static float Arcsin(float x) => (float)Math.Asin(x);

    /// <inheritdoc cref="Arcsin(float)"/>
    public static double Arcsin(double x) => Math.Asin(x);

    /// <summary>Inverse cosine, in float64.</summary>
    public static float Arccos(float x) => (float)Math.Acos(x);

    /// <inheritdoc cref="Arccos(float)"/>
    public static double Arccos(double x) => Math.Acos(x);

    /// <summary>Inverse tangent, in float64.</summary>
    public static float Arctan(float x) => (float)Math.Atan(x);

    /// <inheritdoc cref="Arctan(float)"/>
    public static double Arctan(double x) => Math.Atan(x);

    /// <summary>arctan2(y, x), in float64.</summary>
    public static float Arctan2(float y, float x) => (float)Math.Atan2(y, x);

    /// <inheritdoc cref="Arctan2(float, float)"/>
    public static double Arctan2(double y, double x) => Math.Atan2(y, x);

    /// <summary>Hyperbolic sine, in float64.</summary>
    public static float Sinh(float x) => (float)Math.Sinh(x);

    /// <inheritdoc cref="Sinh(float)"/>
    public static double Sinh(double x) => Math.Sinh(x);

    /// <summary>Hyperbolic cosine, in float64.</summary>
    public static float Cosh(float x) => (float)Math.Cosh(x);

    /// <inheritdoc cref="Cosh(float)"/>
    public static double Cosh(double x) => Math.Cosh(x);

    /// <summary>Inverse hyperbolic sine, odd (keeps -0): log1p forms for |x| ≤ 2, log(2|x|) beyond 2^28.</summary>
    public static double Arcsinh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || double.IsInfinity(x) || a == 0) return x;
        double r = a > Two28 ? Math.Log(a) + Ln2
            : a > 2 ? Math.Log(2 * a + 1 / (Math.Sqrt(a * a + 1) + a))
            : Log1p(a + a * a / (1 + Math.Sqrt(1 + a * a)));
        return x < 0 ? -r : r;
    }

    /// <inheritdoc cref="Arcsinh(double)"/>
    public static float Arcsinh(float x) => (float)Arcsinh((double)x);

    /// <summary>Inverse hyperbolic cosine: NaN below 1, 0 at 1, log1p form up to 2.</summary>
    public static double Arccosh(double x)
    {
        if (!(x >= 1)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        if (x > Two28) return Math.Log(x) + Ln2;
        if (x > 2) return Math.Log(2 * x - 1 / (x + Math.Sqrt(x * x - 1)));
        double t = x - 1;
        return Log1p(t + Math.Sqrt(2 * t + t * t));
    }

    /// <inheritdoc cref="Arccosh(double)"/>
    public static float Arccosh(float x) => (float)Arccosh((double)x);

    /// <summary>Inverse hyperbolic tangent, odd (keeps -0): ±∞ at ±1, NaN beyond.</summary>
    public static double Arctanh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(x) || a > 1) return double.NaN;
        if (a == 0) return x;
        double r = a == 1 ? double.PositiveInfinity
            : a < 0.5 ? 0.5 * Log1p(2 * a + 2 * a * a / (1 - a))
            : 0.5 * Log1p(2 * a / (1 - a));
        return x < 0 ? -r : r;
    }

    /// <inheritdoc cref="Arctanh(double)"/>
    public static float Arctanh(float x) => (float)Arctanh((double)x);

    /// <summary>
    /// log |Γ(x)| as SciPy's <c>gammaln</c>: +∞ at 0 and the negative integers and at +∞ (-∞ at -∞, as SciPy).
    /// Below 1/2 by reflection, log(π / |sin πx|) - log Γ(1 - x); otherwise shifted up to x ≥ 10 by
    /// Γ(x + 1) = xΓ(x) and Stirling's series there. Whole numbers up to 19 from the exact factorial (so 0 at 1 and 2); elsewhere within about 1e-15 relative, 3e-15 absolute near the zeros 1 and 2.
    /// </summary>
    public static double Gammaln(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x == double.NegativeInfinity ? x : Math.Abs(x);
        if (x <= 0 && x == Math.Floor(x)) return double.PositiveInfinity;
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(SinPi(x))) - Gammaln(1 - x);
        if (x <= 19 && x == Math.Floor(x))
        {
            // log((x - 1)!) from the exact factorial (18! < 2^53): 0 at 1 and 2 exactly, as SciPy gives.
            double factorial = 1;
            for (double k = 2; k < x; k++) factorial *= k;
            return Math.Log(factorial);
        }
        double product = 1;
        while (x < 10)
        {
            product *= x;
            x += 1;
        }
        double y = 1 / (x * x);
        double series = (1.0 / 12 + y * (-1.0 / 360 + y * (1.0 / 1260 + y * (-1.0 / 1680 + y * (1.0 / 1188 + y * (-691.0 / 360360 + y / 156)))))) / x;
        return (x - 0.5) * Math.Log(x) - x + HalfLog2Pi + series - Math.Log(product);
    }

    /// <inheritdoc cref="Gammaln(double)"/>
    public static float Gammaln(float x) => (float)Gammaln((double)x);

    /// <summary>
    /// ψ(x), the digamma function, as SciPy's <c>psi</c>: -∞ at +0, +∞ at -0, NaN at the negative integers and -∞.
    /// Below 0 by reflection, ψ(1 - x) - π / tan(πx); shifted up to x ≥ 10 by ψ(x + 1) = ψ(x) + 1/x, then the
    /// asymptotic series.
    /// </summary>
    public static double Digamma(double x)
    {
        if (double.IsNaN(x) || double.IsNegativeInfinity(x)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        if (x == 0) return BitConverter.DoubleToInt64Bits(x) < 0 ? double.PositiveInfinity : double.NegativeInfinity;
        if (x < 0)
        {
            if (x == Math.Floor(x)) return double.NaN;
            return Digamma(1 - x) - Math.PI * CosPi(x) / SinPi(x);
        }
        double sum = 0;
        while (x < 10)
        {
            sum -= 1 / x;
            x += 1;
        }
        double y = 1 / (x * x);
        double series = y * (1.0 / 12 + y * (-1.0 / 120 + y * (1.0 / 252 + y * (-1.0 / 240 + y * (1.0 / 132 + y * (-691.0 / 32760 + y / 12))))));
        return sum + Math.Log(x) - 0.5 / x - series;
    }

    /// <inheritdoc cref="Digamma(double)"/>
    public static float Digamma(float x) => (float)Digamma((double)x);

    /// <summary>
    /// ψ'(x), the trigamma function, as SciPy's <c>polygamma(1, x)</c>: +∞ at 0, the negative integers and -∞, 0 at +∞.
    /// Below 1/2 by reflection, π² / sin²(πx) - ψ'(1 - x); shifted up to x ≥ 10, then the asymptotic series.
    /// </summary>
    public static double TriGamma(double x)
    {
        if (double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return x > 0 ? 0 : double.PositiveInfinity;
        if (x <= 0 && x == Math.Floor(x)) return double.PositiveInfinity;
        if (x < 0.5)
        {
            double s = SinPi(x);
            return Math.PI * Math.PI / (s * s) - TriGamma(1 - x);
        }
        double sum = 0;
        while (x < 10)
        {
            sum += 1 / (x * x);
            x += 1;
        }
        double y = 1 / (x * x);
        double series = (1 + (0.5 + (1.0 / 6 + y * (-1.0 / 30 + y * (1.0 / 42 + y * (-1.0 / 30 + y * (5.0 / 66 + y * (-691.0 / 2730 + y * 7.0 / 6)))))) / x) / x) / x;
        return sum + series;
    }

    /// <inheritdoc cref="TriGamma(double)"/>
    public static float TriGamma(float x) => (float)TriGamma((double)x);

    /// <summary>sin(πx) without the rounding of πx: x reduced exactly to [0, 1/2] first.</summary>
    private static double SinPi(double x)
    {
        double r = x - 2 * Math.Floor(x * 0.5); // [0, 2), exact
        double sign = 1;
        if (r >= 1)
        {
            r -= 1;
            sign = -1;
        }
        if (r > 0.5) r = 1 - r;
        return sign * Math.Sin(Math.PI * r);
    }

    /// <summary>cos(πx) without the rounding of πx.</summary>
    private static double CosPi(double x) => SinPi(x + 0.5);
}
