namespace Tensorgen;

// Shapes and constructors: PyTensor's pt.arange, pt.reshape, pt.zeros, ...
public static partial class Pt
{
    /// <summary>0, 1, ..., stop - 1 (NumPy's and PyTensor's <c>arange(stop)</c>): int64 for int bounds, float64 for float ones.</summary>
    [Call(ApiFunction.Arange)]
    public static TensorVariable Arange(TensorVariable stop) => Inert.Variable;

    /// <summary>start, start + step, ... while before stop (PyTensor's <c>arange(start, stop, step)</c>); <paramref name="dtype"/> defaults from the bounds.</summary>
    [Call(ApiFunction.Arange)]
    public static TensorVariable Arange(TensorVariable start, TensorVariable stop, TensorVariable? step = null, DType? dtype = null) => Inert.Variable;

    /// <summary>The same elements in another shape (PyTensor's <c>pt.reshape(x, shape)</c>): sizes are ints or int scalar tensors (<c>x.Shape[0]</c>), at most one -1. A view.</summary>
    [Call(ApiFunction.Reshape)]
    public static TensorVariable Reshape(TensorVariable x, TensorVariable[] shape) => Inert.Variable;

    /// <summary>The first <paramref name="ndim"/> - 1 dimensions kept and the rest as one (PyTensor's <c>pt.flatten(x, ndim)</c>). A view.</summary>
    [Call(ApiFunction.Flatten)]
    public static TensorVariable Flatten(TensorVariable x, int ndim = 1) => Inert.Variable;

    /// <summary>New broadcastable dimensions at <paramref name="axis"/> of the result (PyTensor's <c>pt.expand_dims</c>). A view.</summary>
    [Call(ApiFunction.ExpandDims)]
    public static TensorVariable ExpandDims(TensorVariable x, int axis) => Inert.Variable;

    /// <summary>New broadcastable dimensions at the axes of the result (PyTensor's <c>pt.expand_dims(x, (0, 2))</c>). A view.</summary>
    [Call(ApiFunction.ExpandDims)]
    public static TensorVariable ExpandDims(TensorVariable x, int[] axis) => Inert.Variable;

    /// <summary>The dimensions of static size 1 dropped (PyTensor's <c>pt.squeeze</c>), or only those of <paramref name="axis"/>, which must have static size 1. A view.</summary>
    [Call(ApiFunction.Squeeze)]
    public static TensorVariable Squeeze(TensorVariable x, int[]? axis = null) => Inert.Variable;

    /// <summary>The dimensions permuted (PyTensor's <c>pt.transpose(x, axes)</c>): result dimension j is <c>axes[j]</c>. A copy unless it keeps the order.</summary>
    [Call(ApiFunction.TransposeAxes)]
    public static TensorVariable Transpose(TensorVariable x, int[] axes) => Inert.Variable;
}
