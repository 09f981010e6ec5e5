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
}
