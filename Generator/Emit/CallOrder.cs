using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The steps a random variable's parameters and the sizes computed at run time (a slice's length) need,
/// which run before the other steps so that every parameter is checked before an output is written and
/// every size is known before buffers are taken. <see cref="Early"/>: scalar arithmetic, sizes and 0-d
/// reductions of sources, run before any buffer is taken; <see cref="Late"/>: the rest (products, draws
/// feeding other draws), run first once buffers are taken. An output the late part writes is not borrowed.
/// </summary>
internal sealed class CallOrder
{
    private CallOrder(List<Step> early, List<Step> late)
    {
        Early = early;
        Late = late;
    }

    public IReadOnlyList<Step> Early { get; }

    public IReadOnlyList<Step> Late { get; }

    public bool Contains(Step step) => Early.Contains(step) || Late.Contains(step);

    public static CallOrder Of(Plan plan)
    {
        var writer = new Dictionary<int, Step>();
        foreach (var step in plan.Steps)
            foreach (var node in step.Writes) writer[node] = step;
        var needed = new HashSet<Step>();
        // Depth-first over the steps' reads, with an explicit stack: no recursion proportional to the graph.
        var graph = plan.Function.Graph;
        var computedSizes = plan.Shapes.Dims.Where(d => d.Computed).Select(d => d.Value)
            .Concat(plan.Shapes.Checks.Where(c => c.Value >= 0 && !graph[c.Value].IsSource).Select(c => c.Value));
        // A view's positions too: they are checked when its offset is bound, best before any buffer is taken.
        var viewIndices = Enumerable.Range(0, graph.Count).Where(id => ViewOffsets.IsOffsetView(graph, graph[id])).SelectMany(id => graph[id].Inputs.Skip(1));
        var pending = new Stack<int>(plan.Steps.OfType<DrawStep>().SelectMany(d => RandomOp.Parameters(graph[d.Node])).Concat(computedSizes).Concat(viewIndices).Reverse());
        while (pending.Count > 0)
        {
            if (!writer.TryGetValue(plan.Storage(pending.Pop()), out var step) || needed.Contains(step)) continue;
            // A sweep's steps run together: needing one needs all three.
            foreach (var s in plan.SweepOf(step)?.Steps ?? [step])
            {
                needed.Add(s);
                for (int k = s.Reads.Count - 1; k >= 0; k--) pending.Push(s.Reads[k]);
            }
        }

        var early = new List<Step>();
        var late = new List<Step>();
        foreach (var step in plan.Steps.Where(needed.Contains))
        {
            bool scalar = step is SizeStep || step is Kernel { Rank: 0, IsReduction: false } || (step is CallStep c && graph[c.Node].Rank == 0)
                || (step is Kernel { IsReduction: true } r && graph[r.Reduction].Rank == 0);
            bool ready = step.Reads.All(r => !writer.TryGetValue(r, out var w) || w == step || early.Contains(w));
            (scalar && ready ? early : late).Add(step);
        }
        return new CallOrder(early, late);
    }

    /// <summary>
    /// What is written before a check that could still fail, so never into a borrowed output: what the late part of the
    /// call order writes, and what runs before a later stage's checks, a computed size's or a view offset's check.
    /// </summary>
    public IEnumerable<int> WrittenBeforeChecks(List<InvokeAction> after, SizeStages stages, OffsetBindings offsets)
    {
        int lastCheck = stages.StageStarts.Count > 0 ? stages.StageStarts[stages.StageStarts.Count - 1] : 0;
        for (int k = 0; k < after.Count; k++)
            if (after[k].Step is { } s && (stages.After.ContainsKey(s.Index) || offsets.After.ContainsKey(s.Index))) lastCheck = System.Math.Max(lastCheck, k + 1);
        return Late.SelectMany(s => s.Writes).Concat(after.Take(lastCheck).Select(a => a.Step).OfType<Step>().SelectMany(s => s.Writes));
    }

    /// <summary>
    /// The nodes whose values the outputs, updates and draws read, not only their shapes (a <c>second</c>'s
    /// first operand, a size's operand): only a reduction whose values are read is checked for empty axes.
    /// </summary>
    public static bool[] ValuesRead(Plan plan)
    {
        var f = plan.Function;
        var graph = f.Graph;
        var read = new bool[graph.Count];
        foreach (var id in f.Outputs.Select(o => o.Node).Concat(f.Updates.Select(u => u.Node)).Concat(f.Randoms.Select(r => r.Node))) read[id] = true;
        // Ids are topological: every reader of a node comes after it.
        for (int id = graph.Count - 1; id >= 0; id--)
        {
            if (!read[id]) continue;
            var node = graph[id];
            for (int k = 0; k < node.Inputs.Count; k++)
                if (OpInfo.ReadsValue(node, k)) read[node.Inputs[k]] = true;
        }
        return read;
    }
}
