using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tensorgen.Generator.Model;

/// <summary>A source location as plain data (no syntax tree held): a file, a span and its line positions.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static LocationInfo? From(Location? location)
    {
        if (location?.SourceTree is null) return null;
        var lines = location.GetLineSpan().Span;
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
            lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }

    public Location ToLocation() => Location.Create(FilePath, new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
}

/// <summary>
/// A location inside one lowered declaration, counted from where the declaration starts: the span's offset,
/// lines below the declaration's first line, and characters (from the declaration's first character on its
/// first line, from the line's start below it). Text above the declaration does not change it.
/// </summary>
internal readonly record struct RelativeLocation(int Declaration, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>Where a lowered declaration starts: its file, offset and line position.</summary>
internal sealed record DeclarationAnchor(string FilePath, int Start, int Line, int Character)
{
    public static DeclarationAnchor Of(SyntaxNode declaration)
    {
        var start = declaration.SyntaxTree.GetLineSpan(new TextSpan(declaration.SpanStart, 0)).StartLinePosition;
        return new DeclarationAnchor(declaration.SyntaxTree.FilePath, declaration.SpanStart, start.Line, start.Character);
    }

    /// <summary><paramref name="location"/> (in this declaration's tree) relative to this declaration.</summary>
    public RelativeLocation Relative(int index, Location location)
    {
        var lines = location.GetLineSpan().Span;
        int startLine = lines.Start.Line - Line, endLine = lines.End.Line - Line;
        return new RelativeLocation(index, location.SourceSpan.Start - Start, location.SourceSpan.Length,
            startLine, startLine == 0 ? lines.Start.Character - Character : lines.Start.Character,
            endLine, endLine == 0 ? lines.End.Character - Character : lines.End.Character);
    }

    public LocationInfo Absolute(RelativeLocation location) => new(FilePath, Start + location.Start, location.Length,
        Line + location.StartLine, location.StartLine == 0 ? Character + location.StartCharacter : location.StartCharacter,
        Line + location.EndLine, location.EndLine == 0 ? Character + location.EndCharacter : location.EndCharacter);
}

/// <summary>
/// Where one function's lowered declarations are (the method, the helpers it calls, the initializers it reads),
/// kept apart from the lowered function so that moving code re-places diagnostics without re-evaluating.
/// </summary>
/// <param name="Identifier">The method's name, where failures found after evaluation are reported.</param>
internal sealed record FunctionAnchors(string HintName, LocationInfo? Identifier, EquatableArray<DeclarationAnchor> Declarations)
{
    public LocationInfo? Locate(RelativeLocation? location) =>
        location is { } l && l.Declaration >= 0 && l.Declaration < Declarations.Count ? Declarations[l.Declaration].Absolute(l) : null;
}

/// <summary>Every function's anchors, by generated file name (the first, if two functions share one).</summary>
internal sealed class AnchorTable
{
    private readonly Dictionary<string, FunctionAnchors> _byHintName = new();

    public AnchorTable(ImmutableArray<FunctionAnchors> all)
    {
        foreach (var anchors in all)
            if (!_byHintName.ContainsKey(anchors.HintName)) _byHintName[anchors.HintName] = anchors;
    }

    public FunctionAnchors? this[string hintName] => _byHintName.TryGetValue(hintName, out var anchors) ? anchors : null;
}
