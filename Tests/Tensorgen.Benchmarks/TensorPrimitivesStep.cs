using System;
using System.Numerics.Tensors;

namespace Tensorgen.Benchmarks;

/// <summary>
/// The tutorial's training step written op by op with <see cref="TensorPrimitives"/>, as a library user would without
/// a compiler: a dot product per row, the head (stable softplus), an axpy per row for the gradient, then the updates.
/// Shared by the BenchmarkDotNet class and the NativeAOT runner (linked there).
/// </summary>
public sealed class TensorPrimitivesStep
{
    private readonly double[] _x, _y, _z, _g, _gw;
    private readonly int _n, _feats;

    /// <summary>A step over row-major <paramref name="x"/> (<paramref name="n"/> × <paramref name="feats"/>) starting from w0 and b0.</summary>
    public TensorPrimitivesStep(double[] x, double[] y, int n, int feats, double[] w0, double b0)
    {
        (_x, _y, _n, _feats) = (x, y, n, feats);
        W = (double[])w0.Clone();
        B = b0;
        (_z, _g, _gw) = (new double[n], new double[n], new double[feats]);
        Xent = new double[n];
        Prediction = new bool[n];
    }

    /// <summary>The weights, updated in place by each step.</summary>
    public double[] W { get; }

    /// <summary>The bias.</summary>
    public double B { get; private set; }

    /// <summary>The last step's cross-entropy per row.</summary>
    public double[] Xent { get; }

    /// <summary>The last step's predictions.</summary>
    public bool[] Prediction { get; }

    /// <summary>One training step; returns the first row's cross-entropy.</summary>
    public double Step()
    {
        int n = _n, feats = _feats;
        // z = x·w + b; xent = y·softplus(-z) + (1-y)·softplus(z); g = (sigmoid(z) - y) / N
        for (int i = 0; i < n; i++) _z[i] = TensorPrimitives.Dot(_x.AsSpan(i * feats, feats), W) + B;
        double gb = 0;
        for (int i = 0; i < n; i++)
        {
            double z = _z[i], y = _y[i];
            double p = 1 / (1 + Math.Exp(-z));
            Prediction[i] = p > 0.5;
            Xent[i] = y * Softplus(-z) + (1 - y) * Softplus(z);
            _g[i] = (p - y) / n;
            gb += _g[i];
        }
        // gw = xᵀ·g + 0.02·w; w -= 0.1·gw; b -= 0.1·gb
        _gw.AsSpan().Clear();
        for (int i = 0; i < n; i++) TensorPrimitives.MultiplyAdd(_x.AsSpan(i * feats, feats), _g[i], _gw, _gw);
        TensorPrimitives.MultiplyAdd(W, 0.02, _gw, _gw);
        TensorPrimitives.MultiplyAdd(_gw, -0.1, W, W);
        B -= 0.1 * gb;
        return Xent[0];
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}
