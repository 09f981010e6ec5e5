namespace Tensorgen;

// Shapes: PyTensor's x.reshape, x.flatten, x.dimshuffle, x.transpose, ...
public partial class TensorVariable
{
    /// <summary>The same elements in another shape (PyTensor's <c>x.reshape(shape)</c>): sizes are ints or int scalar tensors (<c>x.Shape[0]</c>), at most one -1. A view.</summary>
    [Call(ApiFunction.Reshape)]
    public TensorVariable Reshape(TensorVariable[] shape) => Inert.Variable;

    /// <summary>The first <paramref name="ndim"/> - 1 dimensions kept and the rest as one (PyTensor's <c>x.flatten(ndim)</c>). A view.</summary>
    [Call(ApiFunction.Flatten)]
    public TensorVariable Flatten(int ndim = 1) => Inert.Variable;

    /// <summary>PyTensor's <c>x.dimshuffle(0, "x")</c>: result dimension j is input dimension <c>pattern[j]</c>, or a new broadcastable one for <c>"x"</c>; a dimension left out must have static size 1.</summary>
    [Call(ApiFunction.Dimshuffle)]
    public TensorVariable Dimshuffle(params object[] pattern) => Inert.Variable;

    /// <summary>The dimensions permuted (PyTensor's <c>x.transpose(*axes)</c>): result dimension j is <c>axes[j]</c>; no axes reverses them, as <see cref="T"/>.</summary>
    [Call(ApiFunction.TransposeAxes)]
    public TensorVariable Transpose(params int[] axes) => Inert.Variable;

    /// <summary>The dimensions of static size 1 dropped (PyTensor's <c>x.squeeze()</c>), or those of <paramref name="axis"/>.</summary>
    [Call(ApiFunction.Squeeze)]
    public TensorVariable Squeeze(int[]? axis = null) => Inert.Variable;

    /// <summary>The diagonal (PyTensor's <c>x.diagonal(offset, axis1, axis2)</c>).</summary>
    [Call(ApiFunction.Diagonal)]
    public TensorVariable Diagonal(int offset = 0, int axis1 = 0, int axis2 = 1) => Inert.Variable;

    /// <summary>The sum of the diagonal (PyTensor's <c>x.trace()</c>).</summary>
    [Call(ApiFunction.Trace)]
    public TensorVariable Trace(int offset = 0, int axis1 = 0, int axis2 = 1) => Inert.Variable;

    /// <summary>Each element repeated in place along <paramref name="axis"/> (PyTensor's <c>x.repeat(repeats, axis)</c>).</summary>
    [Call(ApiFunction.Repeat)]
    public TensorVariable Repeat(int repeats, int? axis = null) => Inert.Variable;
}
