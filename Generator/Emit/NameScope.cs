using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Hands out C# identifiers that do not collide: a user may name an input <c>n0</c> or <c>i</c>, so
/// generated locals take the next free spelling (<c>i_2</c>) instead of shadowing it.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _used = new();

    // The next suffix to try per wanted name, so many takes of one name stay linear.
    private readonly Dictionary<string, int> _next = new();

    public NameScope(IEnumerable<string>? taken = null)
    {
        if (taken is not null) _used.UnionWith(taken);
    }

    /// <summary>A scope with the names taken so far, for a sibling block that may reuse the names this one takes next.</summary>
    public NameScope Copy()
    {
        var copy = new NameScope(_used);
        foreach (var pair in _next) copy._next[pair.Key] = pair.Value;
        return copy;
    }

    public string Take(string wanted)
    {
        string name = wanted;
        int k = _next.TryGetValue(wanted, out int next) ? next : 2;
        if (!_used.Add(name))
            for (; !_used.Add(name = wanted + "_" + k.ToString(CultureInfo.InvariantCulture)); k++) { }
        _next[wanted] = k;
        return Escape(name);
    }

    /// <summary>Prefixes a keyword with @ so it can name a parameter (<c>@in</c>).</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
