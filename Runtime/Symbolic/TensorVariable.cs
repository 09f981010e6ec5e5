namespace Tensorgen;

/// <summary>
/// A symbolic tensor (PyTensor's <c>TensorVariable</c>): an input, a constant or the result of an
/// operation. It only has meaning inside a <see cref="TensorFunctionAttribute"/> method, where the
/// generator evaluates it; it holds no data.
/// </summary>
#pragma warning disable CS0660, CS0661 // operators build graph nodes; equality is not overloaded
public partial class TensorVariable
{
    private protected TensorVariable() { }

    /// <summary>The variable's name, used for keyword parameters and in printed graphs. Readable in graph code.</summary>
    public virtual string? Name => null;

    /// <summary>The element type. Readable in graph code (<c>Scalar("foo", state.DType)</c>).</summary>
    public virtual DType DType => DType.Float64;

    /// <summary>The number of dimensions. Readable in graph code.</summary>
    public virtual int NDim => 0;

    /// <summary>The size of each dimension, as int64 scalars (PyTensor's <c>x.shape</c>): <c>size: x.Shape</c>.</summary>
    public TensorVariable[] Shape => [];

    /// <summary>The transpose (PyTensor's <c>x.T</c>).</summary>
    public TensorVariable T => Inert.Variable;

    /// <summary>Sum over every axis, or over <paramref name="axis"/> (PyTensor's <c>x.sum()</c>).</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Sum)]
    public TensorVariable Sum(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Mean over every axis, or over <paramref name="axis"/> (PyTensor's <c>x.mean()</c>).</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Mean)]
    public TensorVariable Mean(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Maximum over every axis, or over <paramref name="axis"/> (PyTensor's <c>x.max()</c>).</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Max)]
    public TensorVariable Max(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Minimum over every axis, or over <paramref name="axis"/> (PyTensor's <c>x.min()</c>).</summary>
    [Builtin(Builtin.Reduce, op: OpCode.Min)]
    public TensorVariable Min(int? axis = null, bool keepdims = false) => Inert.Variable;

    /// <summary>Each element limited to [<paramref name="min"/>, <paramref name="max"/>] (PyTensor's <c>x.clip(a_min, a_max)</c>; see <see cref="Pt.Clip"/>).</summary>
    [Op(OpCode.Clip)]
    public TensorVariable Clip(TensorVariable min, TensorVariable max) => Inert.Variable;

    /// <summary>Each element rounded, halves to even (PyTensor's <c>x.round()</c>; see <see cref="Pt.Round"/>).</summary>
    [Op(OpCode.RoundHalfToEven)]
    public TensorVariable Round() => Inert.Variable;

    /// <summary>A constant tensor holding <paramref name="value"/>.</summary>
    [Builtin(Builtin.Constant)]
    public static implicit operator TensorVariable(double value) => Inert.Variable;
    /// <summary>A constant tensor holding <paramref name="value"/>.</summary>
    [Builtin(Builtin.Constant)]
    public static implicit operator TensorVariable(float value) => Inert.Variable;
    /// <summary>A constant tensor holding <paramref name="value"/>.</summary>
    [Builtin(Builtin.Constant)]
    public static implicit operator TensorVariable(long value) => Inert.Variable;
    /// <summary>A constant tensor holding <paramref name="value"/>.</summary>
    [Builtin(Builtin.Constant)]
    public static implicit operator TensorVariable(int value) => Inert.Variable;
    /// <summary>A constant tensor holding <paramref name="value"/>.</summary>
    [Builtin(Builtin.Constant)]
    public static implicit operator TensorVariable(bool value) => Inert.Variable;

    /// <summary>Element-wise sum, with broadcasting.</summary>
    [Op(OpCode.Add)]
    public static TensorVariable operator +(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise difference, with broadcasting.</summary>
    [Op(OpCode.Sub)]
    public static TensorVariable operator -(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise product, with broadcasting.</summary>
    [Op(OpCode.Mul)]
    public static TensorVariable operator *(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise true division (integers divide to float64), with broadcasting.</summary>
    [Op(OpCode.TrueDiv)]
    public static TensorVariable operator /(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise remainder with the sign of the divisor, as Python's <c>%</c>.</summary>
    [Op(OpCode.Mod)]
    public static TensorVariable operator %(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise negation.</summary>
    [Op(OpCode.Neg)]
    public static TensorVariable operator -(TensorVariable a) => Inert.Variable;
    /// <summary>Identity.</summary>
    [Op(OpCode.Identity)]
    public static TensorVariable operator +(TensorVariable a) => Inert.Variable;
    /// <summary>Element-wise <c>a &lt; b</c>, a bool tensor.</summary>
    [Op(OpCode.Lt)]
    public static TensorVariable operator <(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise <c>a &gt; b</c>, a bool tensor.</summary>
    [Op(OpCode.Gt)]
    public static TensorVariable operator >(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise <c>a &lt;= b</c>, a bool tensor.</summary>
    [Op(OpCode.Le)]
    public static TensorVariable operator <=(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise <c>a &gt;= b</c>, a bool tensor.</summary>
    [Op(OpCode.Ge)]
    public static TensorVariable operator >=(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise bitwise and of integer tensors, logical and of bool tensors (PyTensor's <c>&amp;</c>, <c>bitwise_and</c>).</summary>
    [Op(OpCode.And)]
    public static TensorVariable operator &(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise bitwise or of integer tensors, logical or of bool tensors (PyTensor's <c>|</c>, <c>bitwise_or</c>).</summary>
    [Op(OpCode.Or)]
    public static TensorVariable operator |(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise logical not of a bool tensor.</summary>
    [Op(OpCode.Not)]
    public static TensorVariable operator !(TensorVariable a) => Inert.Variable;
    /// <summary>Element-wise bitwise exclusive or of integer tensors, logical of bool tensors (PyTensor's <c>^</c>, <c>bitwise_xor</c>).</summary>
    [Op(OpCode.Xor)]
    public static TensorVariable operator ^(TensorVariable a, TensorVariable b) => Inert.Variable;
    /// <summary>Element-wise bitwise complement of an integer tensor, logical not of a bool tensor (PyTensor's <c>~</c>, <c>invert</c>).</summary>
    [Op(OpCode.Invert)]
    public static TensorVariable operator ~(TensorVariable a) => Inert.Variable;
}
#pragma warning restore CS0660, CS0661
