namespace Tensorgen;

// Joins and products: PyTensor's pt.concatenate, pt.stack, pt.split, pt.dot, pt.matmul, pt.tensordot.
public static partial class Pt
{
    /// <summary>
    /// The tensors joined along <paramref name="axis"/> (PyTensor's <c>concatenate</c>/<c>join</c>): of one rank,
    /// every other axis of one size; converted to their common dtype. A negative axis counts from the end.
    /// </summary>
    [Call(ApiFunction.Concatenate)]
    public static TensorVariable Concatenate(TensorVariable[] tensors, int axis = 0) => Inert.Variable;

    /// <summary>The tensors, of one shape, stacked along a new axis at <paramref name="axis"/> (PyTensor's <c>stack</c>).</summary>
    [Call(ApiFunction.Stack)]
    public static TensorVariable Stack(TensorVariable[] tensors, int axis = 0) => Inert.Variable;

    /// <summary>
    /// <paramref name="x"/> cut along <paramref name="axis"/> into pieces of the given sizes, which must add up to the
    /// axis' length (PyTensor's <c>split</c>): <c>var (a, b) = Split(x, [2, 3]);</c>
    /// </summary>
    [Call(ApiFunction.Split)]
    public static Variables Split(TensorVariable x, int[] sizes, int axis = 0) => default;

    /// <summary><paramref name="x"/> cut into pieces whose sizes are ints or int scalars known at run time (<c>Split(x, [n, 3])</c>).</summary>
    [Call(ApiFunction.Split)]
    public static Variables Split(TensorVariable x, TensorVariable[] sizes, int axis = 0) => default;

    /// <summary>
    /// NumPy's <c>matmul</c> (PyTensor's <c>pt.matmul</c>, the <c>@</c> operator): matrix products batched over the leading
    /// axes, which broadcast (only a static size 1 broadcasts); a vector operand is a row (a) or a column (b), and its
    /// axis is removed from the result.
    /// </summary>
    [Call(ApiFunction.Matmul)]
    public static TensorVariable Matmul(TensorVariable a, TensorVariable b) => Inert.Variable;

    /// <summary>
    /// NumPy's <c>tensordot</c>: the sum over the last <paramref name="axes"/> axes of <paramref name="a"/> and the first
    /// ones of <paramref name="b"/>; the result's axes are a's others, then b's.
    /// </summary>
    [Call(ApiFunction.Tensordot)]
    public static TensorVariable Tensordot(TensorVariable a, TensorVariable b, int axes = 2) => Inert.Variable;

    /// <summary>NumPy's <c>tensordot</c> over pairs of axes, <c>Tensordot(a, b, [[1, 2], [0, 1]])</c>: axis <c>axes[0][i]</c> of a meets <c>axes[1][i]</c> of b.</summary>
    [Call(ApiFunction.Tensordot)]
    public static TensorVariable Tensordot(TensorVariable a, TensorVariable b, int[][] axes) => Inert.Variable;
}
