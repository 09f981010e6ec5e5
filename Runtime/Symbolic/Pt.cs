namespace Tensorgen;

/// <summary>
/// The symbolic tensor API, PyTensor's <c>pytensor.tensor</c> (<c>pt</c>) with .NET names. Write
/// <c>using static Tensorgen.Pt;</c> and the tutorial reads line by line:
/// <c>var x = DMatrix("x"); var s = 1 / (1 + Exp(-x)); return Function([x], s);</c>.
/// Only meaningful inside a <see cref="TensorFunctionAttribute"/> method.
/// </summary>
public static partial class Pt
{
    /// <summary>A new symbolic input of any rank; <paramref name="shape"/> gives the static size of each dimension (null: unknown). A static size of 1 broadcasts.</summary>
    [Builtin(Builtin.Variable)]
    public static TensorVariable Tensor(string? name, DType dtype, int?[] shape) => Inert.Variable;

    /// <summary>A constant tensor; a value <paramref name="dtype"/> cannot hold exactly is a build error (TG0204).</summary>
    [Builtin(Builtin.Constant)]
    public static TensorVariable Constant(double value, DType dtype = DType.Float64) => Inert.Variable;

    /// <summary>An integer constant tensor, exact for every int64 (a <c>double</c> holds integers exactly only up to 2^53).</summary>
    [Builtin(Builtin.Constant)]
    public static TensorVariable Constant(long value, DType dtype) => Inert.Variable;

    /// <summary>An input with a default value and/or a keyword name (PyTensor's <c>In(y, value=1, name="w_by_name")</c>).</summary>
    [Builtin(Builtin.In)]
    public static In In(TensorVariable variable, object? value = null, string? name = null) => Inert.In;

    /// <summary>
    /// A compiled function (PyTensor's <c>pytensor.function</c>) of <paramref name="inputs"/> returning one output.
    /// </summary>
    /// <param name="inputs">The inputs, in order: variables, or <see cref="In"/> for defaults and keyword names.</param>
    /// <param name="outputs">The output.</param>
    /// <param name="updates">(shared variable, new value) pairs: after each call each shared variable takes its new value, all computed from the values before the call.</param>
    /// <param name="givens">(variable, replacement) pairs: in this function only, each variable (a shared variable, a constant, any expression) is replaced by an expression of the same type.</param>
    /// <param name="noDefaultUpdates">Leave random generators' states alone (PyTensor's <c>no_default_updates=True</c>).</param>
    /// <param name="onUnusedInput">What an input the outputs and updates do not use is (PyTensor's <c>on_unused_input</c>): a build error (TG0214), a warning (TG0215), or nothing.</param>
    [Builtin(Builtin.Function)]
    public static FunctionGraph Function(In[] inputs, TensorVariable outputs, Pairs? updates = null, Pairs? givens = null, bool noDefaultUpdates = false, OnUnusedInput onUnusedInput = OnUnusedInput.Raise) => throw BuildTimeOnly.Error();

    /// <summary>A compiled function returning several outputs, as a tuple. See the single-output overload for the parameters.</summary>
    [Builtin(Builtin.Function)]
    public static FunctionGraph Function(In[] inputs, TensorVariable[] outputs, Pairs? updates = null, Pairs? givens = null, bool noDefaultUpdates = false, OnUnusedInput onUnusedInput = OnUnusedInput.Raise) => throw BuildTimeOnly.Error();
}
