using System.Collections.Generic;
using System.Linq;
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
/// <item>Work two kernels would both do is done once: the values at its frontier (read by work that is
/// not shared) are kept too, and the work behind them becomes a kernel of its own.</item>
/// <item>A kernel computes at most <see cref="Fusion.MaxKernelNodes"/> nodes: a longer one is cut into parts
/// that pass values through buffers, so each emitted method stays small enough to compile quickly.</item>
/// </list>
/// Each round (<see cref="Fusion"/>) is linear in the graph; a round keeps more values or returns the steps.
/// </summary>
internal static class Scheduler
{
    /// <summary>After this many rounds every fused value is kept, which ends the next round.</summary>
    private const int MaxRounds = 16;

    public static Plan Run(OptimizedFunction function)
    {
        var graph = function.Graph;
        var shapes = ShapeAnalysis.Run(graph, function.Sources);
        var kept = Kept(function, shapes);
        for (int round = 0; ; round++)
        {
            var (keep, steps) = Fusion.Round(graph, shapes, kept, keepAllShared: round >= MaxRounds / 2);
            if (keep.Count == 0)
            {
                var ordered = Order(steps);
                return new Plan(function, shapes, kept, ordered, Sweep.Find(graph, shapes, ordered));
            }
            kept.UnionWith(keep);
            if (round == MaxRounds)
                for (int id = 0; id < graph.Count; id++)
                    if (Fusion.IsFusible(graph[id])) kept.Add(id);
        }
    }

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
            if (OpInfo.IsView(graph[id])) Keep(graph[id].Inputs[0]);
        }

        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            // A fusible value an element-wise user iterates over a different shape for is computed once.
            if (Fusion.IsFusible(node))
                foreach (var input in node.Inputs)
                    if (Fusion.IsFusible(graph[input]) && !shapes.SameShape(input, id)) kept.Add(input);
            // Any other op's value is kept (a view's only when it views a constant, which has no buffer), and so
            // are its operands when its step reads their buffers (not a reduction's, computed on the fly, nor a size's).
            if (node.IsLeaf || Fusion.IsFusible(node)) continue;
            var op = OpInfo.Structural(node.Op);
            if (!op.IsView(node) || Plan.IsFilled(graph, node)) kept.Add(id);
            if (op.ReadsBuffers)
                foreach (var input in node.Inputs) Keep(input);
        }
        return kept;
    }

    /// <summary>Steps in an order where each runs after the steps whose values it reads, numbered.</summary>
    /// <remarks>A depth-first walk from each step in the order of the first value it writes, with an explicit stack.</remarks>
    private static List<Step> Order(List<Step> steps)
    {
        var writer = new Dictionary<int, Step>();
        foreach (var s in steps)
            foreach (var w in s.Writes) writer[w] = s;
        var ordered = new List<Step>();
        var done = new HashSet<Step>();
        var stack = new Stack<(Step Step, int Read)>();
        foreach (var start in steps.OrderBy(s => s.Writes.Min()))
        {
            if (!done.Add(start)) continue;
            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                var (s, k) = stack.Pop();
                if (k == s.Reads.Count)
                {
                    ordered.Add(s);
                    continue;
                }
                stack.Push((s, k + 1));
                if (writer.TryGetValue(s.Reads[k], out var w) && w != s && done.Add(w)) stack.Push((w, 0));
            }
        }
        for (int i = 0; i < ordered.Count; i++) ordered[i].Index = i;
        return ordered;
    }
}
