using System;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

public static partial class Linalg
{
    /// <summary>
    /// The rows a fused sweep takes at a time (<c>z = A·v</c>, a per-row element-wise kernel, <c>y += Aᵀ·g</c> over
    /// one block before the next). A multiple of four and of <paramref name="lanes"/>, so that every block but the last
    /// starts the four-row steps of <c>MatVec</c> and <c>MatTVec</c> and the vector steps of the element-wise kernel
    /// where one pass over all rows would: the results are then the unfused ones bit for bit. As many rows as fit in
    /// about <see cref="SweepBlockBytes"/>, at least that multiple: the block the first product reads is still in the
    /// level-1 cache when the second reads it again.
    /// </summary>
    /// <param name="columns">The length of a row.</param>
    /// <param name="lanes">The element-wise kernel's vector length (a power of two).</param>
    public static int SweepRows<T>(int columns, int lanes)
        where T : unmanaged
    {
        int multiple = Math.Max(4, lanes);
        long rowBytes = Math.Max(1L, (long)columns * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        long rows = SweepBlockBytes / rowBytes / multiple * multiple;
        return (int)Math.Clamp(rows, multiple, 1 << 20);
    }

    /// <summary>
    /// Whether a sweep over a (rows × columns) matrix runs block by block on the calling thread: when the products
    /// would not be split across cores anyway. A larger one runs as the three steps, each of them split. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool SweepsOneThread(int rows, int columns, Cores cores) => cores.Count == 1 || (long)rows * columns < Parallelism.MatVecMinimum;

    /// <summary>The bytes of rows a sweep's block aims at: most of a level-1 data cache (32 KB or more on current cores).</summary>
    public const int SweepBlockBytes = 24 * 1024;

    /// <summary>
    /// <c>y += Aᵀ·v</c>, A of shape (k, m): the rows are added to y in order, as <see cref="MatTVec{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/>
    /// adds them after clearing y. A fused sweep adds its blocks one after the other, so with blocks of a multiple of four
    /// rows the sum equals one <c>MatTVec</c> over all rows bit for bit.
    /// </summary>
    public static void MatTVecAdd<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
        => MatTVecAdd(a, k, m, v, y, StreamingVectorBits(a, m));

    /// <summary><see cref="MatTVecAdd{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/> with vectors of <paramref name="vectorBits"/>. For tests.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatTVecAdd<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, int vectorBits)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && v.Length == k && y.Length == m);
        if (!IsAccelerated<T>(vectorBits)) throw new ArgumentOutOfRangeException(nameof(vectorBits), $"{vectorBits}-bit vectors of {typeof(T).Name} are not accelerated here");
        Columns(a, k, m, v, y, vectorBits, 0, m, add: true);
    }
}
