using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Ops;

/// <summary>Where an op's scalar C# goes: its operands' expressions and dtypes, for <see cref="ElementwiseOp.Scalar"/>.</summary>
internal readonly struct ScalarSite
{
    private readonly string[] _operands;

    public ScalarSite(string[] operands, DType operand, DType dtype)
    {
        _operands = operands;
        Operand = operand;
        DType = dtype;
    }

    /// <summary>Operand <paramref name="k"/>'s expression.</summary>
    public string this[int k] => _operands[k];

    /// <summary>The dtype the op computes in (its value operands').</summary>
    public DType Operand { get; }

    /// <summary>The result's dtype.</summary>
    public DType DType { get; }

    public bool IsFloat => Operand.IsFloat();

    /// <summary><c>System.MathF</c> for float32 operands, else <c>System.Math</c>.</summary>
    public string Math => Operand == DType.Float32 ? "global::System.MathF" : "global::System.Math";

    /// <summary>The runtime's scalar functions, shared with constant folding.</summary>
    public string Ops => "global::Tensorgen.ScalarOps";

    /// <summary>A literal of the result's dtype.</summary>
    public string Literal(double value) => Literals.Of(value, DType);
}

/// <summary>
/// Where an op's vector C# goes, for <see cref="VectorForm"/>: its operands' vector expressions, the
/// float dtype T the kernel computes in, and whether the op works on masks (bools) rather than numbers.
/// </summary>
internal readonly struct VectorSite
{
    private readonly string[] _operands;

    public VectorSite(string[] operands, DType operand, DType dtype, DType t, int width = 0)
    {
        _operands = operands;
        Operand = operand;
        DType = dtype;
        T = t;
        Width = width;
    }

    /// <summary>The loop's vector width in bits: 512 for <c>Vector512&lt;T&gt;</c>, 0 for <c>Vector&lt;T&gt;</c>.</summary>
    public int Width { get; }

    public string this[int k] => _operands[k];

    /// <summary>The dtype of the op's value operands.</summary>
    public DType Operand { get; }

    /// <summary>The result's dtype.</summary>
    public DType DType { get; }

    /// <summary>The float dtype the kernel computes in.</summary>
    public DType T { get; }

    /// <summary><c>System.Numerics.Vector</c> (or <c>System.Runtime.Intrinsics.Vector512</c> in a 512-bit loop): its static methods.</summary>
    public string V => Width == 0 ? "global::System.Numerics.Vector" : $"global::System.Runtime.Intrinsics.Vector{Width}";

    /// <summary>The runtime's vector functions (<c>VectorMath</c>).</summary>
    public string M => "global::Tensorgen.VectorMath";

    public string Zero => $"{V}<{T.CSharp()}>.Zero";

    public string One => $"{V}<{T.CSharp()}>.One";

    /// <summary>Whether the op computes on masks: its result or its values are bools.</summary>
    public bool OnMasks => IsMasks(Operand, DType);

    /// <summary>Whether an op with values of <paramref name="operand"/> and a result of <paramref name="dtype"/> computes on masks.</summary>
    public static bool IsMasks(DType operand, DType dtype) => dtype == DType.Bool || operand == DType.Bool;
}

/// <summary>
/// Where an op's pullback builds its graph: the node (<see cref="Z"/>), its operands, its adjoint
/// <see cref="G"/>, and the element-wise ops to build the operands' contributions with.
/// </summary>
internal sealed class PullbackSite
{
    private readonly GraphBuilder _b;

    public PullbackSite(GraphBuilder b, int node, int g)
    {
        _b = b;
        Z = node;
        G = g;
    }

    /// <summary>The node being differentiated.</summary>
    public int Z { get; }

    /// <summary>The node's adjoint.</summary>
    public int G { get; }

    public int X => Operand(0);

    public int Y => Operand(1);

    public int Operand(int k) => _b[Z].Inputs[k];

    /// <summary>No contribution to this operand.</summary>
    public const int None = -1;

    public DType DTypeOf(int node) => _b[node].DType;

    /// <summary>A constant of the node's dtype.</summary>
    public int C(double value) => _b.Scalar(value, _b[Z].DType);

    public int Ew(OpCode op, params int[] operands) => _b.Ew(op, operands);

    public int Add(int p, int q) => _b.Ew(OpCode.Add, p, q);

    public int Sub(int p, int q) => _b.Ew(OpCode.Sub, p, q);

    public int Mul(int p, int q) => _b.Ew(OpCode.Mul, p, q);

    public int Div(int p, int q) => _b.Ew(OpCode.TrueDiv, p, q);

    public int Neg(int p) => _b.Ew(OpCode.Neg, p);

    /// <summary>A bool <paramref name="condition"/> as 0 and 1 of the node's dtype.</summary>
    public int Mask(int condition) => _b.Convert(condition, _b[Z].DType);

    public int Convert(int node, DType dtype) => _b.Convert(node, dtype);

    /// <summary>A contribution summed to <paramref name="operand"/>'s shape (the operand was broadcast).</summary>
    public int To(int contribution, int operand) => Differentiate.Pullbacks.SumTo(_b, contribution, operand);
}
