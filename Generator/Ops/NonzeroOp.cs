using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// NumPy's <c>flatnonzero</c> of a bool mask: the row-major positions of its true elements, an int64 vector whose
/// length is known only from the data. Operands: the mask, the count of its true elements (an int64 scalar, the
/// length: a size given by a value, computed before buffers are taken), and the masked tensor, of which only the
/// shape is read: the mask's sizes are the masked tensor's leading ones.
/// </summary>
internal sealed class NonzeroOp : IStructuralOp, ICallOp
{
    public static readonly NonzeroOp Instance = new();

    public OpCode Op => OpCode.Nonzero;

    public string Name => "flatnonzero";

    public int Arity => 3;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The positions of <paramref name="mask"/>'s true elements, the mask covering <paramref name="x"/>'s leading axes from <paramref name="axis"/>.</summary>
    public int Build(GraphBuilder b, int mask, int x, int axis)
    {
        int count = b.Reduce(OpCode.Sum, b.Convert(mask, DType.Int64), Enumerable.Range(0, b[mask].Rank).ToArray(), keepdims: false);
        var inputs = new[] { mask, count, x }.ToEquatableArray();
        return b.Add(new Node(OpCode.Nonzero, DType.Int64, Shape(b[count]), inputs, new CheckIndexParams(axis, b[mask].Rank), default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[1]);

    private static EquatableArray<int> Shape(Node count) => new[] { count.IsConstant ? (int)count.Value.Long : -1 }.ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>The length is the count; the mask's sizes are the masked tensor's from the axis on.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        sizes.GivenBy(sizes.Output(0), node.Inputs[1]);
        int axis = node.Parameters<CheckIndexParams>().Axis, rank = sizes.Graph[node.Inputs[0]].Rank;
        for (int d = 0; d < rank; d++) sizes.Same(sizes.Operand(0, d), sizes.Operand(2, axis + d));
    }

    /// <summary>Positions have no gradient.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1, -1, -1];

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => k == 0;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => node.Parameters<CheckIndexParams>().Printed;

    public string PrintedOperand(Node node, int k, string name) => name;

    public void Write(CallSite site) => site.Line($"global::Tensorgen.Gathers.FlatNonzero({site.Input(0)}, {site.Output});");
}
