using System.Collections.Generic;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Graph;

/// <summary>A frozen graph: nodes in topological order (every operand precedes its users).</summary>
internal sealed record TensorGraph(EquatableArray<Node> Nodes)
{
    public Node this[int id] => Nodes[id];

    public int Count => Nodes.Count;

    /// <summary>For each node, the number of nodes that use it as an operand.</summary>
    public int[] UseCounts()
    {
        var uses = new int[Nodes.Count];
        foreach (var node in Nodes)
            foreach (var input in node.Inputs) uses[input]++;
        return uses;
    }

    /// <summary>The nodes that <paramref name="roots"/> depend on, themselves included.</summary>
    public bool[] Reachable(IEnumerable<int> roots)
    {
        var seen = new bool[Nodes.Count];
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (seen[id]) continue;
            seen[id] = true;
            foreach (var input in Nodes[id].Inputs) stack.Push(input);
        }
        return seen;
    }
}
