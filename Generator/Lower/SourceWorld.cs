using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tensorgen.Generator.Lower;

/// <summary>
/// Everything outside a body that decides how the body binds: the compilation's options, references and
/// assembly name, and for every file its path, parse options and declaration shape: the hash of its tokens
/// outside member bodies and non-const initializers, with its preprocessor directives. Comments, whitespace
/// and the insides of method bodies are not part of it, so typing in a body or above a method leaves the world
/// equal. Worlds are interned: equal worlds are the same object, compared by reference.
/// </summary>
/// <remarks>
/// Why bodies are left out: C# binds a body against declarations only. Another member's body or a non-const
/// field's initializer never changes what a name in this body means (return types are declared, never
/// inferred across members); a const's value, a default parameter value, an attribute argument or an enum
/// member's value can, and those stay in the shape. Top-level statements stay in it whole.
/// </remarks>
internal sealed class SourceWorld
{
    private readonly string? _assemblyName;
    private readonly WeakReference<CompilationOptions> _options;
    private readonly WeakReference<MetadataReference>[] _references;
    private readonly (string Path, string Shape)[] _trees;

    private SourceWorld(Compilation compilation, (string Path, string Shape)[] trees)
    {
        _assemblyName = compilation.AssemblyName;
        _options = new WeakReference<CompilationOptions>(compilation.Options);
        _references = compilation.References.Select(r => new WeakReference<MetadataReference>(r)).ToArray();
        _trees = trees;
    }

    /// <summary>A compilation's world (null when two files share a path: no reuse then), and its files by path.</summary>
    internal sealed record View(SourceWorld? World, Dictionary<string, SyntaxTree> Trees);

    private static readonly ConditionalWeakTable<Compilation, View> Views = new();
    private static readonly ConditionalWeakTable<SyntaxTree, string> Shapes = new();
    private static readonly List<SourceWorld> Recent = new();
    private const int RecentWorlds = 8;

    public static View Of(Compilation compilation, CancellationToken cancellation) =>
        Views.GetValue(compilation, c => Make(c, cancellation));

    private static View Make(Compilation compilation, CancellationToken cancellation)
    {
        var trees = new Dictionary<string, SyntaxTree>();
        var shapes = new (string, string)[compilation.SyntaxTrees.Count()];
        int i = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (trees.ContainsKey(tree.FilePath)) return new View(null, trees);
            trees[tree.FilePath] = tree;
            shapes[i++] = (tree.FilePath, Shapes.GetValue(tree, t => Shape(t, cancellation)));
        }
        var world = new SourceWorld(compilation, shapes);
        lock (Recent)
        {
            var equal = Recent.FirstOrDefault(w => w.Equals(world, compilation));
            if (equal is not null) world = equal;
            else
            {
                Recent.Insert(0, world);
                if (Recent.Count > RecentWorlds) Recent.RemoveAt(RecentWorlds);
            }
        }
        return new View(world, trees);
    }

    /// <summary>Whether <paramref name="other"/> (just made for <paramref name="compilation"/>) is this world.</summary>
    private bool Equals(SourceWorld other, Compilation compilation)
    {
        if (_assemblyName != other._assemblyName || _trees.Length != other._trees.Length || _references.Length != other._references.Length) return false;
        if (!_options.TryGetTarget(out var options) || !(ReferenceEquals(options, compilation.Options) || options.Equals(compilation.Options))) return false;
        int r = 0;
        foreach (var reference in compilation.References)
            if (!_references[r++].TryGetTarget(out var mine) || !ReferenceEquals(mine, reference)) return false;
        for (int i = 0; i < _trees.Length; i++)
            if (_trees[i].Path != other._trees[i].Path || _trees[i].Shape != other._trees[i].Shape) return false;
        return true;
    }

    /// <summary>A file's declaration shape: a hash of its parse options, directives and tokens outside bodies.</summary>
    private static string Shape(SyntaxTree tree, CancellationToken cancellation)
    {
        var text = new StringBuilder();
        if (tree.Options is CSharpParseOptions parse)
            text.Append(parse.LanguageVersion).Append('|').Append(parse.Kind).Append('|').Append(parse.DocumentationMode).Append('|')
                .Append(string.Join(",", parse.PreprocessorSymbolNames)).Append('|')
                .Append(string.Join(",", parse.Features.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value))).Append('\n');
        foreach (var item in tree.GetRoot(cancellation).DescendantNodesAndTokens(n => !IsBody(n)))
        {
            if (item.IsNode)
            {
                if (IsBody(item.AsNode()!)) text.Append("{…} ");
                continue;
            }
            var token = item.AsToken();
            foreach (var trivia in token.LeadingTrivia)
                if (trivia.IsDirective) text.Append(trivia.ToString()).Append('\n');
            text.Append(token.Text).Append(' ');
        }
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A member's body or a non-const initializer: what other code's binding never depends on.</summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } } =>
            !field.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => false,
    };
}
