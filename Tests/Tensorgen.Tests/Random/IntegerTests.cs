using System;
using System.Globalization;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// integers(low, high) with dtype int64 against NumPy 1.24, bit for bit: 32-bit Lemire draws
/// buffered two to a 64-bit output for small ranges, 64-bit Lemire draws for large ones, and the
/// plain-draw and no-draw edge ranges.
/// </summary>
public sealed class IntegerTests
{
    public static TheoryDataOf Cases => NumPyRandomData.Labels("integers");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        long low = c.LongParameter(1), high = c.LongParameter(2);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        long[] actual = Draws.Longs(c, () => rng.Integers(low, high), d => rng.Integers(low, high, d));
        Bits.Exact<long>(c.Longs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void Large_fill_matches_numpy_digest()
    {
        var c = NumPyRandomData.Get("digest/integers/-5/5", "7");
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        var values = rng.Integers(-5, 5, int.Parse(c.Values[0], CultureInfo.InvariantCulture));
        Assert.Equal(ulong.Parse(c.Values[1], CultureInfo.InvariantCulture), NumPyRandomData.Digest(values));
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void Scalar_draws_share_the_buffered_half_with_fills()
    {
        var a = RandomGenerator.DefaultRng(9);
        var b = RandomGenerator.DefaultRng(9);
        var expected = new long[7];
        a.Integers(0, 1000, expected);
        var actual = new long[7];
        actual[0] = b.Integers(0, 1000);
        b.Integers(0, 1000, actual.AsSpan(1, 3));
        for (int i = 4; i < 7; i++) actual[i] = b.Integers(0, 1000);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Empty_ranges_throw()
    {
        var rng = RandomGenerator.DefaultRng(0);
        Assert.Throws<ArgumentException>(() => rng.Integers(5, 5));
        Assert.Throws<ArgumentException>(() => rng.Integers(0, long.MinValue));
        Assert.Equal(7, rng.Integers(7, 8));
    }
}
