namespace Tensorgen;

// More reductions as methods, as PyTensor has them: x.prod(), x.all(), x.any(), x.argmax(), x.argmin(), x.var(),
// x.std(), x.cumsum(), x.cumprod(). Each is the Pt function of the same name with x as its first argument.
public partial class TensorVariable
{
    /// <summary>The product over every axis, or over <paramref name="axis"/> (PyTensor's <c>x.prod()</c>).</summary>
    [Call(ApiFunction.Prod)]
    public TensorVariable Prod(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>The product over several axes.</summary>
    [Call(ApiFunction.Prod)]
    public TensorVariable Prod(int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether every element is nonzero (PyTensor's <c>x.all()</c>): bool.</summary>
    [Call(ApiFunction.All)]
    public TensorVariable All(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether every element is nonzero, over several axes.</summary>
    [Call(ApiFunction.All)]
    public TensorVariable All(int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether any element is nonzero (PyTensor's <c>x.any()</c>): bool.</summary>
    [Call(ApiFunction.Any)]
    public TensorVariable Any(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether any element is nonzero, over several axes.</summary>
    [Call(ApiFunction.Any)]
    public TensorVariable Any(int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the largest element, int64 (PyTensor's <c>x.argmax()</c>); over the flattened tensor when <paramref name="axis"/> is null.</summary>
    [Call(ApiFunction.Argmax)]
    public TensorVariable Argmax(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the largest element over several axes.</summary>
    [Call(ApiFunction.Argmax)]
    public TensorVariable Argmax(int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the smallest element, int64 (PyTensor's <c>x.argmin()</c>).</summary>
    [Call(ApiFunction.Argmin)]
    public TensorVariable Argmin(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the smallest element over several axes.</summary>
    [Call(ApiFunction.Argmin)]
    public TensorVariable Argmin(int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>The variance (PyTensor's <c>x.var()</c>); see <see cref="Pt.Var(TensorVariable, int?, int, bool, bool)"/>.</summary>
    [Call(ApiFunction.Var)]
    public TensorVariable Var(int? axis = null, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The variance over several axes.</summary>
    [Call(ApiFunction.Var)]
    public TensorVariable Var(int[] axis, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The standard deviation (PyTensor's <c>x.std()</c>).</summary>
    [Call(ApiFunction.Std)]
    public TensorVariable Std(int? axis = null, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The standard deviation over several axes.</summary>
    [Call(ApiFunction.Std)]
    public TensorVariable Std(int[] axis, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The cumulative sum along <paramref name="axis"/>, of the flattened tensor when null (PyTensor's <c>x.cumsum()</c>).</summary>
    [Call(ApiFunction.CumSum)]
    public TensorVariable CumSum(int? axis = null) => Inert.Variable;

    /// <summary>The cumulative product along <paramref name="axis"/>, of the flattened tensor when null (PyTensor's <c>x.cumprod()</c>).</summary>
    [Call(ApiFunction.CumProd)]
    public TensorVariable CumProd(int? axis = null) => Inert.Variable;
}
