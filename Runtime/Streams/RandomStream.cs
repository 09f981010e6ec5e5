using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// A source of random variables seeded as PyTensor's <c>RandomStream</c>: every variable drawn from it
/// gets a generator seeded by the next child of the stream's <see cref="SeedSequence"/>, so
/// <c>new RandomStream(seed: 234)</c> draws exactly what PyTensor's <c>RandomStream(seed=234)</c> draws
/// (NumPy's PCG64 and distributions, bit for bit). Keep a stream and its variables in fields or
/// properties next to your <see cref="TensorFunctionAttribute"/> methods; variables made in a graph
/// method instead belong to each function object created from it.
/// </summary>
/// <remarks>
/// Creating variables (and function objects that make their own) and <see cref="Seed"/> may run on
/// any thread. <see cref="Seed"/> is refused with a <see cref="ConcurrentCallException"/>, reseeding
/// nothing, while a call on another thread is drawing from one of the stream's variables.
/// </remarks>
public sealed partial class RandomStream
{
    private readonly ulong? _defaultSeed;
    private readonly List<(SharedRandomState Rng, RandomVariable Draw)> _stateUpdates = new();
    private SeedSequence _seeds;

    /// <summary>A stream seeded with <paramref name="seed"/>, or from fresh entropy when null.</summary>
    public RandomStream(ulong? seed = null)
    {
        _defaultSeed = seed;
        _seeds = NewSeeds(seed);
    }

    /// <summary>
    /// The generator state of every variable drawn so far, in order, each with its variable (PyTensor's
    /// <c>state_updates</c>): copy states between streams with <c>Rng.SetValue(other.Rng.GetValue())</c>.
    /// </summary>
    public IReadOnlyList<(SharedRandomState Rng, RandomVariable Draw)> StateUpdates
    {
        get
        {
            lock (_stateUpdates) return _stateUpdates.ToArray();
        }
    }

    /// <summary>
    /// Reseeds every variable of the stream as PyTensor's <c>seed()</c>: a new seed sequence from
    /// <paramref name="seed"/> (the stream's own seed when null), whose children seed the variables in order.
    /// </summary>
    public void Seed(ulong? seed = null)
    {
        lock (_stateUpdates)
        {
            // Every generator is taken before any is reseeded, so a refused Seed changes nothing.
            int held = 0, caller = AccessGate.Caller;
            try
            {
                for (; held < _stateUpdates.Count; held++)
                    if (!_stateUpdates[held].Rng.TryEnter(write: true, caller)) throw _stateUpdates[held].Rng.InUse(nameof(Seed));
                var seeds = NewSeeds(seed ?? _defaultSeed);
                var children = seeds.Spawn(_stateUpdates.Count);
                for (int i = 0; i < children.Length; i++) _stateUpdates[i].Rng.State = RandomGenerator.DefaultRng(children[i]).BitGenerator.State;
                _seeds = seeds;
            }
            finally
            {
                for (int i = 0; i < held; i++) _stateUpdates[i].Rng.Exit(write: true, caller);
            }
        }
    }

    /// <summary>A new random variable of this stream, seeded by the stream's next child seed. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public RandomVariable NewVariable(Distribution distribution)
    {
        lock (_stateUpdates)
        {
            var seed = _seeds.Spawn(1)[0];
            var rng = new SharedRandomState(RandomGenerator.DefaultRng(seed), distribution.ToString().ToLowerInvariant() + "_rng");
            var variable = new RandomVariable(this, distribution, rng);
            _stateUpdates.Add((rng, variable));
            return variable;
        }
    }

    private static SeedSequence NewSeeds(ulong? seed) =>
        seed is { } s ? new SeedSequence(s) : new SeedSequence(FreshEntropy());

    private static ulong FreshEntropy()
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
