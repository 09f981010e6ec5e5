using System;

namespace Tensorgen.Generator.Lower;

/// <summary>
/// Where a node's syntax is: a span inside one lowered declaration (<see cref="LoweredFunction.Declarations"/>),
/// counted from the declaration's first character. Relative, so a comment above the method leaves it equal.
/// </summary>
internal readonly record struct IrSpan(int Declaration, int Start, int Length);

/// <summary>
/// One operation of the lowered body: a record per <c>IOperation</c> kind the evaluator understands, holding
/// every fact the evaluator reads from it (types as special types, symbols as ids into the function's tables,
/// children as indices into <see cref="LoweredFunction.Nodes"/>, -1 for none). Nodes are stored flat, so
/// comparing two bodies is a loop, however deeply the source nests.
/// </summary>
internal abstract record IrNode
{
    /// <summary>Where the operation's syntax is (its text is the declaration's text there).</summary>
    public IrSpan Span { get; private set; }

    /// <summary>The C# constant value of an expression, which the evaluator takes without walking it; null when none.</summary>
    public IrConstant? Constant { get; private set; }

    /// <summary>Sets where the node is and its constant; called once, by the lowering that makes the node.</summary>
    internal IrNode Place(IrSpan span, IrConstant? constant)
    {
        Span = span;
        Constant = constant;
        return this;
    }
}

/// <summary>
/// A build-time constant (number, bool, char, string, enum value or null), compared by type and exact bits:
/// <c>-0.0</c> is not <c>0.0</c>, and <c>1.0m</c> is not <c>1.00m</c> (they print differently).
/// </summary>
internal sealed record IrConstant(object? Value)
{
    public bool Equals(IrConstant? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        return (Value, other.Value) switch
        {
            (null, null) => true,
            (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
            (float a, float b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
            (decimal a, decimal b) => Bits(a) == Bits(b),
            (null, _) or (_, null) => false,
            _ => Value.GetType() == other.Value.GetType() && Value.Equals(other.Value),
        };
    }

    public override int GetHashCode() => Value switch
    {
        null => 0,
        double d => BitConverter.DoubleToInt64Bits(d).GetHashCode(),
        float f => BitConverter.DoubleToInt64Bits(f).GetHashCode(),
        _ => Value.GetHashCode(),
    };

    private static (int, int, int, int) Bits(decimal value)
    {
        var bits = decimal.GetBits(value);
        return (bits[0], bits[1], bits[2], bits[3]);
    }
}
