using System;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// NumPy's <c>numpy.random.PCG64</c> bit generator, bit for bit: a 128-bit LCG with the XSL-RR
/// output function, seeded through a <see cref="Tensorgen.SeedSequence"/> as NumPy seeds it. Not
/// thread-safe.
/// </summary>
public sealed partial class Pcg64
{
    // "Jumps the state as-if jumps * 210306068529402873165736369884012333109 random numbers have
    // been generated": (φ - 1)·2¹²⁸, NumPy's PCG64.jumped step.
    private static readonly UInt128 JumpStep = new(0x9e3779b97f4a7c15UL, 0xf39cc0605cedc835UL);

    private ulong _stateHi, _stateLo;
    private ulong _incHi, _incLo;
    private bool _hasUInt32;
    private uint _uinteger;

    /// <summary>Seeds as <c>PCG64(seed)</c> with a <c>SeedSequence</c>: four 64-bit words give the initial state and the stream.</summary>
    public Pcg64(SeedSequence seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        SeedSequence = seed;
        ulong[] words = seed.GenerateState64(4);
        var initState = new UInt128(words[0], words[1]);
        var initSequence = new UInt128(words[2], words[3]);
        // PCG's srandom: start from zero on stream (seq << 1) | 1, step, add the seed, step again.
        UInt128 increment = (initSequence << 1) | 1;
        SetLcg(0, increment);
        Step();
        SetLcg(Lcg() + initState, increment);
        Step();
        UpdateLaneIncrement();
    }

    /// <summary>Seeds as <c>PCG64(seed)</c> with an int seed, that is through <c>SeedSequence(seed)</c>.</summary>
    public Pcg64(ulong seed)
        : this(new SeedSequence(seed))
    {
    }

    private Pcg64(Pcg64State state)
    {
        State = state;
    }

    /// <summary>The seed sequence this generator was seeded from; null for a <see cref="Jumped"/> copy.</summary>
    public SeedSequence? SeedSequence { get; }

    /// <summary>The full state; setting it restores a generator exactly (NumPy's <c>state</c> property).</summary>
    public Pcg64State State
    {
        get => new() { State = Lcg(), Increment = new UInt128(_incHi, _incLo), HasUInt32 = _hasUInt32, UInteger = _uinteger };
        set
        {
            SetLcg(value.State, value.Increment);
            _hasUInt32 = value.HasUInt32;
            _uinteger = value.UInteger;
            UpdateLaneIncrement();
        }
    }

    /// <summary>The next raw 64-bit output (<c>random_raw()</c>, <c>next_uint64</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong hi = _stateHi, lo = _stateLo;
        Lcg128.MultiplyAdd(ref hi, ref lo, Lcg128.MultiplierHigh, Lcg128.MultiplierLow, _incHi, _incLo);
        _stateHi = hi;
        _stateLo = lo;
        return Lcg128.Output(hi, lo);
    }

    /// <summary>
    /// The next 32-bit output (<c>next_uint32</c>): the low half of a fresh 64-bit draw, then its
    /// high half on the following call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _uinteger;
        }
        ulong next = NextUInt64();
        _hasUInt32 = true;
        _uinteger = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>The next double in [0, 1) (<c>next_double</c>): the top 53 bits of a 64-bit draw, times 2⁻⁵³.</summary>
    /// <remarks>The 53 bits convert through <c>long</c>, exactly and with one instruction.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (long)(NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// Moves the generator on as if <paramref name="delta"/> 64-bit draws had been made (mod 2¹²⁸), and
    /// drops any buffered 32-bit half, as NumPy's <c>advance</c> does.
    /// </summary>
    public void Advance(UInt128 delta)
    {
        UInt128 increment = new(_incHi, _incLo);
        var (mult, plus) = Lcg128.Power(delta, Lcg128.Multiplier, increment);
        SetLcg(mult * Lcg() + plus, increment);
        _hasUInt32 = false;
        _uinteger = 0;
    }

    /// <summary>
    /// A copy of this generator advanced by <paramref name="jumps"/>·(φ - 1)·2¹²⁸ draws (NumPy's
    /// <c>jumped</c>); this generator is unchanged. Negative counts wrap mod 2¹²⁸ as in NumPy.
    /// </summary>
    public Pcg64 Jumped(int jumps = 1)
    {
        var copy = new Pcg64(State);
        copy.Advance(JumpStep * (UInt128)(Int128)jumps);
        return copy;
    }

    private UInt128 Lcg() => new(_stateHi, _stateLo);

    private void SetLcg(UInt128 state, UInt128 increment)
    {
        _stateHi = (ulong)(state >> 64);
        _stateLo = (ulong)state;
        _incHi = (ulong)(increment >> 64);
        _incLo = (ulong)increment;
    }

    private void Step()
    {
        Lcg128.MultiplyAdd(ref _stateHi, ref _stateLo, Lcg128.MultiplierHigh, Lcg128.MultiplierLow, _incHi, _incLo);
    }
}
