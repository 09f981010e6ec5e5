using System;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// Scalar draws and span fills allocate nothing once warm, counted exactly with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>. Warm means the measured loop has run once in
/// full: the JIT's on-stack replacement of a hot loop, compiled on the thread that runs it, may allocate.
/// </summary>
public sealed class RandomAllocationTests
{
    [Fact]
    public void Scalar_draws_allocate_nothing()
    {
        var rng = RandomGenerator.DefaultRng(1);
        Draws(rng);
        int gc = GC.CollectionCount(0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sink = Draws(rng);
        long d = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(d == 0, $"allocated {d}, gen0 collections meanwhile {GC.CollectionCount(0) - gc}");
        Assert.True(double.IsFinite(sink));
    }

    private static double Draws(RandomGenerator rng)
    {
        double sink = 0;
        for (int i = 0; i < 10_000; i++) sink += Draw(rng);
        return sink;
    }

    private static double Draw(RandomGenerator rng) =>
        rng.Random() + rng.Uniform(-1, 1) + rng.StandardNormal() + rng.Normal(2, 3) + rng.Integers(-5, 5) +
        rng.Integers(0, 1L << 40) + rng.Binomial(1000, 0.4) + rng.Binomial(10, 0.3) + rng.Poisson(3.7) + rng.Poisson(42.5) +
        rng.StandardExponential() + rng.Exponential(2) + rng.StandardGamma(0.3) + rng.Gamma(2.7, 2) + rng.Beta(0.5, 0.5) +
        rng.Beta(2, 3) + rng.BitGenerator.NextUInt32() + rng.BitGenerator.NextDouble();

    [Fact]
    public void Span_fills_allocate_nothing()
    {
        var rng = RandomGenerator.DefaultRng(2);
        var doubles = new double[1001];
        var longs = new long[1001];
        var raw = new ulong[1001];
        var ints = new int[1001];
        for (int i = 0; i < 20; i++) Fill(rng, doubles, longs, raw, ints);
        int gc = GC.CollectionCount(0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) Fill(rng, doubles, longs, raw, ints);
        long d = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(d == 0, $"allocated {d}, gen0 collections meanwhile {GC.CollectionCount(0) - gc}");
    }

    private static void Fill(RandomGenerator rng, double[] doubles, long[] longs, ulong[] raw, int[] ints)
    {
        rng.Random(doubles);
        rng.Uniform(-1, 1, doubles);
        rng.StandardNormal(doubles);
        rng.Normal(1, 2, doubles);
        rng.StandardExponential(doubles);
        rng.Exponential(3, doubles);
        rng.StandardGamma(0.5, doubles);
        rng.Gamma(3, 2, doubles);
        rng.Beta(0.5, 2, doubles);
        rng.Integers(-3, 1000000007, longs);
        rng.Binomial(1000, 0.4, longs);
        rng.Poisson(42.5, longs);
        rng.BitGenerator.Fill(raw);
        rng.Shuffle<int>(ints);
        _ = rng.BitGenerator.State;
    }
}
