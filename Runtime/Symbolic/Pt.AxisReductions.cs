namespace Tensorgen;

// More reductions (PyTensor's pt.prod, pt.all, pt.any, pt.argmax, pt.argmin, pt.var, pt.std) and the cumulative
// ops (pt.cumsum, pt.cumprod). Each is also a method of TensorVariable (x.Argmax(1), x.Prod()), as in PyTensor.
// An axis is one int (negative counts from the end), several (int[]), or null for every axis.
public static partial class Pt
{
    /// <summary>
    /// The product over every axis, or over <paramref name="axis"/> (PyTensor's <c>pt.prod</c>). Integers and bools
    /// multiply in int64, floats keep their dtype. Its gradient is right where the input has zeros (PyTensor's formula).
    /// </summary>
    [Call(ApiFunction.Prod)]
    public static TensorVariable Prod(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>The product over several axes.</summary>
    [Call(ApiFunction.Prod)]
    public static TensorVariable Prod(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether every element is nonzero, over every axis or over <paramref name="axis"/> (PyTensor's <c>pt.all</c>): bool.</summary>
    [Call(ApiFunction.All)]
    public static TensorVariable All(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether every element is nonzero, over several axes.</summary>
    [Call(ApiFunction.All)]
    public static TensorVariable All(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether any element is nonzero, over every axis or over <paramref name="axis"/> (PyTensor's <c>pt.any</c>): bool.</summary>
    [Call(ApiFunction.Any)]
    public static TensorVariable Any(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Whether any element is nonzero, over several axes.</summary>
    [Call(ApiFunction.Any)]
    public static TensorVariable Any(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>
    /// The position of the largest element (PyTensor's <c>pt.argmax</c>), int64: over every axis (of the flattened
    /// tensor) when <paramref name="axis"/> is null. The first position on ties; a NaN is the largest (NumPy's rule).
    /// An empty axis throws when called, as NumPy ("attempt to get argmax of an empty sequence").
    /// </summary>
    [Call(ApiFunction.Argmax)]
    public static TensorVariable Argmax(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the largest element over several axes: its row-major position among them.</summary>
    [Call(ApiFunction.Argmax)]
    public static TensorVariable Argmax(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the smallest element (PyTensor's <c>pt.argmin</c>), int64; as <see cref="Argmax(TensorVariable, int?, bool)"/>.</summary>
    [Call(ApiFunction.Argmin)]
    public static TensorVariable Argmin(TensorVariable x, int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>The position of the smallest element over several axes.</summary>
    [Call(ApiFunction.Argmin)]
    public static TensorVariable Argmin(TensorVariable x, int[] axis, bool keepdims = false) => Inert.Variable;

    /// <summary>
    /// The variance (PyTensor's <c>pt.var</c>, two passes: the mean, then the mean square of the deviations). With
    /// <paramref name="ddof"/> the sum of squares is divided by (n - ddof) for each reduced axis, as PyTensor does;
    /// <paramref name="corrected"/> subtracts the rounding error of the mean (PyTensor's corrected two-pass algorithm).
    /// Integers give float64.
    /// </summary>
    [Call(ApiFunction.Var)]
    public static TensorVariable Var(TensorVariable x, int? axis = null, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The variance over several axes.</summary>
    [Call(ApiFunction.Var)]
    public static TensorVariable Var(TensorVariable x, int[] axis, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The standard deviation: the square root of <see cref="Var(TensorVariable, int?, int, bool, bool)"/> (PyTensor's <c>pt.std</c>).</summary>
    [Call(ApiFunction.Std)]
    public static TensorVariable Std(TensorVariable x, int? axis = null, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>The standard deviation over several axes.</summary>
    [Call(ApiFunction.Std)]
    public static TensorVariable Std(TensorVariable x, int[] axis, int ddof = 0, bool keepdims = false, bool corrected = false) => Inert.Variable;

    /// <summary>
    /// The cumulative sum along <paramref name="axis"/> (PyTensor's <c>pt.cumsum</c>); of the flattened tensor (a
    /// vector) when null. The dtype is kept (bools count in int64, as NumPy computes them).
    /// </summary>
    [Call(ApiFunction.CumSum)]
    public static TensorVariable CumSum(TensorVariable x, int? axis = null) => Inert.Variable;

    /// <summary>The cumulative product along <paramref name="axis"/> (PyTensor's <c>pt.cumprod</c>); of the flattened tensor when null.</summary>
    [Call(ApiFunction.CumProd)]
    public static TensorVariable CumProd(TensorVariable x, int? axis = null) => Inert.Variable;
}
