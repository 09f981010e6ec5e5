using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Tensorgen.Generator.Model;

/// <summary>
/// A diagnostic as plain data: its id, where (relative to a lowered declaration, so moving the method leaves
/// it equal) and its message arguments. <see cref="ToDiagnostic"/> places it with the function's anchors.
/// </summary>
internal sealed record DiagnosticInfo(string Id, RelativeLocation? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, RelativeLocation? location, params string[] arguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic(FunctionAnchors? anchors)
    {
        var args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++) args[i] = Arguments[i];
        var location = anchors?.Locate(Location)?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None;
        return Diagnostic.Create(Descriptor(Id), location, args);
    }

    private static Dictionary<string, DiagnosticDescriptor>? _descriptors;

    /// <summary>The descriptor with this id: every one is a public static field of <see cref="Diagnostics"/>.</summary>
    public static DiagnosticDescriptor Descriptor(string id)
    {
        _descriptors ??= typeof(Diagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().ToDictionary(d => d.Id);
        return _descriptors[id];
    }
}
