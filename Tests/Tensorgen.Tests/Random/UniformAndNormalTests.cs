using System;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// random, uniform, standard_normal and normal against NumPy 1.24, bit for bit, scalar and filled,
/// including a million-draw digest that runs through every ziggurat slow path and block boundary.
/// </summary>
public sealed class UniformAndNormalTests
{
    [Fact]
    public void Reference_values()
    {
        var rng = RandomGenerator.DefaultRng(42);
        Assert.Equal(new[] { 0.7739560485559633, 0.4388784397520523, 0.8585979199113825 }, new[] { rng.Random(), rng.Random(), rng.Random() });
        Assert.Equal(new[] { -0.09088722877312262, 2.770641907582021, -1.3677604648383885 }, RandomGenerator.DefaultRng(2882).StandardNormal(3));
    }

    public static TheoryDataOf Cases()
    {
        var data = new TheoryDataOf();
        foreach (var prefix in new[] { "random", "uniform", "standard_normal", "normal" })
            foreach (var row in NumPyRandomData.Cases(prefix)) data.Add(row.Name, row.Seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy_bit_for_bit(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        double[] actual = c.Parts[0] switch
        {
            "random" => Draws.Doubles(c, rng.Random, rng.Random),
            "uniform" => Draws.Doubles(c, () => rng.Uniform(c.Parameter(1), c.Parameter(2)), d => rng.Uniform(c.Parameter(1), c.Parameter(2), d)),
            "standard_normal" => Draws.Doubles(c, rng.StandardNormal, rng.StandardNormal),
            "normal" => Draws.Doubles(c, () => rng.Normal(c.Parameter(1), c.Parameter(2)), d => rng.Normal(c.Parameter(1), c.Parameter(2), d)),
            _ => throw new InvalidOperationException(name),
        };
        Bits.ExactDoubles(c.Doubles, actual, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    public static TheoryDataOf Digests()
    {
        var data = new TheoryDataOf();
        foreach (var prefix in new[] { "digest/random", "digest/standard_normal", "digest/normal", "digest/raw" })
            foreach (var row in NumPyRandomData.Cases(prefix)) data.Add(row.Name, row.Seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Digests))]
    public void Large_fills_match_numpy_digests(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        int n = int.Parse(c.Values[0], System.Globalization.CultureInfo.InvariantCulture);
        ulong digest;
        if (name == "digest/raw")
        {
            var raw = new ulong[n];
            rng.BitGenerator.Fill(raw);
            digest = NumPyRandomData.Digest(raw);
        }
        else
        {
            var values = new double[n];
            if (name == "digest/random") rng.Random(values);
            else if (name == "digest/standard_normal") rng.StandardNormal(values);
            else rng.Normal(c.Parameter(2), c.Parameter(3), values);
            Assert.Equal(double.Parse(c.Values[2], System.Globalization.CultureInfo.InvariantCulture), values[0]);
            Assert.Equal(double.Parse(c.Values[3], System.Globalization.CultureInfo.InvariantCulture), values[^1]);
            digest = NumPyRandomData.Digest(values);
        }
        Assert.Equal(ulong.Parse(c.Values[1], System.Globalization.CultureInfo.InvariantCulture), digest);
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void Filled_normals_equal_scalar_normals_for_every_length()
    {
        var scalar = RandomGenerator.DefaultRng(5);
        var filled = RandomGenerator.DefaultRng(5);
        // Every short length, then lengths around the fill's 1024-element chunks.
        int[] lengths = [.. Enumerable.Range(0, 40), 77, 600, 1023, 1024, 1025, 2047, 2048, 2049, 3071, 5000];
        foreach (int n in lengths)
        {
            var expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = scalar.StandardNormal();
            var actual = new double[n];
            filled.StandardNormal(actual);
            Bits.ExactDoubles(expected, actual, $"n={n}");
            Assert.Equal(scalar.BitGenerator.State, filled.BitGenerator.State);
        }
    }

    [Fact]
    public void Filled_uniforms_equal_scalar_uniforms_across_chunks()
    {
        var scalar = RandomGenerator.DefaultRng(4);
        var filled = RandomGenerator.DefaultRng(4);
        foreach (int n in new[] { 0, 1, 3, 4, 5, 15, 16, 17, 1023, 1024, 1025, 4099 })
        {
            var expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = scalar.Uniform(-3, 5);
            var actual = new double[n];
            filled.Uniform(-3, 5, actual);
            Bits.ExactDoubles(expected, actual, $"n={n}");
            Assert.Equal(scalar.BitGenerator.State, filled.BitGenerator.State);
        }
    }

    [Fact]
    public void Two_dimensional_normals_fill_row_major()
    {
        var a = RandomGenerator.DefaultRng(3).StandardNormal(4, 7);
        var b = RandomGenerator.DefaultRng(3).StandardNormal(28);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 7; j++) Assert.Equal(b[i * 7 + j], a[i, j]);
        Assert.Empty(RandomGenerator.DefaultRng(3).StandardNormal(0, 5));
    }

    [Fact]
    public void Invalid_parameters_throw()
    {
        var rng = RandomGenerator.DefaultRng(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Uniform(1, 0));
        Assert.Throws<OverflowException>(() => rng.Uniform(-double.MaxValue, double.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.Normal(0, -1));
        Assert.Equal(3.0, rng.Uniform(3, 3));
    }
}
