using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;
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
        if (node.Rank == 0 && graph[input].Rank > 0)
        {
            // A 0-d value viewing a one-element buffer (a keepdims reduction with its size-1 axes dropped) is a local.
            w.Line($"{node.DType.CSharp()} {plan.Value(id).Name} = {plan.Span(input, null, plan.Size(input))}[0];");
            return;
        }
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
        bool isArray = plan.SpanIsArray(input);
        if (OpInfo.IsView(node) && node.Params is not ShuffleParams)
        {
            // A view of another op (a reshape) is the same elements in the same order.
            string span = plan.Span(input, null, plan.Size(input));
            w.Line(isArray ? $"global::System.MemoryExtensions.CopyTo({span}, {target});" : $"{span}.CopyTo({target});");
            return;
        }
        var inDims = plan.Shapes.NodeDims[input].Select(plan.Dim).ToList();
        w.Line(DimShuffleOp.Copy(node, plan.Span(input, null, plan.Size(input)), isArray, inDims, target, ValueText.Int));
    }
}
