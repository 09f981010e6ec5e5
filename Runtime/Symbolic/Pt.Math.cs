namespace Tensorgen;

// Element-wise math, named as PyTensor's (pt.exp -> Pt.Exp). Each is tagged with its OpCode.
public static partial class Pt
{
    /// <summary>Element-wise e raised to each element.</summary>
    [Op(OpCode.Exp)]
    public static TensorVariable Exp(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise e^x - 1, accurate near 0.</summary>
    [Op(OpCode.Expm1)]
    public static TensorVariable Expm1(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise natural logarithm.</summary>
    [Op(OpCode.Log)]
    public static TensorVariable Log(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise log(1 + x), accurate near 0.</summary>
    [Op(OpCode.Log1p)]
    public static TensorVariable Log1p(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise hyperbolic tangent.</summary>
    [Op(OpCode.Tanh)]
    public static TensorVariable Tanh(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise logistic sigmoid 1 / (1 + e^-x).</summary>
    [Op(OpCode.Sigmoid)]
    public static TensorVariable Sigmoid(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise log(1 + e^x), without overflow.</summary>
    [Op(OpCode.Softplus)]
    public static TensorVariable Softplus(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise absolute value.</summary>
    [Op(OpCode.Abs)]
    public static TensorVariable Abs(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise negation.</summary>
    [Op(OpCode.Neg)]
    public static TensorVariable Neg(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise square.</summary>
    [Op(OpCode.Sqr)]
    public static TensorVariable Sqr(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise square root.</summary>
    [Op(OpCode.Sqrt)]
    public static TensorVariable Sqrt(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise sine.</summary>
    [Op(OpCode.Sin)]
    public static TensorVariable Sin(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise cosine.</summary>
    [Op(OpCode.Cos)]
    public static TensorVariable Cos(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise error function 2/√π ∫₀ˣ e^(-t²) dt (PyTensor's <c>pt.erf</c>; integers give float64).</summary>
    [Op(OpCode.Erf)]
    public static TensorVariable Erf(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise complementary error function 1 - erf(x), accurate where it is tiny (PyTensor's <c>pt.erfc</c>).</summary>
    [Op(OpCode.Erfc)]
    public static TensorVariable Erfc(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise logical not of a bool tensor.</summary>
    [Op(OpCode.Not)]
    public static TensorVariable Not(TensorVariable x) => Inert.Variable;
    /// <summary>Element-wise sum, with broadcasting.</summary>
    [Op(OpCode.Add)]
    public static TensorVariable Add(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise difference, with broadcasting.</summary>
    [Op(OpCode.Sub)]
    public static TensorVariable Sub(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise product, with broadcasting.</summary>
    [Op(OpCode.Mul)]
    public static TensorVariable Mul(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise true division (integers divide to float64), with broadcasting.</summary>
    [Op(OpCode.TrueDiv)]
    public static TensorVariable TrueDiv(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise floor division, with broadcasting.</summary>
    [Op(OpCode.IntDiv)]
    public static TensorVariable IntDiv(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise remainder with the sign of the divisor, with broadcasting.</summary>
    [Op(OpCode.Mod)]
    public static TensorVariable Mod(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise power a ** b, with broadcasting.</summary>
    [Op(OpCode.Pow)]
    public static TensorVariable Pow(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise maximum, with broadcasting.</summary>
    [Op(OpCode.Maximum)]
    public static TensorVariable Maximum(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise minimum, with broadcasting.</summary>
    [Op(OpCode.Minimum)]
    public static TensorVariable Minimum(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise a &lt; b, with broadcasting.</summary>
    [Op(OpCode.Lt)]
    public static TensorVariable Lt(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise a &gt; b, with broadcasting.</summary>
    [Op(OpCode.Gt)]
    public static TensorVariable Gt(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise a &lt;= b, with broadcasting.</summary>
    [Op(OpCode.Le)]
    public static TensorVariable Le(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise a &gt;= b, with broadcasting.</summary>
    [Op(OpCode.Ge)]
    public static TensorVariable Ge(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise a == b, with broadcasting.</summary>
    [Op(OpCode.Eq)]
    public static TensorVariable Eq(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise a != b, with broadcasting.</summary>
    [Op(OpCode.Neq)]
    public static TensorVariable Neq(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise logical and, with broadcasting.</summary>
    [Op(OpCode.And)]
    public static TensorVariable And(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise logical or, with broadcasting.</summary>
    [Op(OpCode.Or)]
    public static TensorVariable Or(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise <c>cond ? ifTrue : ifFalse</c>, with broadcasting.</summary>
    [Op(OpCode.Switch)]
    public static TensorVariable Switch(TensorVariable cond, TensorVariable ifTrue, TensorVariable ifFalse) => Inert.Variable;
    /// <summary>Converts each element to <paramref name="dtype"/>.</summary>
    [Op(OpCode.Cast)]
    public static TensorVariable Cast(TensorVariable x, DType dtype) => Inert.Variable;
}
