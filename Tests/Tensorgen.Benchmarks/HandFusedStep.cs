using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tensorgen.Benchmarks;

/// <summary>
/// The tutorial's logistic-regression training step written by hand as an expert would, the baseline of issue 14:
/// one blocked pass over X, four rows at a time. For each block, z = x·w + b with two FMA accumulators per row
/// sharing the loads of w; the per-row head with one exp and one log (xent = y·softplus(−z) + (1−y)·softplus(z),
/// gradient (sigmoid(z) − y)/N); then gw += gᵣ·xᵣ for the four rows while they are still in L1 (one load and store
/// of gw per block). After the sweep, w −= 0.1·(0.02·w + gw) and b −= 0.1·Σg. Explicit Vector512, Vector256 (with
/// FMA) and Vector128 paths, each only where the hardware accelerates it; <see cref="Check"/> compares it with the
/// generated step. Shared by the BenchmarkDotNet class and the NativeAOT runner (linked there).
/// </summary>
public sealed class HandFusedStep
{
    private readonly double[] _x, _y, _gw;
    private readonly int _n, _feats, _x0;

    /// <summary>
    /// A step over row-major <paramref name="x"/> (<paramref name="n"/> × <paramref name="feats"/>) starting from w0 and b0;
    /// with <paramref name="alignRows"/>, over a copy of x whose rows start on 64-byte boundaries where the row length
    /// allows it (an array's data is only 16-byte aligned, and an unaligned 512-bit load costs about as much as two
    /// 256-bit ones): what an expert who owns the data layout would do.
    /// </summary>
    public HandFusedStep(double[] x, double[] y, int n, int feats, double[] w0, double b0, bool alignRows = false)
    {
        (_x, _y, _n, _feats) = (x, y, n, feats);
        if (alignRows)
        {
            // The pinned object heap never moves an array, so the address taken once stays true.
            _x = GC.AllocateUninitializedArray<double>(n * feats + 8, pinned: true);
            var handle = GCHandle.Alloc(_x, GCHandleType.Pinned);
            long address = handle.AddrOfPinnedObject();
            handle.Free();
            _x0 = (int)((64 - address % 64) % 64 / sizeof(double));
            x.AsSpan(0, n * feats).CopyTo(_x.AsSpan(_x0));
        }
        W = (double[])w0.Clone();
        B = b0;
        _gw = new double[feats];
        Xent = new double[n];
        Prediction = new bool[n];
    }

    /// <summary>The weights, updated in place by each step.</summary>
    public double[] W { get; }

    /// <summary>The bias.</summary>
    public double B { get; private set; }

    /// <summary>The last step's cross-entropy per row.</summary>
    public double[] Xent { get; }

    /// <summary>The last step's predictions (sigmoid(z) &gt; 0.5).</summary>
    public bool[] Prediction { get; }

    /// <summary>Whether a path of <paramref name="bits"/> (512, 256 or 128) runs accelerated on this machine and build.</summary>
    public static bool Supported(int bits) => bits switch
    {
        512 => Vector512.IsHardwareAccelerated,
        256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        128 => Vector128.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>The widest supported path.</summary>
    public static int WidestBits => Supported(512) ? 512 : Supported(256) ? 256 : 128;

    /// <summary>One training step with the path of <paramref name="bits"/>; throws where that path is not accelerated.</summary>
    public double Step(int bits)
    {
        if (!Supported(bits)) throw new NotSupportedException($"Vector{bits} is not accelerated here");
        _gw.AsSpan().Clear();
        double invN = 1.0 / _n, gbSum = 0;
        int i = 0;
        for (; i + 4 <= _n; i += 4)
        {
            gbSum += bits switch
            {
                512 => Block512(i),
                256 => Block256(i),
                _ => Block128(i),
            };
        }
        for (; i < _n; i++)
        {
            double g = Head(i, Dot(i) + B, invN);
            gbSum += g;
            var row = _x.AsSpan(_x0 + i * _feats, _feats);
            for (int j = 0; j < _feats; j++) _gw[j] += g * row[j];
        }
        var w = W;
        for (int j = 0; j < _feats; j++) w[j] -= 0.1 * (0.02 * w[j] + _gw[j]);
        B -= 0.1 * gbSum;
        return Xent[0];
    }

    /// <summary>Four rows from <paramref name="i"/>: their products with w, heads and rank-1 updates of gw; returns Σg.</summary>
    private double Block512(int i)
    {
        int f = _feats, L = Vector512<double>.Count;
        ref double x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), _x0 + i * f);
        ref double x1 = ref Unsafe.Add(ref x0, f);
        ref double x2 = ref Unsafe.Add(ref x1, f);
        ref double x3 = ref Unsafe.Add(ref x2, f);
        ref double w = ref MemoryMarshal.GetArrayDataReference(W);
        ref double gw = ref MemoryMarshal.GetArrayDataReference(_gw);
        Vector512<double> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
        int j = 0;
        for (; j + 2 * L <= f; j += 2 * L)
        {
            var w0 = Vector512.LoadUnsafe(ref w, (nuint)j);
            var w1 = Vector512.LoadUnsafe(ref w, (nuint)(j + L));
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)j), w0, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)(j + L)), w1, a1);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x1, (nuint)j), w0, b0);
            b1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x1, (nuint)(j + L)), w1, b1);
            c0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x2, (nuint)j), w0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x2, (nuint)(j + L)), w1, c1);
            d0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x3, (nuint)j), w0, d0);
            d1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x3, (nuint)(j + L)), w1, d1);
        }
        for (; j + L <= f; j += L)
        {
            var w0 = Vector512.LoadUnsafe(ref w, (nuint)j);
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)j), w0, a0);
            b0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x1, (nuint)j), w0, b0);
            c0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x2, (nuint)j), w0, c0);
            d0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x3, (nuint)j), w0, d0);
        }
        int tail = j;
        double z0 = Vector512.Sum(a0 + a1), z1 = Vector512.Sum(b0 + b1), z2 = Vector512.Sum(c0 + c1), z3 = Vector512.Sum(d0 + d1);
        for (; j < f; j++)
        {
            double wj = Unsafe.Add(ref w, j);
            z0 += Unsafe.Add(ref x0, j) * wj;
            z1 += Unsafe.Add(ref x1, j) * wj;
            z2 += Unsafe.Add(ref x2, j) * wj;
            z3 += Unsafe.Add(ref x3, j) * wj;
        }
        double invN = 1.0 / _n;
        double g0 = Head(i, z0 + B, invN), g1 = Head(i + 1, z1 + B, invN), g2 = Head(i + 2, z2 + B, invN), g3 = Head(i + 3, z3 + B, invN);
        var (v0, v1, v2, v3) = (Vector512.Create(g0), Vector512.Create(g1), Vector512.Create(g2), Vector512.Create(g3));
        for (j = 0; j < tail; j += L)
        {
            var acc = Vector512.LoadUnsafe(ref gw, (nuint)j);
            acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)j), v0, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x1, (nuint)j), v1, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x2, (nuint)j), v2, acc);
            acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x3, (nuint)j), v3, acc);
            acc.StoreUnsafe(ref gw, (nuint)j);
        }
        RankOneTail(ref gw, ref x0, ref x1, ref x2, ref x3, g0, g1, g2, g3, tail, f);
        return g0 + g1 + g2 + g3;
    }

    /// <summary>As <see cref="Block512"/> with 256-bit vectors.</summary>
    private double Block256(int i)
    {
        int f = _feats, L = Vector256<double>.Count;
        ref double x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), _x0 + i * f);
        ref double x1 = ref Unsafe.Add(ref x0, f);
        ref double x2 = ref Unsafe.Add(ref x1, f);
        ref double x3 = ref Unsafe.Add(ref x2, f);
        ref double w = ref MemoryMarshal.GetArrayDataReference(W);
        ref double gw = ref MemoryMarshal.GetArrayDataReference(_gw);
        Vector256<double> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
        int j = 0;
        for (; j + 2 * L <= f; j += 2 * L)
        {
            var w0 = Vector256.LoadUnsafe(ref w, (nuint)j);
            var w1 = Vector256.LoadUnsafe(ref w, (nuint)(j + L));
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)j), w0, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)(j + L)), w1, a1);
            b0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)j), w0, b0);
            b1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)(j + L)), w1, b1);
            c0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)j), w0, c0);
            c1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)(j + L)), w1, c1);
            d0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)j), w0, d0);
            d1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)(j + L)), w1, d1);
        }
        for (; j + L <= f; j += L)
        {
            var w0 = Vector256.LoadUnsafe(ref w, (nuint)j);
            a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)j), w0, a0);
            b0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)j), w0, b0);
            c0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)j), w0, c0);
            d0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)j), w0, d0);
        }
        int tail = j;
        double z0 = Vector256.Sum(a0 + a1), z1 = Vector256.Sum(b0 + b1), z2 = Vector256.Sum(c0 + c1), z3 = Vector256.Sum(d0 + d1);
        for (; j < f; j++)
        {
            double wj = Unsafe.Add(ref w, j);
            z0 += Unsafe.Add(ref x0, j) * wj;
            z1 += Unsafe.Add(ref x1, j) * wj;
            z2 += Unsafe.Add(ref x2, j) * wj;
            z3 += Unsafe.Add(ref x3, j) * wj;
        }
        double invN = 1.0 / _n;
        double g0 = Head(i, z0 + B, invN), g1 = Head(i + 1, z1 + B, invN), g2 = Head(i + 2, z2 + B, invN), g3 = Head(i + 3, z3 + B, invN);
        var (v0, v1, v2, v3) = (Vector256.Create(g0), Vector256.Create(g1), Vector256.Create(g2), Vector256.Create(g3));
        for (j = 0; j < tail; j += L)
        {
            var acc = Vector256.LoadUnsafe(ref gw, (nuint)j);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)j), v0, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)j), v1, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x2, (nuint)j), v2, acc);
            acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x3, (nuint)j), v3, acc);
            acc.StoreUnsafe(ref gw, (nuint)j);
        }
        RankOneTail(ref gw, ref x0, ref x1, ref x2, ref x3, g0, g1, g2, g3, tail, f);
        return g0 + g1 + g2 + g3;
    }

    /// <summary>
    /// As <see cref="Block512"/> with 128-bit vectors and <c>MultiplyAddEstimate</c> (fused where the target has FMA,
    /// a multiply and an add where it has not, e.g. NativeAOT's default x86-64-v2 target).
    /// </summary>
    private double Block128(int i)
    {
        int f = _feats, L = Vector128<double>.Count;
        ref double x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x), _x0 + i * f);
        ref double x1 = ref Unsafe.Add(ref x0, f);
        ref double x2 = ref Unsafe.Add(ref x1, f);
        ref double x3 = ref Unsafe.Add(ref x2, f);
        ref double w = ref MemoryMarshal.GetArrayDataReference(W);
        ref double gw = ref MemoryMarshal.GetArrayDataReference(_gw);
        Vector128<double> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
        int j = 0;
        for (; j + 2 * L <= f; j += 2 * L)
        {
            var w0 = Vector128.LoadUnsafe(ref w, (nuint)j);
            var w1 = Vector128.LoadUnsafe(ref w, (nuint)(j + L));
            a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x0, (nuint)j), w0, a0);
            a1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x0, (nuint)(j + L)), w1, a1);
            b0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x1, (nuint)j), w0, b0);
            b1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x1, (nuint)(j + L)), w1, b1);
            c0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x2, (nuint)j), w0, c0);
            c1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x2, (nuint)(j + L)), w1, c1);
            d0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x3, (nuint)j), w0, d0);
            d1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x3, (nuint)(j + L)), w1, d1);
        }
        for (; j + L <= f; j += L)
        {
            var w0 = Vector128.LoadUnsafe(ref w, (nuint)j);
            a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x0, (nuint)j), w0, a0);
            b0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x1, (nuint)j), w0, b0);
            c0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x2, (nuint)j), w0, c0);
            d0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x3, (nuint)j), w0, d0);
        }
        int tail = j;
        double z0 = Vector128.Sum(a0 + a1), z1 = Vector128.Sum(b0 + b1), z2 = Vector128.Sum(c0 + c1), z3 = Vector128.Sum(d0 + d1);
        for (; j < f; j++)
        {
            double wj = Unsafe.Add(ref w, j);
            z0 += Unsafe.Add(ref x0, j) * wj;
            z1 += Unsafe.Add(ref x1, j) * wj;
            z2 += Unsafe.Add(ref x2, j) * wj;
            z3 += Unsafe.Add(ref x3, j) * wj;
        }
        double invN = 1.0 / _n;
        double g0 = Head(i, z0 + B, invN), g1 = Head(i + 1, z1 + B, invN), g2 = Head(i + 2, z2 + B, invN), g3 = Head(i + 3, z3 + B, invN);
        var (v0, v1, v2, v3) = (Vector128.Create(g0), Vector128.Create(g1), Vector128.Create(g2), Vector128.Create(g3));
        for (j = 0; j < tail; j += L)
        {
            var acc = Vector128.LoadUnsafe(ref gw, (nuint)j);
            acc = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x0, (nuint)j), v0, acc);
            acc = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x1, (nuint)j), v1, acc);
            acc = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x2, (nuint)j), v2, acc);
            acc = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref x3, (nuint)j), v3, acc);
            acc.StoreUnsafe(ref gw, (nuint)j);
        }
        RankOneTail(ref gw, ref x0, ref x1, ref x2, ref x3, g0, g1, g2, g3, tail, f);
        return g0 + g1 + g2 + g3;
    }

    private static void RankOneTail(ref double gw, ref double x0, ref double x1, ref double x2, ref double x3,
        double g0, double g1, double g2, double g3, int from, int f)
    {
        for (int j = from; j < f; j++)
            Unsafe.Add(ref gw, j) += g0 * Unsafe.Add(ref x0, j) + g1 * Unsafe.Add(ref x1, j) + g2 * Unsafe.Add(ref x2, j) + g3 * Unsafe.Add(ref x3, j);
    }

    private double Dot(int i)
    {
        var row = _x.AsSpan(_x0 + i * _feats, _feats);
        double z = 0;
        for (int j = 0; j < _feats; j++) z += row[j] * W[j];
        return z;
    }

    /// <summary>
    /// Row <paramref name="i"/>'s head from z = x·w + b with one exp and one log: e = exp(−|z|), softplus(±z) =
    /// max(±z, 0) + log(1 + e), sigmoid(z) = 1/(1 + e) or e/(1 + e); writes xent and the prediction, returns the
    /// gradient of the mean cross-entropy with respect to z, (sigmoid(z) − y)/N.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Head(int i, double z, double invN)
    {
        double y = _y[i];
        double e = Math.Exp(-Math.Abs(z));
        double log = Math.Log(1 + e);
        double p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        Xent[i] = y * (Math.Max(-z, 0) + log) + (1 - y) * (Math.Max(z, 0) + log);
        Prediction[i] = p > 0.5;
        return (p - y) * invN;
    }

    /// <summary>
    /// Runs one step of every supported path from the same start and compares each with <paramref name="generatedStep"/>
    /// (which must run the generated step once from w0, b0 and return its xent, updated w and b): the largest absolute
    /// difference of xent, w and b must be ≤ 1e-12 and the predictions identical, or this throws. Returns a one-line summary.
    /// </summary>
    public static string Check(double[] x, double[] y, int n, int feats, double[] w0, double b0,
        Func<(double[] Xent, bool[] Prediction, double[] W, double B)> generatedStep)
    {
        var (xent, prediction, w, b) = generatedStep();
        var summary = "hand-fused vs generated step, largest |difference| of xent, w, b:";
        foreach (var (bits, aligned) in new[] { (512, false), (512, true), (256, false), (128, false) })
        {
            if (!Supported(bits)) continue;
            var fused = new HandFusedStep(x, y, n, feats, w0, b0, aligned);
            fused.Step(bits);
            double dx = MaxDiff(fused.Xent, xent), dw = MaxDiff(fused.W, w), db = Math.Abs(fused.B - b);
            bool samePredictions = fused.Prediction.AsSpan().SequenceEqual(prediction);
            if (!(dx <= 1e-12 && dw <= 1e-12 && db <= 1e-12) || !samePredictions)
                throw new InvalidOperationException($"hand-fused Vector{bits}{(aligned ? " aligned" : "")} step differs from the generated step: xent {dx:E2}, w {dw:E2}, b {db:E2}, predictions {(samePredictions ? "equal" : "differ")}");
            summary += $" Vector{bits}{(aligned ? " aligned" : "")} {Math.Max(dx, Math.Max(dw, db)):E1};";
        }
        return summary;
    }

    private static double MaxDiff(double[] a, double[] b)
    {
        if (a.Length != b.Length) return double.PositiveInfinity;
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }
}
