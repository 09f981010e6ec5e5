using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// The generator state behind one random variable (PyTensor's <c>RandomGeneratorSharedVariable</c>): a
/// shared variable whose value is a NumPy-compatible <see cref="RandomGenerator"/>. Functions that draw
/// from the variable read it, and unless told otherwise write back the advanced state after each call.
/// Like a <see cref="Shared{T}"/> it is not thread-safe but never silently corrupted: a call drawing from
/// it runs alone, and anything that would overlap it is refused with a <see cref="ConcurrentCallException"/>.
/// </summary>
public sealed class SharedRandomState
{
    private Pcg64State _state;
    // Writers: calls drawing from the variable (they use its scratch generator), SetValue. Readers: GetValue.
    private AccessGate _gate;

    internal SharedRandomState(RandomGenerator generator, string? name)
    {
        _state = generator.BitGenerator.State;
        Name = name;
    }

    /// <summary>The name, for messages.</summary>
    public string? Name { get; }

    /// <summary>A generator in the current state (a copy: drawing from it does not move this one).</summary>
    public RandomGenerator GetValue()
    {
        int caller = Enter(write: false, nameof(GetValue));
        var state = _state;
        _gate.Exit(write: false, caller);
        var generator = RandomGenerator.DefaultRng(0);
        generator.BitGenerator.State = state;
        return generator;
    }

    /// <summary>Takes <paramref name="generator"/>'s state (copied), as PyTensor's <c>set_value</c>.</summary>
    public void SetValue(RandomGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var state = generator.BitGenerator.State;
        int caller = Enter(write: true, nameof(SetValue));
        _state = state;
        _gate.Exit(write: true, caller);
    }

    /// <summary>The bit generator's state. Generated code draws from a copy and writes it back here, between <see cref="TryEnter"/> and <see cref="Exit"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Pcg64State State
    {
        get => _state;
        set => _state = value;
    }

    /// <summary>Enters for a call that draws (always a writer: it uses the variable's scratch generator); false, holding nothing, if in use. For generated code and <see cref="RandomStream.Seed"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnter(bool write, int caller) => _gate.TryEnter(write, caller);

    /// <summary>Leaves what <see cref="TryEnter"/> entered. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit(bool write, int caller) => _gate.Exit(write, caller);

    private int Enter(bool write, string operation)
    {
        int caller = AccessGate.Caller;
        if (!_gate.TryEnter(write, caller)) throw InUse(operation);
        return caller;
    }

    /// <summary>The exception for an operation refused because a call is drawing from this generator.</summary>
    internal ConcurrentCallException InUse(string operation) => ConcurrentCallException.ForAccess(Name ?? "rng", $"random generator '{Name}'", operation);
}
