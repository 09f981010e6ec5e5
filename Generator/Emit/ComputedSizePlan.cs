using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Where Invoke binds the sizes steps compute (a slice's length, a range's, the steps a loop ran) and checks the values
/// giving them, and in which stage each size is bound. Stage 0: sizes read from the sources; stage 1: sizes the steps
/// before the buffers compute; stage k &gt; 1: sizes a step after them computes (a loop's length, a slice up to an
/// argmax of a product). Buffers are taken in stages: those of stage k once the sizes of stage k are bound, right
/// before the first step touching a value of that stage.
/// </summary>
/// <param name="After">Per step (by index): the computed sizes it lets bind, and the checks of computed values it lets run.</param>
/// <param name="DimStage">Per size (by index): its stage.</param>
/// <param name="StageStarts">For stages 2, 3, ...: the position in the actions after the buffers where each starts (the count of those actions: at their end).</param>
internal sealed record SizeStages(IReadOnlyDictionary<int, ComputedSizes> After, IReadOnlyList<int> DimStage, IReadOnlyList<int> StageStarts)
{
    /// <summary>The stage of a node's sizes: the last of them, and at least 1 (a buffer is taken in stage 1 at the earliest).</summary>
    public int BufferStage(ShapeAnalysis shapes, int node) => System.Math.Max(1, StageOf(shapes, node));

    /// <summary>The stage of a node's sizes: 0 when none is computed.</summary>
    public int StageOf(ShapeAnalysis shapes, int node) => shapes.NodeDims[node].Select(d => DimStage[d]).DefaultIfEmpty(0).Max();
}

internal static class ComputedSizePlan
{
    /// <summary>
    /// Binds each computed size right after its step and runs each check of a computed value once its value and its
    /// size are both there. Before a step after the buffers that reads or writes a value whose sizes were bound since
    /// the current stage began, a new stage begins: its checks run and its buffers are taken. A size needed before
    /// any step computes it is a defect of the schedule, reported as such.
    /// </summary>
    public static SizeStages Of(Plan schedule, List<InvokeAction> before, List<InvokeAction> after)
    {
        var shapes = schedule.Shapes;
        var stage = shapes.Dims.Select(d => d.Computed ? -1 : 0).ToArray();
        var pending = shapes.Checks.Where(shapes.IsComputed).ToList();
        var result = new Dictionary<int, ComputedSizes>();
        var computed = new HashSet<int>();
        var starts = new List<int>();
        int current = 1;

        void Ran(Step step, int boundStage)
        {
            foreach (var w in step.Writes) computed.Add(w);
            var dims = shapes.Dims.Where(d => d.Computed && stage[d.Index] < 0 && computed.Contains(d.Value)).Select(d => d.Index).ToList();
            foreach (var d in dims) stage[d] = boundStage;
            var ready = pending.Where(c => stage[c.Dim] >= 0 && (c.Value < 0 || schedule.Function.Graph[c.Value].IsSource || computed.Contains(c.Value))).ToList();
            pending.RemoveAll(ready.Contains);
            if (dims.Count > 0 || ready.Count > 0) result[step.Index] = new ComputedSizes(dims, ready);
        }

        foreach (var step in before.Select(a => a.Step).OfType<Step>()) Ran(step, 1);
        if (stage.Contains(-1) || pending.Count > 0)
        {
            for (int k = 0; k < after.Count; k++)
            {
                var touched = after[k].Step is { } s ? s.Reads.Concat(s.Writes) : [after[k].CheckedDraw];
                int needs = 0;
                foreach (var d in touched.SelectMany(n => shapes.NodeDims[n]))
                {
                    if (stage[d] < 0) throw Unbound();
                    needs = System.Math.Max(needs, stage[d]);
                }
                if (needs > current)
                {
                    current = needs;
                    starts.Add(k);
                }
                if (after[k].Step is { } step) Ran(step, current + 1);
            }
            if (stage.Any(s => s > current)) starts.Add(after.Count);
        }
        if (stage.Contains(-1) || pending.Count > 0) throw Unbound();
        return new SizeStages(result, stage, starts);
    }

    private static System.InvalidOperationException Unbound() =>
        new("a size computed at run time is needed before the step computing it can run");
}

/// <summary>The sizes a step's values give (bound right after it) and the checks that can run once they are.</summary>
internal sealed record ComputedSizes(IReadOnlyList<int> Dims, IReadOnlyList<DimCheck> Checks);
