using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Tensorgen;

/// <summary>
/// The few scalar functions NumPy's samplers call that .NET does not offer with the same bits:
/// <c>log1p</c> as glibc computes it, NumPy's own <c>random_loggam</c>, and C's double-to-int64 cast
/// as x86-64 performs it.
/// </summary>
internal static class NumPyMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;  // 0x3fe62e42fee00000
    private const double Ln2Lo = 1.90821492927058770002e-10;  // 0x3dea39ef35793c76
    private const double Lp1 = 6.666666666666735130e-01;
    private const double Lp2 = 3.999999999940941908e-01;
    private const double Lp3 = 2.857142874366239149e-01;
    private const double Lp4 = 2.222219843214978396e-01;
    private const double Lp5 = 1.818357216161805012e-01;
    private const double Lp6 = 1.531383769920937332e-01;
    private const double Lp7 = 1.479819860511658591e-01;

    // glibc (2.36 here) resolves log1p at load time to a build compiled with FMA contraction when
    // the CPU has FMA and AVX2, and NumPy calls that one; its fused operations are the a·b + c of
    // fdlibm's expressions, which Mad reproduces. GCC contracts the same expressions on arm64,
    // where glibc has only that build (assumed alike; verified on x86-64 only).
    private static readonly bool Fused = GlibcUsesFusedBuild();

    private static bool GlibcUsesFusedBuild()
    {
        if (ArmBase.Arm64.IsSupported) return true;
        if (!X86Base.IsSupported) return false;
        // Asked of the CPU, as glibc asks, not of .NET's settings, which can hide extensions from
        // managed code alone (Math.FusedMultiplyAdd is exact either way).
        const int FmaBit = 1 << 12, OsXsaveBit = 1 << 27, AvxBit = 1 << 28, Avx2Bit = 1 << 5;
        (_, _, int features, _) = X86Base.CpuId(1, 0);
        (_, int extended, _, _) = X86Base.CpuId(7, 0);
        return (features & (FmaBit | OsXsaveBit | AvxBit)) == (FmaBit | OsXsaveBit | AvxBit) && (extended & Avx2Bit) != 0;
    }

    /// <summary>
    /// <c>log(1 + x)</c> with the bits of glibc's <c>log1p</c>, which NumPy's ziggurat tails call
    /// (.NET's <c>double.LogP1</c> is <c>log(x + 1)</c>, which differs). The algorithm, its constants
    /// and its order of operations are fdlibm's <c>s_log1p.c</c> (Copyright (C) 1993 Sun
    /// Microsystems, Inc.; "Permission to use, copy, modify, and distribute this software is freely
    /// granted, provided that this notice is preserved") in glibc's arrangement of the polynomial.
    /// </summary>
    public static double Log1P(double x)
    {
        int hx = HighWord(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0, c = 0;

        if (hx < 0x3FDA827A)
        {
            // x < 0.41422, including every negative x.
            if (ax >= 0x3ff00000) return x == -1.0 ? double.NegativeInfinity : double.NaN;
            if (ax < 0x3e200000) return ax < 0x3c900000 ? x : Mad(-(x * x), 0.5, x);
            if (hx > 0 || hx <= unchecked((int)0xbfd2bec3))
            {
                // -0.2929 < x < 0.41422: f = x exactly, no reduction.
                k = 0;
                f = x;
                hu = 1;
            }
        }
        else if (hx >= 0x7ff00000)
        {
            return x + x;
        }

        if (k != 0)
        {
            double u;
            if (hx < 0x43400000)
            {
                u = 1.0 + x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                // 1 + x was rounded; c/u restores what the rounding lost.
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            }
            else
            {
                u = x;
                hu = HighWord(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e)
            {
                u = WithHighWord(u, hu | 0x3ff00000);
            }
            else
            {
                k += 1;
                u = WithHighWord(u, hu | 0x3fe00000);
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }

        double hfsq = 0.5 * f * f;
        if (hu == 0)
        {
            // |f| < 2⁻²⁰
            if (f == 0.0) return k == 0 ? 0.0 : Mad(k, Ln2Hi, Mad(k, Ln2Lo, c));
            double r0 = hfsq * Mad(-f, 0.66666666666666666, 1.0);
            return k == 0 ? f - r0 : Mad(k, Ln2Hi, -((r0 - Mad(k, Ln2Lo, c)) - f));
        }

        double s = f / (2.0 + f);
        double z = s * s;
        double z2 = z * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double r = Mad(z, Lp1, z2 * Mad(z, Lp3, Lp2));
        r = Mad(z4, Mad(z, Lp5, Lp4), r);
        r = Mad(z6, Mad(z, Lp7, Lp6), r);
        double w = s * (hfsq + r);
        return k == 0 ? f - (hfsq - w) : Mad(k, Ln2Hi, -((hfsq - (w + Mad(k, Ln2Lo, c))) - f));
    }

    // a·b + c, rounded once where glibc's log1p fuses it and twice where it does not.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Mad(double a, double b, double c) => Fused ? Math.FusedMultiplyAdd(a, b, c) : a * b + c;

    /// <summary>
    /// NumPy's <c>random_loggam</c>: log Γ(x) by the asymptotic series of Zhang and Jin's
    /// "Computation of Special Functions", shifted up to x ≥ 7 by the recurrence.
    /// </summary>
    public static double LogGamma(double x)
    {
        if (x == 1.0 || x == 2.0) return 0.0;
        long n = x < 7.0 ? (long)(7 - x) : 0;
        double x0 = x + n;
        double x2 = (1.0 / x0) * (1.0 / x0);
        const double Lg2Pi = 1.8378770664093453e+00;
        double gl0 = -1.39243221690590e+00;
        gl0 = gl0 * x2 + 1.796443723688307e-01;
        gl0 = gl0 * x2 + -2.955065359477124e-02;
        gl0 = gl0 * x2 + 6.410256410256410e-03;
        gl0 = gl0 * x2 + -1.917526917526918e-03;
        gl0 = gl0 * x2 + 8.417508417508418e-04;
        gl0 = gl0 * x2 + -5.952380952380952e-04;
        gl0 = gl0 * x2 + 7.936507936507937e-04;
        gl0 = gl0 * x2 + -2.777777777777778e-03;
        gl0 = gl0 * x2 + 8.333333333333333e-02;
        double gl = gl0 / x0 + 0.5 * Lg2Pi + (x0 - 0.5) * Math.Log(x0) - x0;
        if (x < 7.0)
        {
            for (long k = 1; k <= n; k++)
            {
                gl -= Math.Log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }

    /// <summary>
    /// C's <c>(int64_t)x</c> as x86-64's <c>cvttsd2si</c> does it: truncation, and the "integer
    /// indefinite" <see cref="long.MinValue"/> for NaN and out-of-range values, where .NET saturates.
    /// NumPy's rejection loops rely on that value being negative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long TruncateToInt64(double x) =>
        x >= -9223372036854775808.0 && x < 9223372036854775808.0 ? (long)x : long.MinValue;

    private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    private static double WithHighWord(double x, int high) =>
        BitConverter.Int64BitsToDouble((long)((ulong)(uint)high << 32 | (BitConverter.DoubleToUInt64Bits(x) & 0xFFFFFFFFUL)));
}
