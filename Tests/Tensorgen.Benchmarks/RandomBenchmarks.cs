using System;
using BenchmarkDotNet.Attributes;

namespace Tensorgen.Benchmarks;

/// <summary>
/// Span fills of <see cref="RandomGenerator"/> (NumPy 1.24's PCG64 streams, bit for bit): uniform
/// doubles and ziggurat normals, at 10⁶ and 10⁷ numbers, against the same counts drawn one scalar
/// call at a time. NumPy's own figures for <c>rng.random(n)</c> and <c>rng.standard_normal(n)</c>
/// on the same machine come from <c>numpy_random_throughput.py</c> beside this file.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RandomBenchmarks
{
    private RandomGenerator _rng = null!;
    private double[] _buffer = null!;

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rng = RandomGenerator.DefaultRng(42);
        _buffer = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double UniformScalar()
    {
        var buffer = _buffer;
        for (int i = 0; i < buffer.Length; i++) buffer[i] = _rng.Uniform(0.0, 1.0);
        return buffer[^1];
    }

    [Benchmark]
    public double UniformFill()
    {
        _rng.Uniform(0.0, 1.0, _buffer);
        return _buffer[^1];
    }

    [Benchmark]
    public double StandardNormalScalar()
    {
        var buffer = _buffer;
        for (int i = 0; i < buffer.Length; i++) buffer[i] = _rng.StandardNormal();
        return buffer[^1];
    }

    [Benchmark]
    public double StandardNormalFill()
    {
        _rng.StandardNormal(_buffer);
        return _buffer[^1];
    }
}
