using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Tensorgen;

/// <summary>
/// Arithmetic of PCG64's 128-bit linear congruential step, <c>s ← s·M + inc (mod 2¹²⁸)</c>, on
/// (high, low) halves so the hot loops stay in 64-bit registers.
/// </summary>
internal static class Lcg128
{
    /// <summary>PCG's default 128-bit multiplier, high half.</summary>
    public const ulong MultiplierHigh = 2549297995355413924UL;

    /// <summary>PCG's default 128-bit multiplier, low half.</summary>
    public const ulong MultiplierLow = 4865540595714422341UL;

    /// <summary>PCG's default 128-bit multiplier.</summary>
    public static UInt128 Multiplier => new(MultiplierHigh, MultiplierLow);

    /// <summary><c>(hi:lo) ← (hi:lo)·(bHi:bLo) + (cHi:cLo) mod 2¹²⁸</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyAdd(ref ulong hi, ref ulong lo, ulong bHi, ulong bLo, ulong cHi, ulong cLo)
    {
        // Math.BigMul returns the low half through memory, which lengthens the serial chain; the
        // high-half-only mulx and a separate imul keep everything in registers.
        ulong productHi = Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(lo, bLo) : Math.BigMul(lo, bLo, out _);
        ulong productLo = lo * bLo;
        productHi += lo * bHi + hi * bLo;
        ulong sumLo = productLo + cLo;
        hi = productHi + cHi + (sumLo < productLo ? 1UL : 0UL);
        lo = sumLo;
    }

    /// <summary>PCG's XSL-RR output: the two halves xor-ed, rotated right by the top six bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Output(ulong hi, ulong lo) => ulong.RotateRight(hi ^ lo, (int)(hi >> 58));

    /// <summary>
    /// The affine map of <paramref name="delta"/> steps, <c>s ← s·mult + plus</c>, by squaring
    /// (Brown's method, as PCG's <c>pcg_advance_lcg_128</c>).
    /// </summary>
    public static (UInt128 Mult, UInt128 Plus) Power(UInt128 delta, UInt128 multiplier, UInt128 increment)
    {
        UInt128 accMult = 1, accPlus = 0;
        UInt128 curMult = multiplier, curPlus = increment;
        while (delta != 0)
        {
            if ((delta & 1) != 0)
            {
                accMult *= curMult;
                accPlus = accPlus * curMult + curPlus;
            }
            curPlus = (curMult + 1) * curPlus;
            curMult *= curMult;
            delta >>= 1;
        }
        return (accMult, accPlus);
    }
}
