using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// Elementwise fusion (PyTensor's <c>FusionOptimizer</c>): decides which values are kept in buffers
/// and groups the element-wise work into as few loops as possible.
/// <list type="bullet">
/// <item>A value is kept (materialized) when it is an output, or when a user iterates over a different
/// shape (a vector broadcast into a matrix is computed once, not once per row).</item>
/// <item>Every kept value roots a kernel whose body is everything it needs that is not kept.</item>
/// <item>Kernels over the same shape that share work or inputs are merged, as long as no cycle
/// appears between kernels, so <c>a - b</c>, <c>|a - b|</c> and <c>(a - b)²</c> take one pass.</item>
/// <item>A value still needed by two kernels is kept too, so no work is done twice.</item>
/// </list>
/// </summary>
internal static class Scheduler
{
    public static Plan Run(OptimizedFunction function)
    {
        var graph = function.Graph;
        var shapes = ShapeAnalysis.Run(graph, function.Sources);
        var consumers = Consumers(graph);

        var kept = new HashSet<int>(function.Outputs.Select(o => o.Node).Concat(function.Updates.Select(u => u.Node)).Where(n => !graph[n].IsLeaf));
        for (int id = 0; id < graph.Count; id++)
            if (IsFusible(graph[id]) && consumers[id].Any(c => !shapes.SameShape(id, c)))
                kept.Add(id);

        while (true)
        {
            var kernels = Group(graph, shapes, kept);
            var owners = new Dictionary<int, HashSet<int>>();
            foreach (var kernel in kernels)
                foreach (var id in kernel.Body)
                    (owners.TryGetValue(id, out var set) ? set : owners[id] = new HashSet<int>()).Add(kernel.Index);
            var shared = owners.Where(o => o.Value.Count > 1 && !kept.Contains(o.Key)).Select(o => o.Key).ToList();
            if (shared.Count == 0) return new Plan(function, shapes, kept, Order(kernels));
            kept.UnionWith(shared);
        }
    }

    private static bool IsFusible(Node node) => !node.IsLeaf && OpInfo.IsElementwise(node.Op);

    private static List<int>[] Consumers(TensorGraph graph)
    {
        var consumers = Enumerable.Range(0, graph.Count).Select(_ => new List<int>()).ToArray();
        for (int id = 0; id < graph.Count; id++)
            foreach (var input in graph[id].Inputs.Distinct()) consumers[input].Add(id);
        return consumers;
    }

    /// <summary>Bodies per kept value, merged into kernels.</summary>
    private static List<Kernel> Group(TensorGraph graph, ShapeAnalysis shapes, HashSet<int> kept)
    {
        var roots = kept.Where(id => IsFusible(graph[id])).OrderBy(id => id).ToList();
        var bodies = roots.ToDictionary(r => r, r => Collect(graph, kept, r));

        // Start with one group per root; merge greedily in id order.
        var groups = roots.Select(r => new List<int> { r }).ToList();
        for (int i = 0; i < groups.Count; i++)
            for (int j = i + 1; j < groups.Count; j++)
            {
                if (!shapes.SameShape(groups[i][0], groups[j][0]) || !Share(groups[i], groups[j], bodies)) continue;
                var merged = groups[i].Concat(groups[j]).ToList();
                var trial = groups.Where((_, k) => k != i && k != j).Append(merged).ToList();
                if (!IsAcyclic(trial, bodies)) continue;
                groups[i] = merged;
                groups.RemoveAt(j);
                j = i;
            }

        var kernels = new List<Kernel>();
        foreach (var group in groups)
        {
            var body = new SortedSet<int>(group.SelectMany(r => bodies[r].Body));
            var leaves = new SortedSet<int>(group.SelectMany(r => bodies[r].Leaves).Where(l => !body.Contains(l)));
            var rootList = group.OrderBy(r => r).ToList();
            var dims = shapes.NodeDims[rootList[0]];
            kernels.Add(new Kernel(kernels.Count, rootList, body.ToList(), leaves.ToList(), dims,
                VectorCode.WhyNot(graph, body, leaves, dims.Length)));
        }
        return kernels;
    }

    private static (HashSet<int> Body, HashSet<int> Leaves) Collect(TensorGraph graph, HashSet<int> kept, int root)
    {
        var body = new HashSet<int>();
        var leaves = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (!body.Add(id)) continue;
            foreach (var input in graph[id].Inputs)
            {
                var node = graph[input];
                if (node.IsConstant) continue;
                if (node.IsSource || kept.Contains(input) || !IsFusible(node)) leaves.Add(input);
                else stack.Push(input);
            }
        }
        return (body, leaves);
    }

    private static bool Share(List<int> a, List<int> b, Dictionary<int, (HashSet<int> Body, HashSet<int> Leaves)> bodies)
    {
        var seen = new HashSet<int>(a.SelectMany(r => bodies[r].Body.Concat(bodies[r].Leaves)));
        return b.SelectMany(r => bodies[r].Body.Concat(bodies[r].Leaves)).Any(seen.Contains);
    }

    /// <summary>Kernel K depends on kernel J when K reads a value J writes; merging must keep that a DAG.</summary>
    private static bool IsAcyclic(List<List<int>> groups, Dictionary<int, (HashSet<int> Body, HashSet<int> Leaves)> bodies)
    {
        var writer = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
            foreach (var r in groups[g]) writer[r] = g;
        var state = new int[groups.Count];
        bool Visit(int g)
        {
            if (state[g] == 1) return false;
            if (state[g] == 2) return true;
            state[g] = 1;
            foreach (var r in groups[g])
                foreach (var leaf in bodies[r].Leaves)
                    if (writer.TryGetValue(leaf, out int w) && w != g && !Visit(w)) return false;
            state[g] = 2;
            return true;
        }
        return Enumerable.Range(0, groups.Count).All(Visit);
    }

    /// <summary>Kernels in an order where each runs after the kernels whose values it reads, renumbered.</summary>
    private static List<Kernel> Order(List<Kernel> kernels)
    {
        var writer = new Dictionary<int, Kernel>();
        foreach (var k in kernels)
            foreach (var r in k.Roots) writer[r] = k;
        var ordered = new List<Kernel>();
        var done = new HashSet<Kernel>();
        void Visit(Kernel k)
        {
            if (!done.Add(k)) return;
            foreach (var leaf in k.Leaves)
                if (writer.TryGetValue(leaf, out var w) && w != k) Visit(w);
            ordered.Add(k);
        }
        foreach (var k in kernels.OrderBy(k => k.Roots[0])) Visit(k);
        return ordered.Select((k, i) => new Kernel(i, k.Roots, k.Body, k.Leaves, k.Dims, k.NotVectorized)).ToList();
    }
}
