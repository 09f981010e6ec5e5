using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

/// <summary>
/// Roslyn runs the attribute transform for every graph method after every edit, and binding a body is most
/// of its cost. A lowered function depends only on its method's text, the texts of the other declarations it
/// lowered (helpers, initializers) and the <see cref="SourceWorld"/> they bind in; when all three are what they
/// were, the previous lowering is the answer, and the transform returns it with fresh anchors, without
/// binding anything. A memo of a pure function: it holds plain data and weak references only, is bounded, and
/// a miss just lowers again.
/// </summary>
internal static class LoweringCache
{
    /// <summary>A lowered declaration other than the method: its file and its path of child indices from the root.</summary>
    private sealed record Dependency(string FilePath, int[] Path, int Kind);

    private sealed record Entry(SourceWorld World, LoweredFunction Function, Dependency[] Dependencies);

    private const int Capacity = 4096;
    private static readonly Dictionary<string, Entry> Entries = new();

    /// <summary>The previous lowering of <paramref name="method"/>, when nothing it depends on changed; with anchors where its declarations are now.</summary>
    public static FoundFunction? TryReuse(MethodDeclarationSyntax method, SourceWorld.View view, CancellationToken cancellation)
    {
        if (view.World is null) return null;
        Entry? entry;
        lock (Entries)
            if (!Entries.TryGetValue(Key(method), out entry) || entry.World != view.World) return null;
        if (!SameText(method, entry.Function.Declarations[0], cancellation)) return null;

        var declarations = new List<SyntaxNode> { method };
        foreach (var dependency in entry.Dependencies)
        {
            var node = view.Trees.TryGetValue(dependency.FilePath, out var tree) ? Find(tree.GetRoot(cancellation), dependency.Path) : null;
            if (node is null || node.RawKind != dependency.Kind || !SameText(node, entry.Function.Declarations[declarations.Count], cancellation)) return null;
            declarations.Add(node);
        }
        return new FoundFunction(entry.Function, Anchors(entry.Function.Header.HintName, method, declarations));
    }

    /// <summary>Remembers a lowering made in <paramref name="view"/>'s world from <paramref name="declarations"/> (the method first).</summary>
    public static void Store(MethodDeclarationSyntax method, SourceWorld.View view, LoweredFunction function, IReadOnlyList<SyntaxNode> declarations, CancellationToken cancellation)
    {
        if (view.World is null || function.Failure is not null) return;
        var dependencies = declarations.Skip(1).Select(d => new Dependency(d.SyntaxTree.FilePath, Path(d), d.RawKind)).ToArray();
        var key = Key(method);
        lock (Entries)
        {
            if (Entries.Count >= Capacity) Entries.Clear();
            Entries[key] = new Entry(view.World, function, dependencies);
        }
    }

    public static FunctionAnchors Anchors(string hintName, MethodDeclarationSyntax method, IEnumerable<SyntaxNode> declarations) =>
        new(hintName, LocationInfo.From(method.Identifier.GetLocation()), declarations.Select(DeclarationAnchor.Of).ToEquatableArray());

    /// <summary>The method by file, enclosing declarations, name and parameter count (its text is compared on reuse).</summary>
    private static string Key(MethodDeclarationSyntax method)
    {
        var owners = method.Ancestors().Select(a => a switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
            TypeDeclarationSyntax type => type.Identifier.Text + "`" + (type.TypeParameterList?.Parameters.Count ?? 0),
            _ => null,
        }).Where(name => name is not null).Reverse();
        return method.SyntaxTree.FilePath + "\n" + string.Join(".", owners) + "\n" + method.Identifier.Text + "`" + method.ParameterList.Parameters.Count;
    }

    /// <summary>Whether <paramref name="node"/>'s text (what lowering stored for its declaration) is <paramref name="expected"/>.</summary>
    private static bool SameText(SyntaxNode node, string expected, CancellationToken cancellation)
    {
        if (node.Span.Length != expected.Length) return false;
        var text = node.SyntaxTree.GetText(cancellation);
        int start = node.Span.Start;
        for (int i = 0; i < expected.Length; i++)
            if (text[start + i] != expected[i]) return false;
        return true;
    }

    private static int[] Path(SyntaxNode node)
    {
        var path = new List<int>();
        for (var child = node; child.Parent is { } parent; child = parent)
        {
            int index = 0;
            foreach (var sibling in parent.ChildNodesAndTokens())
            {
                if (sibling.IsNode && sibling.AsNode() == child) break;
                index++;
            }
            path.Add(index);
        }
        path.Reverse();
        return path.ToArray();
    }

    private static SyntaxNode? Find(SyntaxNode root, int[] path)
    {
        var node = root;
        foreach (int index in path)
        {
            var children = node.ChildNodesAndTokens();
            if (index >= children.Count || children[index].AsNode() is not { } child) return null;
            node = child;
        }
        return node;
    }
}
