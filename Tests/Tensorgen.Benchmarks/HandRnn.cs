using System;
using System.Numerics.Tensors;

namespace Tensorgen.Benchmarks;

/// <summary>
/// The RNN sample's training step written by hand, as an expert would for these sizes: row-major arrays allocated
/// once, inner loops over the hidden units with TensorPrimitives (vectorized), no graph. h(t) = tanh(x(t)·u + h(t-1)·W + b),
/// prediction h(t)·v + c, loss the mean squared error; back-propagation through time, then SGD with rate 0.05.
/// One input feature, as in the sample.
/// </summary>
internal sealed class HandRnn
{
    private const double Rate = 0.05;
    private readonly int _time, _batch, _hidden;
    private readonly double[] _u, _b, _v;
    private double _c;
    private readonly double[] _h, _a, _pred, _dh, _da, _dhNext, _du, _dw, _db, _dv, _zeros;

    public HandRnn(double[] u, double[] w, double[] v, int time, int batch, int hidden)
    {
        (_time, _batch, _hidden) = (time, batch, hidden);
        (_u, W, _v, _b) = ((double[])u.Clone(), (double[])w.Clone(), (double[])v.Clone(), new double[hidden]);
        _h = new double[time * batch * hidden];
        _a = new double[batch * hidden];
        _pred = new double[time * batch];
        (_dh, _da, _dhNext, _zeros) = (new double[batch * hidden], new double[batch * hidden], new double[batch * hidden], new double[batch * hidden]);
        (_du, _dw, _db, _dv) = (new double[hidden], new double[hidden * hidden], new double[hidden], new double[hidden]);
    }

    public double[] W { get; }

    /// <summary>One step on x (time, batch) and y (time, batch); returns the loss before the update.</summary>
    public double Train(double[] x, double[] y)
    {
        int n = _hidden, rows = _batch;
        var w = W;
        // Forward.
        for (int t = 0; t < _time; t++)
        {
            var previous = t == 0 ? _zeros.AsSpan() : _h.AsSpan((t - 1) * rows * n, rows * n);
            var h = _h.AsSpan(t * rows * n, rows * n);
            for (int s = 0; s < rows; s++)
            {
                var a = _a.AsSpan(s * n, n);
                TensorPrimitives.MultiplyAdd(_u, x[t * rows + s], _b, a);
                for (int i = 0; i < n; i++) TensorPrimitives.MultiplyAdd(w.AsSpan(i * n, n), previous[s * n + i], a, a);
                TensorPrimitives.Tanh(a, h.Slice(s * n, n));
                _pred[t * rows + s] = TensorPrimitives.Dot<double>(h.Slice(s * n, n), _v) + _c;
            }
        }
        double loss = 0;
        double scale = 2.0 / (_time * rows);
        for (int k = 0; k < _pred.Length; k++)
        {
            double e = _pred[k] - y[k];
            loss += e * e;
            _pred[k] = e * scale;   // now d loss / d prediction
        }
        loss /= _time * rows;

        // Back-propagation through time.
        Array.Clear(_du); Array.Clear(_dw); Array.Clear(_db); Array.Clear(_dv); Array.Clear(_dhNext);
        double dc = 0;
        for (int t = _time - 1; t >= 0; t--)
        {
            var h = _h.AsSpan(t * rows * n, rows * n);
            var previous = t == 0 ? _zeros.AsSpan() : _h.AsSpan((t - 1) * rows * n, rows * n);
            for (int s = 0; s < rows; s++)
            {
                double dp = _pred[t * rows + s];
                dc += dp;
                var hs = h.Slice(s * n, n);
                TensorPrimitives.MultiplyAdd(hs, dp, _dv, _dv);
                var dh = _dh.AsSpan(s * n, n);
                TensorPrimitives.MultiplyAdd(_v, dp, _dhNext.AsSpan(s * n, n), dh);
                var da = _da.AsSpan(s * n, n);
                for (int j = 0; j < n; j++) da[j] = dh[j] * (1 - hs[j] * hs[j]);
                TensorPrimitives.MultiplyAdd(da, x[t * rows + s], _du, _du);
                TensorPrimitives.Add(_db, da, _db);
                for (int i = 0; i < n; i++)
                {
                    TensorPrimitives.MultiplyAdd(da, previous[s * n + i], _dw.AsSpan(i * n, n), _dw.AsSpan(i * n, n));
                    _dhNext[s * n + i] = TensorPrimitives.Dot<double>(da, w.AsSpan(i * n, n));
                }
            }
        }

        // SGD.
        TensorPrimitives.MultiplyAdd(_du, -Rate, _u, _u);
        TensorPrimitives.MultiplyAdd(_dw, -Rate, w, w);
        TensorPrimitives.MultiplyAdd(_db, -Rate, _b, _b);
        TensorPrimitives.MultiplyAdd(_dv, -Rate, _v, _v);
        _c -= Rate * dc;
        return loss;
    }
}
