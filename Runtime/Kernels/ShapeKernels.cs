using System;
using System.ComponentModel;
using System.Globalization;

namespace Tensorgen;

/// <summary>Shape checks and shape kernels for generated code (<c>Reshape</c>, <c>Diagonal</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ShapeKernels
{
    /// <summary>
    /// Size <paramref name="which"/> of a tensor of sizes <paramref name="shape"/> reshaped to <paramref name="sizes"/>:
    /// computed from the element count where it is -1 (NumPy's rule), else as given; throws naming the function and
    /// both shapes when the sizes do not fit the element count.
    /// </summary>
    public static long ReshapeSize(string function, ReadOnlySpan<long> shape, ReadOnlySpan<long> sizes, int which)
    {
        long total = 1, others = 1;
        for (int k = 0; k < shape.Length; k++) total *= shape[k];
        for (int j = 0; j < sizes.Length; j++)
        {
            if (j == which) continue;
            if (sizes[j] < 0) Throw(function, shape, sizes, "sizes cannot be negative");
            others *= sizes[j];
        }
        long size = sizes[which];
        if (size == -1)
        {
            if (others == 0) Throw(function, shape, sizes, "a -1 is ambiguous beside a size of 0");
            if (total % others != 0) Throw(function, shape, sizes, $"{total} elements are not a multiple of {others}");
            return total / others;
        }
        if (size < 0) Throw(function, shape, sizes, "sizes cannot be negative");
        if (size * others != total) Throw(function, shape, sizes, $"{total} elements cannot become {size * others}");
        return size;
    }

    private static void Throw(string function, ReadOnlySpan<long> shape, ReadOnlySpan<long> sizes, string why) =>
        throw new TensorShapeException($"{function}: cannot reshape a tensor of shape {Text(shape)} into shape {Text(sizes)}: {why}.", null);

    /// <summary>NumPy's way of printing a shape: <c>(2, 3)</c>, <c>(4,)</c>, <c>()</c>.</summary>
    public static string Text(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (int k = 0; k < shape.Length; k++) parts[k] = shape[k].ToString(CultureInfo.InvariantCulture);
        return shape.Length == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>
    /// NumPy's <c>diagonal(x, offset, axis1, axis2)</c> of <paramref name="x"/> (row-major, sizes <paramref name="dims"/>)
    /// into <paramref name="output"/>: the other axes in order, then the diagonal.
    /// </summary>
    public static void Diagonal<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, int axis1, int axis2, int offset, Span<T> output)
    {
        foreach (var (source, target) in DiagonalPairs(dims, axis1, axis2, offset, output.Length)) output[(int)target] = x[(int)source];
    }

    /// <summary>Zeros of sizes <paramref name="dims"/> in <paramref name="output"/>, with <paramref name="diagonal"/> written on the diagonal <see cref="Diagonal"/> reads.</summary>
    public static void SetDiagonal<T>(ReadOnlySpan<T> diagonal, ReadOnlySpan<nint> dims, int axis1, int axis2, int offset, Span<T> output)
    {
        output.Clear();
        foreach (var (source, target) in DiagonalPairs(dims, axis1, axis2, offset, diagonal.Length)) output[(int)source] = diagonal[(int)target];
    }

    /// <summary>(offset in the tensor, offset in the diagonal) of each element of the diagonal, in the diagonal's order.</summary>
    private static System.Collections.Generic.IEnumerable<(nint Source, nint Target)> DiagonalPairs(ReadOnlySpan<nint> dims, int axis1, int axis2, int offset, int count)
    {
        if (count == 0) return [];
        int rank = dims.Length;
        var strides = new nint[rank];
        nint stride = 1;
        for (int k = rank - 1; k >= 0; k--)
        {
            strides[k] = stride;
            stride *= dims[k];
        }
        var others = new System.Collections.Generic.List<int>();
        for (int k = 0; k < rank; k++)
            if (k != axis1 && k != axis2) others.Add(k);
        nint length = Math.Max(0, Math.Min(dims[axis1] - Math.Max(-offset, 0), dims[axis2] - Math.Max(offset, 0)));
        nint start = Math.Max(-offset, 0) * strides[axis1] + Math.Max(offset, 0) * strides[axis2];
        nint step = strides[axis1] + strides[axis2];
        var sizes = new nint[others.Count];
        for (int j = 0; j < others.Count; j++) sizes[j] = dims[others[j]];
        var pairs = new (nint, nint)[count];
        for (nint o = 0, t = 0; t < count; o++)
        {
            nint rest = o, based = 0;
            for (int j = others.Count - 1; j >= 0; j--)
            {
                based += rest % sizes[j] * strides[others[j]];
                rest /= sizes[j];
            }
            for (nint i = 0; i < length; i++, t++) pairs[(int)t] = (based + start + i * step, t);
        }
        return pairs;
    }
}
