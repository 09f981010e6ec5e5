using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// A transpose (or any reordering) into its own buffer; an output that views another value is a plain copy;
/// a constant or a 0-d value given size-1 dimensions fills its buffer.
/// </summary>
internal static class CopyWriter
{
    public static void Write(EmitPlan plan, SourceWriter w, int id)
    {
        var graph = plan.Graph;
        var node = graph[id];
        int input = node.Inputs[0];
        string target = plan.Writable(id);
        if (Plan.IsFilled(graph, node))
        {
            w.Line($"{target}.Fill({Literals.Of(graph[input].Value, graph[input].DType)});");
            return;
        }
        if (graph[input].Rank == 0)
        {
            // A 0-d value is a local (a scalar input, a 0-d kernel's result): given size-1 dimensions, it fills them.
            w.Line($"{target}.Fill({plan.Value(plan.Schedule.Storage(input)).Name});");
            return;
        }
        string source = plan.Span(input, null, plan.Size(input));
        if (GraphBuilder.IsView(node))
        {
            w.Line($"{source}.CopyTo({target});");
            return;
        }
        var inDims = plan.Shapes.NodeDims[input];
        var kept = node.Parameters<ShuffleParams>().Pattern.Where(p => p >= 0).ToList();
        if (kept.Count == 2 && kept[0] == 1 && kept[1] == 0 && graph[input].Rank == 2)
        {
            w.Line($"global::Tensorgen.Linalg.Transpose({source}, {ValueText.Int(plan.Dim(inDims[0]))}, {ValueText.Int(plan.Dim(inDims[1]))}, {target});");
            return;
        }
        // Dropped dimensions have size 1: where they go does not move any data.
        var permutation = kept.Concat(Enumerable.Range(0, graph[input].Rank).Where(k => !kept.Contains(k)));
        w.Line($"global::Tensorgen.Linalg.Permute({source}, [{string.Join(", ", inDims.Select(plan.Dim))}], [{string.Join(", ", permutation)}], {target});");
    }
}
