using System;

namespace Tensorgen;

/// <summary>
/// NumPy's <c>numpy.random.SeedSequence</c>, bit for bit: it hashes entropy words and a spawn key
/// into a pool, from which <see cref="GenerateState"/> draws seeding words, and <see cref="Spawn"/>
/// derives independent children. <c>new SeedSequence(42)</c> seeds a <see cref="Pcg64"/> exactly as
/// <c>np.random.SeedSequence(42)</c> seeds NumPy's.
/// </summary>
/// <remarks>Derived from Melissa O'Neill's <c>seed_seq</c> alternative, as NumPy's is.</remarks>
public sealed class SeedSequence
{
    /// <summary>The smallest (and default) pool size, in 32-bit words.</summary>
    public const int DefaultPoolSize = 4;

    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    private readonly uint[] _entropy;
    private readonly uint[] _spawnKey;
    private readonly uint[] _pool;

    /// <summary>
    /// A sequence from an integer seed, as <c>SeedSequence(entropy)</c> with a Python int: the value
    /// is split into 32-bit words, lowest first (0 gives the single word 0).
    /// </summary>
    public SeedSequence(ulong entropy)
        : this(IntToWords(entropy))
    {
    }

    /// <summary>
    /// A sequence from entropy words, as <c>SeedSequence(np.array(entropy, dtype=np.uint32),
    /// spawn_key=spawnKey, pool_size=poolSize)</c>.
    /// </summary>
    /// <param name="entropy">The run entropy, one 32-bit word per element.</param>
    /// <param name="spawnKey">Where this sequence sits in a spawn tree; empty for a root.</param>
    /// <param name="poolSize">The pool size in 32-bit words, at least <see cref="DefaultPoolSize"/>.</param>
    public SeedSequence(ReadOnlySpan<uint> entropy, ReadOnlySpan<uint> spawnKey = default, int poolSize = DefaultPoolSize)
        : this(entropy.ToArray(), spawnKey.ToArray(), poolSize, 0)
    {
    }

    private SeedSequence(uint[] entropy, uint[] spawnKey, int poolSize, int childrenSpawned)
    {
        if (poolSize < DefaultPoolSize)
            throw new ArgumentOutOfRangeException(nameof(poolSize), poolSize, $"The size of the entropy pool should be at least {DefaultPoolSize}.");
        _entropy = entropy;
        _spawnKey = spawnKey;
        ChildrenSpawned = childrenSpawned;
        _pool = new uint[poolSize];
        MixEntropy(_pool, AssembleEntropy());
    }

    private SeedSequence(uint[] entropy)
        : this(entropy, [], DefaultPoolSize, 0)
    {
    }

    /// <summary>The run entropy as 32-bit words, lowest first.</summary>
    public ReadOnlySpan<uint> Entropy => _entropy;

    /// <summary>The spawn key: the child index at each level of the spawn tree.</summary>
    public ReadOnlySpan<uint> SpawnKey => _spawnKey;

    /// <summary>The pool size in 32-bit words.</summary>
    public int PoolSize => _pool.Length;

    /// <summary>How many children <see cref="Spawn"/> has made so far; the next child's index.</summary>
    public int ChildrenSpawned { get; private set; }

    /// <summary><c>generate_state(words, np.uint32)</c>: seeding words drawn from the pool.</summary>
    public uint[] GenerateState(int words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        var state = new uint[words];
        FillState(state);
        return state;
    }

    /// <summary>
    /// <c>generate_state(words, np.uint64)</c>: twice as many 32-bit words, paired little-endian
    /// (the even word is the low half).
    /// </summary>
    public ulong[] GenerateState64(int words)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(words);
        var halves = new uint[checked(2 * words)];
        FillState(halves);
        var state = new ulong[words];
        for (int i = 0; i < words; i++) state[i] = halves[2 * i] | ((ulong)halves[2 * i + 1] << 32);
        return state;
    }

    /// <summary>
    /// <c>spawn(count)</c>: children that share this entropy and extend the spawn key with their
    /// index, counting on from <see cref="ChildrenSpawned"/>, which advances by <paramref name="count"/>.
    /// </summary>
    public SeedSequence[] Spawn(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var children = new SeedSequence[count];
        for (int i = 0; i < count; i++)
        {
            var key = new uint[_spawnKey.Length + 1];
            _spawnKey.CopyTo(key, 0);
            key[^1] = checked((uint)(ChildrenSpawned + i));
            children[i] = new SeedSequence(_entropy, key, _pool.Length, 0);
        }
        ChildrenSpawned += count;
        return children;
    }

    private void FillState(Span<uint> state)
    {
        uint hashConst = InitB;
        for (int i = 0; i < state.Length; i++)
        {
            uint value = _pool[i % _pool.Length];
            value ^= hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            state[i] = value;
        }
    }

    private uint[] AssembleEntropy()
    {
        // NumPy pads the run entropy with zeros to the pool size only when a spawn key follows, so
        // that a child's key can't be mistaken for more run entropy (NumPy 1.19, gh-16539), while
        // unspawned sequences keep their streams.
        int runLength = _entropy.Length;
        if (_spawnKey.Length > 0 && runLength < _pool.Length) runLength = _pool.Length;
        var assembled = new uint[runLength + _spawnKey.Length];
        _entropy.CopyTo(assembled, 0);
        _spawnKey.CopyTo(assembled, runLength);
        return assembled;
    }

    private static void MixEntropy(uint[] mixer, uint[] entropy)
    {
        uint hashConst = InitA;
        for (int i = 0; i < mixer.Length; i++)
            mixer[i] = HashMix(i < entropy.Length ? entropy[i] : 0, ref hashConst);

        for (int src = 0; src < mixer.Length; src++)
            for (int dst = 0; dst < mixer.Length; dst++)
                if (src != dst) mixer[dst] = Mix(mixer[dst], HashMix(mixer[src], ref hashConst));

        for (int src = mixer.Length; src < entropy.Length; src++)
            for (int dst = 0; dst < mixer.Length; dst++)
                mixer[dst] = Mix(mixer[dst], HashMix(entropy[src], ref hashConst));
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint Mix(uint x, uint y)
    {
        uint result = MixMultL * x - MixMultR * y;
        result ^= result >> XShift;
        return result;
    }

    private static uint[] IntToWords(ulong value)
    {
        if (value == 0) return [0];
        return value >> 32 == 0 ? [(uint)value] : [(uint)value, (uint)(value >> 32)];
    }
}
