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
}
