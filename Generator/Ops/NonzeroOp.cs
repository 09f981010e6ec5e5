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

    /// <summary>
    /// The positions of <paramref name="mask"/>'s true elements, the mask covering <paramref name="x"/>'s axes from
    /// <paramref name="axis"/>; -1 when the mask is not computed from sources by element-wise ops (see <see cref="Count"/>).
    /// </summary>
    public int Build(GraphBuilder b, int mask, int x, int axis)
    {
        int count = Count(b, mask);
        if (count < 0) return -1;
        var inputs = new[] { mask, count, x }.ToEquatableArray();
        return b.Add(new Node(OpCode.Nonzero, DType.Int64, Shape(b[count]), inputs, new CheckIndexParams(axis, b[mask].Rank), default, null));
    }

    /// <summary>
    /// The number of true elements of <paramref name="mask"/>, an int64 scalar computed before buffers are taken:
    /// a sum over the mask recomputed from its sources, each read through a no-op no rewrite removes (<c>maximum(x, x)</c>,
    /// <c>m | m</c>) so that the copy is not the mask itself (which the positions' step reads from its buffer, computed
    /// only once buffers are taken) but fuses into the sum over sources. -1 when the mask is computed by anything but element-wise ops on sources and constants.
    /// </summary>
    public static int Count(GraphBuilder b, int mask)
    {
        var givens = new Dictionary<int, int>();
        var seen = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(mask);
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (!seen.Add(id)) continue;
            var n = b[id];
            if (n.IsSource)
            {
                if (n.Rank > 0 && id != mask) givens[id] = b.Ew(n.DType == DType.Bool ? OpCode.Or : OpCode.Maximum, id, id);
            }
            else if (!n.IsConstant)
            {
                if (!OpInfo.IsElementwise(n.Op)) return -1;
                foreach (int input in n.Inputs) pending.Push(input);
            }
        }
        int copy = b.Replace(mask, givens, new Dictionary<int, int>());
        return b.Reduce(OpCode.Sum, b.Convert(copy, DType.Int64), Enumerable.Range(0, b[copy].Rank).ToArray(), keepdims: false);
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
