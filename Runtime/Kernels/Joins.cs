using System;
using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// Joins and splits for generated code (<c>Concatenate</c>, <c>Stack</c>, <c>Split</c> and their gradients).
/// A tensor of row-major data is seen as <c>outer</c> rows, each of its axis and the axes after it; a join
/// copies each operand's rows into place in the output's rows, a piece copies a block of each row out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Joins
{
    /// <summary>
    /// Copies <paramref name="outer"/> rows of <paramref name="inner"/> elements of <paramref name="source"/> into
    /// <paramref name="destination"/>, whose rows are <paramref name="width"/> long, at <paramref name="offset"/> in each.
    /// </summary>
    public static void Place<T>(ReadOnlySpan<T> source, nint outer, nint inner, nint offset, nint width, Span<T> destination)
    {
        if (inner == 0) return;
        for (nint r = 0; r < outer; r++)
            source.Slice((int)(r * inner), (int)inner).CopyTo(destination.Slice((int)(r * width + offset), (int)inner));
    }

    /// <summary>
    /// The block from <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/> along an axis of
    /// <paramref name="axisLength"/>, with <paramref name="outer"/> rows before it and <paramref name="rest"/> elements
    /// after it. Throws, naming the function and the input, when the block leaves the axis or the split's sizes add up
    /// to a <paramref name="total"/> other than the axis' length.
    /// </summary>
    public static void Take<T>(ReadOnlySpan<T> source, nint outer, nint axisLength, nint rest, long start, long length, long total,
        Span<T> destination, string function, string input, int axis)
    {
        if (start < 0 || length < 0 || start + length > axisLength || total != axisLength)
            throw new TensorShapeException(
                $"{function}: the split sizes of '{input}' add up to {total}, not to the length {axisLength} of its axis {axis}.", input);
        nint inner = (nint)length * rest, width = axisLength * rest, offset = (nint)start * rest;
        if (inner == 0) return;
        for (nint r = 0; r < outer; r++)
            source.Slice((int)(r * width + offset), (int)inner).CopyTo(destination.Slice((int)(r * inner), (int)inner));
    }
}
