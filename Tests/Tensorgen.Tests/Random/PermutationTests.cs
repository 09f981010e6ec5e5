using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>permutation, shuffle and choice (with and without replacement, with and without p) against NumPy 1.24, bit for bit.</summary>
public sealed class PermutationTests
{
    public static TheoryDataOf Permutations => NumPyRandomData.Labels("permutation");

    [Theory]
    [MemberData(nameof(Permutations))]
    public void Permutation_matches(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        var actual = c.Sizes.SelectMany(n => rng.Permutation(long.Parse(n, CultureInfo.InvariantCulture))).ToArray();
        Bits.Exact<long>(c.Longs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    public static TheoryDataOf Shuffles => NumPyRandomData.Labels("shuffle");

    [Theory]
    [MemberData(nameof(Shuffles))]
    public void Shuffle_matches(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        // arange(10, 47) * 3, as in the script, shuffled as int32 to show the element type is free.
        int[] values = Enumerable.Range(10, 37).Select(v => v * 3).ToArray();
        rng.Shuffle<int>(values);
        Bits.Exact<long>(c.Longs, values.Select(v => (long)v).ToArray(), c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    public static TheoryDataOf Choices => NumPyRandomData.Labels("choice");

    [Theory]
    [MemberData(nameof(Choices))]
    public void Choice_matches(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        // choice/<a>/<replace|noreplace>[/p]
        long a = c.LongParameter(1);
        bool replace = c.Parts[2] == "replace";
        double[] p = c.Parts.Length > 3 ? Weights(a) : [];
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        var actual = c.Sizes.SelectMany(s => rng.Choice(a, int.Parse(s, CultureInfo.InvariantCulture), replace, p)).ToArray();
        Bits.Exact<long>(c.Longs, actual, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    // The weights make_numpy_random.py uses for each population size.
    private static double[] Weights(long a) => a switch
    {
        5 => [0.1, 0.2, 0.3, 0.15, 0.25],
        4 => [0.0, 0.5, 0.0, 0.5],
        8 => [0.05, 0.3, 0.1, 0.0, 0.2, 0.15, 0.1, 0.1],
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    [Theory]
    [InlineData("digest/choice/20000/19999/noreplace")]
    [InlineData("digest/choice/20000/2000/noreplace")]
    [InlineData("digest/permutation/100003")]
    public void Large_draws_match_numpy_digests(string name)
    {
        var c = NumPyRandomData.Get(name, "7");
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        int n = int.Parse(c.Values[0], CultureInfo.InvariantCulture);
        long[] values = c.Parts[1] == "permutation" ? rng.Permutation(n) : rng.Choice(c.LongParameter(2), n, replace: false);
        Assert.Equal(ulong.Parse(c.Values[1], CultureInfo.InvariantCulture), NumPyRandomData.Digest(values));
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void Choices_without_replacement_are_distinct()
    {
        var rng = RandomGenerator.DefaultRng(1);
        foreach (var (a, size) in new[] { (10L, 10), (1000L, 999), (50000L, 2000), (50000L, 30), (1L, 1) })
        {
            var chosen = rng.Choice(a, size, replace: false);
            Assert.Equal(size, chosen.Distinct().Count());
            Assert.All(chosen, v => Assert.InRange(v, 0, a - 1));
        }
        Assert.Empty(rng.Choice(0, 0));
    }

    [Fact]
    public void Invalid_choices_throw()
    {
        var rng = RandomGenerator.DefaultRng(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Choice(0, 3));
        Assert.Throws<ArgumentException>(() => rng.Choice(3, 4, replace: false));
        Assert.Throws<ArgumentException>(() => rng.Choice(3, 2, p: new[] { 0.5, 0.5 }));
        Assert.Throws<ArgumentException>(() => rng.Choice(2, 2, p: new[] { 0.5, 0.6 }));
        Assert.Throws<ArgumentException>(() => rng.Choice(2, 2, p: new[] { -0.5, 1.5 }));
        Assert.Throws<ArgumentException>(() => rng.Choice(3, 2, replace: false, p: new[] { 1.0, 0.0, 0.0 }));
    }
}
