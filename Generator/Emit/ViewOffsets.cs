using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Views at an offset (<c>x[2]</c>, <c>x[1:3]</c>: a contiguous region of a tensor's row-major data): each reads the
/// data of the value it views from an offset, a literal when every position and size is known at build time,
/// else a local bound (and its positions checked) as soon as its index values and sizes are there.
/// </summary>
internal static class ViewOffsets
{
    /// <summary>Whether <paramref name="node"/> views its tensor's data at an offset.</summary>
    public static bool IsOffsetView(TensorGraph graph, Node node) =>
        node.Op == OpCode.Subtensor && OpInfo.IsView(node) && !Plan.IsFilled(graph, node);

    /// <summary>
    /// The offset of each view at an offset some step reads data through: its literal when known at build time, or
    /// null when it needs a local. A view that is only returned or stored is copied from its tensor instead.
    /// </summary>
    public static Dictionary<int, string?> Literals(Plan schedule)
    {
        var graph = schedule.Function.Graph;
        var result = new Dictionary<int, string?>();
        void Through(int id)
        {
            for (; OpInfo.IsView(graph[id]) && !Plan.IsFilled(graph, graph[id]); id = graph[id].Inputs[0])
                if (IsOffsetView(graph, graph[id]) && !result.ContainsKey(id)) result[id] = Fold(schedule, id)?.ToString(CultureInfo.InvariantCulture);
        }
        // Readers are the steps' nodes: anything but a view, and views kept in buffers of their own (copied from their tensor).
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (OpInfo.IsView(node) && !schedule.Materialized.Contains(id)) continue;
            for (int k = 0; k < node.Inputs.Count; k++)
                if (OpInfo.ReadsValue(node, k)) Through(node.Inputs[k]);
        }
        foreach (var update in schedule.Function.Updates) Through(update.Node);
        return result;
    }

    /// <summary>
    /// The offset as a number, when every term is one: a position known at build time in an axis of static size (so
    /// checked here) times a static stride, or a slice's first position known at build time (0 needs no stride); else null.
    /// </summary>
    private static long? Fold(Plan schedule, int id)
    {
        var graph = schedule.Function.Graph;
        var node = graph[id];
        var p = node.Parameters<SubtensorParams>();
        var dims = schedule.Shapes.NodeDims[node.Inputs[0]].Select(d => schedule.Shapes.Dims[d]).ToList();
        long offset = 0;
        int o = 1;
        for (int k = 0; k < p.Steps.Count; k++)
        {
            var index = graph[node.Inputs[o]];
            o += p.Steps[k] == 0 ? 1 : 2;
            if (!index.IsConstant) return null;
            long position = index.Value.Long;
            if (p.Steps[k] == 0)
            {
                if (!dims[k].IsStatic) return null;
                if (position < 0) position += dims[k].Static;
                if (position < 0 || position >= dims[k].Static) return null;
            }
            if (position == 0) continue;
            if (dims.Skip(k + 1).Any(d => !d.IsStatic)) return null;
            offset += position * dims.Skip(k + 1).Aggregate(1L, (a, d) => a * d.Static);
        }
        return offset;
    }

    /// <summary>
    /// Where each offset local is bound: at the start (its index values are inputs or constants, its sizes bound from
    /// the inputs), or right after the step that computes the last value or size it needs.
    /// </summary>
    public static OffsetBindings Bindings(Plan schedule, IReadOnlyDictionary<int, string?> literals, IEnumerable<Step> steps,
        IReadOnlyDictionary<int, ComputedSizes> sizesAfter)
    {
        var graph = schedule.Function.Graph;
        var pending = new List<(int View, HashSet<int> Values, HashSet<int> Dims)>();
        var atStart = new List<int>();
        foreach (var pair in literals.OrderBy(p => p.Key))
        {
            var node = graph[pair.Key];
            var values = new HashSet<int>(node.Inputs.Skip(1).Where(i => !graph[i].IsConstant && !graph[i].IsSource).Select(schedule.Storage));
            var dims = new HashSet<int>(schedule.Shapes.NodeDims[node.Inputs[0]].Where(d => schedule.Shapes.Dims[d].Computed));
            if (pair.Value is not null || (values.Count == 0 && dims.Count == 0)) atStart.Add(pair.Key);
            else pending.Add((pair.Key, values, dims));
        }
        var after = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var step in steps)
        {
            if (pending.Count == 0) break;
            foreach (var w in step.Writes)
                foreach (var v in pending) v.Values.Remove(w);
            if (sizesAfter.TryGetValue(step.Index, out var sizes))
                foreach (var d in sizes.Dims)
                    foreach (var v in pending) v.Dims.Remove(d);
            var ready = pending.Where(v => v.Values.Count == 0 && v.Dims.Count == 0).ToList();
            if (ready.Count == 0) continue;
            pending.RemoveAll(ready.Contains);
            after[step.Index] = ready.Select(v => v.View).ToList();
        }
        if (pending.Count > 0)
            throw new System.InvalidOperationException("the offset of a view needs a value no step computes");
        return new OffsetBindings(atStart, after);
    }

    /// <summary>The offsets bound at the start of the work, after the sizes are checked.</summary>
    public static void AtStart(EmitPlan plan, SourceWriter w)
    {
        foreach (var id in plan.Steps.Offsets.AtStart) Bind(plan, w, id);
    }

    /// <summary>The offsets a step lets bind, right after it.</summary>
    public static void AfterStep(EmitPlan plan, SourceWriter w, Step step)
    {
        if (!plan.Steps.Offsets.After.TryGetValue(step.Index, out var views)) return;
        foreach (var id in views) Bind(plan, w, id);
    }

    /// <summary>Says which region the view is and binds its offset when that is not a literal; positions are checked here.</summary>
    private static void Bind(EmitPlan plan, SourceWriter w, int id)
    {
        var node = plan.Graph[id];
        var p = node.Parameters<SubtensorParams>();
        int x = node.Inputs[0];
        string region = $"{plan.Display[x]}[{SubtensorRegion.Text(p, k => plan.Graph[node.Inputs[k]], 1)}]";
        string offset = plan.OwnOffset(id);
        w.Line($"// {region}: a view of {plan.Display[plan.Schedule.Storage(id)]}'s data{(offset == "0" ? "" : " from element " + offset)}, no copy");
        if (IsLiteral(offset)) return;
        var dims = plan.Shapes.NodeDims[x].Select(plan.Dim).ToList();
        var terms = new List<string>();
        int o = 1;
        for (int k = 0; k < p.Steps.Count; k++)
        {
            string index = plan.Operand(node.Inputs[o]);
            string at = p.Steps[k] == 0
                ? $"global::Tensorgen.Subtensors.Position({index}, {dims[k]}, {plan.FunctionName}, {SourceWriter.String(plan.Display[x])}, {k.ToString(CultureInfo.InvariantCulture)})"
                : $"(nint){index}";
            string stride = plan.Size(plan.Shapes.NodeDims[x].Skip(k + 1));
            terms.Add(stride == "1" ? at : $"{at} * {Parenthesized(stride)}");
            o += p.Steps[k] == 0 ? 1 : 2;
        }
        w.Line($"nint {offset} = {(terms.Count == 0 ? "0" : string.Join(" + ", terms))};");
    }

    private static bool IsLiteral(string offset) => offset.Length > 0 && char.IsDigit(offset[0]);

    private static string Parenthesized(string product) => product.Contains(' ') ? $"({product})" : product;
}

/// <summary>Where the offset of each view at an offset is bound: at the start, or after a step (by its index).</summary>
internal sealed record OffsetBindings(IReadOnlyList<int> AtStart, IReadOnlyDictionary<int, IReadOnlyList<int>> After);
