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
        // The size of a slice, a range or a join is the value its op computed it from: reading it is no step, and
        // a step reading it could not be ordered after the step computing that value (it would read the size first).
        if (GivenValue(b, x, axis) is var given and >= 0) return b.Convert(given, DType.Int64);
        return b.Add(new Node(OpCode.DimSize, DType.Int64, EquatableArray<int>.Empty, new[] { x }.ToEquatableArray(), new DimSizeParams(axis), default, null));
    }

    /// <summary>
    /// The value a data op computed dimension <paramref name="axis"/> of <paramref name="x"/> from, looking through
    /// element-wise ops (their dimensions are their operands', where those do not broadcast), or -1. A loop, not recursion.
    /// </summary>
    private static int GivenValue(GraphBuilder b, int x, int axis)
    {
        while (true)
        {
            var n = b[x];
            if (n.IsLeaf) return -1;
            if (OpInfo.Kind(n.Op) == OpKind.Data) return SizeRelations.GivenValue(b.Nodes, x, axis);
            if (!OpInfo.IsElementwise(n.Op)) return -1;
            int next = -1;
            foreach (var input in n.Inputs)
            {
                var o = b[input];
                int k = axis - (n.Rank - o.Rank);
                if (k >= 0 && o.Shape[k] != 1) { next = input; axis = k; break; }
            }
            if (next < 0) return -1;
            x = next;
        }
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
