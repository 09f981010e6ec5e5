using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>The diagonal's offset (above the main one when positive) and the two axes it runs along (distinct, non-negative).</summary>
internal sealed record DiagonalParams(int Offset, int Axis1, int Axis2) : OpParams
{
    /// <summary>Whether dimension <paramref name="k"/> of the operand is one of the diagonal's axes.</summary>
    public bool Spans(int k) => k == Axis1 || k == Axis2;
}

/// <summary>
/// NumPy's <c>diagonal(x, offset, axis1, axis2)</c> (PyTensor's <c>ExtractDiag</c>): the other axes in order, then
/// the diagonal. Its operands are the tensor and the diagonal's length, an int64 scalar built with it
/// (max(0, min(rows - max(-offset, 0), columns - max(offset, 0)))): a size given by a value. A runtime kernel gathers it.
/// </summary>
internal sealed class DiagonalOp : IStructuralOp, ICallOp
{
    public static readonly DiagonalOp Instance = new();

    public OpCode Op => OpCode.Diagonal;

    public string Name => "diagonal";

    public int Arity => 2;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The diagonal of <paramref name="x"/> along its axes <paramref name="p"/> (checked by the caller).</summary>
    public int Build(GraphBuilder b, int x, DiagonalParams p)
    {
        int length = Length(b, x, p);
        var inputs = new[] { x, length }.ToEquatableArray();
        return b.Add(new Node(OpCode.Diagonal, b[x].DType, Shape(b[x], b[length], p), inputs, p, default, null));
    }

    /// <summary>The diagonal's length: a constant when both axes have static sizes.</summary>
    public static int Length(GraphBuilder b, int x, DiagonalParams p)
    {
        var n = b[x];
        int before = System.Math.Max(-p.Offset, 0), after = System.Math.Max(p.Offset, 0);
        if (n.Shape[p.Axis1] >= 0 && n.Shape[p.Axis2] >= 0)
            return b.Constant(ScalarValue.Integer(System.Math.Max(0, System.Math.Min(n.Shape[p.Axis1] - before, n.Shape[p.Axis2] - after))), DType.Int64);
        int rows = b.Ew(OpCode.Sub, b.DimSize(x, p.Axis1), b.Constant(ScalarValue.Integer(before), DType.Int64));
        int columns = b.Ew(OpCode.Sub, b.DimSize(x, p.Axis2), b.Constant(ScalarValue.Integer(after), DType.Int64));
        return b.Ew(OpCode.Maximum, b.Ew(OpCode.Minimum, rows, columns), b.Constant(ScalarValue.Integer(0), DType.Int64));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0], operands[1], node.Parameters<DiagonalParams>());

    private static EquatableArray<int> Shape(Node x, Node length, DiagonalParams p) =>
        Enumerable.Range(0, x.Rank).Where(k => !p.Spans(k)).Select(k => x.Shape[k]).Append(length.IsConstant ? (int)length.Value.Long : -1).ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>The other axes are the operand's; the last is the length's value.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<DiagonalParams>();
        int j = 0;
        for (int k = 0; k < sizes.Graph[node.Inputs[0]].Rank; k++)
            if (!p.Spans(k)) sizes.Same(sizes.Output(j++), sizes.Operand(0, k));
        sizes.GivenBy(sizes.Output(j), node.Inputs[1]);
    }

    /// <summary>The adjoint set on the diagonal of zeros of the operand's shape (PyTensor's <c>ExtractDiag.grad</c>).</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        return [DiagonalGradOp.Instance.Build(b, node.Inputs[0], g, node.Parameters<DiagonalParams>()), -1];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{offset=1, axis1=0, axis2=1}</c>.</summary>
    public string PrintedParameters(Node node)
    {
        var p = node.Parameters<DiagonalParams>();
        return string.Format(CultureInfo.InvariantCulture, "{{offset={0}, axis1={1}, axis2={2}}}", p.Offset, p.Axis1, p.Axis2);
    }

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>ShapeKernels.Diagonal(x, [sizes], axis1, axis2, offset, output)</c>.</summary>
    public void Write(CallSite site) => site.Line(Call("Diagonal", site.Input(0), site.Dims(0), site.Node.Parameters<DiagonalParams>(), site.Output));

    public static string Call(string kernel, string source, IReadOnlyList<string> dims, DiagonalParams p, string target) =>
        string.Format(CultureInfo.InvariantCulture, "global::Tensorgen.ShapeKernels.{0}({1}, [{2}], {3}, {4}, {5}, {6});",
            kernel, source, string.Join(", ", dims), p.Axis1, p.Axis2, p.Offset, target);
}

/// <summary>Zeros of its first operand's shape (only the shape is read) with the diagonal set from its second: the pullback of a diagonal.</summary>
internal sealed class DiagonalGradOp : IStructuralOp, ICallOp
{
    public static readonly DiagonalGradOp Instance = new();

    public OpCode Op => OpCode.DiagonalGrad;

    public string Name => "diagonal_grad";

    public int Arity => 2;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>Zeros shaped as <paramref name="like"/>, with <paramref name="g"/> on its diagonal <paramref name="p"/>.</summary>
    public int Build(GraphBuilder b, int like, int g, DiagonalParams p) =>
        b.Add(new Node(OpCode.DiagonalGrad, b[g].DType, b[like].Shape, new[] { like, g }.ToEquatableArray(), p, default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => operands[0].Shape;

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int k = 0; k < node.Rank; k++) sizes.Same(sizes.Output(k), sizes.Operand(0, k));
    }

    /// <summary>Linear in its second operand: the diagonal of the adjoint; the first gives only a shape.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1, DiagonalOp.Instance.Build(b, g, b[id].Parameters<DiagonalParams>())];

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    /// <summary>Only the first operand's shape.</summary>
    public bool ReadsValue(int k) => k == 1;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => DiagonalOp.Instance.PrintedParameters(node);

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>ShapeKernels.SetDiagonal(g, [sizes], axis1, axis2, offset, output)</c>: the output cleared, then the diagonal written.</summary>
    public void Write(CallSite site) => site.Line(DiagonalOp.Call("SetDiagonal", site.Input(1), site.Dims(0), site.Node.Parameters<DiagonalParams>(), site.Output));
}
