using System.Linq;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --filter '*'
// Each benchmark class compares generated code with a hand-written baseline in the same run.
// --random-throughput instead runs RandomThroughput's quick Stopwatch measurement.
if (args.Contains("--random-throughput"))
{
    Tensorgen.Benchmarks.RandomThroughput.Run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Tensorgen.Benchmarks.AccumulatorBenchmarks).Assembly).Run(args);
