using System.Linq;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --filter '*' --job short
// Each benchmark class compares generated code with a hand-written baseline in the same run:
//   TrainingStepBenchmarks (generated step vs hand-fused Vector256/Vector512 vs TensorPrimitives),
//   LargeOutputBenchmarks (2000x2000 logistic and three outputs vs TensorPrimitives and a copy),
//   GemmBenchmarks (256-1024^3 float64/float32; NumPy's side: numpy_gemm.py), AccumulatorBenchmarks (vs a closure).
// --job short keeps a run practical (3 iterations); drop it for BenchmarkDotNet's default precision.
// The same cases under NativeAOT: Tests/Tensorgen.AotBench/run.sh.
// --gemm times Linalg.Gemm against the kernel it replaced (GemmThroughput; NumPy's side: numpy_gemm.py).
// --large-outputs [rounds=N] times fresh against borrowed outputs on 2000x2000 (LargeOutputs).
// --cores [rounds=N] times one thread against all cores on the 2000x2000 functions and 1024^3 products (CoresScaling).
// --random-throughput instead runs RandomThroughput's quick Stopwatch measurement.
// --generator-scaling [sizes] [kinds] [runs=N] times the generator's stages on large graphs (GeneratorScaling).
// --keystroke-cost [graphs=10,100] [runs=N] times the generator after an edit that changes no graph (KeystrokeCost).
// --scan [rounds=N] times Scan's generated loops (an RNN training step, A**k) against hand-written C# (ScanLoops).
// --profile [rounds=N] times profiling off and on against code compiled without its instrumentation (ProfileOverhead).
if (args.Contains("--random-throughput"))
{
    Tensorgen.Benchmarks.RandomThroughput.Run();
    return;
}
if (args.Contains("--gemm"))
{
    Tensorgen.Benchmarks.GemmThroughput.Run();
    return;
}
if (args.Contains("--cores"))
{
    Tensorgen.Benchmarks.CoresScaling.Run(args);
    return;
}
if (args.Contains("--large-outputs"))
{
    Tensorgen.Benchmarks.LargeOutputs.Run(args);
    return;
}
if (args.Contains("--keystroke-cost"))
{
    Tensorgen.Benchmarks.KeystrokeCost.Run(args);
    return;
}
if (args.Contains("--scan"))
{
    Tensorgen.Benchmarks.ScanLoops.Run(args);
    return;
}
if (args.Contains("--profile"))
{
    Tensorgen.Benchmarks.ProfileOverhead.Run(args);
    return;
}
if (args.Contains("--generator-scaling"))
{
    Tensorgen.Benchmarks.GeneratorScaling.Run(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Tensorgen.Benchmarks.AccumulatorBenchmarks).Assembly).Run(args);
