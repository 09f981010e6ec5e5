using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

public sealed partial class Pcg64
{
    // The LCG's steps form one serial chain of 128-bit multiply-adds. Four interleaved lanes, each
    // jumping four steps at a time (s ← s·M⁴ + c₄), break the chain so the multiplies overlap, and
    // still visit exactly the states of the serial stream, in order.
    private const int Lanes = 4;
    private const int LaneThreshold = 16;

    private static readonly UInt128 LaneMultiplier = Lcg128.Power(Lanes, Lcg128.Multiplier, 0).Mult;

    private ulong _laneIncHi, _laneIncLo;

    /// <summary>
    /// Fills <paramref name="destination"/> with the next raw 64-bit outputs, exactly the values that
    /// as many <see cref="NextUInt64"/> calls would return (NumPy's <c>random_raw(n)</c>), faster.
    /// </summary>
    public void Fill(Span<ulong> destination)
    {
        int n = destination.Length;
        ref ulong dst = ref MemoryMarshal.GetReference(destination);
        int done = 0;
        if (n >= LaneThreshold)
        {
            done = n - n % Lanes;
            FillLanes(ref dst, done);
        }
        for (int i = done; i < n; i++) Unsafe.Add(ref dst, i) = NextUInt64();
    }

    private void FillLanes(ref ulong dst, int count)
    {
        ulong mHi = Lcg128.MultiplierHigh, mLo = Lcg128.MultiplierLow;
        ulong aHi = (ulong)(LaneMultiplier >> 64), aLo = (ulong)LaneMultiplier;
        ulong cHi = _laneIncHi, cLo = _laneIncLo;

        // Lane j holds the state of draw 4k + j.
        ulong h0 = _stateHi, l0 = _stateLo;
        Lcg128.MultiplyAdd(ref h0, ref l0, mHi, mLo, _incHi, _incLo);
        ulong h1 = h0, l1 = l0;
        Lcg128.MultiplyAdd(ref h1, ref l1, mHi, mLo, _incHi, _incLo);
        ulong h2 = h1, l2 = l1;
        Lcg128.MultiplyAdd(ref h2, ref l2, mHi, mLo, _incHi, _incLo);
        ulong h3 = h2, l3 = l2;
        Lcg128.MultiplyAdd(ref h3, ref l3, mHi, mLo, _incHi, _incLo);

        int last = count - Lanes;
        for (int i = 0; ; i += Lanes)
        {
            ref ulong d = ref Unsafe.Add(ref dst, i);
            d = Lcg128.Output(h0, l0);
            Unsafe.Add(ref d, 1) = Lcg128.Output(h1, l1);
            Unsafe.Add(ref d, 2) = Lcg128.Output(h2, l2);
            Unsafe.Add(ref d, 3) = Lcg128.Output(h3, l3);
            if (i == last) break;
            Lcg128.MultiplyAdd(ref h0, ref l0, aHi, aLo, cHi, cLo);
            Lcg128.MultiplyAdd(ref h1, ref l1, aHi, aLo, cHi, cLo);
            Lcg128.MultiplyAdd(ref h2, ref l2, aHi, aLo, cHi, cLo);
            Lcg128.MultiplyAdd(ref h3, ref l3, aHi, aLo, cHi, cLo);
        }
        _stateHi = h3;
        _stateLo = l3;
    }

    private void UpdateLaneIncrement()
    {
        UInt128 c = Lcg128.Power(Lanes, Lcg128.Multiplier, new UInt128(_incHi, _incLo)).Plus;
        _laneIncHi = (ulong)(c >> 64);
        _laneIncLo = (ulong)c;
    }
}
