using System.Collections.Generic;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

/// <summary>What the generated class is called and where it goes; the same for every body the method could have.</summary>
/// <param name="OwnerType">For an instance graph method: its type, fully qualified; null for a static one.</param>
/// <param name="CanEmit">Whether a class can be added to the enclosing types (partial, not generic), even for a broken method.</param>
/// <param name="Identifier">The method's name, where problems of the whole function are reported.</param>
internal sealed record FunctionHeader(string? Namespace, EquatableArray<ContainingTypeSpec> ContainingTypes, string MethodName,
    string Accessibility, string? OwnerType, bool CanEmit, RelativeLocation Identifier, bool Profiled = true)
{
    /// <summary>The generated file's name, unique per method: <c>Samples.Tutorial.Logistic.g.cs</c>.</summary>
    public string HintName => HintNameOf(Namespace, ContainingTypes, MethodName);

    public static string HintNameOf(string? ns, EquatableArray<ContainingTypeSpec> containingTypes, string methodName)
    {
        var parts = new List<string>();
        if (ns is not null) parts.Add(ns);
        foreach (var type in containingTypes) parts.Add(type.Name);
        parts.Add(methodName);
        return string.Join(".", parts) + ".g.cs";
    }
}

/// <summary>
/// A [TensorFunction] method lowered by the attribute transform: its validated header and its body, the helpers
/// it calls and the member initializers it reads, as <see cref="IrNode"/>s over tables of the methods, members
/// and variables they use. Plain, equatable data with locations relative to the lowered declarations, so an
/// edit that leaves the graph code alone (elsewhere, or above the method) gives an equal value and evaluation
/// stays cached.
/// </summary>
/// <param name="Diagnostics">Problems of the declaration itself (not partial, parameters, ...); when any, there is no body.</param>
/// <param name="Failure">Set when lowering failed internally: reported as TG9999.</param>
/// <param name="Body">The method body's root statement, or -1.</param>
/// <param name="Declarations">The text of each lowered declaration: the method (0), then helpers and initializers as first met.</param>
/// <param name="Variables">The name of each local and parameter, by id.</param>
internal sealed record LoweredFunction(
    FunctionHeader Header,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? Failure,
    int Body,
    EquatableArray<IrNode> Nodes,
    EquatableArray<string> Declarations,
    EquatableArray<string> Variables,
    EquatableArray<IrMethod> Methods,
    EquatableArray<IrHelper> Helpers,
    EquatableArray<IrMember> Members);

/// <summary>The attribute transform's result: the lowered function, and where its declarations are (a separate branch).</summary>
internal sealed record FoundFunction(LoweredFunction Function, FunctionAnchors Anchors);
