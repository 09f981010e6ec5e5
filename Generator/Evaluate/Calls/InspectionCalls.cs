using System.Collections.Generic;
using System.Linq;
using System.Text;
using Tensorgen.Generator.Emit;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Looking inside a graph as it is built (issue 16): <c>DebugPrint(x)</c> prints x's graph into the generated
/// remarks, in the layout <c>CompiledFunction.DebugPrint</c> uses (the runtime's <c>GraphView</c>, compiled into the
/// generator too), and evaluates to x.
/// </summary>
internal static class InspectionCalls
{
    /// <summary>The most trees one function prints, and the most nodes a tree prints: what a doc comment can hold.</summary>
    public const int MaxTrees = 20, MaxNodes = 500;

    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.DebugPrint, DebugPrint),
    ];

    private static Value DebugPrint(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var printed = call.Evaluator.Printed;
        if (printed.Count < MaxTrees)
        {
            string label = call.Raw("label") is ConstValue { Constant: string text } ? text : call.Text;
            printed.Add(label + "\n" + Tree(call.Graph, x, label));
        }
        return call.Result(x);
    }

    /// <summary>The tree of <paramref name="root"/> and every node it reads, as built so far.</summary>
    private static string Tree(Graph.GraphBuilder g, int root, string label)
    {
        var nodes = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (!nodes.Add(id)) continue;
            if (nodes.Count > MaxNodes) return $"(more than {MaxNodes} nodes: not printed)";
            foreach (var input in g[id].Inputs) pending.Push(input);
        }
        var data = new StringBuilder();
        foreach (var id in nodes.OrderBy(i => i)) GraphViewWriter.NodeLine(data, g[id], id, step: -1, view: false);
        data.Append("o|").Append(GraphViewWriter.Num(root)).Append('|');
        return GraphView.Parse(label, data.ToString()).DebugPrint().TrimEnd('\n');
    }
}
