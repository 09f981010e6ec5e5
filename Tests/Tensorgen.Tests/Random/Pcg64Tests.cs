using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// <see cref="Pcg64"/> against NumPy 1.24's PCG64: raw outputs, 32-bit buffering, doubles,
/// advance and jumped, bit for bit, and the state it is left in after each case.
/// </summary>
public sealed class Pcg64Tests
{
    [Fact]
    public void Seed_42_starts_as_in_numpy()
    {
        var bits = new Pcg64(42);
        Assert.Equal(14276969152011380360UL, bits.NextUInt64());
        Assert.Equal(8095878257575067585UL, bits.NextUInt64());
    }

    public static TheoryDataOf Raw => NumPyRandomData.Labels("raw");

    [Theory]
    [MemberData(nameof(Raw))]
    public void Raw_outputs_scalar_and_filled(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var bits = new Pcg64(c.SeedValue);
        var actual = new ulong[c.Values.Length];
        int at = 0;
        foreach (var size in c.Sizes)
        {
            if (size == "s") actual[at++] = bits.NextUInt64();
            else
            {
                int n = int.Parse(size, CultureInfo.InvariantCulture);
                bits.Fill(actual.AsSpan(at, n));
                at += n;
            }
        }
        Bits.Exact<ulong>(c.ULongs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, bits.State);
    }

    public static TheoryDataOf Interleaved => NumPyRandomData.Labels("interleaved");

    [Theory]
    [MemberData(nameof(Interleaved))]
    public void Thirty_two_bit_draws_buffer_the_high_half(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        string pattern = c.Parts[1];
        var bits = new Pcg64(c.SeedValue);
        for (int i = 0; i < pattern.Length; i++)
        {
            string expected = c.Values[i];
            switch (pattern[i])
            {
                case '3': Assert.Equal(uint.Parse(expected, CultureInfo.InvariantCulture), bits.NextUInt32()); break;
                case '2': Assert.Equal(ulong.Parse(expected, CultureInfo.InvariantCulture), bits.NextUInt64()); break;
                default:
                    Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(expected, CultureInfo.InvariantCulture)),
                        BitConverter.DoubleToInt64Bits(bits.NextDouble()));
                    break;
            }
        }
        Assert.Equal(c.ExpectedState, bits.State);
    }

    public static TheoryDataOf Advances => NumPyRandomData.Labels("advance");

    [Theory]
    [MemberData(nameof(Advances))]
    public void Advance_matches(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var bits = new Pcg64(c.SeedValue);
        bits.Fill(new ulong[3]);
        bits.NextUInt32();
        bits.Advance(UInt128.Parse(c.Parts[1], CultureInfo.InvariantCulture));
        var actual = new ulong[5];
        bits.Fill(actual);
        Bits.Exact<ulong>(c.ULongs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, bits.State);
    }

    public static TheoryDataOf Jumps => NumPyRandomData.Labels("jumped");

    [Theory]
    [MemberData(nameof(Jumps))]
    public void Jumped_matches_and_leaves_the_original_alone(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var bits = new Pcg64(c.SeedValue);
        bits.Fill(new ulong[2]);
        bits.NextUInt32();
        var before = bits.State;
        var jumped = bits.Jumped(int.Parse(c.Parts[1], CultureInfo.InvariantCulture));
        Assert.Equal(before, bits.State);
        var actual = new ulong[5];
        jumped.Fill(actual);
        Bits.Exact<ulong>(c.ULongs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, jumped.State);
    }

    [Fact]
    public void Advance_by_n_equals_n_draws()
    {
        var a = new Pcg64(2882);
        var b = new Pcg64(2882);
        for (int i = 0; i < 1234; i++) a.NextUInt64();
        b.Advance(1234);
        Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Fill_equals_scalar_draws_for_every_length()
    {
        var scalar = new Pcg64(123456789);
        var filled = new Pcg64(123456789);
        for (int n = 0; n <= 70; n++)
        {
            var expected = new ulong[n];
            for (int i = 0; i < n; i++) expected[i] = scalar.NextUInt64();
            var actual = new ulong[n];
            filled.Fill(actual);
            Assert.Equal(expected, actual);
            Assert.Equal(scalar.State, filled.State);
        }
    }

    [Fact]
    public void Fill_leaves_the_buffered_half_alone()
    {
        var bits = new Pcg64(1);
        uint low = bits.NextUInt32();
        var copy = new Pcg64(1);
        ulong first = copy.NextUInt64();
        Assert.Equal((uint)first, low);
        bits.Fill(new ulong[40]);
        Assert.Equal((uint)(first >> 32), bits.NextUInt32());
    }

    [Fact]
    public void State_round_trips()
    {
        var bits = new Pcg64(7);
        bits.NextUInt32();
        var saved = bits.State;
        var expected = Enumerable.Range(0, 5).Select(_ => bits.NextUInt32()).ToArray();
        bits.State = saved;
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => bits.NextUInt32()).ToArray());
    }
}
