using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Tensorgen.Tests.Inspection;

/// <summary>What Mermaid needs of a flowchart: a header, balanced subgraphs, every node drawn defined once, quoted labels.</summary>
internal static class MermaidChecks
{
    public static void AssertWellFormed(string mermaid, GraphView view)
    {
        var lines = mermaid.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal("flowchart TD", lines[0]);
        Assert.Equal(lines.Count(l => l.TrimStart().StartsWith("subgraph ")), lines.Count(l => l.Trim() == "end"));
        var defined = lines.Select(l => Regex.Match(l, @"^\s+(n\d+)[\[\(\{]")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(defined.Count, defined.Distinct().Count());
        Assert.Equal(view.Nodes.Select(n => "n" + n.Id).OrderBy(s => s), defined.OrderBy(s => s));
        var edges = lines.Select(l => Regex.Match(l, @"^\s+(n\d+) -->\|""[^""]*""\| (n\d+)$")).Where(m => m.Success).ToList();
        Assert.Equal(view.Nodes.Sum(n => n.Inputs.Count), edges.Count);
        Assert.All(edges, e => Assert.Contains(e.Groups[2].Value, defined));
        Assert.DoesNotContain(lines, l => l.Count(c => c == '"') % 2 != 0);
    }
}
