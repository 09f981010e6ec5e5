using System;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

/// <summary>
/// Advanced indexing for generated code (<c>x[idx]</c>, <c>x[mask]</c>, <c>IncSubtensor(x[idx], y)</c>): indices
/// checked and made non-negative, masks turned into positions, rows gathered and scattered. The indexed axes of
/// x are merged into one of size <c>merged</c>, between <c>outer</c> (the axes before) and <c>inner</c> (after).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Gathers
{
    /// <summary>
    /// destination[i] = index[i], plus <paramref name="size"/> where negative (NumPy's negative indices); an index
    /// outside [-size, size) throws, naming the function, the index input, the index and the size.
    /// </summary>
    public static void CheckIndex<TIndex>(ReadOnlySpan<TIndex> index, long size, Span<long> destination, string function, string input, string of, int axis)
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        for (int i = 0; i < index.Length; i++) destination[i] = CheckIndex(long.CreateTruncating(index[i]), size, function, input, of, axis);
    }

    /// <summary>One index made non-negative, or an <see cref="IndexOutOfRangeException"/>.</summary>
    public static long CheckIndex(long index, long size, string function, string input, string of, int axis)
    {
        if (index < -size || index >= size) ThrowOutOfRange(index, size, function, input, of, axis);
        return index < 0 ? index + size : index;
    }

    private static void ThrowOutOfRange(long index, long size, string function, string input, string of, int axis) =>
        throw new IndexOutOfRangeException(
            $"{function}: index {index} in '{input}' is out of bounds for {(axis < 0 ? $"'{of}' flattened" : $"axis {axis} of '{of}'")} with size {size}.");

    /// <summary>NumPy's <c>flatnonzero</c>: the positions of the true elements of <paramref name="mask"/>, in order.</summary>
    public static void FlatNonzero(ReadOnlySpan<bool> mask, Span<long> destination)
    {
        int n = 0;
        for (int i = 0; i < mask.Length; i++)
            if (mask[i]) destination[n++] = i;
    }

    /// <summary>
    /// The gather: destination[o, j, i] = x[o, index[j], i] with o over <paramref name="outer"/>, j over the
    /// index's elements and i over <paramref name="inner"/>; indices are already checked.
    /// </summary>
    public static void Take<T>(ReadOnlySpan<T> x, ReadOnlySpan<long> index, int outer, int merged, int inner, Span<T> destination)
    {
        int n = index.Length, at = 0;
        for (int o = 0; o < outer; o++)
        {
            var block = x.Slice(o * merged * inner, merged * inner);
            for (int j = 0; j < n; j++, at += inner)
                block.Slice((int)index[j] * inner, inner).CopyTo(destination.Slice(at, inner));
        }
    }

    /// <summary>
    /// The scatter: destination = x, then y's elements added (or, with <paramref name="set"/>, written: the last
    /// write wins) at the gathered positions, repeated indices accumulating (NumPy's <c>add.at</c>). y has the
    /// gathered shape (<paramref name="shape"/>: outer axes, the index's, inner axes) where
    /// <paramref name="yStrides"/> are not 0, and is broadcast along axes whose stride is 0.
    /// </summary>
    public static void Put<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<long> index, int outer, int merged, int inner,
        ReadOnlySpan<int> shape, ReadOnlySpan<int> yStrides, bool set, Span<T> destination) where T : unmanaged, INumberBase<T>
    {
        x.CopyTo(destination);
        int n = index.Length, rank = shape.Length;
        long total = (long)outer * n * inner;
        if (total == 0) return;
        Span<int> counter = rank <= 16 ? stackalloc int[rank] : new int[rank];
        counter.Clear();
        int yAt = 0;
        for (long p = 0; p < total; p++)
        {
            long row = p / inner;
            int i = (int)(p - row * inner), j = (int)(row % n), o = (int)(row / n);
            int target = (o * merged + (int)index[j]) * inner + i;
            destination[target] = set ? y[yAt] : destination[target] + y[yAt];
            // The next gathered position: the last axis moves fastest; y's offset follows by its strides.
            for (int d = rank - 1; d >= 0; d--)
            {
                yAt += yStrides[d];
                if (++counter[d] < shape[d]) break;
                yAt -= yStrides[d] * shape[d];
                counter[d] = 0;
            }
        }
    }
}
