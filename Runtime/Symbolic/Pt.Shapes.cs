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

    /// <summary><paramref name="x"/> with static sizes stated (PyTensor's <c>pt.specify_shape(x, (3, None))</c>): null states none. Checked at build time where the sizes are known, else when called. A view.</summary>
    [Call(ApiFunction.SpecifyShape)]
    public static TensorVariable SpecifyShape(TensorVariable x, int?[] shape) => Inert.Variable;

    /// <summary>The sizes of <paramref name="x"/> as an int64 vector (PyTensor's <c>pt.shape(x)</c>); <c>x.Shape[i]</c> is one size, usable wherever a size is.</summary>
    [Call(ApiFunction.Shape)]
    public static TensorVariable Shape(TensorVariable x) => Inert.Variable;

    /// <summary>Zeros of the sizes given (PyTensor's <c>pt.zeros(shape, dtype)</c>): ints or int scalar tensors (<c>x.Shape[0]</c>); float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Call(ApiFunction.Zeros)]
    public static TensorVariable Zeros(TensorVariable[] shape, DType? dtype = null) => Inert.Variable;

    /// <summary>Ones of the sizes given (PyTensor's <c>pt.ones(shape, dtype)</c>); float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Call(ApiFunction.Ones)]
    public static TensorVariable Ones(TensorVariable[] shape, DType? dtype = null) => Inert.Variable;

    /// <summary>A 0-d value filling a tensor of the sizes given (PyTensor's <c>pt.full(shape, fill_value, dtype)</c>): the value's dtype unless <paramref name="dtype"/> says otherwise.</summary>
    [Call(ApiFunction.Full)]
    public static TensorVariable Full(TensorVariable[] shape, TensorVariable value, DType? dtype = null) => Inert.Variable;

    /// <summary>Zeros of <paramref name="x"/>'s shape and dtype (PyTensor's <c>pt.zeros_like</c>).</summary>
    [Call(ApiFunction.ZerosLike)]
    public static TensorVariable ZerosLike(TensorVariable x, DType? dtype = null) => Inert.Variable;

    /// <summary>Ones of <paramref name="x"/>'s shape and dtype (PyTensor's <c>pt.ones_like</c>).</summary>
    [Call(ApiFunction.OnesLike)]
    public static TensorVariable OnesLike(TensorVariable x, DType? dtype = null) => Inert.Variable;

    /// <summary>A 0-d value filling <paramref name="x"/>'s shape (PyTensor's <c>pt.full_like</c>): a number takes x's dtype, a tensor keeps its own, unless <paramref name="dtype"/> says otherwise.</summary>
    [Call(ApiFunction.FullLike)]
    public static TensorVariable FullLike(TensorVariable x, TensorVariable value, DType? dtype = null) => Inert.Variable;

    /// <summary>An n×m matrix with ones where column - row = <paramref name="k"/> (PyTensor's <c>pt.eye(n, m, k, dtype)</c>); m defaults to n, dtype to float64.</summary>
    [Call(ApiFunction.Eye)]
    public static TensorVariable Eye(TensorVariable n, TensorVariable? m = null, TensorVariable? k = null, DType? dtype = null) => Inert.Variable;

    /// <summary>The outer product of the flattened operands (PyTensor's <c>pt.outer(a, b)</c>): a[:, None] * b[None, :].</summary>
    [Call(ApiFunction.Outer)]
    public static TensorVariable Outer(TensorVariable a, TensorVariable b) => Inert.Variable;

    /// <summary><paramref name="x"/> repeated as blocks <paramref name="reps"/> times along each dimension (PyTensor's <c>pt.tile(x, reps)</c>, NumPy's rules for unequal lengths).</summary>
    [Call(ApiFunction.Tile)]
    public static TensorVariable Tile(TensorVariable x, int[] reps) => Inert.Variable;

    /// <summary>Each element repeated <paramref name="repeats"/> times in place along <paramref name="axis"/>, or in the flattened tensor when none (PyTensor's <c>pt.repeat</c> with an int).</summary>
    [Call(ApiFunction.Repeat)]
    public static TensorVariable Repeat(TensorVariable x, int repeats, int? axis = null) => Inert.Variable;

    /// <summary>The diagonal of axes <paramref name="axis1"/> and <paramref name="axis2"/> (PyTensor's <c>pt.diagonal</c>, NumPy's <c>diagonal</c>): the other axes, then the diagonal; above the main one for a positive offset.</summary>
    [Call(ApiFunction.Diagonal)]
    public static TensorVariable Diagonal(TensorVariable x, int offset = 0, int axis1 = 0, int axis2 = 1) => Inert.Variable;

    /// <summary>The sum of the diagonal (PyTensor's <c>pt.trace</c>, NumPy's <c>trace</c>).</summary>
    [Call(ApiFunction.Trace)]
    public static TensorVariable Trace(TensorVariable x, int offset = 0, int axis1 = 0, int axis2 = 1) => Inert.Variable;
}
