namespace Tensorgen.Generator.Evaluate;

// What the parts of an index evaluate to before the indexing call reads them: C#'s positions and ranges,
// Python's slices, and the markers. Each part is a C# int, or an int scalar tensor where a bound may be symbolic.

/// <summary><c>^n</c>: a position counted from the end (<paramref name="Position"/> is n, a <see cref="ConstValue"/> or a tensor).</summary>
internal sealed record FromEndValue(Value Position) : Value;

/// <summary><c>start..end</c>: either may be null (left out), an int, a <see cref="FromEndValue"/> or an int scalar tensor.</summary>
internal sealed record RangeValue(Value? Start, Value? End) : Value;

/// <summary><c>Slice(start, stop, step)</c>, Python's semantics: each null, an int or an int scalar tensor.</summary>
internal sealed record SliceValue(Value? Start, Value? Stop, Value? Step) : Value;

/// <summary><c>NewAxis</c> or <c>Ellipsis</c>.</summary>
internal sealed record MarkerValue(bool IsNewAxis) : Value;
