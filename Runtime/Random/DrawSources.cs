using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

/// <summary>
/// Where a sampler takes its next raw 64-bit draws: straight from the generator, or from a buffer
/// that holds the generator's next draws. Rejection code is written once over both.
/// </summary>
internal interface IDrawSource
{
    /// <summary>The next raw draw; <paramref name="slot"/> is the output being made (see <see cref="BufferSource"/>).</summary>
    ulong NextRaw(int slot);

    /// <summary>The next draw as a double in [0, 1), as <c>next_double</c>.</summary>
    double NextDouble(int slot);
}

/// <summary>Draws taken one at a time from the generator.</summary>
internal readonly struct GeneratorSource(Pcg64 bits) : IDrawSource
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextRaw(int slot) => bits.NextUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble(int slot) => bits.NextDouble();
}

/// <summary>
/// Draws read in order from a buffer pre-filled with the generator's next outputs, which is also the
/// output span: output <c>slot</c> is written only after the draws at or before its position have
/// been read. Once the buffer is read through, the slots from the current output on (all read, none
/// yet written) are refilled from the generator, so no draw is ever taken that the outputs won't use.
/// </summary>
internal ref struct BufferSource(Pcg64 bits, Span<ulong> buffer) : IDrawSource
{
    private readonly Span<ulong> _buffer = buffer;
    private int _position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextRaw(int slot)
    {
        if (_position == _buffer.Length) Refill(slot);
        return Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _position++);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble(int slot) => (long)(NextRaw(slot) >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>How many buffered draws are still unread.</summary>
    public readonly int Available => _buffer.Length - _position;

    /// <summary>The next unread draw, for a vector read of several; <see cref="Skip"/> then consumes them.</summary>
    public readonly ref ulong Current => ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), _position);

    /// <summary>Consumes <paramref name="count"/> draws read through <see cref="Current"/> (at most <see cref="Available"/>).</summary>
    public void Skip(int count) => _position += count;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Refill(int slot)
    {
        bits.Fill(_buffer[slot..]);
        _position = slot;
    }
}
