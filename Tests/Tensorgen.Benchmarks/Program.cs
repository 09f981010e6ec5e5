using BenchmarkDotNet.Running;

// dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --filter '*'
// Each benchmark class compares generated code with a hand-written baseline in the same run.
BenchmarkSwitcher.FromAssembly(typeof(Tensorgen.Benchmarks.AccumulatorBenchmarks).Assembly).Run(args);
