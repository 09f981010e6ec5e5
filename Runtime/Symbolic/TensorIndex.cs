using System;

namespace Tensorgen;

/// <summary>
/// One entry of an index, <c>x[entry, entry, ...]</c>, converted implicitly from what NumPy and PyTensor
/// accept: an <c>int</c> or <see cref="Index"/> (<c>0</c>, <c>^1</c>) selects one position and drops the
/// dimension; a <see cref="Range"/> (<c>1..^1</c>, <c>..</c>) or a <see cref="Slice"/> (with a step, as
/// <c>x[::-1]</c>) keeps it; an int scalar <see cref="TensorVariable"/> is a position, an int tensor gathers
/// (advanced indexing), a bool tensor selects by mask; <see cref="Pt.NewAxis"/> adds a dimension of size 1
/// and <see cref="Pt.Ellipsis"/> stands for every dimension not named. Only meaningful in graph code.
/// </summary>
public readonly struct TensorIndex
{
    /// <summary>A position (negative counts from the end).</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator TensorIndex(int position) => default;

    /// <summary>A position, <c>^1</c> counting from the end.</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator TensorIndex(Index position) => default;

    /// <summary>A slice without a step: <c>1..^1</c>, <c>..n</c>, <c>..</c>.</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator TensorIndex(Range range) => default;

    /// <summary>A slice with a step: <c>Slice(null, null, -1)</c> is NumPy's <c>::-1</c>.</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator TensorIndex(Slice slice) => default;

    /// <summary>An int scalar (a position), an int tensor (gathers) or a bool tensor (a mask).</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator TensorIndex(TensorVariable index) => default;
}

/// <summary>
/// A slice with start, stop and step (Python's <c>start:stop:step</c>; <c>null</c> leaves a bound to its
/// default), made by <see cref="Pt.Slice"/>. Bounds may be ints or int scalar variables (<c>x.Shape[0]</c>, an input).
/// </summary>
public sealed class Slice
{
    internal Slice() { }
}

/// <summary>An index marker: <see cref="Pt.NewAxis"/> or <see cref="Pt.Ellipsis"/>.</summary>
public sealed class IndexMarker
{
    internal IndexMarker() { }

    /// <summary>A marker as an index entry.</summary>
    [Call(ApiFunction.IndexEntry)]
    public static implicit operator TensorIndex(IndexMarker marker) => default;
}
