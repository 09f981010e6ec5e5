using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

/// <summary>
/// What <see cref="TensorArg{T}"/> needs to know about a view's lengths and strides (in elements):
/// how many elements it has, whether they already lie in row-major order, and how to copy them
/// into that order when they do not. Decided from lengths and strides alone, not from the library's
/// <c>IsDense</c>, whose meaning differs by view (it is false for every empty tensor, for instance).
/// </summary>
internal static class TensorLayout
{
    /// <summary>The number of elements, or -1 when it is more than an array or span can hold.</summary>
    public static long ElementCount(ReadOnlySpan<nint> lengths)
    {
        foreach (var length in lengths)
            if (length == 0) return 0;
        long count = 1;
        foreach (var length in lengths)
        {
            if (length > Array.MaxLength / count) return -1;
            count *= length;
        }
        return count;
    }

    /// <summary>
    /// True when element <c>(i0, i1, ...)</c> is at <c>Σ i_d · stride_d</c> = its row-major index: each
    /// dimension's stride is the product of the lengths after it. A dimension of length 1 is never
    /// stepped along, so its stride does not matter. Only for views with at least one element.
    /// </summary>
    public static bool IsRowMajor(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides)
    {
        nint expected = 1;
        for (int d = lengths.Length - 1; d >= 0; d--)
        {
            if (lengths[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= lengths[d];
        }
        return true;
    }

    /// <summary>
    /// Copies a non-empty view whose first element is <paramref name="first"/> into
    /// <paramref name="destination"/> in row-major order: one run along the last dimension at a time
    /// (a block copy for stride 1, a fill for a broadcast stride 0), the outer indices advanced as an
    /// odometer.
    /// </summary>
    public static void CopyRowMajor<T>(ref readonly T first, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, Span<T> destination)
    {
        int rank = lengths.Length;
        int run = (int)lengths[rank - 1];
        nint step = strides[rank - 1];
        Span<nint> index = rank <= 16 ? stackalloc nint[rank] : new nint[rank];
        index.Clear();
        ref T start = ref Unsafe.AsRef(in first);
        nint offset = 0;
        for (int written = 0; ; written += run)
        {
            var target = destination.Slice(written, run);
            ref T source = ref Unsafe.Add(ref start, offset);
            if (step == 1) MemoryMarshal.CreateReadOnlySpan(ref source, run).CopyTo(target);
            else if (step == 0) target.Fill(source);
            else
                for (int i = 0; i < target.Length; i++) target[i] = Unsafe.Add(ref source, i * step);

            int d = rank - 2;
            for (; d >= 0; d--)
            {
                offset += strides[d];
                if (++index[d] < lengths[d]) break;
                offset -= strides[d] * lengths[d];
                index[d] = 0;
            }
            if (d < 0) return;
        }
    }
}
