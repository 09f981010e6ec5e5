using System;
using System.Runtime.CompilerServices;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    /// <summary>
    /// <c>integers(low, high)</c> with dtype int64: uniform on [low, high), by Lemire's
    /// multiply-and-reject. Ranges below 2³² take 32-bit draws, two per 64-bit output, as NumPy does.
    /// </summary>
    public long Integers(long low, long high)
    {
        ulong range = CheckIntegers(low, high);
        return (long)((ulong)low + BoundedUInt64(range));
    }

    /// <summary><c>integers(low, high, n)</c> with dtype int64 into <paramref name="destination"/>.</summary>
    public void Integers(long low, long high, Span<long> destination)
    {
        ulong range = CheckIntegers(low, high);
        ulong offset = (ulong)low;
        if (range == 0)
        {
            destination.Fill(low);
        }
        else if (range < 0xFFFFFFFFUL)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = (long)(offset + LemireUInt32((uint)range));
        }
        else if (range == 0xFFFFFFFFUL)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = (long)(offset + _bits.NextUInt32());
        }
        else if (range == ulong.MaxValue)
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = (long)(offset + _bits.NextUInt64());
        }
        else
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = (long)(offset + LemireUInt64(range));
        }
    }

    /// <summary><c>integers(low, high, size)</c> with dtype int64 as a new array.</summary>
    public long[] Integers(long low, long high, int size)
    {
        var result = new long[size];
        Integers(low, high, result);
        return result;
    }

    private static ulong CheckIntegers(long low, long high)
    {
        if (low >= high) throw new ArgumentException(low == 0 ? "high <= 0" : "low >= high", nameof(high));
        return (ulong)(high - 1) - (ulong)low;
    }

    /// <summary>
    /// NumPy's <c>random_bounded_uint64</c> with Lemire's method: uniform on the closed [0, range].
    /// 32-bit ranges go through <see cref="Pcg64.NextUInt32"/>, whose buffered half carries over
    /// between calls.
    /// </summary>
    private ulong BoundedUInt64(ulong range)
    {
        if (range == 0) return 0;
        if (range < 0xFFFFFFFFUL) return LemireUInt32((uint)range);
        // Lemire's method needs range + 1 to fit; the full ranges are a plain draw.
        if (range == 0xFFFFFFFFUL) return _bits.NextUInt32();
        if (range == ulong.MaxValue) return _bits.NextUInt64();
        return LemireUInt64(range);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint LemireUInt32(uint range)
    {
        uint rangeExcl = range + 1;
        ulong m = (ulong)_bits.NextUInt32() * rangeExcl;
        uint leftover = (uint)m;
        if (leftover < rangeExcl)
        {
            // rangeExcl bounds the threshold, so the modulo is rarely needed.
            uint threshold = (uint.MaxValue - range) % rangeExcl;
            while (leftover < threshold)
            {
                m = (ulong)_bits.NextUInt32() * rangeExcl;
                leftover = (uint)m;
            }
        }
        return (uint)(m >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong LemireUInt64(ulong range)
    {
        ulong rangeExcl = range + 1;
        ulong high = Math.BigMul(_bits.NextUInt64(), rangeExcl, out ulong leftover);
        if (leftover < rangeExcl)
        {
            ulong threshold = (ulong.MaxValue - range) % rangeExcl;
            while (leftover < threshold) high = Math.BigMul(_bits.NextUInt64(), rangeExcl, out leftover);
        }
        return high;
    }

    /// <summary>
    /// NumPy's <c>random_interval</c>: uniform on [0, max] by masked rejection, with 32-bit draws
    /// when max fits in 32 bits. Shuffles use this one, not Lemire's.
    /// </summary>
    private ulong RandomInterval(ulong max)
    {
        if (max == 0) return 0;
        ulong mask = SmallestMask(max);
        ulong value;
        if (max <= 0xFFFFFFFFUL)
        {
            while ((value = _bits.NextUInt32() & mask) > max) { }
        }
        else
        {
            while ((value = _bits.NextUInt64() & mask) > max) { }
        }
        return value;
    }

    /// <summary>The smallest all-ones bit mask that covers <paramref name="max"/>.</summary>
    private static ulong SmallestMask(ulong max)
    {
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }
}
