using System;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>Comparisons that say where two streams part: bit-exact, or within a few ulps.</summary>
public static class Bits
{
    public static void Exact<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
        where T : IEquatable<T>
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, NumPy has {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
            if (!expected[i].Equals(actual[i]))
                Assert.Fail($"{what}: value {i} is {actual[i]}, NumPy has {expected[i]}");
    }

    public static void ExactDoubles(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, NumPy has {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"{what}: value {i} is {actual[i]:R}, NumPy has {expected[i]:R}");
    }

    /// <summary>Asserts every value within <paramref name="maxUlps"/> and returns the largest distance seen.</summary>
    public static long WithinUlps(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, long maxUlps, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, NumPy has {expected.Length}");
        long worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            long d = Ulps(expected[i], actual[i]);
            if (d > maxUlps) Assert.Fail($"{what}: value {i} is {actual[i]:R}, NumPy has {expected[i]:R} ({d} ulps apart)");
            worst = Math.Max(worst, d);
        }
        return worst;
    }

    public static long Ulps(double a, double b)
    {
        if (a.Equals(b)) return 0;
        if (double.IsNaN(a) || double.IsNaN(b)) return long.MaxValue;
        long x = Ordered(a), y = Ordered(b);
        return x > y ? x - y : y - x;
    }

    // Maps doubles to integers in the same order, so adjacent doubles differ by one.
    private static long Ordered(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
