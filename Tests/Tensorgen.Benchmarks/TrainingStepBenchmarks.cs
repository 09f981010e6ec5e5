using System;
using BenchmarkDotNet.Attributes;
using Tensorgen.Samples.LogisticRegression;

namespace Tensorgen.Benchmarks;

/// <summary>
/// One training step of the tutorial's logistic regression (N = 400, 784 features, float64): the generated
/// <c>Train</c> (forward pass, gradient and updates from one graph, borrowed outputs) against the hand-fused kernel
/// (<see cref="HandFusedStep"/>, Vector256 and Vector512 paths, the latter also over a copy of x with
/// 64-byte-aligned rows; the baseline is the Vector256 one, the issue's
/// reference) and the same step written op by op with <c>TensorPrimitives</c> (<see cref="Benchmarks.TensorPrimitivesStep"/>). MemoryDiagnoser shows the
/// generated step allocating nothing. Setup checks that the hand-fused step computes what the generated one does.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --filter '*TrainingStep*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int N = TrainingProblem.N, Feats = TrainingProblem.Feats;
    private TrainingProblem _problem = null!;
    private double[] _flatX = null!, _y = null!;
    private Model.TrainFunction _train = null!;
    private HandFusedStep _fused = null!, _fusedAligned = null!;
    private TensorPrimitivesStep _primitives = null!;

    [GlobalSetup]
    public void Setup()
    {
        _problem = new TrainingProblem();
        (_flatX, _y) = (_problem.FlatX, _problem.Y);
        Console.WriteLine("// " + _problem.CheckHandFused());
        _train = new Model.TrainFunction(new Model(_problem.W0)) { BorrowOutputs = true };
        _fused = new HandFusedStep(_flatX, _y, N, Feats, _problem.W0, 0);
        _fusedAligned = new HandFusedStep(_flatX, _y, N, Feats, _problem.W0, 0, alignRows: true);
        _primitives = new TensorPrimitivesStep(_flatX, _y, N, Feats, _problem.W0, 0);
    }

    [Benchmark]
    public double Generated()
    {
        var (_, xent) = _train.Invoke(_problem.FlatTensor, _y);
        return xent[0];
    }

    [Benchmark(Baseline = true)]
    public double HandFusedVector256() => _fused.Step(256);

    [Benchmark]
    public double HandFusedVector512() => _fused.Step(512);

    /// <summary>The Vector512 path over a copy of x with 64-byte-aligned rows.</summary>
    [Benchmark]
    public double HandFusedVector512Aligned() => _fusedAligned.Step(512);

    [Benchmark]
    public double TensorPrimitivesStep() => _primitives.Step();
}
