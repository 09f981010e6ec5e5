using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Evaluate;

/// <summary>What a C# expression in graph code evaluates to at build time.</summary>
internal abstract record Value;

/// <summary>A symbolic tensor: a graph node, or a literal that has not met a tensor yet.</summary>
internal sealed record TensorValue(Operand Operand) : Value;

/// <summary>An ordinary C# value: a number, string, bool, enum or null.</summary>
internal sealed record ConstValue(object? Constant) : Value;

/// <summary><c>In(variable, value:, name:)</c>.</summary>
internal sealed record InValue(Operand Variable, object? Default, string? Name, Location Location) : Value;

/// <summary>An array, collection expression, tuple or <c>Variables</c> list.</summary>
internal sealed record ListValue(ImmutableArray<Value> Items, ImmutableArray<Location> Locations) : Value;

/// <summary>The result of <c>Function(inputs, outputs)</c>.</summary>
internal sealed record FunctionValue(
    ImmutableArray<Value> Inputs,
    ImmutableArray<Location> InputLocations,
    ImmutableArray<Value> Outputs,
    ImmutableArray<string?> OutputNames,
    bool ManyOutputs,
    Location Location,
    ImmutableArray<PairValue> Updates,
    ImmutableArray<PairValue> Givens,
    bool NoDefaultUpdates) : Value;

/// <summary>One (variable, value) pair of updates or givens, and where it was written.</summary>
internal sealed record PairValue(Value Variable, Value Value, Location Location);

/// <summary>A value whose evaluation failed; the failure was reported once, users stay silent.</summary>
internal sealed record ErrorValue : Value
{
    public static readonly ErrorValue Instance = new();
}
