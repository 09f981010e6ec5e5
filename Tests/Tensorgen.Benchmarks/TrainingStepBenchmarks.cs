using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Tensorgen.Samples.LogisticRegression;

namespace Tensorgen.Benchmarks;

/// <summary>
/// One training step of the tutorial's logistic regression (N = 400, 784 features, float64): the generated
/// <c>Train</c> (forward pass, gradient and updates from one graph, borrowed outputs) against the hand-fused kernel
/// (<see cref="HandFusedStep"/>, Vector256 and Vector512 paths; the baseline is the Vector256 one, the issue's
/// reference) and the same step written op by op with <see cref="TensorPrimitives"/>. MemoryDiagnoser shows the
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
    private HandFusedStep _fused = null!;

    // The TensorPrimitives step's state and scratch.
    private double[] _w = null!, _z = null!, _g = null!, _gw = null!, _xent = null!;
    private bool[] _prediction = null!;
    private double _b;

    [GlobalSetup]
    public void Setup()
    {
        _problem = new TrainingProblem();
        (_flatX, _y) = (_problem.FlatX, _problem.Y);
        Console.WriteLine("// " + CheckHandFused(_problem));
        _train = new Model.TrainFunction(new Model(_problem.W0)) { BorrowOutputs = true };
        _fused = new HandFusedStep(_flatX, _y, N, Feats, _problem.W0, 0);
        _w = (double[])_problem.W0.Clone();
        _z = new double[N];
        _g = new double[N];
        _gw = new double[Feats];
        _xent = new double[N];
        _prediction = new bool[N];
    }

    /// <summary>Compares one hand-fused step (every supported width) with one generated step from the same start; throws on a difference.</summary>
    public static string CheckHandFused(TrainingProblem problem) =>
        HandFusedStep.Check(problem.FlatX, problem.Y, N, Feats, problem.W0, 0, () =>
        {
            var model = new Model(problem.W0);
            var (prediction, xent) = new Model.TrainFunction(model).Invoke(problem.X, problem.Y);
            var (xentValues, predictions) = (new double[N], new bool[N]);
            xent.FlattenTo(xentValues);
            prediction.FlattenTo(predictions);
            return (xentValues, predictions, model.W.Data.ToArray(), model.B.Value);
        });

    [Benchmark]
    public double Generated()
    {
        var (_, xent) = _train.Invoke(_problem.X, _y);
        return xent[0];
    }

    [Benchmark(Baseline = true)]
    public double HandFusedVector256() => _fused.Step(256);

    [Benchmark]
    public double HandFusedVector512() => _fused.Step(512);

    [Benchmark]
    public double TensorPrimitivesStep()
    {
        // z = x·w + b; xent = y·softplus(-z) + (1-y)·softplus(z); g = (sigmoid(z) - y) / N
        for (int i = 0; i < N; i++) _z[i] = TensorPrimitives.Dot(_flatX.AsSpan(i * Feats, Feats), _w) + _b;
        double gb = 0;
        for (int i = 0; i < N; i++)
        {
            double z = _z[i], y = _y[i];
            double p = 1 / (1 + Math.Exp(-z));
            _prediction[i] = p > 0.5;
            _xent[i] = y * Softplus(-z) + (1 - y) * Softplus(z);
            _g[i] = (p - y) / N;
            gb += _g[i];
        }
        // gw = xᵀ·g + 0.02·w; w -= 0.1·gw; b -= 0.1·gb
        _gw.AsSpan().Clear();
        for (int i = 0; i < N; i++) TensorPrimitives.MultiplyAdd(_flatX.AsSpan(i * Feats, Feats), _g[i], _gw, _gw);
        TensorPrimitives.MultiplyAdd(_w, 0.02, _gw, _gw);
        TensorPrimitives.MultiplyAdd(_gw, -0.1, _w, _w);
        _b -= 0.1 * gb;
        return _xent[0];
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}
