using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Rewrite;

/// <summary>
/// PyTensor's scan_save_mem, for <c>result[-1]</c>: a scan whose stacked result nothing reads but its last step
/// keeps only that step (A**k in k steps holds one vector, not k), and, as PyTensor's, gives a fed-back result's
/// initial state when there are no steps. A pass of its own, before ScanMerging: it needs every reader of the scan,
/// and the outputs.
/// </summary>
internal static class ScanLastStep
{
    public const string Name = "scan_save_mem";

    /// <summary>The graph with each such pair made one last-step scan, and where each node went; or null when there is none.</summary>
    public static (TensorGraph Graph, int[] Map)? Apply(TensorGraph graph, IEnumerable<int> roots, int maxNodes, IDictionary<string, int> fired)
    {
        var readers = new int[graph.Count];
        foreach (var root in roots) readers[root] += 2;   // an output or an update reads all of it
        for (int id = 0; id < graph.Count; id++)
            foreach (var input in graph[id].Inputs.Distinct()) readers[input]++;
        // A scan with siblings (nodes of the same loop, stacking other results) is left to ScanMerging: one loop
        // for all of them is worth more than keeping one result's last step only.
        var loops = new Dictionary<(EquatableArray<int>, ScanParams, DType), int>();
        for (int id = 0; id < graph.Count; id++)
            if (ScanMerging.Key(graph[id]) is { } key) loops[key] = loops.TryGetValue(key, out int n) ? n + 1 : 1;
        var last = new Dictionary<int, int>();
        for (int id = 0; id < graph.Count; id++)
        {
            if (!IsLastStep(graph, graph[id])) continue;
            int read = graph[id].Inputs[0];
            if (IsScan(graph[read]) && readers[read] == 1 && Alone(graph[read])) last[id] = read;
            // A loop that stops early: the last of the steps it ran, through the slice of them its result is.
            else if (StoppingSlice(graph, graph[read]) is { } scan && readers[read] == 1 && readers[scan] == 2 && readers[graph[read].Inputs[2]] == 1) last[id] = scan;
        }
        bool Alone(Node scan) => ScanMerging.Key(scan) is not { } key || loops[key] == 1;
        if (last.Count == 0) return null;

        var builder = new GraphBuilder(maxNodes);
        var map = new int[graph.Count];
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (last.TryGetValue(id, out int stacked))
            {
                // The scan node itself is built too (nothing else reads it, so pruning drops it).
                var scan = builder[map[stacked]];
                map[id] = builder.Add(new Node(OpCode.Scan, node.DType, node.Shape, scan.Inputs, scan.Parameters<ScanParams>() with { LastOnly = true }, default, null));
                fired[Name] = fired.TryGetValue(Name, out int c) ? c + 1 : 1;
                continue;
            }
            map[id] = builder.Add(node.Inputs.Count == 0 ? node : node with { Inputs = node.Inputs.Select(i => map[i]).ToEquatableArray() });
        }
        return (builder.Freeze(), map);
    }

    /// <summary>A stacked scan that stops early (PyTensor's until).</summary>
    public static bool IsStoppingScan(Node node) =>
        node.Op == OpCode.Scan && node.Parameters<ScanParams>() is { Packed.Count: 0, LastOnly: false, Until: >= 0 };

    /// <summary>The scan node whose ran steps <paramref name="node"/> is, <c>scan[0:ScanLength(scan)]</c>, or null.</summary>
    private static int? StoppingSlice(TensorGraph graph, Node node)
    {
        if (node.Op != OpCode.Subtensor || node.Inputs.Count != 3 || node.Parameters<SubtensorParams>().Steps is not { Count: 1 } steps || steps[0] != 1) return null;
        var start = graph[node.Inputs[1]];
        var length = graph[node.Inputs[2]];
        bool ran = start.IsConstant && start.Value.Long == 0 && length.Op == OpCode.ScanLength && length.Inputs[0] == node.Inputs[0];
        return ran && IsStoppingScan(graph[node.Inputs[0]]) ? node.Inputs[0] : null;
    }

    private static bool IsScan(Node node) => ScanMerging.Key(node) is not null || IsStoppingScan(node);

    /// <summary><c>x[-1]</c> of a stacked scan result: a Subtensor taking index -1 of the first axis only.</summary>
    private static bool IsLastStep(TensorGraph graph, Node node)
    {
        if (node.Op != OpCode.Subtensor || node.Inputs.Count != 2) return false;
        var p = node.Parameters<SubtensorParams>();
        if (p.Steps.Count != 1 || p.Steps[0] != 0) return false;
        // The last step: index -1, or n - 1 where the rewrites made -1 so from a static length n.
        var index = graph[node.Inputs[1]];
        long length = graph[node.Inputs[0]].Shape[0];
        if (!index.IsConstant || !(index.Value.Long == -1 || (length > 0 && index.Value.Long == length - 1))) return false;
        return IsScan(graph[node.Inputs[0]]) || StoppingSlice(graph, graph[node.Inputs[0]]) is not null;
    }
}
