using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The data of a function's <c>GraphView</c> (the runtime's <c>GraphView.Parse</c> reads it): each node of the
/// optimized graph with its role, op, type and the step computing it, each step with the nodes it computes (a fused
/// kernel's whole body), the outputs, the updates and the rewrites that fired. One line per entry, fields between bars:
/// a string literal costs the compiler little, and the runtime reads it only when asked for a picture.
/// </summary>
internal static class GraphViewWriter
{
    /// <summary>The most nodes a view keeps: a larger graph's view says so instead of holding them.</summary>
    public const int MaxNodes = 2000;

    public static string Data(Plan schedule)
    {
        var f = schedule.Function;
        var graph = f.Graph;
        var text = new StringBuilder();
        if (graph.Count > MaxNodes)
            return $"x|the graph has {graph.Count.ToString("N0", CultureInfo.InvariantCulture)} nodes, more than the {MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} a view keeps; see Graph";
        var stepOf = new Dictionary<int, int>();
        foreach (var step in schedule.Steps)
        {
            var nodes = Computed(step);
            text.Append("s|").Append(Num(step.Index)).Append('|').Append(Kind(schedule, step)).Append('|').Append(string.Join(",", nodes.Select(Num))).Append('\n');
            foreach (var node in nodes) stepOf[node] = step.Index;
        }
        for (int id = 0; id < graph.Count; id++)
        {
            int step = stepOf.TryGetValue(id, out int s) ? s : -1;
            NodeLine(text, graph[id], id, step, view: step < 0 && schedule.Storage(id) != id);
        }
        foreach (var output in f.Outputs) text.Append("o|").Append(Num(output.Node)).Append('|').Append(Clean(output.Name ?? "")).Append('\n');
        foreach (var update in f.Updates) text.Append("u|").Append(Clean(f.Shared[update.Shared].Name)).Append('|').Append(Num(update.Node)).Append('\n');
        foreach (var rewrite in f.Fired) text.Append("r|").Append(Clean(rewrite)).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A node's line: its number, role, op (a constant's value, a source's name), name, type, inputs and step.</summary>
    public static void NodeLine(StringBuilder text, Node node, int id, int step, bool view)
    {
        char role = node.IsConstant ? 'c' : node.IsShared ? 's' : node.IsSource ? 'i' : node.Op == OpCode.Random ? 'd' : view ? 'v' : 'a';
        string op = node.IsConstant ? node.Value.Text(node.DType)
            : node.IsSource ? node.Name ?? "input" + node.Parameters<SourceParams>().Position.ToString(CultureInfo.InvariantCulture)
            : GraphPrinter.OpName(node) + OpInfo.PrintedParameters(node);
        text.Append("n|").Append(Num(id)).Append('|').Append(role).Append('|').Append(Clean(op)).Append('|').Append(Clean(node.Name ?? ""))
            .Append('|').Append(node.DType.NumPy()).Append('|').Append(string.Join(",", node.Shape.Select(d => d < 0 ? "?" : Num(d))))
            .Append('|').Append(string.Join(",", node.Inputs.Select(Num))).Append('|').Append(Num(step)).Append('\n');
    }

    /// <summary>The nodes a step computes: a kernel's whole fused body and its reduction, any other step's writes.</summary>
    private static IReadOnlyList<int> Computed(Step step) => step is Kernel kernel
        ? kernel.Body.Concat(kernel.Roots).Append(kernel.Reduction).Where(n => n >= 0).Distinct().OrderBy(n => n).ToList()
        : step.Writes;

    /// <summary>What a step is; the steps of a sweep (a product, the kernel on its rows, the product back) say so: they run as one, at the first.</summary>
    private static string Kind(Plan schedule, Step step)
    {
        string kind = Kind(schedule.Function.Graph, step);
        if (schedule.SweepOf(step) is not { } sweep) return kind;
        return step == sweep.Forward
            ? $"{kind}, sweeping steps {string.Join(", ", sweep.Steps.Select(s => Num(s.Index)))} in one pass over the matrix"
            : $"{kind}, in the sweep of step {Num(sweep.Forward.Index)}";
    }

    private static string Kind(TensorGraph graph, Step step) => step switch
    {
        Kernel { IsReduction: true } => "reduction kernel",
        Kernel { Rank: 0 } => "scalar kernel",
        Kernel => "elementwise kernel",
        DotStep => "product",
        CopyStep => "copy",
        DrawStep => "draw",
        SizeStep => "size",
        CallStep call => GraphPrinter.OpName(graph[call.Node]),
        _ => "step",
    };

    public static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text kept on one field of one line.</summary>
    public static string Clean(string text) => text.Replace('|', '¦').Replace('\n', ' ').Replace('\r', ' ');
}
