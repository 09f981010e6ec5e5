using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tensorgen.Generator.Model;

/// <summary>
/// The places in the graph method that a stage after evaluation reports at (a <c>Grad</c> call, its
/// variables, the <c>Function</c> call), numbered as evaluation meets them. The graph and the spec hold only
/// the numbers, so moving code inside the method leaves them equal; the places travel beside the spec
/// (<c>EvaluatedFunction.Sites</c>) and are looked up only when a diagnostic is reported.
/// </summary>
internal sealed class SiteTable
{
    private readonly List<RelativeLocation> _sites = new();
    private readonly Dictionary<RelativeLocation, int> _index = new();

    /// <summary>The number of <paramref name="location"/>: equal places have one number (code in a loop is one site).</summary>
    public int Add(RelativeLocation location)
    {
        if (_index.TryGetValue(location, out int site)) return site;
        _index.Add(location, _sites.Count);
        _sites.Add(location);
        return _sites.Count - 1;
    }

    public EquatableArray<RelativeLocation> ToArray() => _sites.ToEquatableArray();
}

/// <summary>The diagnostics a stage finds, each reported once per site and id, as the evaluator reports its own.</summary>
internal sealed class SiteDiagnostics(string function)
{
    private readonly List<SiteDiagnostic> _list = new();
    private readonly HashSet<(string, int)> _reported = new();

    /// <summary>Reports at <paramref name="site"/>; the function's name is the first argument, as in every TG message.</summary>
    public void Report(DiagnosticDescriptor descriptor, int site, params string[] arguments)
    {
        if (!_reported.Add((descriptor.Id, site))) return;
        _list.Add(new SiteDiagnostic(descriptor.Id, site, new EquatableArray<string>([function, .. arguments])));
    }

    public int Count => _list.Count;

    /// <summary>Whether an error is among them (a warning leaves the function compiled).</summary>
    public bool HasErrors => _list.Exists(d => DiagnosticInfo.Descriptor(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

    public EquatableArray<SiteDiagnostic> ToArray() => _list.ToEquatableArray();
}

/// <summary>A diagnostic found after evaluation, at a <see cref="SiteTable"/> number, or <see cref="Method"/>: the method's name.</summary>
internal sealed record SiteDiagnostic(string Id, int Site, EquatableArray<string> Arguments)
{
    /// <summary>The site of the method's name, where failures without a place of their own are reported.</summary>
    public const int Method = -1;

    public Diagnostic ToDiagnostic(EquatableArray<RelativeLocation> sites, FunctionAnchors? anchors)
    {
        var args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = Arguments[i];
        var place = Site >= 0 && Site < sites.Count ? anchors?.Locate(sites[Site]) : anchors?.Identifier;
        return Diagnostic.Create(DiagnosticInfo.Descriptor(Id), place?.ToLocation() ?? Location.None, args);
    }
}
