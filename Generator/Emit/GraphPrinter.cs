using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Emit;

/// <summary>Prints an optimized graph, one node per line, for the generated remarks and <c>CompiledFunction.Graph</c>.</summary>
internal static class GraphPrinter
{
    public static IReadOnlyList<string> Lines(OptimizedFunction function)
    {
        var graph = function.Graph;
        var lines = new List<string>();
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            string type = node.DType.NumPy() + GraphBuilder.ShapeText(node.Shape);
            if (node.IsConstant) continue;
            if (node.IsSource)
                lines.Add($"{Name(graph, id)} : {type}  {(node.IsShared ? "shared" : "input")}");
            else
                lines.Add($"{Name(graph, id)} = {OpName(node)}({string.Join(", ", node.Inputs.Select(i => Name(graph, i)))}) : {type}");
        }
        var outputs = function.Outputs.Select(o => Name(graph, o.Node));
        lines.Add("return " + (function.Source.ManyOutputs ? "[" + string.Join(", ", outputs) + "]" : outputs.FirstOrDefault() ?? "()"));
        foreach (var update in function.Updates)
            lines.Add($"update {function.Shared[update.Shared].Name} <- {Name(graph, update.Node)}");
        if (function.Fired.Count > 0) lines.Add("rewrites: " + string.Join(", ", function.Fired));
        return lines;
    }

    /// <summary>The op's name; a draw is named by its distribution and variable: <c>uniform_rv#0</c>.</summary>
    public static string OpName(Node node) => node.Op == OpCode.Random
        ? ((Distribution)node.Params[0]).ToString().ToLowerInvariant() + "_rv#" + node.Params[1].ToString(CultureInfo.InvariantCulture)
        : OpInfo.Name(node.Op);

    public static string Name(TensorGraph graph, int id)
    {
        var node = graph[id];
        if (node.IsConstant) return node.Value.Text(node.DType);
        if (node.IsSource) return node.Name ?? "input" + node.Params[0].ToString(CultureInfo.InvariantCulture);
        return "%" + id.ToString(CultureInfo.InvariantCulture);
    }
}
