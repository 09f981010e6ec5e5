using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>Source with <c>[|...|]</c> around the spans where diagnostics are expected (Roslyn's test markup).</summary>
internal static class Markup
{
    public static (string Source, List<TextSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                open.Push(text.Length);
                i++;
            }
            else if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
            {
                int start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else text.Append(markup[i]);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (text.ToString(), spans);
    }
}
