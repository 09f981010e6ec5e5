using System;

namespace Tensorgen;

/// <summary>
/// Everything that determines a <see cref="Pcg64"/>'s future output, as NumPy's
/// <c>PCG64.state</c> dictionary holds it. A value type, so a state can be saved and restored
/// without allocating.
/// </summary>
public struct Pcg64State : IEquatable<Pcg64State>
{
    /// <summary>The 128-bit LCG state (NumPy's <c>state['state']['state']</c>).</summary>
    public UInt128 State;

    /// <summary>The LCG increment, always odd (NumPy's <c>state['state']['inc']</c>).</summary>
    public UInt128 Increment;

    /// <summary>Whether the upper half of the last 64-bit draw is waiting to be returned by the next 32-bit draw.</summary>
    public bool HasUInt32;

    /// <summary>The waiting upper half, meaningful when <see cref="HasUInt32"/> is set.</summary>
    public uint UInteger;

    /// <inheritdoc/>
    public readonly bool Equals(Pcg64State other) =>
        State == other.State && Increment == other.Increment && HasUInt32 == other.HasUInt32 && UInteger == other.UInteger;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is Pcg64State other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(State, Increment, HasUInt32, UInteger);

    /// <summary>Whether two states are the same.</summary>
    public static bool operator ==(Pcg64State left, Pcg64State right) => left.Equals(right);

    /// <summary>Whether two states differ.</summary>
    public static bool operator !=(Pcg64State left, Pcg64State right) => !left.Equals(right);

    /// <summary>The state as NumPy prints it: state, inc, has_uint32 and uinteger.</summary>
    public override readonly string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{{state: {State}, inc: {Increment}, has_uint32: {(HasUInt32 ? 1 : 0)}, uinteger: {UInteger}}}");
}
