namespace Tensorgen;

// Index entries that are not C# syntax: steps, new axes, the ellipsis.
public static partial class Pt
{
    /// <summary>Python's slice <c>start:stop:step</c>; a null bound takes its default (a negative step walks backwards: <c>Slice(null, null, -1)</c> reverses).</summary>
    [Call(ApiFunction.Slice)]
    public static Slice Slice(TensorVariable? start = null, TensorVariable? stop = null, TensorVariable? step = null) => null!;

    /// <summary>A new dimension of size 1 in an index (NumPy's <c>None</c>/<c>np.newaxis</c>): <c>x[.., NewAxis]</c> is a column.</summary>
    public static IndexMarker NewAxis
    {
        [Call(ApiFunction.NewAxis)]
        get => null!;
    }

    /// <summary>Every dimension not named in an index (Python's <c>...</c>): <c>x[Ellipsis, 0]</c> is the last dimension's first entry.</summary>
    public static IndexMarker Ellipsis
    {
        [Call(ApiFunction.Ellipsis)]
        get => null!;
    }
}

// Writing into an index, functionally: PyTensor's set_subtensor and inc_subtensor.
public static partial class Pt
{
    /// <summary>
    /// <paramref name="x"/>'s base tensor with the region <paramref name="x"/> selects set to <paramref name="y"/> (broadcast
    /// to it): <c>SetSubtensor(a[1..], 0.0)</c> is PyTensor's <c>set_subtensor(a[1:], 0.0)</c>. <paramref name="x"/> must be
    /// an index (<c>a[...]</c>); the result is a new tensor, <c>a</c> is not changed.
    /// </summary>
    [Call(ApiFunction.SetSubtensor)]
    public static TensorVariable SetSubtensor(TensorVariable x, TensorVariable y) => Inert.Variable;

    /// <summary>
    /// <paramref name="x"/>'s base tensor with <paramref name="y"/> added to the region <paramref name="x"/> selects:
    /// <c>IncSubtensor(a[1..], y)</c> is PyTensor's <c>inc_subtensor(a[1:], y)</c>.
    /// </summary>
    [Call(ApiFunction.IncSubtensor)]
    public static TensorVariable IncSubtensor(TensorVariable x, TensorVariable y) => Inert.Variable;
}
