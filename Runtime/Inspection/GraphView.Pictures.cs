using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Tensorgen;

public sealed partial class GraphView
{
    /// <summary>
    /// The graph in Graphviz's DOT language (<c>dot -Tsvg</c> draws it): inputs, shared variables, constants, draws and
    /// ops each drawn their own way, the nodes a fused kernel computes boxed together as a cluster, the outputs and
    /// updates as sinks, and each edge labelled with the dtype and static shape it carries.
    /// </summary>
    public string ToDot()
    {
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(DotString(Function)).Append(" {\n");
        dot.Append("  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n");
        if (Omitted is not null)
        {
            dot.Append("  omitted [shape=note, label=").Append(DotString(Omitted)).Append("];\n}\n");
            return dot.ToString();
        }
        foreach (var group in Clusters())
        {
            string indent = group.Step is { } step ? "    " : "  ";
            if (group.Step is { } s)
                dot.Append("  subgraph cluster_step").Append(s.Index.ToString(CultureInfo.InvariantCulture)).Append(" {\n    label=")
                    .Append(DotString($"step {s.Index.ToString(CultureInfo.InvariantCulture)}: {s.Kind}")).Append(";\n    style=\"rounded,dashed\";\n    color=\"#64748b\";\n");
            foreach (var node in group.Nodes) dot.Append(indent).Append(DotNode(node)).Append('\n');
            if (group.Step is not null) dot.Append("  }\n");
        }
        foreach (var node in Nodes)
            foreach (var input in node.Inputs)
                dot.Append("  n").Append(Num(input)).Append(" -> n").Append(Num(node.Id)).Append(" [label=").Append(DotString(Carried(this[input]))).Append("];\n");
        for (int o = 0; o < Outputs.Count; o++)
        {
            var output = Outputs[o];
            dot.Append("  out").Append(Num(o)).Append(" [shape=house, style=filled, fillcolor=\"#bbf7d0\", label=")
                .Append(DotString(OutputLabel(o))).Append("];\n  n").Append(Num(output.Node)).Append(" -> out").Append(Num(o)).Append(";\n");
        }
        for (int u = 0; u < Updates.Count; u++)
            dot.Append("  update").Append(Num(u)).Append(" [shape=cds, style=filled, fillcolor=\"#fed7aa\", label=")
                .Append(DotString("update " + Updates[u].Shared)).Append("];\n  n").Append(Num(Updates[u].Node)).Append(" -> update").Append(Num(u)).Append(";\n");
        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>
    /// The graph as a Mermaid flowchart (GitHub's markdown and most documentation sites draw it): the same picture as
    /// <see cref="ToDot"/>, fused kernels as subgraphs.
    /// </summary>
    public string ToMermaid()
    {
        var text = new StringBuilder("flowchart TD\n");
        if (Omitted is not null) return text.Append("  omitted[").Append(MermaidString(Omitted)).Append("]\n").ToString();
        foreach (var group in Clusters())
        {
            string indent = group.Step is not null ? "    " : "  ";
            if (group.Step is { } s)
                text.Append("  subgraph step").Append(Num(s.Index)).Append(" [").Append(MermaidString($"step {Num(s.Index)}: {s.Kind}")).Append("]\n");
            foreach (var node in group.Nodes) text.Append(indent).Append(MermaidNode(node)).Append('\n');
            if (group.Step is not null) text.Append("  end\n");
        }
        foreach (var node in Nodes)
            foreach (var input in node.Inputs)
                text.Append("  n").Append(Num(input)).Append(" -->|").Append(MermaidString(Carried(this[input]))).Append("| n").Append(Num(node.Id)).Append('\n');
        for (int o = 0; o < Outputs.Count; o++)
            text.Append("  n").Append(Num(Outputs[o].Node)).Append(" --> out").Append(Num(o)).Append("([").Append(MermaidString(OutputLabel(o))).Append("])\n");
        for (int u = 0; u < Updates.Count; u++)
            text.Append("  n").Append(Num(Updates[u].Node)).Append(" -.-> update").Append(Num(u)).Append(">").Append(MermaidString("update " + Updates[u].Shared)).Append("]\n");
        text.Append("  classDef input fill:#dbeafe,stroke:#1d4ed8\n  classDef shared fill:#fef3c7,stroke:#b45309\n  classDef draw fill:#f5d0fe,stroke:#a21caf\n  classDef constant fill:#f1f5f9,stroke:#94a3b8\n");
        foreach (var role in new[] { GraphNodeRole.Input, GraphNodeRole.Shared, GraphNodeRole.Draw, GraphNodeRole.Constant })
        {
            var members = Nodes.Where(n => n.Role == role).Select(n => "n" + Num(n.Id)).ToList();
            if (members.Count > 0) text.Append("  class ").Append(string.Join(",", members)).Append(' ').Append(role.ToString().ToLowerInvariant()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The nodes in groups: those of each step computing more than one (a fused kernel), and the others one by one.</summary>
    private IEnumerable<(GraphViewStep? Step, IReadOnlyList<GraphViewNode> Nodes)> Clusters()
    {
        var fused = Steps.Where(s => s.Nodes.Count > 1).ToDictionary(s => s.Index);
        var drawn = new HashSet<int>();
        foreach (var node in Nodes)
        {
            if (!drawn.Add(node.Id)) continue;
            if (node.Step >= 0 && fused.TryGetValue(node.Step, out var step))
            {
                var members = step.Nodes.Select(n => this[n]).ToList();
                drawn.UnionWith(step.Nodes);
                yield return (step, members);
            }
            else yield return (null, [node]);
        }
    }

    private static string DotNode(GraphViewNode node)
    {
        string label = Label(node) + (node.Role is GraphNodeRole.Input or GraphNodeRole.Shared or GraphNodeRole.Draw ? "\n" + node.DType + " " + node.ShapeText : "");
        string style = node.Role switch
        {
            GraphNodeRole.Input => "shape=invhouse, style=filled, fillcolor=\"#dbeafe\"",
            GraphNodeRole.Shared => "shape=cylinder, style=filled, fillcolor=\"#fef3c7\"",
            GraphNodeRole.Constant => "shape=plaintext",
            GraphNodeRole.Draw => "shape=hexagon, style=filled, fillcolor=\"#f5d0fe\"",
            GraphNodeRole.View => "shape=box, style=\"rounded,dashed\"",
            _ => "shape=box, style=rounded",
        };
        return $"n{Num(node.Id)} [{style}, label={DotString(label)}];";
    }

    private static string MermaidNode(GraphViewNode node)
    {
        string label = MermaidString(Label(node) + (node.Role is GraphNodeRole.Input or GraphNodeRole.Shared or GraphNodeRole.Draw ? "<br/>" + node.DType + " " + node.ShapeText : ""));
        string id = "n" + Num(node.Id);
        return node.Role switch
        {
            GraphNodeRole.Input => $"{id}[/{label}/]",
            GraphNodeRole.Shared => $"{id}[({label})]",
            GraphNodeRole.Draw => $"{id}{{{{{label}}}}}",
            GraphNodeRole.Constant => $"{id}(({label}))",
            _ => $"{id}[{label}]",
        };
    }

    private string OutputLabel(int o) => Outputs[o].Name is { } name ? $"output {Num(o)}: {name}" : $"output {Num(o)}";

    /// <summary>What an edge carries: its dtype and static shape.</summary>
    private static string Carried(GraphViewNode node) => node.DType + " " + node.ShapeText;

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string DotString(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    /// <summary>Mermaid's quoted text: quotes as entities, so any op text (braces, brackets) is safe.</summary>
    private static string MermaidString(string text) => "\"" + text.Replace("\"", "#quot;") + "\"";
}
