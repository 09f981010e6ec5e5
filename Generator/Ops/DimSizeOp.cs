using System.Collections.Generic;
using System.Globalization;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>PyTensor's <c>Shape_i</c>: the run-time size of one axis of its operand, an int64 scalar.</summary>
internal sealed class DimSizeOp : IStructuralOp
{
    public static readonly DimSizeOp Instance = new();

    public OpCode Op => OpCode.DimSize;

    public string Name => "dimsize";

    public int Arity => 1;

    public OpKind Kind => OpKind.Size;

    public StepKind Step => StepKind.Size;

    /// <summary>The size of dimension <paramref name="axis"/> of <paramref name="x"/>: a constant when static.</summary>
    public int Build(GraphBuilder b, int x, int axis)
    {
        var n = b[x];
        if (n.Shape[axis] >= 0) return b.Constant(n.Shape[axis], DType.Int64);
        return b.Add(new Node(OpCode.DimSize, DType.Int64, EquatableArray<int>.Empty, new[] { x }.ToEquatableArray(), new DimSizeParams(axis), default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => EquatableArray<int>.Empty;

    public bool OwnIdentity => false;

    /// <summary>A scalar: no dimensions to relate.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
    }

    /// <summary>A size has no gradient with respect to the values it measures.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1];

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => false;

    /// <summary>Only the operand's shape.</summary>
    public bool ReadsValue(int k) => false;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{0}</c>: the axis.</summary>
    public string PrintedParameters(Node node) => "{" + node.Parameters<DimSizeParams>().Axis.ToString(CultureInfo.InvariantCulture) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;
}
