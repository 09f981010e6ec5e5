using System;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

public static partial class Linalg
{
    /// <summary>
    /// The rows a fused sweep takes at a time (<c>z = A·v</c>, a per-row element-wise step, <c>y += Aᵀ·g</c> over
    /// one block before the next): a multiple of 16, so that every block but the last starts the four-row steps of
    /// <c>MatVec</c> and <c>MatTVec</c> and the vector steps of an element-wise kernel (up to 16 lanes) where a
    /// single pass over all rows would; the results are then the unfused ones bit for bit. Blocks are as large as
    /// fit in about <see cref="SweepBlockBytes"/> bytes, so a block read by the first product is still in cache
    /// when the second reads it again.
    /// </summary>
    /// <param name="columns">The length of a row.</param>
    public static int SweepRows<T>(int columns)
        where T : unmanaged
    {
        long rowBytes = Math.Max(1L, (long)columns * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        long rows = SweepBlockBytes / rowBytes / SweepAlignment * SweepAlignment;
        return (int)Math.Clamp(rows, SweepAlignment, 1 << 20);
    }

    /// <summary>The cache a sweep's block of rows aims to fit in (most cores' level-2 cache holds it with room to spare).</summary>
    public const int SweepBlockBytes = 96 * 1024;

    /// <summary>Every sweep block but the last holds a multiple of this many rows.</summary>
    public const int SweepAlignment = 16;

    /// <summary>
    /// <c>y += Aᵀ·v</c>, A of shape (k, m): the rows are added to y in order, as <see cref="MatTVec{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/>
    /// adds them after clearing y. A fused sweep adds its blocks one after the other, so with blocks of a multiple of four
    /// rows the sum equals one <c>MatTVec</c> over all rows bit for bit.
    /// </summary>
    public static void MatTVecAdd<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
        => MatTVecAdd(a, k, m, v, y, WidestVectorBits<T>());

    /// <summary><see cref="MatTVecAdd{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/> with vectors of <paramref name="vectorBits"/>. For tests.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatTVecAdd<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, int vectorBits)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && v.Length == k && y.Length == m);
        if (!IsAccelerated<T>(vectorBits)) throw new ArgumentOutOfRangeException(nameof(vectorBits), $"{vectorBits}-bit vectors of {typeof(T).Name} are not accelerated here");
        AddRows(a, k, m, v, y, vectorBits);
    }
}
