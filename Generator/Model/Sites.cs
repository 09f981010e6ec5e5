using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Tensorgen.Generator.Model;

/// <summary>
/// The places in the graph method that a stage after evaluation reports at (a <c>Grad</c> call, its
/// variables, the <c>Function</c> call), numbered as evaluation meets them. The graph and the spec hold only
/// the numbers, so moving the method leaves them equal; the locations travel beside the spec
/// (<see cref="FunctionResult.Sites"/>) and are looked up only when a diagnostic is reported.
/// </summary>
internal sealed class SiteTable
{
    private readonly List<LocationInfo> _sites = new();
    private readonly Dictionary<LocationInfo, int> _index = new();

    /// <summary>The number of <paramref name="location"/>: equal places have one number (code in a loop is one site).</summary>
    public int Add(Location location)
    {
        if (LocationInfo.From(location) is not { } info) return SiteDiagnostic.Method;
        if (_index.TryGetValue(info, out int site)) return site;
        _index.Add(info, _sites.Count);
        _sites.Add(info);
        return _sites.Count - 1;
    }

    public EquatableArray<LocationInfo> ToArray() => _sites.ToEquatableArray();
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
        var all = new string[arguments.Length + 1];
        all[0] = function;
        arguments.CopyTo(all, 1);
        _list.Add(new SiteDiagnostic(descriptor, site, new EquatableArray<string>(all)));
    }

    public int Count => _list.Count;

    public EquatableArray<SiteDiagnostic> ToArray() => _list.ToEquatableArray();
}

/// <summary>
/// A diagnostic found after evaluation, at a <see cref="SiteTable"/> number (or <see cref="Method"/>: the
/// method's name), compared by id, site and arguments. Like the evaluator's, one site reports an id once.
/// </summary>
internal sealed record SiteDiagnostic(DiagnosticDescriptor Descriptor, int Site, EquatableArray<string> Arguments)
{
    /// <summary>The site of the method's name, where failures without a place of their own are reported.</summary>
    public const int Method = -1;

    public Diagnostic ToDiagnostic(EquatableArray<LocationInfo> sites, LocationInfo? anchor)
    {
        var location = Site >= 0 && Site < sites.Count ? sites[Site] : anchor;
        return new DiagnosticInfo(Descriptor, location, Arguments).ToDiagnostic();
    }

    public bool Equals(SiteDiagnostic? other) =>
        other is not null && Descriptor.Id == other.Descriptor.Id && Site == other.Site && Arguments == other.Arguments;

    public override int GetHashCode() => unchecked((Descriptor.Id.GetHashCode() * 31 + Site) * 31 + Arguments.GetHashCode());
}
