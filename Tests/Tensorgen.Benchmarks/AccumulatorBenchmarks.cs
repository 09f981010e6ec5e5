using System;
using BenchmarkDotNet.Attributes;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Benchmarks;

/// <summary>
/// The tutorial's accumulator: the generated function (shared int64 state, int32 input, update
/// written after the output is read) against a hand-written C# closure doing the same work.
/// </summary>
[MemoryDiagnoser]
public class AccumulatorBenchmarks
{
    private Page.AccumulatorFunction _accumulator = null!;
    private Func<int, long> _closure = null!;

    [GlobalSetup]
    public void Setup()
    {
        _accumulator = new Page.AccumulatorFunction(Pt.Shared(0));
        long state = 0;
        _closure = inc =>
        {
            long old = state;
            state = old + inc;
            return old;
        };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public long Closure()
    {
        long sum = 0;
        for (int i = 0; i < 1000; i++) sum += _closure(1);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public long Generated()
    {
        long sum = 0;
        for (int i = 0; i < 1000; i++) sum += _accumulator.Invoke(1);
        return sum;
    }
}
