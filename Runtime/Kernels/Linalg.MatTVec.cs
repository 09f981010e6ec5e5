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
        => MatTVec(a, k, m, v, y, StreamingVectorBits(a, m));

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
        y.Clear();
        AddRows(a, k, m, v, y, vectorBits);
    }

    /// <summary>y += Σ_r v[r]·A[r, :], rows in order, four at a time: the additions of <c>MatTVec</c> after its clear.</summary>
    private static void AddRows<T>(ReadOnlySpan<T> a, int k, int m, ReadOnlySpan<T> v, Span<T> y, int vectorBits)
        where T : unmanaged, INumberBase<T>
    {
        int r = 0;
        for (; r + 4 <= k; r += 4)
        {
            var rows = a.Slice(r * m, 4 * m);
            int j = vectorBits switch
            {
                512 => AddFourRows512(rows, m, v.Slice(r, 4), y),
                256 => AddFourRows256(rows, m, v.Slice(r, 4), y),
                128 => AddFourRows128(rows, m, v.Slice(r, 4), y),
                _ => 0,
            };
            T v0 = v[r], v1 = v[r + 1], v2 = v[r + 2], v3 = v[r + 3];
            for (; j < m; j++) y[j] = (((y[j] + rows[j] * v0) + rows[m + j] * v1) + rows[2 * m + j] * v2) + rows[3 * m + j] * v3;
        }
        for (; r < k; r++)
        {
            var row = a.Slice(r * m, m);
            T s = v[r];
            for (int j = 0; j < m; j++) y[j] += row[j] * s;
        }
    }

    /// <summary>y[j] += the four rows' scaled elements, for the columns a whole vector covers; returns the first column left.</summary>
    private static int AddFourRows512<T>(ReadOnlySpan<T> a, int m, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector512.Create(v[0]), Vector512.Create(v[1]), Vector512.Create(v[2]), Vector512.Create(v[3]));
        nuint n = (nuint)m, w = (nuint)Vector512<T>.Count, j = 0;
        for (; j + w <= n; j += w)
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

    private static int AddFourRows256<T>(ReadOnlySpan<T> a, int m, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector256.Create(v[0]), Vector256.Create(v[1]), Vector256.Create(v[2]), Vector256.Create(v[3]));
        nuint n = (nuint)m, w = (nuint)Vector256<T>.Count, j = 0;
        for (; j + w <= n; j += w)
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

    private static int AddFourRows128<T>(ReadOnlySpan<T> a, int m, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T y0 = ref MemoryMarshal.GetReference(y);
        var (v0, v1, v2, v3) = (Vector128.Create(v[0]), Vector128.Create(v[1]), Vector128.Create(v[2]), Vector128.Create(v[3]));
        nuint n = (nuint)m, w = (nuint)Vector128<T>.Count, j = 0;
        for (; j + w <= n; j += w)
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
