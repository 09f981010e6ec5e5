using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Emit;

/// <summary>Prints an optimized graph, one node per line, for the generated remarks and <c>CompiledFunction.Graph</c>.</summary>
internal static class GraphPrinter
{
    /// <summary>
    /// The most node lines printed. A larger graph shows its first and last nodes and says how many are
    /// left out: thousands of lines of doc comment would cost the compiler more than the code they describe.
    /// </summary>
    public const int MaxNodeLines = 200;

    public static IReadOnlyList<string> Lines(OptimizedFunction function)
    {
        var graph = function.Graph;
        var shown = new List<int>();
        for (int id = 0; id < graph.Count; id++)
            if (!graph[id].IsConstant) shown.Add(id);
        var lines = new List<string>();
        int head = shown.Count <= MaxNodeLines ? shown.Count : MaxNodeLines * 3 / 4, tail = shown.Count <= MaxNodeLines ? 0 : MaxNodeLines - head;
        for (int k = 0; k < head; k++) lines.Add(Line(graph, shown[k]));
        if (tail > 0)
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, "... {0:N0} of the {1:N0} nodes not shown ...", shown.Count - head - tail, shown.Count));
            for (int k = shown.Count - tail; k < shown.Count; k++) lines.Add(Line(graph, shown[k]));
        }
        var outputs = function.Outputs.Select(o => Name(graph, o.Node));
        lines.Add("return " + (function.Source.ManyOutputs ? "[" + string.Join(", ", outputs) + "]" : outputs.FirstOrDefault() ?? "()"));
        foreach (var update in function.Updates)
            lines.Add($"update {function.Shared[update.Shared].Name} <- {Name(graph, update.Node)}");
        if (function.Fired.Count > 0) lines.Add("rewrites: " + string.Join(", ", function.Fired));
        return lines;
    }

    private static string Line(TensorGraph graph, int id)
    {
        var node = graph[id];
        string type = node.DType.NumPy() + GraphBuilder.ShapeText(node.Shape);
        return node.IsSource
            ? $"{Name(graph, id)} : {type}  {(node.IsShared ? "shared" : "input")}"
            : $"{Name(graph, id)} = {OpName(node)}{Parameters(node)}({string.Join(", ", Operands(graph, node))}) : {type}";
    }

    /// <summary>The operands as printed: a product's transposed operand as <c>A.T</c>, as PyTensor prints <c>dot(A.T, B)</c>.</summary>
    private static IEnumerable<string> Operands(TensorGraph graph, Node node) =>
        node.Inputs.Select((input, k) => OpInfo.PrintedOperand(node, k, Name(graph, input)));

    /// <summary>
    /// What the op's parameters are, in PyTensor's braces: the axes of a reduction (<c>sum{axis=(1,)}</c>, with
    /// <c>keepdims</c>), the order of a dimshuffle (<c>dimshuffle{1,0}</c>, <c>x</c> for a new axis), the axis of a size.
    /// </summary>
    private static string Parameters(Node node) => OpInfo.PrintedParameters(node);

    /// <summary>The op's name; a draw is named by its distribution and variable: <c>uniform_rv#0</c>.</summary>
    public static string OpName(Node node) => OpInfo.PrintedName(node);

    public static string Name(TensorGraph graph, int id)
    {
        var node = graph[id];
        if (node.IsConstant) return node.Value.Text(node.DType);
        if (node.IsSource) return node.Name ?? "input" + node.Parameters<SourceParams>().Position.ToString(CultureInfo.InvariantCulture);
        return "%" + id.ToString(CultureInfo.InvariantCulture);
    }
}
