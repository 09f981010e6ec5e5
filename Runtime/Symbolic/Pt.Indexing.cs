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
