using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Tensorgen.Benchmarks;

/// <summary>
/// <see cref="LargeOutputs"/>' graphs on 2000×2000 float64 (32 MB per array, past the last-level cache) under
/// BenchmarkDotNet, in two groups with their own baseline. Logistic: fresh and borrowed output against
/// <c>TensorPrimitives.Sigmoid</c> into a preallocated buffer (the baseline) and a plain <c>Span.CopyTo</c> (the
/// memory floor). Three outputs of <c>a - b</c> (difference, its absolute value, its square): fresh and borrowed
/// against the same three written with <c>TensorPrimitives</c> into preallocated buffers (the baseline) and three
/// copies. <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --filter '*LargeOutputBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LargeOutputBenchmarks
{
    private const int N = 2000;
    private double[] _xs = null!, _bs = null!, _d0 = null!, _d1 = null!, _d2 = null!;
    private Tensor<double> _x = null!, _b = null!;
    private LargeOutputs.LogisticFunction _freshLogistic = null!, _borrowedLogistic = null!;
    private LargeOutputs.DifferencesFunction _freshDifferences = null!, _borrowedDifferences = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        double[] Values() { var v = new double[N * N]; for (int i = 0; i < v.Length; i++) v[i] = rng.NextDouble() * 8 - 4; return v; }
        (_xs, _bs) = (Values(), Values());
        (_d0, _d1, _d2) = (new double[N * N], new double[N * N], new double[N * N]);
        _x = Tensor.Create(_xs, [N, N]);
        _b = Tensor.Create(_bs, [N, N]);
        _freshLogistic = new LargeOutputs.LogisticFunction();
        _borrowedLogistic = new LargeOutputs.LogisticFunction { BorrowOutputs = true };
        _freshDifferences = new LargeOutputs.DifferencesFunction();
        _borrowedDifferences = new LargeOutputs.DifferencesFunction { BorrowOutputs = true };
    }

    [Benchmark, BenchmarkCategory("logistic")]
    public object LogisticFresh() => _freshLogistic.Invoke(_x);

    [Benchmark, BenchmarkCategory("logistic")]
    public object LogisticBorrowed() => _borrowedLogistic.Invoke(_x);

    [Benchmark(Baseline = true), BenchmarkCategory("logistic")]
    public void TensorPrimitivesSigmoid() => TensorPrimitives.Sigmoid(_xs, _d0);

    [Benchmark, BenchmarkCategory("logistic")]
    public void Copy() => _xs.AsSpan().CopyTo(_d0);

    [Benchmark, BenchmarkCategory("three outputs")]
    public object ThreeOutputsFresh() => _freshDifferences.Invoke(_x, _b);

    [Benchmark, BenchmarkCategory("three outputs")]
    public object ThreeOutputsBorrowed() => _borrowedDifferences.Invoke(_x, _b);

    [Benchmark(Baseline = true), BenchmarkCategory("three outputs")]
    public void TensorPrimitivesThreeOutputs()
    {
        TensorPrimitives.Subtract(_xs, _bs, _d0);
        TensorPrimitives.Abs(_d0, _d1);
        TensorPrimitives.Multiply(_d0, _d0, _d2);
    }

    [Benchmark, BenchmarkCategory("three outputs")]
    public void ThreeCopies()
    {
        _xs.AsSpan().CopyTo(_d0);
        _xs.AsSpan().CopyTo(_d1);
        _bs.AsSpan().CopyTo(_d2);
    }
}
