namespace Tensorgen;

// Reductions, products and gradients: PyTensor's pt.sum / pt.mean / pt.max / pt.min, pt.dot, .T and
// pt.grad. Each is also an instance method of TensorVariable (x.Sum(), xent.Mean()), as in PyTensor.
public static partial class Pt
{
    /// <summary>Sum over every axis, or over <paramref name="axis"/> (negative counts from the end). int32 and bool sum to int64, as NumPy.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Sum)]
    public static TensorVariable Sum(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Sum over several axes.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Sum)]
    public static TensorVariable Sum(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Mean over every axis, or over <paramref name="axis"/>; integers average to float64.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Mean)]
    public static TensorVariable Mean(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Mean over several axes.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Mean)]
    public static TensorVariable Mean(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Maximum over every axis, or over <paramref name="axis"/>.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Max)]
    public static TensorVariable Max(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Maximum over several axes.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Max)]
    public static TensorVariable Max(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Minimum over every axis, or over <paramref name="axis"/>.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Min)]
    public static TensorVariable Min(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Minimum over several axes.</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Min)]
    public static TensorVariable Min(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>
    /// The product of vectors and matrices (PyTensor's <c>pt.dot</c>): matrix·vector, vector·matrix,
    /// matrix·matrix, and vector·vector (a scalar). Each product of a transpose (<c>Dot(x.T, v)</c>) reads
    /// the matrix in memory order, without copying it. Tensors of rank 3 and more follow NumPy's <c>dot</c>:
    /// the sum over the last axis of a and the second-to-last of b.
    /// </summary>
    [Call(ApiFunction.Dot)]
    public static TensorVariable Dot(TensorVariable a, TensorVariable b) => Inert.Variable;

    /// <summary>The transpose: dimensions in reverse order (PyTensor's <c>x.T</c>).</summary>
    [Builtin(Builtin.Transpose)]
    public static TensorVariable Transpose(TensorVariable x) => Inert.Variable;

    /// <summary>
    /// The gradient of the scalar <paramref name="cost"/> with respect to <paramref name="wrt"/> (PyTensor's
    /// <c>pt.grad</c>), computed symbolically by the generator at build time and optimized with the rest of
    /// the function. The gradient has <paramref name="wrt"/>'s type.
    /// </summary>
    /// <param name="cost">A 0-d float tensor.</param>
    /// <param name="wrt">An input, a shared variable or any expression the cost depends on.</param>
    /// <param name="considerConstant">Expressions gradients do not flow through (PyTensor's <c>consider_constant</c>).</param>
    /// <param name="disconnectedInputs">What to do when the cost does not depend on <paramref name="wrt"/>.</param>
    [Builtin(Builtin.Grad)]
    public static TensorVariable Grad(TensorVariable cost, TensorVariable wrt, TensorVariable[]? considerConstant = null,
        DisconnectedInputs disconnectedInputs = DisconnectedInputs.Raise) => Inert.Variable;

    /// <summary>Gradients with respect to several variables at once: <c>var (gw, gb) = Grad(cost, [w, b]);</c></summary>
    [Builtin(Builtin.Grad)]
    public static Variables Grad(TensorVariable cost, params TensorVariable[] wrt) => default;

    /// <summary>Gradients with respect to several variables, with options. See the single-variable overload.</summary>
    [Builtin(Builtin.Grad)]
    public static Variables Grad(TensorVariable cost, TensorVariable[] wrt, TensorVariable[]? considerConstant = null,
        DisconnectedInputs disconnectedInputs = DisconnectedInputs.Raise) => default;

    /// <summary>Passes <paramref name="x"/> through, but stops gradients (PyTensor's <c>zero_grad</c>).</summary>
    [Op(OpCode.ZeroGrad)]
    public static TensorVariable ZeroGrad(TensorVariable x) => Inert.Variable;

    /// <summary>Element-wise sign: -1, 0 or 1.</summary>
    [Op(OpCode.Sign)]
    public static TensorVariable Sign(TensorVariable x) => Inert.Variable;
}

/// <summary>What <see cref="Pt.Grad(TensorVariable, TensorVariable, TensorVariable[], DisconnectedInputs)"/> does when the cost does not depend on a variable (PyTensor's <c>disconnected_inputs</c>).</summary>
public enum DisconnectedInputs
{
    /// <summary>A build error (TG0302), PyTensor's default.</summary>
    Raise,
    /// <summary>A gradient of zeros.</summary>
    Ignore,
}
