using System;
using System.Linq;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// The samplers that call exp, log and pow (exponential, gamma for shape below, at and above 1,
/// beta on both branches) against NumPy 1.24. They are asserted within <see cref="MaxUlps"/>, as
/// NumPy's results depend on the C library's exp/log/pow; on glibc, which both use, the largest
/// distance seen is printed (0 means bit for bit). The draw count must match exactly: the final
/// bit generator state is compared too.
/// </summary>
public sealed class ContinuousTests(ITestOutputHelper output)
{
    private const long MaxUlps = 4;

    public static TheoryDataOf Cases()
    {
        var data = new TheoryDataOf();
        foreach (var prefix in new[] { "standard_exponential", "exponential", "standard_gamma", "gamma", "beta" })
            foreach (var row in NumPyRandomData.Cases(prefix)) data.Add(row.Name, row.Seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy_within_ulps(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        double[] actual = c.Parts[0] switch
        {
            "standard_exponential" => Draws.Doubles(c, rng.StandardExponential, rng.StandardExponential),
            "exponential" => Draws.Doubles(c, () => rng.Exponential(c.Parameter(1)), d => rng.Exponential(c.Parameter(1), d)),
            "standard_gamma" => Draws.Doubles(c, () => rng.StandardGamma(c.Parameter(1)), d => rng.StandardGamma(c.Parameter(1), d)),
            "gamma" => Draws.Doubles(c, () => rng.Gamma(c.Parameter(1), c.Parameter(2)), d => rng.Gamma(c.Parameter(1), c.Parameter(2), d)),
            "beta" => Draws.Doubles(c, () => rng.Beta(c.Parameter(1), c.Parameter(2)), d => rng.Beta(c.Parameter(1), c.Parameter(2), d)),
            _ => throw new InvalidOperationException(name),
        };
        long worst = Bits.WithinUlps(c.Doubles, actual, MaxUlps, c.ToString());
        output.WriteLine($"{c}: largest distance {worst} ulp");
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Theory]
    [InlineData("digest/standard_exponential")]
    [InlineData("digest/standard_gamma/0.5")]
    [InlineData("digest/standard_gamma/3.5")]
    [InlineData("digest/beta/0.5/0.5")]
    [InlineData("digest/beta/2/5")]
    public void Large_fills_match_numpy(string name)
    {
        var c = NumPyRandomData.Get(name, "7");
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        var values = new double[int.Parse(c.Values[0], CultureInfo.InvariantCulture)];
        switch (c.Parts[1])
        {
            case "standard_exponential": rng.StandardExponential(values); break;
            case "standard_gamma": rng.StandardGamma(c.Parameter(2), values); break;
            default: rng.Beta(c.Parameter(2), c.Parameter(3), values); break;
        }
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
        Assert.True(Bits.Ulps(double.Parse(c.Values[2], CultureInfo.InvariantCulture), values[0]) <= MaxUlps);
        Assert.True(Bits.Ulps(double.Parse(c.Values[3], CultureInfo.InvariantCulture), values[^1]) <= MaxUlps);
        // The digest is over exact bits: it holds only where every value is bit-exact, which glibc gives.
        bool exact = ulong.Parse(c.Values[1], CultureInfo.InvariantCulture) == NumPyRandomData.Digest(values);
        output.WriteLine($"{name}: {(exact ? "bit-exact digest" : "digest differs (values within ulps)")}");
        if (OperatingSystem.IsLinux()) Assert.True(exact, $"{name}: digest differs from NumPy's on glibc");
    }

    [Fact]
    public void Filled_exponentials_equal_scalar_ones_for_every_length()
    {
        var scalar = RandomGenerator.DefaultRng(6);
        var filled = RandomGenerator.DefaultRng(6);
        // Every short length, then lengths around the fill's 1024-element chunks.
        int[] lengths = [.. Enumerable.Range(0, 40), 77, 600, 1023, 1024, 1025, 2047, 2048, 2049, 3071, 5000];
        foreach (int n in lengths)
        {
            var expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = scalar.StandardExponential();
            var actual = new double[n];
            filled.StandardExponential(actual);
            Bits.ExactDoubles(expected, actual, $"n={n}");
            Assert.Equal(scalar.BitGenerator.State, filled.BitGenerator.State);
        }
    }

    [Fact]
    public void Invalid_parameters_throw()
    {
        var rng = RandomGenerator.DefaultRng(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Exponential(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.StandardGamma(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Gamma(1, -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Beta(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Beta(1, -1));
    }
}
