using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tensorgen;

public static partial class Linalg
{
    /// <summary>
    /// <c>y = Aᵀ·v</c>, A of shape (k, m): y = Σ_r v[r]·A[r, :], adding whole rows in memory order. Four rows at a
    /// time: each vector of y is loaded once, takes four scaled rows, and is stored once, where adding one row at a
    /// time loads and stores all of y for every row. The additions are the same, in the same order (row 0 first,
    /// each a multiply then an add), so the result is the one-row-at-a-time result bit for bit. No row is skipped
    /// for a zero scale: 0·NaN and 0·∞ are NaN, as in NumPy's products.
    /// </summary>
    public static void MatTVec<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
        => MatTVec(a, k, m, v, y, Cores.Default);

    /// <summary>
    /// <see cref="MatTVec{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/> on up to <paramref name="cores"/>
    /// threads when A is large, each taking a block of columns of y: every element of y is still the same sum in the
    /// same order, so the result is the one-thread result bit for bit.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatTVec<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, Cores cores)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && v.Length == k && y.Length == m);
        int bits = StreamingVectorBits(a, m);
        if (cores.Count > 1 && (long)m * k >= Parallelism.MatVecMinimum && m >= 2 * ColumnUnit)
        {
            var job = new MatTVecColumns<T>(a, k, m, v, y, bits);
            WorkerPool.Run(ref job, m, ColumnUnit, cores.Count);
        }
        else
        {
            Columns(a, k, m, v, y, bits, 0, m);
        }
    }

    /// <summary>
    /// <see cref="MatTVec{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/> with vectors of
    /// <paramref name="vectorBits"/> (512, 256, 128, or 0), which must be accelerated. For tests.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatTVec<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, int vectorBits)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && v.Length == k && y.Length == m);
        if (!IsAccelerated<T>(vectorBits)) throw new ArgumentOutOfRangeException(nameof(vectorBits), $"{vectorBits}-bit vectors of {typeof(T).Name} are not accelerated here");
        Columns(a, k, m, v, y, vectorBits, 0, m);
    }

    // Column blocks of a split Aᵀ·v start at multiples of this: whole vectors of any width.
    private const int ColumnUnit = 64;

    /// <summary>
    /// Columns [c0, c1) of y = Aᵀ·v (or, when <paramref name="add"/>, of y += Aᵀ·v): the sums of rows 0, 1, 2... in that
    /// order, four rows per load and store of y.
    /// </summary>
    private static void Columns<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, int vectorBits, int c0, int c1, bool add = false)
        where T : unmanaged, INumberBase<T>
    {
        int width = c1 - c0;
        var ys = y.Slice(c0, width);
        if (!add) ys.Clear();
        int r = 0;
        for (; r + 4 <= k; r += 4)
        {
            // Rows r..r+3, columns c0..c1, m apart.
            var rows = a.Slice(r * m + c0, 3 * m + width);
            int j = vectorBits switch
            {
                512 => AddFourRows512(rows, m, width, v.Slice(r, 4), ys),
                256 => AddFourRows256(rows, m, width, v.Slice(r, 4), ys),
                128 => AddFourRows128(rows, m, width, v.Slice(r, 4), ys),
                _ => 0,
            };
            T v0 = v[r], v1 = v[r + 1], v2 = v[r + 2], v3 = v[r + 3];
            for (; j < width; j++) ys[j] = (((ys[j] + rows[j] * v0) + rows[m + j] * v1) + rows[2 * m + j] * v2) + rows[3 * m + j] * v3;
        }
        for (; r < k; r++)
        {
            var row = a.Slice(r * m + c0, width);
            T s = v[r];
            for (int j = 0; j < width; j++) ys[j] += row[j] * s;
        }
    }

    /// <summary>A block of columns of a split Aᵀ·v.</summary>
    private readonly ref struct MatTVecColumns<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, int vectorBits) : IChunkJob
        where T : unmanaged, INumberBase<T>
    {
        private readonly ReadOnlySpan<T> _a = a, _v = v;
        private readonly Span<T> _y = y;

        public void Run(int start, int end) => Columns(_a, k, m, _v, _y, vectorBits, start, end);
    }

    /// <summary>y[j] += the four rows' (m apart) scaled elements, for the columns of the width a whole vector covers; returns the first column left.</summary>
    private static int AddFourRows512<T>(ReadOnlySpan<T> a, int m, int width, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector512.Create(v[0]), Vector512.Create(v[1]), Vector512.Create(v[2]), Vector512.Create(v[3]));
        nuint n = (nuint)m, end = (nuint)width, w = (nuint)Vector512<T>.Count, j = 0;
        for (; j + w <= end; j += w)
        {
            var s = Vector512.LoadUnsafe(ref y0, j);
            s += Vector512.LoadUnsafe(ref a0, j) * v0;
            s += Vector512.LoadUnsafe(ref a0, n + j) * v1;
            s += Vector512.LoadUnsafe(ref a0, 2 * n + j) * v2;
            s += Vector512.LoadUnsafe(ref a0, 3 * n + j) * v3;
            s.StoreUnsafe(ref y0, j);
        }
        return (int)j;
    }

    private static int AddFourRows256<T>(ReadOnlySpan<T> a, int m, int width, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector256.Create(v[0]), Vector256.Create(v[1]), Vector256.Create(v[2]), Vector256.Create(v[3]));
        nuint n = (nuint)m, end = (nuint)width, w = (nuint)Vector256<T>.Count, j = 0;
        for (; j + w <= end; j += w)
        {
            var s = Vector256.LoadUnsafe(ref y0, j);
            s += Vector256.LoadUnsafe(ref a0, j) * v0;
            s += Vector256.LoadUnsafe(ref a0, n + j) * v1;
            s += Vector256.LoadUnsafe(ref a0, 2 * n + j) * v2;
            s += Vector256.LoadUnsafe(ref a0, 3 * n + j) * v3;
            s.StoreUnsafe(ref y0, j);
        }
        return (int)j;
    }

    private static int AddFourRows128<T>(ReadOnlySpan<T> a, int m, int width, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector128.Create(v[0]), Vector128.Create(v[1]), Vector128.Create(v[2]), Vector128.Create(v[3]));
        nuint n = (nuint)m, end = (nuint)width, w = (nuint)Vector128<T>.Count, j = 0;
        for (; j + w <= end; j += w)
        {
            var s = Vector128.LoadUnsafe(ref y0, j);
            s += Vector128.LoadUnsafe(ref a0, j) * v0;
            s += Vector128.LoadUnsafe(ref a0, n + j) * v1;
            s += Vector128.LoadUnsafe(ref a0, 2 * n + j) * v2;
            s += Vector128.LoadUnsafe(ref a0, 3 * n + j) * v3;
            s.StoreUnsafe(ref y0, j);
        }
        return (int)j;
    }
}
