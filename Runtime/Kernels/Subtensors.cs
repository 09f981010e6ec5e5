using System;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

/// <summary>
/// Basic indexing for generated code (PyTensor's <c>Subtensor</c>, <c>IncSubtensor</c>): a region of a tensor is,
/// per axis, a first position, a step and a count (a position is a count of 1 whose axis the result drops).
/// Positions are checked here, where their values are known; slice bounds arrive clamped (NumPy's rule).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Subtensors
{
    /// <summary>
    /// A position along an axis of size <paramref name="size"/>, negative counting from the end, as a non-negative
    /// offset; out of range throws naming the function, the input, the index and the size.
    /// </summary>
    public static nint Position(long position, nint size, string function, string input, int axis)
    {
        long p = position < 0 ? position + size : position;
        if (p < 0 || p >= size)
            throw new ArgumentOutOfRangeException(input,
                $"{function}: index {position} is out of range for axis {axis} of '{input}', whose size is {size}.");
        return (nint)p;
    }

    /// <summary>Copies the region of <paramref name="x"/> (sizes <paramref name="dims"/>) into <paramref name="output"/>, row-major.</summary>
    public static void Take<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<nint> first, ReadOnlySpan<nint> steps,
        ReadOnlySpan<nint> counts, Span<T> output) where T : unmanaged
    {
        int rank = dims.Length;
        if (rank == 0 || output.Length == 0) return;
        Span<nint> strides = stackalloc nint[rank];
        Strides(dims, strides);
        nint start = 0;
        for (int k = 0; k < rank; k++) start += first[k] * strides[k];
        nint inner = counts[rank - 1], step = steps[rank - 1] * strides[rank - 1];
        Span<nint> at = stackalloc nint[rank];
        int o = 0;
        while (true)
        {
            nint offset = start;
            for (int k = 0; k < rank - 1; k++) offset += at[k] * steps[k] * strides[k];
            if (step == 1) x.Slice((int)offset, (int)inner).CopyTo(output.Slice(o, (int)inner));
            else
                for (nint i = 0; i < inner; i++) output[o + (int)i] = x[(int)(offset + i * step)];
            o += (int)inner;
            if (!Next(at, counts, rank - 1)) return;
        }
    }

    /// <summary>The element of <paramref name="x"/> at <paramref name="first"/> (every axis a position).</summary>
    public static T Element<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<nint> first) where T : unmanaged
    {
        Span<nint> strides = stackalloc nint[dims.Length];
        Strides(dims, strides);
        nint offset = 0;
        for (int k = 0; k < dims.Length; k++) offset += first[k] * strides[k];
        return x[(int)offset];
    }

    /// <summary>
    /// <paramref name="output"/> = <paramref name="x"/> with the region set to (or, unless <paramref name="set"/>,
    /// increased by) <paramref name="y"/>, whose sizes <paramref name="yDims"/> are the region's counts or 1 (broadcast).
    /// </summary>
    public static void Put<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<nint> first, ReadOnlySpan<nint> steps,
        ReadOnlySpan<nint> counts, ReadOnlySpan<T> y, ReadOnlySpan<nint> yDims, bool set, Span<T> output, string function, string input)
        where T : unmanaged, INumberBase<T>
    {
        int rank = dims.Length;
        for (int k = 0; k < rank; k++)
            if (yDims[k] != 1 && yDims[k] != counts[k])
                throw new TensorShapeException(
                    $"{function}: the value written has shape {Text(yDims)}, which does not broadcast to the region's shape {Text(counts)} in axis {k}.", input);
        x.CopyTo(output);
        for (int k = 0; k < rank; k++)
            if (counts[k] == 0) return;
        Span<nint> strides = stackalloc nint[rank];
        Strides(dims, strides);
        Span<nint> yStrides = stackalloc nint[rank];
        Strides(yDims, yStrides);
        for (int k = 0; k < rank; k++)
            if (yDims[k] == 1) yStrides[k] = 0;
        Span<nint> at = stackalloc nint[rank];
        while (true)
        {
            nint offset = 0, yOffset = 0;
            for (int k = 0; k < rank; k++)
            {
                offset += (first[k] + at[k] * steps[k]) * strides[k];
                yOffset += at[k] * yStrides[k];
            }
            output[(int)offset] = set ? y[(int)yOffset] : output[(int)offset] + y[(int)yOffset];
            if (!Next(at, counts, rank)) return;
        }
    }

    /// <summary><see cref="Put{T}"/> with a single value for the whole region.</summary>
    public static void PutScalar<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<nint> first, ReadOnlySpan<nint> steps,
        ReadOnlySpan<nint> counts, T y, bool set, Span<T> output) where T : unmanaged, INumberBase<T>
    {
        int rank = dims.Length;
        Span<nint> ones = stackalloc nint[rank];
        ones.Fill(1);
        Put(x, dims, first, steps, counts, [y], ones, set, output, "", "");
    }

    private static void Strides(ReadOnlySpan<nint> dims, Span<nint> strides)
    {
        nint stride = 1;
        for (int k = dims.Length - 1; k >= 0; k--)
        {
            strides[k] = stride;
            stride *= dims[k];
        }
    }

    /// <summary>Advances the odometer <paramref name="at"/> over its first <paramref name="rank"/> axes; false when done.</summary>
    private static bool Next(Span<nint> at, ReadOnlySpan<nint> counts, int rank)
    {
        for (int k = rank - 1; k >= 0; k--)
        {
            if (++at[k] < counts[k]) return true;
            at[k] = 0;
        }
        return false;
    }

    private static string Text(ReadOnlySpan<nint> sizes)
    {
        var parts = new string[sizes.Length];
        for (int k = 0; k < sizes.Length; k++) parts[k] = sizes[k].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "(" + string.Join(", ", parts) + (sizes.Length == 1 ? ",)" : ")");
    }
}
