using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Tensorgen.Benchmarks;

/// <summary>
/// A quick Stopwatch run of the same fills as <see cref="RandomBenchmarks"/>: numbers per second,
/// the median of nine timed runs after a second of warm-up, for 10⁶ and 10⁷ numbers.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --random-throughput</c>.
/// NumPy's side, on the same machine (Debian's NumPy 1.24):
/// <c>/usr/bin/python3 Tests/Tensorgen.Benchmarks/numpy_random_throughput.py</c>.
/// </summary>
public static class RandomThroughput
{
    private const int Runs = 9;

    public static void Run()
    {
        var rng = RandomGenerator.DefaultRng(42);
        foreach (int n in new[] { 1_000_000, 10_000_000 })
        {
            var buffer = new double[n];
            Report("Uniform(0, 1, span)", n, () => rng.Uniform(0.0, 1.0, buffer));
            Report("StandardNormal(span)", n, () => rng.StandardNormal(buffer));
            Report("Uniform scalar loop", n, () =>
            {
                for (int i = 0; i < buffer.Length; i++) buffer[i] = rng.Uniform(0.0, 1.0);
            });
            Report("StandardNormal scalar loop", n, () =>
            {
                for (int i = 0; i < buffer.Length; i++) buffer[i] = rng.StandardNormal();
            });
            var raw = new ulong[n];
            Report("Pcg64.Fill (raw)", n, () => rng.BitGenerator.Fill(raw));
        }
    }

    private static void Report(string what, int n, Action fill)
    {
        // Warm up past tiered compilation's delay, so the timed runs see fully optimized code.
        long warmStart = Stopwatch.GetTimestamp();
        for (int w = 0; w < 3 || Stopwatch.GetElapsedTime(warmStart).TotalSeconds < 1.0; w++) fill();
        var seconds = new double[Runs];
        for (int r = 0; r < Runs; r++)
        {
            long start = Stopwatch.GetTimestamp();
            fill();
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        double median = seconds.Order().ElementAt(Runs / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-28} n={n,10:N0}  median {median * 1e3,8:F3} ms  {n / median / 1e6,8:F1} M numbers/s"));
    }
}
