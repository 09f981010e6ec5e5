using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using static Tensorgen.Pt;

namespace Tensorgen.Benchmarks;

/// <summary>The matrix products <see cref="GemmBenchmarks"/> calls through generated code.</summary>
public static partial class GemmGraphs
{
    [TensorFunction]
    public static FunctionGraph Float64Product()
    {
        var (a, b) = DMatrices("a", "b");
        return Function([a, b], Dot(a, b));
    }

    [TensorFunction]
    public static FunctionGraph Float32Product()
    {
        var (a, b) = FMatrices("a", "b");
        return Function([a, b], Dot(a, b));
    }
}

/// <summary>
/// Matrix products n×n×n (256, 512, 1024), float64 and float32, one thread: <c>Linalg.Gemm</c> called directly
/// (each dtype's baseline) and through a generated <c>Dot</c> function with a borrowed output (what a user's
/// graph pays on top). NumPy/OpenBLAS on one thread for the same sizes: <c>numpy_gemm.py</c> beside this file.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --filter '*GemmBenchmarks*' --job short</c>.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GemmBenchmarks
{
    [Params(256, 512, 1024)]
    public int Size;

    private double[] _a64 = null!, _b64 = null!, _c64 = null!;
    private float[] _a32 = null!, _b32 = null!, _c32 = null!;
    private Tensor<double> _ta64 = null!, _tb64 = null!;
    private Tensor<float> _ta32 = null!, _tb32 = null!;
    private GemmGraphs.Float64ProductFunction _product64 = null!;
    private GemmGraphs.Float32ProductFunction _product32 = null!;

    [GlobalSetup]
    public void Setup()
    {
        int n = Size;
        var random = new Random(1);
        (_a64, _b64, _c64) = (new double[n * n], new double[n * n], new double[n * n]);
        (_a32, _b32, _c32) = (new float[n * n], new float[n * n], new float[n * n]);
        for (int i = 0; i < n * n; i++)
        {
            _a32[i] = (float)(_a64[i] = random.NextDouble());
            _b32[i] = (float)(_b64[i] = random.NextDouble());
        }
        (_ta64, _tb64) = (System.Numerics.Tensors.Tensor.Create(_a64, [n, n]), System.Numerics.Tensors.Tensor.Create(_b64, [n, n]));
        (_ta32, _tb32) = (System.Numerics.Tensors.Tensor.Create(_a32, [n, n]), System.Numerics.Tensors.Tensor.Create(_b32, [n, n]));
        _product64 = new GemmGraphs.Float64ProductFunction { BorrowOutputs = true };
        _product32 = new GemmGraphs.Float32ProductFunction { BorrowOutputs = true };
    }

    [Benchmark(Baseline = true), BenchmarkCategory("float64")]
    public void Float64Gemm() => Linalg.Gemm<double>(_a64, false, _b64, false, _c64, Size, Size, Size);

    [Benchmark, BenchmarkCategory("float64")]
    public object Float64Generated() => _product64.Invoke(_ta64, _tb64);

    [Benchmark(Baseline = true), BenchmarkCategory("float32")]
    public void Float32Gemm() => Linalg.Gemm<float>(_a32, false, _b32, false, _c32, Size, Size, Size);

    [Benchmark, BenchmarkCategory("float32")]
    public object Float32Generated() => _product32.Invoke(_ta32, _tb32);
}
