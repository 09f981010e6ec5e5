using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Tensorgen.Samples.LogisticRegression;

namespace Tensorgen.Benchmarks;

/// <summary>
/// One training step of the tutorial's logistic regression (N = 400, 784 features): the generated
/// <c>Train</c> (forward pass, gradient and updates from one graph) against the same step written by
/// hand with <see cref="TensorPrimitives"/> (dot products per row, stable softplus, axpy per row for
/// the gradient). Both return the predictions and the cross-entropy; the generated one borrows its
/// output buffers, as the hand-written one reuses its arrays.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int N = 400, Feats = 784;
    private double[,] _x = null!;
    private double[] _flatX = null!, _y = null!;
    private Model.TrainFunction _train = null!;

    // The hand-written step's state and scratch.
    private double[] _w = null!, _z = null!, _g = null!, _gw = null!, _xent = null!;
    private bool[] _prediction = null!;
    private double _b;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2882);
        _x = new double[N, Feats];
        _flatX = new double[N * Feats];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < Feats; j++) _flatX[i * Feats + j] = _x[i, j] = random.NextDouble() * 2 - 1;
        _y = new double[N];
        for (int i = 0; i < N; i++) _y[i] = random.Next(0, 2);
        var w0 = new double[Feats];
        for (int j = 0; j < Feats; j++) w0[j] = random.NextDouble() - 0.5;

        _train = new Model.TrainFunction(new Model(w0)) { BorrowOutputs = true };
        _w = (double[])w0.Clone();
        _z = new double[N];
        _g = new double[N];
        _gw = new double[Feats];
        _xent = new double[N];
        _prediction = new bool[N];
    }

    [Benchmark(Baseline = true)]
    public double HandWritten()
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

    [Benchmark]
    public double Generated()
    {
        var (_, xent) = _train.Invoke(_x, _y);
        return xent[0];
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}
