using System.Collections.Immutable;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>What a C# expression in graph code evaluates to at build time.</summary>
internal abstract record Value;

/// <summary>A symbolic tensor: a graph node, or a literal that has not met a tensor yet.</summary>
internal sealed record TensorValue(Operand Operand) : Value;

/// <summary>An ordinary C# value: a number, string, bool, enum or null.</summary>
internal sealed record ConstValue(object? Constant) : Value;

/// <summary><c>In(variable, value:, name:)</c>.</summary>
internal sealed record InValue(Operand Variable, object? Default, string? Name, IrSpan Location) : Value;

/// <summary>
/// An array, collection expression, tuple or <c>Variables</c> list: an immutable value. Held as a persistent
/// list, so <c>xs = [.. xs, x]</c> in a loop appends in logarithmic time instead of copying every element.
/// </summary>
internal sealed record ListValue : Value
{
    private readonly ImmutableList<Value> _items;
    private readonly ImmutableList<IrSpan> _locations;
    private ImmutableArray<Value> _itemArray;
    private ImmutableArray<IrSpan> _locationArray;

    public ListValue(ImmutableArray<Value> items, ImmutableArray<IrSpan> locations)
        : this(ImmutableList.CreateRange(items), ImmutableList.CreateRange(locations))
    {
        _itemArray = items;
        _locationArray = locations;
    }

    private ListValue(ImmutableList<Value> items, ImmutableList<IrSpan> locations)
    {
        _items = items;
        _locations = locations;
    }

    public int Count => _items.Count;

    public ImmutableArray<Value> Items => _itemArray.IsDefault ? _itemArray = _items.ToImmutableArray() : _itemArray;

    public ImmutableArray<IrSpan> Locations => _locationArray.IsDefault ? _locationArray = _locations.ToImmutableArray() : _locationArray;

    public Value this[int index] => _items[index];

    /// <summary>This list followed by <paramref name="items"/>.</summary>
    public ListValue Concat(ImmutableList<Value> items, ImmutableList<IrSpan> locations) =>
        new(_items.AddRange(items), _locations.AddRange(locations));

    public ListValue Concat(ListValue other) => _items.Count == 0 ? other : Concat(other._items, other._locations);

    public ListValue Add(Value item, IrSpan location) => new(_items.Add(item), _locations.Add(location));

    public static ListValue Empty { get; } = new(ImmutableList<Value>.Empty, ImmutableList<IrSpan>.Empty);

    public bool Equals(ListValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>The result of <c>Function(inputs, outputs)</c>.</summary>
internal sealed record FunctionValue(
    ImmutableArray<Value> Inputs,
    ImmutableArray<IrSpan> InputLocations,
    ImmutableArray<Value> Outputs,
    ImmutableArray<string?> OutputNames,
    bool ManyOutputs,
    IrSpan Location,
    ImmutableArray<PairValue> Updates,
    ImmutableArray<PairValue> Givens,
    bool NoDefaultUpdates,
    int OnUnusedInput) : Value;

/// <summary>
/// <c>Taps(tensor, taps)</c>: a Scan sequence read at several offsets, or an outputsInfo entry fed back from several
/// earlier steps (the initial values; taps negative).
/// </summary>
internal sealed record TapsValue(int Tensor, EquatableArray<int> Taps) : Value;

/// <summary><c>Until(condition)</c>: a scan body's early exit (a 0-d bool node), only as the last of its results.</summary>
internal sealed record UntilValue(int Condition) : Value;

/// <summary>One (variable, value) pair of updates or givens, and where it was written.</summary>
internal sealed record PairValue(Value Variable, Value Value, IrSpan Location);

/// <summary>
/// An entry of a scan's updates for a random variable its body draws (PyTensor's rng update): a function given it
/// moves the variable's generator on past the loop's draws; one not given it draws the same numbers at every call.
/// </summary>
internal sealed record RandomAdvanceValue(int Random) : Value;

/// <summary>A value whose evaluation failed; the failure was reported once, users stay silent.</summary>
internal sealed record ErrorValue : Value
{
    public static readonly ErrorValue Instance = new();
}
