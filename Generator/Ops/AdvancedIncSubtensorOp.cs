using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>A scatter's axes (as <see cref="AdvancedIndexParams"/>) and whether it writes (<c>set</c>) or adds.</summary>
internal sealed record AdvancedWriteParams(int Axis, int Count, bool Set) : OpParams
{
    public AdvancedIndexParams Index => new(Axis, Count);
}

/// <summary>
/// PyTensor's <c>AdvancedIncSubtensor</c>: x with y added at the positions <c>x[index]</c> gathers (NumPy's
/// <c>np.add.at</c>: a repeated index accumulates), or with <c>set</c> written there (a repeated index keeps the
/// last write). Operands: x, y (of x's dtype and of the gathered rank, broadcast along its static size-1 axes),
/// the checked flat positions (as <see cref="AdvancedSubtensorOp"/>'s). The value has x's shape.
/// </summary>
internal sealed class AdvancedIncSubtensorOp : IStructuralOp, ICallOp
{
    public static readonly AdvancedIncSubtensorOp Instance = new();

    public OpCode Op => OpCode.AdvancedIncSubtensor;

    public string Name => "advanced_inc_subtensor";

    public int Arity => 3;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>
    /// <paramref name="x"/> with <paramref name="y"/> added or written at the gathered positions; y is converted to x's
    /// dtype and given the gathered rank (leading size-1 axes). Whether y broadcasts to the gathered shape is the caller's check.
    /// </summary>
    public int Build(GraphBuilder b, int x, int y, int index, int axis, int count, bool set)
    {
        int rank = b[x].Rank - count + b[index].Rank;
        y = b.Convert(y, b[x].DType);
        int missing = rank - b[y].Rank;
        if (missing > 0) y = b.DimShuffle(y, Enumerable.Repeat(-1, missing).Concat(Enumerable.Range(0, b[y].Rank)).ToArray());
        var inputs = new[] { x, y, index }.ToEquatableArray();
        return b.Add(new Node(OpCode.AdvancedIncSubtensor, b[x].DType, b[x].Shape, inputs, new AdvancedWriteParams(axis, count, set), default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => operands[0].Shape;

    public bool OwnIdentity => false;

    /// <summary>The value is x's shape; y's axes that do not broadcast are the gathered shape's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<AdvancedWriteParams>();
        var graph = sizes.Graph;
        var x = graph[node.Inputs[0]];
        var y = graph[node.Inputs[1]];
        int indexRank = graph[node.Inputs[2]].Rank;
        for (int d = 0; d < x.Rank; d++) sizes.Same(sizes.Output(d), sizes.Operand(0, d));
        for (int d = 0; d < y.Rank; d++)
        {
            if (y.Shape[d] == 1) continue;
            int gathered = d < p.Axis ? sizes.Operand(0, d)
                : d < p.Axis + indexRank ? sizes.Operand(2, d - p.Axis)
                : sizes.Operand(0, d - indexRank + p.Count);
            sizes.Same(sizes.Operand(1, d), gathered);
        }
    }

    /// <summary>
    /// PyTensor's <c>AdvancedIncSubtensor.grad</c>: x's is g (for a set, with the written positions zeroed);
    /// y's is g gathered there, summed over the axes y was broadcast along; the index gets none.
    /// </summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        var p = n.Parameters<AdvancedWriteParams>();
        int y = n.Inputs[1], index = n.Inputs[2];
        int dx = p.Set ? Build(b, g, b.Ew(OpCode.Second, y, b.Scalar(0, b[y].DType)), index, p.Axis, p.Count, set: true) : g;
        int gathered = AdvancedSubtensorOp.Instance.Build(b, g, index, p.Axis, p.Count);
        var broadcast = Enumerable.Range(0, b[y].Rank).Where(d => b[y].Shape[d] == 1 && b[gathered].Shape[d] != 1).ToArray();
        int dy = broadcast.Length == 0 ? gathered : b.Reduce(OpCode.Sum, gathered, broadcast, keepdims: true);
        return [dx, dy, -1];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node)
    {
        var p = node.Parameters<AdvancedWriteParams>();
        return p.Index.Printed.TrimEnd('}') + (p.Set ? ", set=True}" : ", set=False}");
    }

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Gathers.Put(x, y, index, outer, merged, inner, gathered shape, y's strides (0 where broadcast), set, output)</c>.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<AdvancedWriteParams>();
        var xDims = site.Dims(0);
        var (outer, merged, inner) = p.Index.Blocks(xDims);
        var shape = xDims.Take(p.Axis).Concat(site.Dims(2)).Concat(xDims.Skip(p.Axis + p.Count)).ToList();
        var y = site.Operand(1);
        var yDims = site.Dims(1);
        var strides = new string[yDims.Count];
        for (int d = 0; d < strides.Length; d++)
        {
            var after = yDims.Skip(d + 1).Select(s => s.Contains(' ') ? $"({s})" : s).ToList();
            strides[d] = y.Shape[d] == 1 ? "0" : after.Count == 0 ? "1" : string.Join(" * ", after);
        }
        string ints(IEnumerable<string> items) => "stackalloc int[] { " + string.Join(", ", items.Select(s => s == "0" || s == "1" ? s : CallSite.Int(s))) + " }";
        site.Line($"global::Tensorgen.Gathers.Put({site.Input(0)}, {site.Input(1)}, {site.Input(2)}, {outer}, {merged}, {inner}, "
            + $"{ints(shape)}, {ints(strides)}, {(p.Set ? "true" : "false")}, {site.Output});");
    }
}
