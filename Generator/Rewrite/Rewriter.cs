using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Rewrite;

/// <summary>
/// The rewrite stage: rebuilds a graph bottom-up, each node on its already rewritten operands, applying the
/// rules of <see cref="RuleSets.All"/> until none fires; then drops unused nodes. Merging is hash-consing in
/// <see cref="GraphBuilder"/>.
/// </summary>
internal static class Rewriter
{
    public static OptimizedFunction Run(FunctionSpec spec, int maxNodes = 0)
    {
        var builder = new GraphBuilder(maxNodes);
        var fired = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        var map = new int[spec.Graph.Count];
        for (int id = 0; id < spec.Graph.Count; id++)
        {
            var node = spec.Graph[id];
            if (OpInfo.IsRequest(node.Op)) throw new System.InvalidOperationException($"a request ({OpInfo.Name(node.Op)}) reached the rewrite stage");
            var rebuilt = node.IsConstant
                ? node with { Params = null } // equal constants are one node from here on (merge)
                : node with { Inputs = Remap(node.Inputs, map), Identity = 0 }; // equal expressions are one node from here on
            map[id] = RuleSets.All.Simplify(builder, rebuilt, fired);
        }

        var outputs = spec.Outputs.Select(o => o with { Node = map[o.Node] }).ToList();
        var inputs = spec.Inputs.Select(i => i with { Node = map[i.Node] }).ToList();
        var shared = spec.Shared.Select(s => s with { Node = map[s.Node] }).ToList();
        var updates = spec.Updates.Select(u => u with { Node = map[u.Node] }).ToList();
        var randoms = spec.Randoms.Select(r => r with { Node = map[r.Node] }).ToList();
        // A random variable is drawn (and its generator moves) even if no output needs it, as in PyTensor.
        var keep = outputs.Select(o => o.Node).Concat(inputs.Select(i => i.Node)).Concat(shared.Select(s => s.Node))
            .Concat(updates.Select(u => u.Node)).Concat(randoms.Select(r => r.Node));
        var (graph, compact) = Prune(builder.Freeze(), keep);
        // Whole-graph passes, after the local rules: each returns the graph it made and where each node went.
        var passes = new List<System.Func<TensorGraph, int, IDictionary<string, int>, (TensorGraph, int[])?>>
        {
            (g, max, f) => ScanLastStep.Apply(g, keep.Select(id => compact[id]).ToList(), max, f),
        };
        passes.AddRange(WholeGraphPasses);
        foreach (var pass in passes)
        {
            if (pass(graph, maxNodes, fired) is not var (lowered, loweredMap)) continue;
            var (pruned, again) = Prune(lowered, keep.Select(id => loweredMap[compact[id]]));
            compact = compact.Select(id => id < 0 ? -1 : again[loweredMap[id]]).ToArray();
            graph = pruned;
        }
        return new OptimizedFunction(
            spec,
            graph,
            inputs.Select(i => i with { Node = compact[i.Node] }).ToEquatableArray(),
            outputs.Select(o => o with { Node = compact[o.Node] }).ToEquatableArray(),
            shared.Select(s => s with { Node = compact[s.Node] }).ToEquatableArray(),
            updates.Select(u => u with { Node = compact[u.Node] }).ToEquatableArray(),
            randoms.Select(r => r with { Node = compact[r.Node] }).ToEquatableArray(),
            fired.Select(f => f.Value == 1 ? f.Key : $"{f.Key} (x{f.Value})").ToEquatableArray());
    }

    private static readonly System.Func<TensorGraph, int, IDictionary<string, int>, (TensorGraph, int[])?>[] WholeGraphPasses =
        [SharedExponentials.Apply, ScanMerging.Apply];

    /// <summary>Adds <paramref name="node"/>, first applying every rule that matches it (an earlier rule wins), repeatedly.</summary>
    /// <remarks>
    /// Recursion is bounded by the rules, not by the graph: a rule's helper nodes (added through <c>add</c>)
    /// are built on operands already in the builder, so simplifying one never walks the graph below it.
    /// Only a few rules add helpers (a neg, a softplus, a sum), and the deepest nesting is three
    /// (log(sigmoid) adds a neg, which may become a sub that adds a sum). <see cref="MaxDepth"/> turns a
    /// rule set that would recurse further into an internal error rather than a stack overflow.
    /// </remarks>
    internal static int Simplify(GraphBuilder builder, Node node, IDictionary<string, int> fired, LocalRewrite[] rules, int depth = 0)
    {
        if (depth > MaxDepth) throw new System.InvalidOperationException($"rewrite rules nested helper nodes more than {MaxDepth} deep");
        System.Func<Node, int> add = n => Simplify(builder, n, fired, rules, depth + 1);
        for (int round = 0; round < 16; round++)
        {
            bool changed = false;
            foreach (var rule in rules)
            {
                if (rule(builder, node, add) is not { } result) continue;
                fired[result.Name] = fired.TryGetValue(result.Name, out int c) ? c + 1 : 1;
                if (result.Replacement is { } id)
                {
                    // A value replaced by one of another type would change what Invoke returns (a 0-d constant
                    // for a (1,) vector): an internal error (TG9999), never a different function.
                    if (builder[id].DType != node.DType || builder[id].Shape != node.Shape)
                        throw new System.InvalidOperationException($"{result.Name} replaced a value of type {TypeText(node)} by one of type {TypeText(builder[id])}");
                    return id;
                }
                node = result.Node!;
                changed = true;
                break;
            }
            if (!changed) break;
        }
        return builder.Add(node);
    }

    private const int MaxDepth = 8;

    private static string TypeText(Node node) =>
        $"{node.DType.NumPy()}({string.Join(", ", node.Shape.Select(size => size < 0 ? "?" : size.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";

    /// <summary>Keeps what the outputs need (and every input), renumbered in the same order.</summary>
    private static (TensorGraph Graph, int[] Map) Prune(TensorGraph graph, IEnumerable<int> roots)
    {
        var keep = graph.Reachable(roots);
        var map = new int[graph.Count];
        var nodes = new List<Node>();
        for (int id = 0; id < graph.Count; id++)
        {
            if (!keep[id]) { map[id] = -1; continue; }
            var n = graph[id];
            map[id] = nodes.Count;
            nodes.Add(n.Inputs.Count == 0 ? n : n with { Inputs = Remap(n.Inputs, map) });
        }
        return (new TensorGraph(nodes.ToEquatableArray()), map);
    }

    /// <summary>Node ids renumbered through <paramref name="map"/>.</summary>
    private static EquatableArray<int> Remap(EquatableArray<int> ids, int[] map)
    {
        if (ids.Count == 0) return ids;
        var builder = ImmutableArray.CreateBuilder<int>(ids.Count);
        foreach (var id in ids) builder.Add(map[id]);
        return new EquatableArray<int>(builder.MoveToImmutable());
    }
}
