using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// Elementwise fusion (PyTensor's <c>FusionOptimizer</c>) and scheduling: decides which values are kept
/// in buffers, groups element-wise work into as few loops as possible, and orders all steps.
/// <list type="bullet">
/// <item>A value is kept (materialized) when it is an output or an update, when a product, a transpose
/// or a view reads it, when it is a reduction, a product or a size, or when an element-wise user iterates
/// over a different shape (a vector broadcast into a matrix is computed once, not once per row).</item>
/// <item>Every kept element-wise value roots a kernel whose body is everything it needs that is not kept;
/// every reduction roots a kernel whose body computes the reduced values on the fly.</item>
/// <item>Element-wise kernels over the same shape that share work or inputs are merged, as long as no
/// cycle appears between steps, so <c>a - b</c>, <c>|a - b|</c> and <c>(a - b)²</c> take one pass.</item>
/// <item>A value still needed by two kernels is kept too, so no work is done twice.</item>
/// </list>
/// </summary>
internal static class Scheduler
{
    public static Plan Run(OptimizedFunction function)
    {
        var graph = function.Graph;
        var shapes = ShapeAnalysis.Run(graph, function.Sources);
        var kept = Kept(function, shapes);
        while (true)
        {
            var steps = Steps(graph, shapes, kept);
            var owners = new Dictionary<int, HashSet<Step>>();
            foreach (var kernel in steps.OfType<Kernel>())
                foreach (var id in kernel.Body)
                    (owners.TryGetValue(id, out var set) ? set : owners[id] = new HashSet<Step>()).Add(kernel);
            var shared = owners.Where(o => o.Value.Count > 1 && !kept.Contains(o.Key)).Select(o => o.Key).ToList();
            if (shared.Count == 0) return new Plan(function, shapes, kept, Order(graph, steps));
            kept.UnionWith(shared);
        }
    }

    private static bool IsFusible(Node node) => !node.IsLeaf && OpInfo.IsElementwise(node.Op);

    private static bool IsView(Node node) => node.Op == OpCode.DimShuffle && GraphBuilder.IsView(node);

    private static HashSet<int> Kept(OptimizedFunction function, ShapeAnalysis shapes)
    {
        var graph = function.Graph;
        var kept = new HashSet<int>();
        void Keep(int id)
        {
            id = Plan.Base(graph, id);
            if (!graph[id].IsLeaf) kept.Add(id);
        }

        // Outputs and updates get buffers of their own, so one that views another value is copied.
        foreach (var id in function.Outputs.Select(o => o.Node).Concat(function.Updates.Select(u => u.Node)))
        {
            if (graph[id].IsLeaf) continue;
            kept.Add(id);
            if (IsView(graph[id])) Keep(graph[id].Inputs[0]);
        }

        var consumers = new List<int>[graph.Count];
        for (int id = 0; id < graph.Count; id++) consumers[id] = new List<int>();
        for (int id = 0; id < graph.Count; id++)
            foreach (var input in graph[id].Inputs.Distinct()) consumers[input].Add(id);

        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            switch (node.Op)
            {
                case OpCode.Dot:
                    kept.Add(id);
                    foreach (var input in node.Inputs) Keep(input);
                    break;
                case OpCode.DimShuffle:
                    if (!GraphBuilder.IsView(node)) kept.Add(id);
                    Keep(node.Inputs[0]);
                    break;
                case OpCode.Sum or OpCode.Max or OpCode.Min or OpCode.DimSize:
                    kept.Add(id);
                    break;
                case OpCode.Random:
                    kept.Add(id);
                    foreach (var input in node.Inputs) Keep(input);
                    break;
                default:
                    if (IsFusible(node) && consumers[id].Any(c => IsFusible(graph[c]) && !shapes.SameShape(id, c)))
                        kept.Add(id);
                    break;
            }
        }
        return kept;
    }

    /// <summary>All steps for a choice of kept values: kernels (merged where possible) and the rest.</summary>
    private static List<Step> Steps(TensorGraph graph, ShapeAnalysis shapes, HashSet<int> kept)
    {
        var others = new List<Step>();
        var reductions = new List<Kernel>();
        foreach (var id in kept.OrderBy(i => i))
        {
            var node = graph[id];
            switch (node.Op)
            {
                case OpCode.Dot:
                    var dot = new DotStep(id);
                    dot.Reads.AddRange(node.Inputs.Select(i => Plan.Base(graph, i)));
                    others.Add(dot);
                    break;
                case OpCode.DimShuffle:
                    var copy = new CopyStep(id);
                    copy.Reads.Add(Plan.Base(graph, node.Inputs[0]));
                    others.Add(copy);
                    break;
                case OpCode.DimSize:
                    others.Add(new SizeStep(id));
                    break;
                case OpCode.Random:
                    var draw = new DrawStep(id);
                    draw.Reads.AddRange(node.Inputs.Select(i => Plan.Base(graph, i)));
                    others.Add(draw);
                    break;
                case OpCode.Sum or OpCode.Max or OpCode.Min:
                {
                    int input = node.Inputs[0];
                    var (body, leaves) = IsFusible(graph[input]) && !kept.Contains(input)
                        ? Collect(graph, kept, input)
                        : (new HashSet<int>(), new HashSet<int> { input });
                    var dims = shapes.NodeDims[input];
                    var sortedBody = body.OrderBy(i => i).ToList();
                    var sortedLeaves = leaves.OrderBy(i => i).ToList();
                    reductions.Add(new Kernel([id], sortedBody, sortedLeaves, dims,
                        VectorCode.WhyNotReduce(graph, node, sortedBody, sortedLeaves), reduction: id, reduced: input));
                    break;
                }
            }
        }

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
                if (!IsAcyclic(graph, Kernels(graph, shapes, trial, bodies).Concat(reductions).Concat(others).ToList())) continue;
                groups[i] = merged;
                groups.RemoveAt(j);
                j = i;
            }
        return Kernels(graph, shapes, groups, bodies).Concat(reductions).Concat(others).ToList();
    }

    private static IEnumerable<Step> Kernels(TensorGraph graph, ShapeAnalysis shapes, List<List<int>> groups,
        Dictionary<int, (HashSet<int> Body, HashSet<int> Leaves)> bodies)
    {
        foreach (var group in groups)
        {
            var body = new SortedSet<int>(group.SelectMany(r => bodies[r].Body));
            var leaves = new SortedSet<int>(group.SelectMany(r => bodies[r].Leaves).Where(l => !body.Contains(l)));
            var rootList = group.OrderBy(r => r).ToList();
            var dims = shapes.NodeDims[rootList[0]];
            var kernel = new Kernel(rootList, body.ToList(), leaves.ToList(), dims, VectorCode.WhyNot(graph, body, leaves, dims.Length));
            for (int i = 0; i < kernel.Reads.Count; i++) kernel.Reads[i] = Plan.Base(graph, kernel.Reads[i]);
            yield return kernel;
        }
    }

    /// <summary>What a kept value needs that is not kept (its body) and what it reads (its leaves).</summary>
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
            var node = graph[id];
            // second(a, b) reads only b: a gives the shape.
            var inputs = node.Op == OpCode.Second ? node.Inputs.Skip(1) : node.Inputs;
            foreach (var input in inputs)
            {
                var n = graph[input];
                if (n.IsConstant) continue;
                if (n.IsSource || kept.Contains(input) || !IsFusible(n)) leaves.Add(input);
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

    /// <summary>Step S depends on step T when S reads a value T writes; the steps must form a DAG.</summary>
    private static bool IsAcyclic(TensorGraph graph, List<Step> steps)
    {
        var writer = Writers(steps);
        var state = new Dictionary<Step, int>();
        bool Visit(Step s)
        {
            state.TryGetValue(s, out int mark);
            if (mark == 1) return false;
            if (mark == 2) return true;
            state[s] = 1;
            foreach (var read in s.Reads)
                if (writer.TryGetValue(read, out var w) && w != s && !Visit(w)) return false;
            state[s] = 2;
            return true;
        }
        return steps.All(Visit);
    }

    private static Dictionary<int, Step> Writers(List<Step> steps)
    {
        var writer = new Dictionary<int, Step>();
        foreach (var s in steps)
            foreach (var w in s.Writes) writer[w] = s;
        return writer;
    }

    /// <summary>Steps in an order where each runs after the steps whose values it reads, numbered.</summary>
    private static List<Step> Order(TensorGraph graph, List<Step> steps)
    {
        var writer = Writers(steps);
        var ordered = new List<Step>();
        var done = new HashSet<Step>();
        void Visit(Step s)
        {
            if (!done.Add(s)) return;
            foreach (var read in s.Reads)
                if (writer.TryGetValue(read, out var w) && w != s) Visit(w);
            ordered.Add(s);
        }
        foreach (var s in steps.OrderBy(s => s.Writes.Min())) Visit(s);
        for (int i = 0; i < ordered.Count; i++) ordered[i].Index = i;
        return ordered;
    }
}
