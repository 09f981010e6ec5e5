using System;
using BenchmarkDotNet.Attributes;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Benchmarks;

/// <summary>
/// The tutorial's accumulator: the generated function (shared int64 state, int32 input, update
/// written after the output is read) against a hand-written C# closure doing the same work. The
/// generated call also enters and leaves its shared variable's gate: <c>Generated</c> on the thread the
/// gate is biased to (plain loads and stores), <c>GeneratedAfterSecondThread</c> on a variable another
/// thread has used once, whose gate takes a compare-and-swap per call.
/// </summary>
[MemoryDiagnoser]
public class AccumulatorBenchmarks
{
    private Page.AccumulatorFunction _accumulator = null!;
    private Page.AccumulatorFunction _sharedAccumulator = null!;
    private Func<int, long> _closure = null!;

    [GlobalSetup]
    public void Setup()
    {
        _accumulator = new Page.AccumulatorFunction(Pt.Shared(0));
        _sharedAccumulator = new Page.AccumulatorFunction(Pt.Shared(0));
        var other = new System.Threading.Thread(() => _sharedAccumulator.Invoke(1));
        other.Start();
        other.Join();
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

    [Benchmark(OperationsPerInvoke = 1000)]
    public long GeneratedAfterSecondThread()
    {
        long sum = 0;
        for (int i = 0; i < 1000; i++) sum += _sharedAccumulator.Invoke(1);
        return sum;
    }
}
