using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;

namespace Tensorgen.Benchmarks;

/// <summary>
/// Matrix products n×n×n (256, 512, 1024), float64 and float32: <c>Linalg.Gemm</c> (packed, register-blocked) against
/// the kernel it replaced (scaled rows of B added into rows of C in 128×512 blocks with <c>TensorPrimitives</c>),
/// alternated round by round, medians, GFLOP/s. NumPy/OpenBLAS on one thread: <c>numpy_gemm.py</c> beside this file.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --gemm</c>.
/// </summary>
public static class GemmThroughput
{
    public static void Run()
    {
        Console.WriteLine($"Vector<T>: {Vector<double>.Count * 64} bits; {Environment.ProcessorCount} cores, one thread used");
        foreach (int n in new[] { 256, 512, 1024 })
        {
            Measure<double>(n);
            Measure<float>(n);
        }
    }

    private static void Measure<T>(int n) where T : unmanaged, INumberBase<T>
    {
        var random = new Random(1);
        var a = Enumerable.Range(0, n * n).Select(_ => T.CreateChecked(random.NextDouble())).ToArray();
        var b = Enumerable.Range(0, n * n).Select(_ => T.CreateChecked(random.NextDouble())).ToArray();
        var c = new T[n * n];
        var (packed, rows) = (new List<double>(), new List<double>());
        int rounds = n >= 1024 ? 7 : 15;
        for (int round = -3; round < rounds; round++)
        {
            long start = Stopwatch.GetTimestamp();
            Linalg.Gemm<T>(a, false, b, false, c, n, n, n, Cores.One);
            if (round >= 0) packed.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            start = Stopwatch.GetTimestamp();
            AddRows(a, b, c, n);
            if (round >= 0) rows.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        double flops = 2.0 * n * n * n, p = Median(packed), r = Median(rows);
        Console.WriteLine($"{typeof(T).Name,-7} {n,4}^3: Linalg.Gemm {flops / p / 1e9,6:F1} GFLOP/s, rows of B {flops / r / 1e9,6:F1} GFLOP/s, time ratio {p / r:F2}x");
    }

    /// <summary>The previous kernel, as a baseline.</summary>
    private static void AddRows<T>(T[] a, T[] b, T[] c, int n) where T : unmanaged, INumberBase<T>
    {
        Array.Clear(c);
        for (int c0 = 0; c0 < n; c0 += 512)
        {
            int cn = Math.Min(512, n - c0);
            for (int r0 = 0; r0 < n; r0 += 128)
            {
                int rn = Math.Min(128, n - r0);
                for (int i = 0; i < n; i++)
                {
                    var ci = c.AsSpan(i * n + c0, cn);
                    for (int r = r0; r < r0 + rn; r++) TensorPrimitives.MultiplyAdd(b.AsSpan(r * n + c0, cn), a[i * n + r], ci, ci);
                }
            }
        }
    }

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
}
