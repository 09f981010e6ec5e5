using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Tensorgen;
using Tensorgen.AotBench;
using Tensorgen.Benchmarks;
using Tensorgen.Samples.LogisticRegression;

// The benchmarks' cases timed with a Stopwatch, so the same code runs under the JIT and as a NativeAOT binary
// (run.sh runs both and prints AOT/JIT ratios). Every round calls every case once, in turn (alternated, so a noisy
// neighbour slows all of them alike); a call of a fast case is a batch of repetitions calibrated to about 2 ms.
// Reported: the median over the rounds of each case's time per operation, CPU time of this thread (a descheduled
// thread's wait is not counted: the machine may be shared; background GC threads are not counted either) and wall time.
// Arguments: rounds=N (default 15), and any other word keeps only the cases whose name contains it.
int rounds = 15;
var filters = new List<string>();
foreach (var arg in args)
{
    if (arg.StartsWith("rounds=", StringComparison.Ordinal)) rounds = int.Parse(arg[7..], CultureInfo.InvariantCulture);
    else filters.Add(arg);
}

var problem = new TrainingProblem();
// The hand-fused step must compute what the generated one does (here too: a native binary compiles both anew).
Console.WriteLine("# " + problem.CheckHandFused());

var cases = new List<(string Name, Action Call, int OpsPerCall)>();

// The training step: generated (borrowed outputs) against the hand-fused kernel at the widest accelerated width (and
// at 256 bits where wider runs too) and against the step written with TensorPrimitives.
var train = new Model.TrainFunction(new Model(problem.W0)) { BorrowOutputs = true };
var fused = new HandFusedStep(problem.FlatX, problem.Y, TrainingProblem.N, TrainingProblem.Feats, problem.W0, 0);
int fusedBits = HandFusedStep.WidestBits;
cases.Add(("training step 400x784, generated", () => train.Invoke(problem.FlatTensor, problem.Y), 1));
var primitives = new TensorPrimitivesStep(problem.FlatX, problem.Y, TrainingProblem.N, TrainingProblem.Feats, problem.W0, 0);
cases.Add(("training step 400x784, hand-fused", () => fused.Step(fusedBits), 1));
if (HandFusedStep.Supported(256) && fusedBits != 256) cases.Add(("training step 400x784, hand-fused Vector256", () => fused.Step(256), 1));
var fusedAligned = new HandFusedStep(problem.FlatX, problem.Y, TrainingProblem.N, TrainingProblem.Feats, problem.W0, 0, alignRows: true);
cases.Add(("training step 400x784, hand-fused, 64-byte-aligned rows", () => fusedAligned.Step(fusedBits), 1));
cases.Add(("training step 400x784, TensorPrimitives", () => primitives.Step(), 1));

// 2000x2000 float64: the logistic and the three outputs of a - b, fresh and borrowed, against TensorPrimitives and a copy.
const int Large = 2000;
var rng = new Random(1);
double[] Values() { var v = new double[Large * Large]; for (int i = 0; i < v.Length; i++) v[i] = rng.NextDouble() * 8 - 4; return v; }
var (xs, bs) = (Values(), Values());
var x = Tensor.Create(xs, [Large, Large]);
var b = Tensor.Create(bs, [Large, Large]);
var destination = new double[Large * Large];
var freshLogistic = new Graphs.LogisticFunction();
var borrowedLogistic = new Graphs.LogisticFunction { BorrowOutputs = true };
var freshDifferences = new Graphs.DifferencesFunction();
var borrowedDifferences = new Graphs.DifferencesFunction { BorrowOutputs = true };
cases.Add(("logistic 2000^2, fresh", () => freshLogistic.Invoke(x), 1));
cases.Add(("logistic 2000^2, borrowed", () => borrowedLogistic.Invoke(x), 1));
cases.Add(("TensorPrimitives.Sigmoid 2000^2", () => TensorPrimitives.Sigmoid(xs, destination), 1));
cases.Add(("copy 2000^2", () => xs.AsSpan().CopyTo(destination), 1));
cases.Add(("three outputs 2000^2, fresh", () => freshDifferences.Invoke(x, b), 1));
cases.Add(("three outputs 2000^2, borrowed", () => borrowedDifferences.Invoke(x, b), 1));

// Matrix products, one thread.
foreach (int n in new[] { 512, 1024 })
{
    var random = new Random(1);
    var (a64, b64, c64) = (new double[n * n], new double[n * n], new double[n * n]);
    var (a32, b32, c32) = (new float[n * n], new float[n * n], new float[n * n]);
    for (int i = 0; i < n * n; i++)
    {
        a32[i] = (float)(a64[i] = random.NextDouble());
        b32[i] = (float)(b64[i] = random.NextDouble());
    }
    cases.Add(($"gemm float64 {n}^3", () => Linalg.Gemm<double>(a64, false, b64, false, c64, n, n, n), 1));
    cases.Add(($"gemm float32 {n}^3", () => Linalg.Gemm<float>(a32, false, b32, false, c32, n, n, n), 1));
}

// The accumulator against a closure doing the same work, per call.
var accumulator = new Graphs.AccumulatorFunction(Pt.Shared(0L));
long state = 0;
Func<int, long> closure = inc => { long old = state; state = old + inc; return old; };
cases.Add(("accumulator call, generated", () => { long s = 0; for (int i = 0; i < 1000; i++) s += accumulator.Invoke(1); GC.KeepAlive(s); }, 1000));
cases.Add(("accumulator call, closure", () => { long s = 0; for (int i = 0; i < 1000; i++) s += closure(1); GC.KeepAlive(s); }, 1000));

if (filters.Count > 0) cases = cases.Where(c => filters.Any(f => c.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();

// Warm up: enough calls, with a pause between, for the JIT's tiers (call counting starts after 100 ms without new
// tier-0 code; 30 calls promote; the background compiler needs CPU on a busy machine) and for pools and page faults; then choose each case's repetitions per round.
for (int pass = 0; pass < 3; pass++)
{
    foreach (var (_, call, _) in cases)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < 40 && (i < 3 || Stopwatch.GetElapsedTime(start).TotalMilliseconds < 300); i++) call();
    }
    System.Threading.Thread.Sleep(500);
}
var reps = new int[cases.Count];
for (int c = 0; c < cases.Count; c++)
{
    long start = Stopwatch.GetTimestamp();
    cases[c].Call();
    reps[c] = Math.Max(1, (int)Math.Ceiling(2.0 / Math.Max(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1e-6)));
}

var (cpu, wall) = (cases.Select(_ => new List<double>()).ToArray(), cases.Select(_ => new List<double>()).ToArray());
for (int round = 0; round < rounds; round++)
    for (int c = 0; c < cases.Count; c++)
    {
        double cpuStart = ThreadCpu.Microseconds();
        long start = Stopwatch.GetTimestamp();
        for (int r = 0; r < reps[c]; r++) cases[c].Call();
        double ops = (double)reps[c] * cases[c].OpsPerCall;
        wall[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / ops);
        cpu[c].Add((ThreadCpu.Microseconds() - cpuStart) / ops);
    }

Console.WriteLine($"# {Runtime()}; {Environment.ProcessorCount} cores; " +
    $"Vector<T> {Vector<byte>.Count * 8} bits; Vector256 {(Vector256.IsHardwareAccelerated ? "accelerated" : "not accelerated")}; " +
    $"Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}; hand-fused step: Vector{fusedBits} path; " +
    $"medians of {rounds} alternated rounds; {(ThreadCpu.Available ? "CPU time of the calling thread" : "no thread CPU clock here: CPU column is wall time")}");
Console.WriteLine("| case | CPU µs per op | wall µs per op |");
Console.WriteLine("|---|---:|---:|");
for (int c = 0; c < cases.Count; c++)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {Median(cpu[c]):G5} | {Median(wall[c]):G5} |"));

static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

static string Runtime() => System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT";
