using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>Where Invoke binds the sizes steps compute (a slice's length, a range's) and checks the values giving them.</summary>
internal static class ComputedSizePlan
{
    /// <summary>
    /// Where each size computed by a step is bound (right after that step) and each check of a computed value runs
    /// (once its value and its size are both there). Every buffer's size must be known when buffers are taken, so a
    /// computed size whose step does not run before them is a defect of the schedule, reported as such.
    /// </summary>
    public static Dictionary<int, ComputedSizes> Of(Plan schedule, List<InvokeAction> before)
    {
        var shapes = schedule.Shapes;
        var bound = new HashSet<int>(shapes.Dims.Where(d => !d.Computed).Select(d => d.Index));
        var pending = shapes.Checks.Where(shapes.IsComputed).ToList();
        var result = new Dictionary<int, ComputedSizes>();
        var computed = new HashSet<int>();
        foreach (var step in before.Select(a => a.Step).OfType<Step>())
        {
            foreach (var w in step.Writes) computed.Add(w);
            var dims = shapes.Dims.Where(d => d.Computed && !bound.Contains(d.Index) && computed.Contains(d.Value)).Select(d => d.Index).ToList();
            bound.UnionWith(dims);
            var ready = pending.Where(c => bound.Contains(c.Dim) && (c.Value < 0 || schedule.Function.Graph[c.Value].IsSource || computed.Contains(c.Value))).ToList();
            pending.RemoveAll(ready.Contains);
            if (dims.Count > 0 || ready.Count > 0) result[step.Index] = new ComputedSizes(dims, ready);
        }
        if (bound.Count < shapes.Dims.Count || pending.Count > 0)
            throw new System.InvalidOperationException("a size computed at run time is needed before the step computing it can run (before the buffers are taken)");
        return result;
    }
}
