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
}
