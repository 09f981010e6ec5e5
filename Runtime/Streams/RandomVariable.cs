using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// A random variable drawn from a <see cref="RandomStream"/> (PyTensor's random variables such as
/// <c>srng.uniform(0, 1, size=(2, 2))</c>). In graph code it is a tensor like any other; compiled
/// functions draw it once per call, however often the graph uses it, from its own generator
/// (<see cref="Rng"/>), seeded from the stream as PyTensor seeds it.
/// </summary>
public sealed class RandomVariable : TensorVariable
{
    internal RandomVariable(RandomStream stream, Distribution distribution, SharedRandomState rng)
    {
        Stream = stream;
        Distribution = distribution;
        Rng = rng;
        Scratch = RandomGenerator.DefaultRng(0);
    }

    /// <summary>The stream that seeded it.</summary>
    public RandomStream Stream { get; }

    /// <summary>What it draws from.</summary>
    public Distribution Distribution { get; }

    /// <summary>Its generator state, a shared variable (PyTensor's <c>rng</c> in <c>state_updates</c>).</summary>
    public SharedRandomState Rng { get; }

    /// <summary>
    /// A generator generated code draws with: set to <see cref="Rng"/>'s state before a call's draws, read
    /// back after, so a failed call or one without default updates leaves <see cref="Rng"/> as it was.
    /// Only a call that has entered <see cref="Rng"/> (as a writer) uses it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RandomGenerator Scratch { get; }
}
