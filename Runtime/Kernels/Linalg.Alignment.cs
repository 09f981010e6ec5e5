using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

public static partial class Linalg
{
    /// <summary>
    /// The vector width for a kernel adding rows of <paramref name="a"/> into a vector (Aᵀ·v, whose sums are the same at
    /// every width): 512 bits only where every row starts on a 64-byte boundary, else at most 256. A 512-bit load that
    /// is not aligned spans two cache lines every time (a 256-bit one half the time): measured on a 2-core AMD EPYC with
    /// AVX-512, A·v over 400×784 float64 took 53 µs with unaligned 512-bit loads, 34 µs with 256-bit ones, 35 µs with
    /// aligned 512-bit ones. Arrays on the managed heap start 16 bytes past an 8-byte boundary, so most data takes the
    /// 256-bit path. Where the data moves (a compacting collection), only the speed changes.
    /// </summary>
    private static unsafe int StreamingVectorBits<T>(ReadOnlySpan<T> a, int rowLength)
        where T : unmanaged
    {
        int widest = WidestVectorBits<T>();
        if (widest < 512) return widest;
        nuint start = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(a));
        bool aligned = start % 64 == 0 && (nuint)rowLength * (nuint)sizeof(T) % 64 == 0;
        return aligned ? 512 : IsAccelerated<T>(256) ? 256 : 128;
    }

    /// <summary>
    /// The vector width of <c>A·v</c>'s dot products: at most 256 bits. Unlike Aᵀ·v's sums, a dot product's value depends
    /// on the width (its lanes add different elements together), so the width must not follow the data's alignment, or
    /// the same call could give other bits after a collection moved an array; and unaligned 512-bit loads are the slow
    /// ones (see <see cref="StreamingVectorBits{T}"/>), aligned ones no faster than 256-bit loads.
    /// </summary>
    private static int DotVectorBits<T>() => WidestVectorBits<T>() is 512 && IsAccelerated<T>(256) ? 256 : WidestVectorBits<T>();
}
