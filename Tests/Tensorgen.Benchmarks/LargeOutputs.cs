using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using static Tensorgen.Pt;

namespace Tensorgen.Benchmarks;

/// <summary>
/// What a fresh output costs on 2000×2000 float64 (32 MB, past the last-level cache): the logistic and three outputs
/// of <c>a - b</c>, fresh (<c>BorrowOutputs = false</c>) against borrowed, and the logistic against
/// <c>TensorPrimitives.Sigmoid</c> into a preallocated buffer. Implementations alternate round by round; the report
/// is the median of each one's per-call times and their ratios (issue 14's goals: fresh ≤ 1.1× each baseline).
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --large-outputs [rounds=41]</c>.
/// </summary>
public static partial class LargeOutputs
{
    private const int N = 2000;

    [TensorFunction]
    public static FunctionGraph Logistic()
    {
        var x = DMatrix("x");
        return Function([x], 1 / (1 + Exp(-x)));
    }

    [TensorFunction]
    public static FunctionGraph Differences()
    {
        var (a, b) = DMatrices("a", "b");
        var diff = a - b;
        return Function([a, b], [diff, Abs(diff), diff * diff]);
    }

    /// <summary>A reduction of a whole matrix to one value (for <see cref="CoresScaling"/>: folded in chunks on the cores).</summary>
    [TensorFunction]
    public static FunctionGraph SumOfSquares()
    {
        var x = DMatrix("x");
        return Function([x], (x * x).Sum());
    }

    public static void Run(string[] args)
    {
        int rounds = args.Select(a => a.StartsWith("rounds=", StringComparison.Ordinal) ? int.Parse(a[7..], CultureInfo.InvariantCulture) : 0).Max();
        if (rounds <= 0) rounds = 41;
        var rng = new Random(1);
        double[] Values() { var v = new double[N * N]; for (int i = 0; i < v.Length; i++) v[i] = rng.NextDouble() * 8 - 4; return v; }
        var (xs, bs) = (Values(), Values());
        var x = System.Numerics.Tensors.Tensor.Create(xs, [N, N]);
        var b = System.Numerics.Tensors.Tensor.Create(bs, [N, N]);
        // One thread, as the TensorPrimitives baseline (--cores compares one thread with all).
        var freshLogistic = new LogisticFunction { MaxDegreeOfParallelism = 1 };
        var borrowedLogistic = new LogisticFunction { BorrowOutputs = true, MaxDegreeOfParallelism = 1 };
        var freshDifferences = new DifferencesFunction { MaxDegreeOfParallelism = 1 };
        var borrowedDifferences = new DifferencesFunction { BorrowOutputs = true, MaxDegreeOfParallelism = 1 };
        var destination = new double[N * N];
        var cases = new (string Name, Action Call)[]
        {
            ("logistic, fresh output", () => freshLogistic.Invoke(x)),
            ("logistic, borrowed output", () => borrowedLogistic.Invoke(x)),
            ("TensorPrimitives.Sigmoid into a buffer", () => TensorPrimitives.Sigmoid(xs, destination)),
            ("three outputs of a - b, fresh", () => freshDifferences.Invoke(x, b)),
            ("three outputs of a - b, borrowed", () => borrowedDifferences.Invoke(x, b)),
            // The kernels' Vector<T> loop (256 bits under the JIT on AVX-512) where they would take the Vector512 one.
            ("logistic, fresh, Vector<T> loop", () => { using (VectorMath.NarrowForTests()) freshLogistic.Invoke(x); }),
            ("three outputs of a - b, fresh, Vector<T>", () => { using (VectorMath.NarrowForTests()) freshDifferences.Invoke(x, b); }),
        };
        var times = cases.Select(_ => new List<double>()).ToArray();
        for (int round = -5; round < rounds; round++)
            for (int c = 0; c < cases.Length; c++)
            {
                long start = Stopwatch.GetTimestamp();
                cases[c].Call();
                if (round >= 0) times[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        var medians = times.Select(t => t.OrderBy(v => v).ElementAt(t.Count / 2)).ToArray();
        Console.WriteLine($"2000x2000 float64, medians of {rounds} alternated rounds, {Environment.ProcessorCount} cores, Vector<double>: {System.Numerics.Vector<double>.Count} lanes, Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}");
        // The minimum too: on a shared machine it is the time least disturbed by other processes.
        var minima = times.Select(t => t.Min()).ToArray();
        for (int c = 0; c < cases.Length; c++) Console.WriteLine($"  {cases[c].Name,-48} {medians[c],8:F2} ms  (min {minima[c]:F2})");
        Console.WriteLine($"  logistic fresh / TensorPrimitives.Sigmoid  {medians[0] / medians[2]:F2}x");
        Console.WriteLine($"  logistic fresh / borrowed                  {medians[0] / medians[1]:F2}x");
        Console.WriteLine($"  a - b fresh / borrowed                     {medians[3] / medians[4]:F2}x");
        Console.WriteLine($"  logistic fresh, Vector512 / Vector<T> loop {medians[0] / medians[5]:F2}x");
        Console.WriteLine($"  a - b fresh, Vector512 / Vector<T> loop    {medians[3] / medians[6]:F2}x");
        Console.WriteLine($"  minima: logistic fresh / TensorPrimitives.Sigmoid {minima[0] / minima[2]:F2}x, a - b fresh / borrowed {minima[3] / minima[4]:F2}x");
    }
}
