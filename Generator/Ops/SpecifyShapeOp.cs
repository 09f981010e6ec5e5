using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>The static sizes a SpecifyShape states (-1 where it states none).</summary>
internal sealed record SpecifyShapeParams(EquatableArray<int> Shape) : OpParams;

/// <summary>
/// PyTensor's <c>SpecifyShape</c>: its operand, with static sizes stated. A view of the same data; a stated size
/// joins the size class of its operand's dimension, so the call checks the run-time size against it before any
/// work (an input's dimension, or a computed size), and what follows is compiled for the static size.
/// </summary>
internal sealed class SpecifyShapeOp : IStructuralOp
{
    public static readonly SpecifyShapeOp Instance = new();

    public OpCode Op => OpCode.SpecifyShape;

    public string Name => "specify_shape";

    public int Arity => 1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Copy;

    /// <summary><paramref name="x"/> with the static sizes <paramref name="shape"/> (-1: as it is); <paramref name="x"/> itself when they state nothing new.</summary>
    public int Build(GraphBuilder b, int x, int[] shape)
    {
        var n = b[x];
        if (shape.Select((s, k) => s < 0 || s == n.Shape[k]).All(same => same)) return x;
        var parameters = new SpecifyShapeParams(shape.ToEquatableArray());
        return b.Add(new Node(OpCode.SpecifyShape, n.DType, Shape(n, parameters), new[] { x }.ToEquatableArray(), parameters, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0], node.Parameters<SpecifyShapeParams>());

    private static EquatableArray<int> Shape(Node operand, SpecifyShapeParams p) => p.Shape.Select((s, k) => s >= 0 ? s : operand.Shape[k]).ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>Each dimension is its operand's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int k = 0; k < node.Rank; k++) sizes.Same(sizes.Output(k), sizes.Operand(0, k));
    }

    /// <summary>The adjoint as it is (PyTensor's <c>SpecifyShape.grad</c>).</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [g];

    public bool Disconnected => false;

    public bool IsView(Node node) => true;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{shape=(3, ?)}</c>.</summary>
    public string PrintedParameters(Node node) => "{shape=" + GraphBuilder.ShapeText(node.Parameters<SpecifyShapeParams>().Shape) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;
}
