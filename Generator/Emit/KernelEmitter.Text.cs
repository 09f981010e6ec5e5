using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

// What a kernel says of itself: its summary and a comment per line, tying the code to the printed graph.
internal static partial class KernelEmitter
{
    /// <summary>"// %5 = exp(%4)": ties each line to the graph in the remarks.</summary>
    private static string Comment(TensorGraph graph, int id) =>
        $" // %{id} = {GraphPrinter.OpName(graph[id])}({string.Join(", ", graph[id].Inputs.Select(i => GraphPrinter.Name(graph, i)))})";

    /// <summary>"result = sigmoid(x)" per root, for the kernel's summary.</summary>
    public static string Describe(TensorGraph graph, Kernel kernel, IReadOnlyDictionary<int, string> names)
    {
        var body = new HashSet<int>(kernel.Body);
        var roots = kernel.Roots.Select(r => $"{names[r].TrimStart('@')} = {Expression(graph, kernel, body, r, names, 3, top: true)}");
        int count = kernel.Body.Count;
        return SourceWriter.Xml(string.Join("; ", roots) + $" ({count} node{(count == 1 ? "" : "s")} fused)");
    }

    private static string Expression(TensorGraph graph, Kernel kernel, HashSet<int> body, int id, IReadOnlyDictionary<int, string> names, int depth, bool top = false)
    {
        var node = graph[id];
        if (node.IsConstant) return GraphPrinter.Name(graph, id);
        if (!top && names.TryGetValue(id, out var name)) return name.TrimStart('@');
        bool computed = body.Contains(id) || id == kernel.Reduction;
        if (node.IsSource || depth == 0 || !computed) return GraphPrinter.Name(graph, id);
        return $"{OpInfo.Name(node.Op)}({string.Join(", ", node.Inputs.Select(i => Expression(graph, kernel, body, i, names, depth - 1)))})";
    }
}
