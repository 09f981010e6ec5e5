using System;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

/// <summary>
/// Matrix products batched over leading axes for generated code (NumPy's <c>matmul</c> of tensors of rank 3 and
/// more): one <see cref="Linalg.Gemm{T}(ReadOnlySpan{T}, bool, ReadOnlySpan{T}, bool, Span{T}, int, int, int)"/> per batch index, each operand's batch axes broadcast (a size-1 axis of an
/// operand is read at index 0 whatever the result's index).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchedLinalg
{
    /// <summary>
    /// <c>C[i] = op(A[i])·op(B[i])</c> over the batch index i of <paramref name="cBatch"/>; A's matrices are (m, k) or,
    /// transposed, (k, m); B's (k, n) or (n, k). All batch shapes have one rank.
    /// </summary>
    public static void Matmul<T>(ReadOnlySpan<T> a, ReadOnlySpan<nint> aBatch, bool transA, ReadOnlySpan<T> b, ReadOnlySpan<nint> bBatch, bool transB,
        Span<T> c, ReadOnlySpan<nint> cBatch, int m, int n, int k)
        where T : unmanaged, INumberBase<T>
    {
        int rank = cBatch.Length;
        nint count = 1;
        for (int i = 0; i < rank; i++) count *= cBatch[i];
        if (count == 0 || m == 0 || n == 0) return;
        int aSize = m * k, bSize = k * n, cSize = m * n;
        Span<nint> index = stackalloc nint[rank];
        for (nint flat = 0; flat < count; flat++)
        {
            // Offsets of the batch index in each operand, a size-1 axis read at 0.
            nint ai = 0, bi = 0;
            for (int i = 0; i < rank; i++)
            {
                ai = ai * aBatch[i] + (aBatch[i] == 1 ? 0 : index[i]);
                bi = bi * bBatch[i] + (bBatch[i] == 1 ? 0 : index[i]);
            }
            var ci = c.Slice((int)(flat * cSize), cSize);
            if (k == 0) ci.Clear();
            else Linalg.Gemm(a.Slice((int)(ai * aSize), aSize), transA, b.Slice((int)(bi * bSize), bSize), transB, ci, m, n, k);
            for (int i = rank - 1; i >= 0; i--)
            {
                if (++index[i] < cBatch[i]) break;
                index[i] = 0;
            }
        }
    }
}
