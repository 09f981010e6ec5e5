using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Tensorgen;

public sealed partial class GraphView
{
    /// <summary>
    /// PyTensor's <c>pytensor.dprint(f, print_type=True)</c>: each output's tree, then each update's, a node per line
    /// with its id (<c>[id A]</c>), its type, its name and the step computing it; a node met again shows <c>···</c>
    /// instead of its inputs. A shared variable's name ends in <c>*</c>. Then the steps of the generated code (which
    /// nodes each fused kernel computes), the updates and the rewrites that fired.
    /// </summary>
    public string DebugPrint()
    {
        var text = new StringBuilder();
        if (Omitted is not null) return $"{Function}: {Omitted}\n";
        var ids = new Dictionary<int, string>();
        var expanded = new HashSet<int>();
        string Id(int id)
        {
            if (!ids.TryGetValue(id, out var name)) ids[id] = name = Letters(ids.Count);
            return name;
        }
        // Depth first with an explicit stack: a chain of thousands of nodes prints without deep recursion.
        var stack = new Stack<(int Node, string Lead, string Indent)>();
        foreach (var root in Outputs.Select(o => o.Node).Concat(Updates.Select(u => u.Node)))
        {
            stack.Push((root, "", " "));
            while (stack.Count > 0)
            {
                var (id, lead, indent) = stack.Pop();
                if (id < 0)
                {
                    text.Append(lead).Append("···\n");
                    continue;
                }
                var node = this[id];
                text.Append(lead).Append(Label(node)).Append(" [id ").Append(Id(id)).Append("] <").Append(node.TypeText).Append('>');
                if (node.Name is { } name && node.Role is GraphNodeRole.Apply or GraphNodeRole.View or GraphNodeRole.Draw) text.Append(" '").Append(name).Append('\'');
                if (node.Step >= 0) text.Append(' ').Append(node.Step.ToString(CultureInfo.InvariantCulture));
                text.Append('\n');
                if (node.Inputs.Count == 0) continue;
                if (!expanded.Add(id))
                {
                    stack.Push((-1, indent + "└─ ", ""));
                    continue;
                }
                for (int k = node.Inputs.Count - 1; k >= 0; k--)
                {
                    bool last = k == node.Inputs.Count - 1;
                    stack.Push((node.Inputs[k], indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  ")));
                }
            }
        }
        if (Steps.Count > 0)
        {
            text.Append("\nSteps:\n");
            foreach (var step in Steps)
                text.Append(' ').Append(step.Index.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(step.Kind).Append(": ")
                    .Append(string.Join(", ", step.Nodes.Select(n => $"{Label(this[n])} [id {Id(n)}]"))).Append('\n');
        }
        if (Updates.Count > 0)
        {
            text.Append("\nUpdates:\n");
            foreach (var update in Updates) text.Append(' ').Append(update.Shared).Append(" <- [id ").Append(Id(update.Node)).Append("]\n");
        }
        if (Rewrites.Count > 0) text.Append("\nRewrites: ").Append(string.Join(", ", Rewrites)).Append('\n');
        return text.ToString();
    }

    /// <summary>PyTensor's ids: A, B, ..., Z, BA, BB, ... (base 26, A the zero digit).</summary>
    private static string Letters(int n)
    {
        var letters = new StringBuilder();
        do
        {
            letters.Insert(0, (char)('A' + n % 26));
            n /= 26;
        }
        while (n > 0);
        return letters.ToString();
    }
}
