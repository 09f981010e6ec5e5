using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// The managed log1p that the ziggurat tails use gives glibc's bits (NumPy calls glibc's). Checked
/// against libm itself where there is one; elsewhere against known values only.
/// </summary>
public sealed class Log1PTests
{
    [DllImport("libm.so.6", EntryPoint = "log1p")]
    private static extern double LibmLog1P(double x);

    private static readonly Func<double, double> Log1P = CreateLog1P();

    // NumPyMath is internal to the runtime: bound by name here rather than widening its visibility.
    private static Func<double, double> CreateLog1P()
    {
        var type = typeof(RandomGenerator).Assembly.GetType("Tensorgen.NumPyMath", throwOnError: true)!;
        var method = type.GetMethod("Log1P")!;
        return method.CreateDelegate<Func<double, double>>();
    }

    [Fact]
    public void Known_values()
    {
        Assert.Equal(0.0, Log1P(0.0));
        Assert.Equal(double.NegativeInfinity, Log1P(-1.0));
        Assert.True(double.IsNaN(Log1P(-2.0)));
        Assert.Equal(Math.Log(2.0), Log1P(1.0));
        Assert.Equal(1e-300, Log1P(1e-300));
    }

    [Fact]
    public void Matches_glibc_bit_for_bit()
    {
        if (!OperatingSystem.IsLinux()) return;
        var random = new System.Random(12345);
        var specials = new[] { -0.9999999999999999, -0.5, -0.2928932188134524, -0.29289321881345254, -1e-10, -3e-9, 1e-17, 0.4142135623730950, 0.41421356237309515, 1.0, 3.0, 1e10, 1e300, 9.007199254740992e15, -0.0 };
        foreach (double x in specials) AssertSame(x);
        for (int i = 0; i < 200_000; i++)
        {
            // Mostly the ziggurat's arguments, -U for U in [0, 1), then a wide spread of magnitudes.
            double u = random.NextDouble();
            AssertSame(-u);
            AssertSame(Math.Pow(10, random.NextDouble() * 40 - 20) * (random.Next(2) == 0 ? 1 : -0.9));
        }
    }

    private static void AssertSame(double x)
    {
        double expected = LibmLog1P(x), actual = Log1P(x);
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
            Assert.Fail($"log1p({x:R}) = {actual:R}, glibc has {expected:R}");
    }
}
