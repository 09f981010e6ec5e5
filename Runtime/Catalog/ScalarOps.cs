using System;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// Scalar forms of ops that .NET's <see cref="Math"/> lacks or defines differently from NumPy: the generated
/// loops call them for each element, and the generator's constant folding calls the same definitions
/// (this file is compiled into both, as <c>OpCode.cs</c> is), so a folded constant is what the loop computes.
/// </summary>
public static partial class ScalarOps
{
    /// <summary>1 / (1 + e^-x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>log(1 + x), accurate for tiny x (the rounding error of 1 + x cancels in the ratio); log1p(∞) is ∞.</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 || double.IsPositiveInfinity(u) ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>e^x - 1, accurate for tiny x.</summary>
    public static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        if (double.IsInfinity(u)) return u;
        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + e^x) without overflow for large x.</summary>
    public static double Softplus(double x) => x > 0 ? x + Log1p(Math.Exp(-x)) : Log1p(Math.Exp(x));

    /// <summary>
    /// Floor division of floats as NumPy's <c>npy_floor_divide</c>: the quotient of <c>a - fmod(a, b)</c>, one less when
    /// the remainder's sign is not the divisor's, snapped to a whole number; <c>a / b</c> when dividing by 0. Not
    /// <c>floor(a / b)</c>, which differs at the edges: <c>2 // -inf</c> is -1 (NumPy, Python), where floor(2 / -inf) is -0.
    /// </summary>
    public static double FloorDiv(double a, double b)
    {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1.0;
        if (div == 0) return BitConverter.DoubleToInt64Bits(a / b) < 0 ? -0.0 : 0.0;
        double floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /// <summary>Python's remainder: the result has the divisor's sign, a zero result too (NumPy: -0.0 % 0.5 is 0.0).</summary>
    public static double Mod(double a, double b)
    {
        double r = a % b;
        if (r == 0) return b < 0 ? -0.0 : 0.0;
        return (r < 0) != (b < 0) ? r + b : r;
    }

    /// <summary>Python's remainder for integers; 0 when dividing by 0, as NumPy.</summary>
    public static long Mod(long a, long b)
    {
        // b == -1: the remainder is 0, and long.MinValue % -1 would throw.
        if (b == 0 || b == -1) return 0;
        long r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    /// <summary>Python's remainder for integers; 0 when dividing by 0, as NumPy.</summary>
    public static int Mod(int a, int b) => (int)Mod((long)a, b);

    /// <summary>Floor division for integers; 0 when dividing by 0, as NumPy.</summary>
    public static long FloorDiv(long a, long b)
    {
        if (b == 0) return 0;
        // long.MinValue / -1 overflows: it wraps, as NumPy's does, instead of throwing.
        if (b == -1) return unchecked(-a);
        long q = a / b;
        return (a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q;
    }

    /// <summary>Floor division for integers; 0 when dividing by 0, as NumPy.</summary>
    public static int FloorDiv(int a, int b) => (int)FloorDiv((long)a, b);

    /// <summary>Integer power by squaring, wrapping on overflow as NumPy; negative exponents give 0 (NumPy raises).</summary>
    public static long Pow(long a, long b)
    {
        if (b < 0) return a == 1 ? 1 : a == -1 ? (b % 2 == 0 ? 1 : -1) : 0;
        long result = 1;
        unchecked
        {
            while (b > 0)
            {
                if ((b & 1) != 0) result *= a;
                a *= a;
                b >>= 1;
            }
        }
        return result;
    }

    /// <summary>Integer power by squaring.</summary>
    public static int Pow(int a, int b) => unchecked((int)Pow((long)a, b));

    /// <summary>|x| that wraps at the minimum value instead of throwing, as NumPy.</summary>
    public static long Abs(long x) => x < 0 ? unchecked(-x) : x;

    /// <summary>|x| that wraps at the minimum value instead of throwing, as NumPy.</summary>
    public static int Abs(int x) => x < 0 ? unchecked(-x) : x;

    /// <summary>
    /// The error function, 2/√π ∫₀ˣ e^(-t²) dt: within an ulp (checked against 50-digit values). Odd; ±1 beyond
    /// |x| = 6, where 1 - erfc(x) rounds to 1. See <see cref="Erfc(double)"/> for the method.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double a = Math.Abs(x);
        if (a < ErfSmallEnd) return x + x * Polynomial(x * x, ErfSmall);
        double r = a < ErfNearOneEnd ? ErfOne + Polynomial(a - 1, ErfNearOne)
            : a < 6 ? 1 - ErfcTail(a)
            : 1;
        return x < 0 ? -r : r;
    }

    /// <summary>
    /// The complementary error function 1 - erf(x), accurate where it is tiny (erfc(10) is 2.088e-45): within
    /// 2 ulps for |x| &lt; 1.25, 3 beyond (two exponentials). 0 from x = 28 on, 2 below -6 (as it rounds).
    /// </summary>
    /// <remarks>
    /// A piecewise approximation in the manner of fdlibm's <c>s_erf.c</c>, with breakpoints, forms and coefficients
    /// of its own (minimax fits made with mpmath by <c>Tests/Tensorgen.Tests/Data/erf_coefficients.py</c>):
    /// <list type="bullet">
    /// <item>|x| &lt; 0.84375: erf(x) = x + x·p(x²), p a polynomial fitted to erf(x)/x - 1; erfc as 1 - erf,
    /// rearranged for x ≥ 1/4 as 1/2 - ((x - 1/2) + x·p) so that nothing cancels.</item>
    /// <item>|x| &lt; 1.25: erf(x) = erf(1) + q(|x| - 1), q a polynomial.</item>
    /// <item>beyond: erfc(x) = e^(-x²) G(x) / x where G(x) = x e^(x²) erfc(x) tends to 1/√π; log G(x) + 11/16
    /// is a small rational function of 1/x² (one below x = 3, one above), so its rounding errors are tiny. To
    /// keep x² exact, x is split into z (x with its low 32 bits cleared, so z² is exact) and the rest:
    /// e^(-x²) = e^(-z²) e^((z - x)(z + x)).</item>
    /// </list>
    /// <see cref="VectorMath"/> computes every branch this way for each lane and blends them, with the same
    /// operations in the same order (its own e^x included), so the vector loop gives these values to the bit.
    /// </remarks>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        double a = Math.Abs(x);
        if (a < ErfSmallEnd)
        {
            double p = x * Polynomial(x * x, ErfSmall);
            return x < 0.25 ? 1 - (x + p) : 0.5 - ((x - 0.5) + p);
        }
        if (a < ErfNearOneEnd)
        {
            double q = Polynomial(a - 1, ErfNearOne);
            return x > 0 ? (1 - ErfOne) - q : 1 + (ErfOne + q);
        }
        if (a >= 28) return x > 0 ? 0 : 2;
        double r = ErfcTail(a);
        return x > 0 ? r : 2 - r;
    }

    /// <summary>The error function, computed in float64 (so within half an ulp of float32, plus a hair).</summary>
    public static float Erf(float x) => (float)Erf((double)x);

    /// <summary>The complementary error function, computed in float64.</summary>
    public static float Erfc(float x) => (float)Erfc((double)x);

    /// <summary>erfc(a) for 1.25 ≤ a &lt; 28.</summary>
    private static double ErfcTail(double a)
    {
        double t = 1 / (a * a);
        double g = a < 3 ? Polynomial(t, ErfcMidP) / Polynomial(t, ErfcMidQ) : Polynomial(t, ErfcFarP) / Polynomial(t, ErfcFarQ);
        double z = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & ErfSplitMask);
        return ErfcExp(-z * z - ErfcShift) * ErfcExp((z - a) * (z + a) + g) / a;
    }

    /// <summary>
    /// e^x for erfc, within an ulp for -1100 ≤ x ≤ 1, by the operations the vector form repeats (so its lanes
    /// agree to the bit, where .NET's vector e^x and <see cref="Math.Exp"/> differ): x = k ln2 + r with
    /// |r| ≤ ln2/2 (ln2 split so that k ln2hi is exact), e^r = 1 + (r + r² q(r)), and 2^k applied in two halves
    /// so that a subnormal result is rounded once.
    /// </summary>
    private static double ErfcExp(double x)
    {
        x = Math.Max(x, -1100);
        double k = Math.Round(x * InvLn2);
        double r = (x - k * Ln2High) - k * Ln2Low;
        double e = 1 + (r + r * r * Polynomial(r, ExpRemainder));
        double half = Math.Floor(k * 0.5);
        return e * Pow2(half) * Pow2(k - half);
    }

    /// <summary>2^k for an integral k in the normal range.</summary>
    private static double Pow2(double k) => BitConverter.Int64BitsToDouble((long)(k + 1023) << 52);

    /// <summary>c[0] v^n + ... + c[n], by Horner's rule (the vector forms evaluate it in the same order).</summary>
    internal static double Polynomial(double v, double[] c)
    {
        double r = c[0];
        for (int i = 1; i < c.Length; i++) r = r * v + c[i];
        return r;
    }

    internal const double ErfSmallEnd = 0.84375;
    internal const double ErfNearOneEnd = 1.25;

    /// <summary>erf(1), rounded.</summary>
    internal const double ErfOne = 0.8427007929497149;

    /// <summary>The constant added to log G so that the rational function fitted to it stays small (11/16, exact).</summary>
    internal const double ErfcShift = 0.6875;

    internal const double InvLn2 = 1.4426950408889634;

    /// <summary>ln 2 to 33 bits (so k·<see cref="Ln2High"/> is exact for |k| &lt; 2^20), and the rest.</summary>
    internal const double Ln2High = 0.6931471804855391;

    internal const double Ln2Low = 7.440617110012397e-11;

    /// <summary>(e^r - 1 - r)/r² in r, for |r| ≤ ln2/2 (error below 2e-18).</summary>
    internal static readonly double[] ExpRemainder =
    [
        2.0914686968086876e-09, 2.5105217004720745e-08, 2.75572736431103e-07, 2.7557255400206422e-06,
        2.4801587325547743e-05, 0.00019841269874820627, 0.0013888888888883748, 0.008333333333326136,
        0.04166666666666667, 0.1666666666666667, 0.5,
    ];

    /// <summary>Clears a double's low 32 bits: 21 significant bits remain, so its square is exact.</summary>
    internal const long ErfSplitMask = unchecked((long)0xFFFF_FFFF_0000_0000);

    /// <summary>erf(x)/x - 1 in x², for |x| &lt; 0.84375 (error below 2e-19).</summary>
    internal static readonly double[] ErfSmall =
    [
        -8.879702704985848e-10, 1.4205594850504056e-08, -1.630309508468887e-07, 1.6457914349746103e-06,
        -1.4925463570287675e-05, 0.00012055327421282683, -0.000854832691425112, 0.005223977624080742,
        -0.026866170645031, 0.11283791670954745, -0.3761263890318375, 0.1283791670955126,
    ];

    /// <summary>erf(1 + s) - <see cref="ErfOne"/> in s, for 0.84375 ≤ 1 + s &lt; 1.25 (error below 1e-18).</summary>
    internal static readonly double[] ErfNearOne =
    [
        3.1933346569686056e-05, -0.00020086312275290722, 8.461871552376003e-05, 0.0012264355237814905,
        -0.0018851667279788675, -0.004777035856883553, 0.015154717952365138, 0.004612305602586737,
        -0.06918458290289049, 0.06918458290293396, 0.13836916580686642, -0.4151074974205935,
        0.4151074974205947, -2.5281614226004374e-17,
    ];

    /// <summary>log(x e^(x²) erfc(x)) + 11/16 = P/Q in t = 1/x², for 1.25 ≤ x &lt; 3 (error below 1e-18).</summary>
    internal static readonly double[] ErfcMidP =
    [
        -10.104069955512736, -74.72728335670175, -141.17049593834415, -85.5079157958195,
        -7.5475175281754785, 7.0396125341696765, 1.8011988904817928, 0.11513505628270489,
    ];

    internal static readonly double[] ErfcMidQ =
    [
        -0.07620026302365304, 7.3641227238496505, 120.94413361813324, 469.5888591583641, 693.4128807930897,
        458.2274350189931, 142.51169257989451, 19.98695161671735, 1.0,
    ];

    /// <summary>The same for 3 ≤ x &lt; 28 (error below 3e-19).</summary>
    internal static readonly double[] ErfcFarP =
    [
        -470.9341451494435, -765.3084736292891, -246.55743175940253, 36.069396312955526,
        24.132158954331636, 3.0583864791725666, 0.1151350570752999,
    ];

    internal static readonly double[] ErfcFarQ =
    [
        -29.801420989859984, 518.3598125938591, 2808.2118847966362, 3459.3513887083823,
        1628.4215418864142, 338.38743162747636, 30.90619459931587, 1.0,
    ];
}
