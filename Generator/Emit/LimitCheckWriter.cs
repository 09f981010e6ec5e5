using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>The checks of what sizes allow: element counts an array holds, and max or min over empty axes.</summary>
internal static class LimitCheckWriter
{
    /// <summary>
    /// No value may have more elements than an array holds (zero sizes aside). A source with at most one
    /// run-time size is bounded by its own data, and so is any value whose sizes are some of one source's;
    /// every other shape is checked once: sources with several run-time sizes, and values whose sizes
    /// come from several sources or from sizes given by values (an outer product, a random variable's size).
    /// </summary>
    /// <param name="stage">Only the values whose sizes are bound in this stage (<see cref="SizeStages"/>), checked once they are.</param>
    public static void ElementCounts(EmitPlan plan, SourceWriter w, int stage)
    {
        var shapes = plan.Shapes;
        var graph = plan.Graph;
        var bounds = new List<List<string>>();
        foreach (var source in plan.Sources)
        {
            if (stage > 0)
            {
                bounds.Add(Keys(plan, source));
                continue;
            }
            var keys = Keys(plan, source);
            if (shapes.NodeDims[source].Count(d => !shapes.Dims[d].IsStatic) > 1) ElementCount(plan, w, source);
            bounds.Add(keys);
        }
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (node.IsLeaf || node.Rank == 0 || shapes.NodeDims[id].All(d => shapes.Dims[d].IsStatic)) continue;
            if (plan.StageOf(id) != stage) continue;
            var keys = Keys(plan, id);
            if (bounds.Any(b => Within(keys, b))) continue;
            ElementCount(plan, w, id);
            bounds.Add(keys);
        }
    }

    /// <summary>A node's sizes as a multiset: run-time sizes by index, static ones by value (1 and 0 do not count).</summary>
    private static List<string> Keys(EmitPlan plan, int node) => plan.Shapes.NodeDims[node]
        .Select(d => plan.Shapes.Dims[d])
        .Where(d => !(d.IsStatic && d.Static <= 1))
        .Select(d => d.IsStatic ? "s" + d.Static.ToString(CultureInfo.InvariantCulture) : "d" + d.Index.ToString(CultureInfo.InvariantCulture))
        .ToList();

    private static bool Within(List<string> keys, List<string> bound)
    {
        var left = bound.ToList();
        foreach (var key in keys)
            if (!left.Remove(key)) return false;
        return true;
    }

    private static void ElementCount(EmitPlan plan, SourceWriter w, int node)
    {
        var dims = plan.Shapes.NodeDims[node];
        var origins = new List<(string Name, string Text)>();
        foreach (var d in dims.Distinct())
        {
            var dim = plan.Shapes.Dims[d];
            if (dim.Input >= 0)
            {
                string name = SizeCheckWriter.SourceName(plan, dim.Input);
                if (origins.All(o => o.Name != name))
                    origins.Add((name, $"{SizeCheckWriter.Quoted("", name, " with shape ")} + {SizeCheckWriter.Source(plan, dim.Input)}.ShapeText()"));
            }
            else if (dim.Value >= 0)
            {
                string name = SizeCheckWriter.SizeName(plan, dim.Value);
                origins.Add((name, $"{SizeCheckWriter.Quoted("size ", name, " = ")} + {plan.Dim(d)}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"));
            }
        }
        if (origins.Count == 0) return;
        string sources = string.Join(" + \" and \" + ", origins.Select(o => o.Text));
        w.Line($"if (global::Tensorgen.Check.TooLarge({string.Join(", ", dims.Select(plan.Dim))})) " +
            $"global::Tensorgen.Check.ThrowTooLarge({plan.FunctionName}, {plan.Lengths(node)}, {origins[0].Name}, {sources});");
    }

    /// <summary>
    /// An op with no value over an empty axis (max, min: NumPy's "no identity"; argmax, argmin) is an error
    /// whenever an axis it reduces has size 0, even if the result is empty too. Checked on the operand's sizes,
    /// so a reduction fused with the element-wise work feeding it is checked the same way. Only a value that is
    /// read: one needed only for its shape (the gradient of a sum with respect to a max is ones of its shape)
    /// is not computed in PyTensor, whose shape inference reads its input's shape, so it raises nothing there.
    /// </summary>
    /// <param name="stage">Only the checks of operands whose sizes are bound in this stage (<see cref="SizeStages"/>):
    /// a size computed at run time (a slice's length) is checked once it is bound.</param>
    public static void EmptyReductions(EmitPlan plan, SourceWriter w, int stage)
    {
        var graph = plan.Graph;
        var checkedDims = new HashSet<(int Dim, string Error)>();
        var read = CallOrder.ValuesRead(plan.Schedule);
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (!read[id] || OpRegistry.Of(node.Op).Structural is not INoIdentity op) continue;
            int operand = node.Inputs[0];
            var dims = plan.Shapes.NodeDims[operand];
            if (plan.StageOf(operand) != stage) continue;
            foreach (int axis in op.NonEmptyAxes(node).OrderBy(a => a))
            {
                var dim = plan.Shapes.Dims[dims[axis]];
                if ((dim.IsStatic && dim.Static != 0) || !checkedDims.Add((dim.Index, op.EmptyError))) continue;
                string what = graph[operand].IsSource ? SizeCheckWriter.Quoted("", SizeCheckWriter.NameOf(plan, operand), "") : "\"a computed value\"";
                var (input, shape) = dim.Input >= 0 ? (SizeCheckWriter.SourceName(plan, dim.Input), $"{SizeCheckWriter.Source(plan, dim.Input)}.ShapeText()")
                    : dim.Value >= 0 ? (SizeCheckWriter.SizeName(plan, dim.Value), "null")
                    : ("\"\"", "null");
                string condition = dim.IsStatic ? "" : $"if ({plan.Dim(dim.Index)} == 0) ";
                w.Line($"{condition}global::Tensorgen.Check.ThrowEmptyReduction({plan.FunctionName}, {SourceWriter.String(op.EmptyError)}, {SourceWriter.String(op.Verb)}, {axis}, {what}, {plan.Lengths(operand)}, {input}, {shape});");
            }
        }
    }
}
