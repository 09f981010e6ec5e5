namespace Tensorgen;

// Advanced indexing as functions: x[idx] is the same gather written as an index.
public static partial class Pt
{
    /// <summary>
    /// NumPy's and PyTensor's <c>take(x, indices, axis)</c>: the entries of <paramref name="x"/> at <paramref name="indices"/>
    /// (an int tensor; negative counts from the end) along <paramref name="axis"/>, as <c>x[.., indices, ..]</c>; with no
    /// axis, of x flattened. An index out of range throws at call time, naming the function, the input, the index and the size.
    /// </summary>
    [Call(ApiFunction.Take)]
    public static TensorVariable Take(TensorVariable x, TensorVariable indices, int? axis = null) => Inert.Variable;
}

public partial class TensorVariable
{
    /// <summary>PyTensor's <c>x.take(indices, axis)</c>: see <see cref="Pt.Take"/>.</summary>
    [Call(ApiFunction.Take)]
    public TensorVariable Take(TensorVariable indices, int? axis = null) => Inert.Variable;
}
