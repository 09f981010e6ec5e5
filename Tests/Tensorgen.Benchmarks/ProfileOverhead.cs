using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using static Tensorgen.Pt;

namespace Tensorgen.Benchmarks;

/// <summary>
/// What profiling costs, in one run: each graph compiled twice, with its instrumentation (the default) and with
/// <c>[TensorFunction(Profiling = false)]</c> (none of it, the code as it was before profiling existed); the
/// instrumented one timed with profiling off and on. Calls alternate round by round; the report is medians per call
/// and ratios to the uninstrumented code. With profiling on, it also says how much of the measured call time the
/// steps' recorded times account for, and how close the profile's own call time is to the measured one.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --profile [rounds=21]</c>.
/// </summary>
public static partial class ProfileOverhead
{
    /// <summary>The tutorial's logistic regression training step (400 x 784), as Samples/LogisticRegression has it.</summary>
    public static readonly Shared<double> W = Shared(new double[784], name: "w");

    public static readonly Shared<double> B = Shared(0.0, name: "b");

    public static readonly Shared<long> State = Shared(0L, name: "state");

    [TensorFunction]
    public static FunctionGraph Train() => TrainGraph();

    [TensorFunction(Profiling = false)]
    public static FunctionGraph TrainUninstrumented() => TrainGraph();

    [TensorFunction]
    public static FunctionGraph Accumulator() => AccumulatorGraph();

    [TensorFunction(Profiling = false)]
    public static FunctionGraph AccumulatorUninstrumented() => AccumulatorGraph();

    private static FunctionGraph TrainGraph()
    {
        var x = DMatrix("x");
        var y = DVector("y");
        var p1 = 1 / (1 + Exp(-Dot(x, W) - B));
        var xent = -y * Log(p1) - (1 - y) * Log(1 - p1);
        var cost = xent.Mean() + 0.01 * Pow(W, 2).Sum();
        var gw = Grad(cost, W);
        var gb = Grad(cost, B);
        return Function([x, y], [p1 > 0.5, xent], updates: [(W, W - 0.1 * gw), (B, B - 0.1 * gb)]);
    }

    private static FunctionGraph AccumulatorGraph()
    {
        var inc = IScalar("inc");
        return Function([inc], State, updates: [(State, State + inc)]);
    }

    public static void Run(string[] args)
    {
        int rounds = args.Select(a => a.StartsWith("rounds=", StringComparison.Ordinal) ? int.Parse(a[7..], CultureInfo.InvariantCulture) : 0).Max();
        if (rounds <= 0) rounds = 21;
        Console.WriteLine($"Profiling's cost, medians of {rounds} rounds ({Environment.ProcessorCount} cores, {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated switch { true => "AVX-512", _ => "no AVX-512" }})");
        Console.WriteLine($"{"case",-34} {"no instrumentation",20} {"profiling off",16} {"profiling on",16} {"off/none",9} {"on/none",8} {"none again/none",16}");

        var rng = new Random(3);
        var x = System.Numerics.Tensors.Tensor.Create(Enumerable.Range(0, 400 * 784).Select(_ => rng.NextDouble() - 0.5).ToArray(), [400, 784]);
        var y = Enumerable.Range(0, 400).Select(_ => (double)rng.Next(2)).ToArray();
        var (plainTrain, offTrain, onTrain) = (new TrainUninstrumentedFunction(), new TrainFunction(), new TrainFunction { Profiling = true });
        Measure("logistic training step 400x784", () => plainTrain.Invoke(x, y), () => offTrain.Invoke(x, y), () => onTrain.Invoke(x, y), 20, rounds, onTrain);

        var (plainAcc, offAcc, onAcc) = (new AccumulatorUninstrumentedFunction(), new AccumulatorFunction(), new AccumulatorFunction { Profiling = true });
        Measure("accumulator (state += inc)", () => plainAcc.Invoke(1), () => offAcc.Invoke(1), () => onAcc.Invoke(1), 200_000, rounds, onAcc);
    }

    private static void Measure(string name, Action plain, Action off, Action on, int repeats, int rounds, CompiledFunction profiled)
    {
        for (int i = 0; i < Math.Min(repeats, 1000); i++) { plain(); off(); on(); }
        profiled.Profile!.Reset();
        var (tp, toff, ton, tp2) = (new double[rounds], new double[rounds], new double[rounds], new double[rounds]);
        var sw = new Stopwatch();
        double Time(Action a)
        {
            sw.Restart();
            for (int i = 0; i < repeats; i++) a();
            return sw.Elapsed.TotalMilliseconds * 1000 / repeats;
        }
        // The order alternates round by round, so that neither code always runs first.
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0)
            {
                tp[r] = Time(plain);
                toff[r] = Time(off);
                ton[r] = Time(on);
                tp2[r] = Time(plain);
            }
            else
            {
                tp2[r] = Time(plain);
                ton[r] = Time(on);
                toff[r] = Time(off);
                tp[r] = Time(plain);
            }
        }
        static double Median(double[] v) => v.OrderBy(t => t).ElementAt(v.Length / 2);
        var (p, f, o, p2) = (Median(tp), Median(toff), Median(ton), Median(tp2));
        // The uninstrumented code timed twice, first and last in each round: how much noise and order alone move a median.
        Console.WriteLine($"{name,-34} {p * 1000,17:F1} ns {f * 1000,13:F1} ns {o * 1000,13:F1} ns {f / p,8:F3}x {o / p,7:F3}x {p2 / p,15:F3}x");

        var profile = profiled.Profile!;
        double measured = ton.Sum() * repeats / 1e6, recorded = profile.Time.TotalSeconds, steps = profile.Steps.Sum(s => s.Time.TotalSeconds);
        Console.WriteLine($"  profiling on: the steps' times are {100 * steps / recorded:F1}% of the profile's call time, which is {100 * recorded / measured:F1}% of the measured time of the calls");
        if (name.StartsWith("logistic", StringComparison.Ordinal)) Console.WriteLine(profile.Summary());
    }
}
