using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace Tensorgen;

/// <summary>
/// Products of vectors and matrices for generated code (row-major data, spans). Every routine reads
/// matrices row by row, in memory order, whatever the transpose flags: <c>A·v</c> is one dot product
/// per row, <c>Aᵀ·v</c> one scaled row added per row, and matrix products add scaled rows of
/// <c>B</c> into rows of <c>C</c> in cache-sized blocks. The inner loops are <see cref="TensorPrimitives"/>'
/// vectorized <c>Dot</c> and <c>MultiplyAdd</c>. Nothing is allocated but the scratch a doubly transposed
/// product needs, which comes from the array pool.
/// </summary>
public static partial class Linalg
{
    // Blocks of B that stay in cache while rows of A stream past them: KC rows of NC columns.
    private const int KC = 128;
    private const int NC = 512;

    // Below this many multiply-adds, packing costs more than it saves: rows of B are added in place.
    private const long PackedMinimum = 32 * 32 * 32;

    /// <summary>
    /// <c>C = op(A)·op(B)</c> with C of shape (m, n) and inner size k; op transposes where asked. A is stored
    /// (m, k) or, transposed, (k, m); B is stored (k, n) or, transposed, (n, k).
    /// </summary>
    public static void Gemm<T>(ReadOnlySpan<T> a, bool transA, ReadOnlySpan<T> b, bool transB, Span<T> c, int m, int n, int k)
        where T : unmanaged, INumberBase<T>
        => Gemm(a, transA, b, transB, c, m, n, k, Cores.Default);

    /// <summary>
    /// <see cref="Gemm{T}(ReadOnlySpan{T}, bool, ReadOnlySpan{T}, bool, Span{T}, int, int, int)"/> on up to
    /// <paramref name="cores"/> threads when the product is large: each thread takes blocks of rows of C (of A·B
    /// packed, or A·Bᵀ's dot products), every element of which is the same sum in the same order as on one thread,
    /// bit for bit.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Gemm<T>(ReadOnlySpan<T> a, bool transA, ReadOnlySpan<T> b, bool transB, Span<T> c, int m, int n, int k, Cores cores)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && b.Length == k * n && c.Length == m * n);
        if (transA && transB)
        {
            // C = Aᵀ·Bᵀ = (B·A)ᵀ: the product in memory order, then one transpose.
            var scratch = ArrayPool<T>.Shared.Rent(m * n);
            try
            {
                var ct = scratch.AsSpan(0, m * n);
                Gemm(b, false, a, false, ct, n, m, k, cores);
                Transpose(ct, n, m, c);
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
            return;
        }
        if (transB)
        {
            // Each element is one dot product, whichever thread computes it: large products split their rows.
            var dots = new RowDots<T>(a, b, c, n, k);
            if (cores.Count > 1 && m > 1 && (long)m * n * k >= Parallelism.GemmMinimum) WorkerPool.Run(ref dots, m, 1, cores.Count);
            else dots.Run(0, m);
            return;
        }
        if (k > 0 && Vector.IsHardwareAccelerated && (typeof(T) == typeof(double) || typeof(T) == typeof(float)) && (long)m * n * k >= PackedMinimum)
        {
            PackedGemm(a, transA, b, c, m, n, k, cores);
            return;
        }
        c.Clear();
        // C[i, :] += A(i, r)·B[r, :], over blocks of r and of columns so the block of B is reused from cache.
        for (int c0 = 0; c0 < n; c0 += NC)
        {
            int cn = Math.Min(NC, n - c0);
            for (int r0 = 0; r0 < k; r0 += KC)
            {
                int rn = Math.Min(KC, k - r0);
                for (int i = 0; i < m; i++)
                {
                    var ci = c.Slice(i * n + c0, cn);
                    // Zero scales are not skipped: 0·NaN and 0·∞ must give NaN.
                    for (int r = r0; r < r0 + rn; r++)
                        TensorPrimitives.MultiplyAdd(b.Slice(r * n + c0, cn), transA ? a[r * m + i] : a[i * k + r], ci, ci);
                }
            }
        }
    }

    /// <summary>Rows [start, end) of C = A·Bᵀ: C[i, j] = A[i, :]·B[j, :], dot products of rows; blocks of B rows stay in cache.</summary>
    private readonly ref struct RowDots<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int n, int k) : IChunkJob
        where T : unmanaged, INumberBase<T>
    {
        private readonly ReadOnlySpan<T> _a = a, _b = b;
        private readonly Span<T> _c = c;

        public void Run(int start, int end)
        {
            for (int j0 = 0; j0 < n; j0 += KC)
            {
                int jn = Math.Min(KC, n - j0);
                for (int i = start; i < end; i++)
                {
                    var row = _a.Slice(i * k, k);
                    for (int j = j0; j < j0 + jn; j++) _c[i * n + j] = TensorPrimitives.Dot(row, _b.Slice(j * k, k));
                }
            }
        }
    }

    /// <summary>The transpose of a (rows, columns) matrix, in tiles so both sides stay in cache.</summary>
    public static void Transpose<T>(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination)
    {
        Check(source.Length == rows * columns && destination.Length == rows * columns);
        const int Tile = 32;
        for (int r0 = 0; r0 < rows; r0 += Tile)
            for (int c0 = 0; c0 < columns; c0 += Tile)
            {
                int r1 = Math.Min(rows, r0 + Tile), c1 = Math.Min(columns, c0 + Tile);
                for (int r = r0; r < r1; r++)
                    for (int c = c0; c < c1; c++)
                        destination[c * rows + r] = source[r * columns + c];
            }
    }

    /// <summary>Any permutation of the dimensions: <c>destination</c> dimension j is <c>source</c> dimension <c>permutation[j]</c>.</summary>
    public static void Permute<T>(ReadOnlySpan<T> source, ReadOnlySpan<nint> shape, ReadOnlySpan<int> permutation, Span<T> destination)
    {
        int rank = shape.Length;
        Check(permutation.Length == rank && source.Length == destination.Length);
        if (source.Length == 0) return;
        Span<nint> strides = stackalloc nint[rank];
        Span<nint> outShape = stackalloc nint[rank];
        Span<nint> index = stackalloc nint[rank];
        nint stride = 1;
        for (int d = rank - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        for (int j = 0; j < rank; j++) outShape[j] = shape[permutation[j]];
        for (int flat = 0; flat < destination.Length; flat++)
        {
            nint offset = 0;
            for (int j = 0; j < rank; j++) offset += index[j] * strides[permutation[j]];
            destination[flat] = source[(int)offset];
            for (int j = rank - 1; j >= 0; j--)
            {
                if (++index[j] < outShape[j]) break;
                index[j] = 0;
            }
        }
    }

    private static void Check(bool sizes)
    {
        if (!sizes) throw new InvalidOperationException("Tensorgen internal error: a product got buffers of the wrong sizes. Please report it.");
    }
}
