using System;
using System.Globalization;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// binomial (inversion and BTPE, both sides of p = 0.5) and poisson (multiplication below 10, PTRS
/// from 10) against NumPy 1.24, bit for bit.
/// </summary>
public sealed class DiscreteTests
{
    public static TheoryDataOf Cases()
    {
        var data = new TheoryDataOf();
        foreach (var prefix in new[] { "binomial", "poisson" })
            foreach (var row in NumPyRandomData.Cases(prefix)) data.Add(row.Name, row.Seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        long[] actual;
        if (c.Parts[0] == "binomial")
        {
            long n = c.LongParameter(1);
            double p = c.Parameter(2);
            actual = Draws.Longs(c, () => rng.Binomial(n, p), d => rng.Binomial(n, p, d));
        }
        else
        {
            double lam = c.Parameter(1);
            actual = Draws.Longs(c, () => rng.Poisson(lam), d => rng.Poisson(lam, d));
        }
        Bits.Exact<long>(c.Longs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Theory]
    [InlineData("digest/poisson/25.5")]
    [InlineData("digest/binomial/5000/0.3")]
    public void Large_fills_match_numpy_digests(string name)
    {
        var c = NumPyRandomData.Get(name, "7");
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        var values = new long[int.Parse(c.Values[0], CultureInfo.InvariantCulture)];
        if (c.Parts[1] == "poisson") rng.Poisson(c.Parameter(2), values);
        else rng.Binomial(c.LongParameter(2), c.Parameter(3), values);
        Assert.Equal(ulong.Parse(c.Values[1], CultureInfo.InvariantCulture), NumPyRandomData.Digest(values));
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void Alternating_parameters_give_the_same_draws_as_fresh_setups()
    {
        // The cached setup must never leak from one (n, p) into another.
        var a = RandomGenerator.DefaultRng(17);
        var b = RandomGenerator.DefaultRng(17);
        for (int i = 0; i < 200; i++)
        {
            var (n, p) = (i % 3) switch { 0 => (1000L, 0.4), 1 => (1000L, 0.6), _ => (40L, 0.2) };
            long expected = a.Binomial(n, p);
            var fresh = new RandomGenerator(b.BitGenerator);
            Assert.Equal(expected, fresh.Binomial(n, p));
        }
    }

    [Fact]
    public void Invalid_parameters_throw()
    {
        var rng = RandomGenerator.DefaultRng(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Binomial(-1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Binomial(10, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Binomial(10, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Poisson(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Poisson(1e19));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Poisson(double.NaN));
    }
}
