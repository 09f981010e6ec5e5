using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Rewrite;

/// <summary>
/// PyTensor's scan merging, within one scan: scan nodes that run the same loop (the same body over the same operands)
/// and differ only in the result they stack become one loop that stacks them all. Each node's body computes every
/// result at every step anyway, so k such nodes ran the loop k times for one loop's worth of results: a scan with
/// several results used as outputs, the states a gradient reads back, and a gradient's backward scan (one node per
/// sequence, state and captured value). The merged node packs the stacked results into one flat buffer, one after
/// the other; each result is a view of its part (a slice, reshaped), which costs no copy.
/// </summary>
internal static class ScanMerging
{
    public const string Name = "scan_merge_outputs";

    /// <summary>The graph with each group of such nodes merged, and where each node went; or null when there is none.</summary>
    public static (TensorGraph Graph, int[] Map)? Apply(TensorGraph graph, int maxNodes, IDictionary<string, int> fired)
    {
        var groups = new Dictionary<(EquatableArray<int> Inputs, ScanParams Params, DType DType), List<int>>();
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (Key(node) is not { } key) continue;
            if (!groups.TryGetValue(key, out var members)) groups[key] = members = [];
            if (!members.Any(m => graph[m].Parameters<ScanParams>().Output == node.Parameters<ScanParams>().Output)) members.Add(id);
        }
        var merged = groups.Values.Where(m => m.Count > 1).ToList();
        if (merged.Count == 0) return null;
        var groupOf = new Dictionary<int, List<int>>();
        foreach (var members in merged)
            foreach (var id in members) groupOf[id] = members;

        var builder = new GraphBuilder(maxNodes);
        var map = new int[graph.Count];
        var views = new Dictionary<int, int>();
        var packed = new Dictionary<List<int>, int>();
        var unmerged = new HashSet<List<int>>();
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (groupOf.TryGetValue(id, out var members) && !unmerged.Contains(members))
            {
                // The group's first member makes the packed node and every member's view (they share its operands).
                if (!views.ContainsKey(id))
                {
                    if (Merge(builder, graph, members, map, views) is { } loop)
                    {
                        packed[members] = loop;
                        fired[Name] = fired.TryGetValue(Name, out int c) ? c + 1 : 1;
                    }
                    else unmerged.Add(members);
                }
                if (views.TryGetValue(id, out int view))
                {
                    map[id] = view;
                    continue;
                }
            }
            // The steps a merged loop that stops early ran: counted by the one loop.
            if (node.Op == OpCode.ScanLength && groupOf.TryGetValue(node.Inputs[0], out var group) && packed.TryGetValue(group, out int loopNode))
            {
                map[id] = ScanLengthOp.Instance.Build(builder, loopNode);
                continue;
            }
            map[id] = builder.Add(node.Inputs.Count == 0 ? node : node with { Inputs = node.Inputs.Select(i => map[i]).ToEquatableArray() });
        }
        return (builder.Freeze(), map);
    }

    /// <summary>What scan nodes running the same loop share (null: not a scan this pass merges).</summary>
    public static (EquatableArray<int> Inputs, ScanParams Params, DType DType)? Key(Node node) =>
        node.Op == OpCode.Scan && node.Parameters<ScanParams>() is { Packed.Count: 0, LastOnly: false } p
            ? (node.Inputs, p with { Output = 0, StepDims = default, StepAxes = default }, node.DType)
            : null;

    /// <summary>
    /// One packed node for <paramref name="members"/> (their operands already in <paramref name="b"/>) and a view of it
    /// per member, into <paramref name="views"/>; null, adding nothing, when a member's step size is not known from
    /// the operands.
    /// </summary>
    private static int? Merge(GraphBuilder b, TensorGraph graph, List<int> members, int[] map, Dictionary<int, int> views)
    {
        var first = graph[members[0]];
        var operands = first.Inputs.Select(i => map[i]).ToList();
        int Int(long v) => b.Constant(ScalarValue.Integer(v), DType.Int64);
        var dims = new List<int[]>();
        foreach (var id in members)
        {
            if (StepDims(b, graph[id], operands, Int) is not { } d) return null;
            dims.Add(d);
        }
        var ordered = members.Select((id, j) => (Id: id, Dims: dims[j], Output: graph[id].Parameters<ScanParams>().Output)).OrderBy(m => m.Output).ToList();
        int steps = operands[0];
        // Sizes arithmetic, folded where both sides are known (the printed graph stays readable).
        int Fold(OpCode op, int x, int y)
        {
            if (b[x].IsConstant && b[y].IsConstant)
                return Int(op == OpCode.Mul ? b[x].Value.Long * b[y].Value.Long : b[x].Value.Long + b[y].Value.Long);
            long identity = op == OpCode.Mul ? 1 : 0;
            if (b[x].IsConstant && b[x].Value.Long == identity) return y;
            if (b[y].IsConstant && b[y].Value.Long == identity) return x;
            return b.Ew(op, x, y);
        }
        var stepLengths = ordered.Select(m => m.Dims.Aggregate(Int(1), (product, d) => Fold(OpCode.Mul, product, d))).ToList();
        var sizes = stepLengths.Select(l => Fold(OpCode.Mul, steps, l)).ToList();
        int length = sizes.Aggregate(Int(0), (sum, size) => Fold(OpCode.Add, sum, size));
        var p = first.Parameters<ScanParams>() with { Output = ordered[0].Output, Packed = ordered.Select(m => m.Output).ToEquatableArray() };
        int packed = ScanOp.Instance.BuildPacked(b, operands, p, stepLengths, length);
        int offset = Int(0);
        for (int j = 0; j < ordered.Count; j++)
        {
            int flat = SubtensorOp.Instance.Build(b, packed, [1], [offset, sizes[j]]);
            views[ordered[j].Id] = ReshapeOp.Instance.Build(b, flat, new[] { steps }.Concat(ordered[j].Dims).ToArray(), graph[ordered[j].Id].Shape.ToArray());
            offset = Fold(OpCode.Add, offset, sizes[j]);
        }
        return packed;
    }

    /// <summary>The sizes of a step of <paramref name="node"/>'s result, as int64 scalars; null when one is not known from the operands.</summary>
    private static int[]? StepDims(GraphBuilder b, Node node, IReadOnlyList<int> operands, System.Func<long, int> constant)
    {
        var p = node.Parameters<ScanParams>();
        var dims = new int[node.Rank - 1];
        for (int d = 0; d < dims.Length; d++)
        {
            if (node.Shape[d + 1] >= 0) dims[d] = constant(node.Shape[d + 1]);
            else if (p.StepDims[d] >= 0) dims[d] = b.DimSize(operands[p.StepDims[d]], p.StepAxes[d]);
            else if (System.Array.IndexOf(p.States.ToArray(), p.Output) is var r and >= 0 && b[operands[1 + p.Sequences + r]].Rank == dims.Length)
                dims[d] = b.DimSize(operands[1 + p.Sequences + r], d);   // a fed-back result keeps its initial state's shape
            else return null;
        }
        return dims;
    }
}
