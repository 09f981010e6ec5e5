using System;
using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// The generator state behind one random variable (PyTensor's <c>RandomGeneratorSharedVariable</c>): a
/// shared variable whose value is a NumPy-compatible <see cref="RandomGenerator"/>. Functions that draw
/// from the variable read it, and unless told otherwise write back the advanced state after each call.
/// </summary>
public sealed class SharedRandomState
{
    private Pcg64State _state;

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
        var generator = RandomGenerator.DefaultRng(0);
        generator.BitGenerator.State = _state;
        return generator;
    }

    /// <summary>Takes <paramref name="generator"/>'s state (copied), as PyTensor's <c>set_value</c>.</summary>
    public void SetValue(RandomGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _state = generator.BitGenerator.State;
    }

    /// <summary>The bit generator's state. Generated code draws from a copy and writes it back here.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Pcg64State State
    {
        get => _state;
        set => _state = value;
    }
}
