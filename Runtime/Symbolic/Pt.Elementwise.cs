namespace Tensorgen;

// Element-wise ops of issue 13, named as PyTensor's (pt.floor -> Pt.Floor). Each is tagged with its OpCode.
public static partial class Pt
{
    /// <summary>Each element limited to [<paramref name="min"/>, <paramref name="max"/>] as NumPy's <c>clip</c> (PyTensor's <c>pt.clip</c>): <c>Minimum(Maximum(x, min), max)</c>, NaN stays NaN; the dtype is the operands' common one.</summary>
    [Op(OpCode.Clip)]
    public static TensorVariable Clip(TensorVariable x, TensorVariable min, TensorVariable max) => Inert.Variable;
    /// <summary>Element-wise <c>cond ? ifTrue : ifFalse</c> (PyTensor's <c>pt.where</c>, the same op as <see cref="Switch"/>), with broadcasting.</summary>
    [Op(OpCode.Switch)]
    public static TensorVariable Where(TensorVariable cond, TensorVariable ifTrue, TensorVariable ifFalse) => Inert.Variable;
    /// <summary>Element-wise: the largest whole number not above each element (PyTensor's <c>pt.floor</c>; integers give float64).</summary>
    [Op(OpCode.Floor)]
    public static TensorVariable Floor(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the smallest whole number not below each element (PyTensor's <c>pt.ceil</c>; integers give float64).</summary>
    [Op(OpCode.Ceil)]
    public static TensorVariable Ceil(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: each element rounded to the nearest whole number, halves to even as NumPy's <c>round</c> (PyTensor's <c>pt.round</c> and its default mode, <c>half_to_even</c>); integers are a build error, as in PyTensor.</summary>
    [Op(OpCode.RoundHalfToEven)]
    public static TensorVariable Round(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: each element rounded to the nearest whole number, halves to even (PyTensor's <c>pt.round_half_to_even</c>).</summary>
    [Op(OpCode.RoundHalfToEven)]
    public static TensorVariable RoundHalfToEven(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: each element rounded toward zero (PyTensor's <c>pt.trunc</c>; integers give float64).</summary>
    [Op(OpCode.Trunc)]
    public static TensorVariable Trunc(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: whether each element is NaN, a bool tensor (PyTensor's <c>pt.isnan</c>; false for integers).</summary>
    [Op(OpCode.IsNan)]
    public static TensorVariable IsNan(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: whether each element is +∞ or -∞, a bool tensor (PyTensor's <c>pt.isinf</c>).</summary>
    [Op(OpCode.IsInf)]
    public static TensorVariable IsInf(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise 1 / x for each element (PyTensor's <c>pt.reciprocal</c>; integers give float64).</summary>
    [Op(OpCode.Reciprocal)]
    public static TensorVariable Reciprocal(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: 2 raised to each element (PyTensor's <c>pt.exp2</c>).</summary>
    [Op(OpCode.Exp2)]
    public static TensorVariable Exp2(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the base-2 logarithm of each element, exact for powers of two (PyTensor's <c>pt.log2</c>).</summary>
    [Op(OpCode.Log2)]
    public static TensorVariable Log2(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the base-10 logarithm of each element (PyTensor's <c>pt.log10</c>).</summary>
    [Op(OpCode.Log10)]
    public static TensorVariable Log10(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the tangent of each element (PyTensor's <c>pt.tan</c>).</summary>
    [Op(OpCode.Tan)]
    public static TensorVariable Tan(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the inverse sine of each element, NaN outside [-1, 1] (PyTensor's <c>pt.arcsin</c>).</summary>
    [Op(OpCode.Arcsin)]
    public static TensorVariable Arcsin(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the inverse cosine of each element, NaN outside [-1, 1] (PyTensor's <c>pt.arccos</c>).</summary>
    [Op(OpCode.Arccos)]
    public static TensorVariable Arccos(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the inverse tangent of each element (PyTensor's <c>pt.arctan</c>).</summary>
    [Op(OpCode.Arctan)]
    public static TensorVariable Arctan(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the hyperbolic sine of each element (PyTensor's <c>pt.sinh</c>).</summary>
    [Op(OpCode.Sinh)]
    public static TensorVariable Sinh(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the hyperbolic cosine of each element (PyTensor's <c>pt.cosh</c>).</summary>
    [Op(OpCode.Cosh)]
    public static TensorVariable Cosh(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the inverse hyperbolic sine of each element (PyTensor's <c>pt.arcsinh</c>).</summary>
    [Op(OpCode.Arcsinh)]
    public static TensorVariable Arcsinh(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the inverse hyperbolic cosine of each element, NaN below 1 (PyTensor's <c>pt.arccosh</c>).</summary>
    [Op(OpCode.Arccosh)]
    public static TensorVariable Arccosh(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the inverse hyperbolic tangent of each element, ±∞ at ±1, NaN beyond (PyTensor's <c>pt.arctanh</c>).</summary>
    [Op(OpCode.Arctanh)]
    public static TensorVariable Arctanh(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise log |Γ(x)| of each element, +∞ at 0 and the negative integers (PyTensor's <c>pt.gammaln</c>, SciPy's values).</summary>
    [Op(OpCode.Gammaln)]
    public static TensorVariable Gammaln(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the digamma function ψ(x) = d/dx log Γ(x) of each element (PyTensor's <c>pt.digamma</c>, <c>pt.psi</c>).</summary>
    [Op(OpCode.Digamma)]
    public static TensorVariable Digamma(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the digamma function ψ(x) (PyTensor's <c>pt.psi</c>, the same as <see cref="Digamma"/>).</summary>
    [Op(OpCode.Digamma)]
    public static TensorVariable Psi(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the trigamma function ψ'(x) of each element (PyTensor's <c>pt.tri_gamma</c>); its own gradient is not implemented (TG0222).</summary>
    [Op(OpCode.TriGamma)]
    public static TensorVariable TriGamma(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the bitwise complement of each element of an integer tensor, the logical not of a bool tensor (PyTensor's <c>pt.bitwise_not</c>, <c>~x</c>).</summary>
    [Op(OpCode.Invert)]
    public static TensorVariable BitwiseNot(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the bitwise complement of each integer element, the logical not of bools (PyTensor's <c>pt.invert</c>, <c>~x</c>).</summary>
    [Op(OpCode.Invert)]
    public static TensorVariable Invert(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise: the angle of the point (b, a) for each pair of elements, in [-π, π] (PyTensor's <c>pt.arctan2(y, x)</c>), with broadcasting.</summary>
    [Op(OpCode.Arctan2)]
    public static TensorVariable Arctan2(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise bitwise and of integer tensors, logical and of bool tensors (PyTensor's <c>pt.bitwise_and</c>, <c>a &amp; b</c>), with broadcasting; ints and bools do not mix.</summary>
    [Op(OpCode.And)]
    public static TensorVariable BitwiseAnd(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise bitwise or of integer tensors, logical or of bool tensors (PyTensor's <c>pt.bitwise_or</c>, <c>a | b</c>), with broadcasting.</summary>
    [Op(OpCode.Or)]
    public static TensorVariable BitwiseOr(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise bitwise exclusive or of integer tensors, logical of bool tensors (PyTensor's <c>pt.bitwise_xor</c>, <c>a ^ b</c>), with broadcasting.</summary>
    [Op(OpCode.Xor)]
    public static TensorVariable BitwiseXor(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise exclusive or, as <see cref="BitwiseXor"/> (PyTensor's <c>pt.xor</c>).</summary>
    [Op(OpCode.Xor)]
    public static TensorVariable Xor(TensorVariable a, TensorVariable b) => Inert.Variable;
}
