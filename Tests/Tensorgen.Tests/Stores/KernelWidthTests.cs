using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Tensorgen.Tests.Graphs;
using Xunit;

namespace Tensorgen.Tests.Stores;

/// <summary>
/// Generated element-wise kernels at every vector width this machine runs: the Vector512 loop (where accelerated)
/// and the Vector&lt;T&gt; loop (forced with <see cref="VectorMath.NarrowForTests"/>), against the scalar loop (each
/// element computed alone, n = 1). Correctly rounded ops match it bit for bit at every width; exp, log, sigmoid, sqrt,
/// sin and cos within 4 ulp-sized steps (|Δ| ≤ 1e-15·max(1, |r|) in float64, 1e-6·max(1, |r|) in float32), NaN where
/// NaN and infinities exactly. Sizes around each width's lane count and starts off every alignment.
/// </summary>
public sealed class KernelWidthTests
{
    private static readonly int[] Sizes = [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1001];

    /// <summary>Whether the Vector512 loop is allowed: true runs it where the machine has it, false the Vector&lt;T&gt; loop.</summary>
    private static IEnumerable<bool> Widths() => Vector512.IsHardwareAccelerated ? [true, false] : [false];

    private static T Run<T>(bool wide, Func<T> call)
    {
        if (wide) return call();
        using (VectorMath.NarrowForTests()) return call();
    }

    /// <summary>Values over the ops' domains, with NaN, ±∞, ±0, halves and values past every rounding case.</summary>
    private static double[] Values(Random random, int n)
    {
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 0.5, -0.5, 1.5, -2.5, 710, -745, 1e-310, 3e38];
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.Next(5) == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() - 0.5) * 40;
        return v;
    }

    [Fact]
    public void The_hook_narrows_only_the_calling_thread()
    {
        Assert.True(VectorMath.Allows512);
        using (VectorMath.NarrowForTests())
        {
            Assert.False(VectorMath.Allows512);
            bool elsewhere = false;
            var thread = new System.Threading.Thread(() => elsewhere = VectorMath.Allows512);
            thread.Start();
            thread.Join();
            Assert.True(elsewhere);
        }
        Assert.True(VectorMath.Allows512);
    }

    [Fact]
    public void Correctly_rounded_ops_give_the_scalar_bits_at_every_width_float64()
    {
        var f = new WidthGraphs.Exact64Function();
        var random = new Random(14);
        foreach (bool wide in Widths())
            foreach (int n in Sizes)
                foreach (int start in new[] { 0, 1, 3 })
                {
                    var a = Values(random, n + start);
                    var b = Values(random, n + start);
                    var outputs = Run(wide, () => Outputs64(f, a.AsSpan(start), b.AsSpan(start)));
                    for (int i = 0; i < n; i++)
                    {
                        var scalar = Outputs64(f, a.AsSpan(start + i, 1), b.AsSpan(start + i, 1));
                        for (int k = 0; k < outputs.Length; k++)
                            Assert.True(BitConverter.DoubleToInt64Bits(outputs[k][i]) == BitConverter.DoubleToInt64Bits(scalar[k][0]),
                                $"wide={wide} n={n} start={start} output {k} [{i}]: a={a[start + i]:R} b={b[start + i]:R}: {outputs[k][i]:R}, scalar {scalar[k][0]:R}");
                    }
                }

        static double[][] Outputs64(WidthGraphs.Exact64Function f, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            var r = f.Invoke(a, b);
            return [r.Item1.ToArray(), r.Item2.ToArray(), r.Item3.ToArray(), r.Item4.ToArray(), r.Item5.ToArray(), r.Item6.ToArray(), r.Item7.ToArray(),
                r.Rest.Item1.ToArray(), r.Rest.Item2.ToArray(), r.Rest.Item3.ToArray(), r.Rest.Item4.ToArray(), r.Rest.Item5.ToArray(), r.Rest.Item6.ToArray(),
                r.Rest.Item7.ToArray(), r.Rest.Rest.Item1.ToArray()];
        }
    }

    [Fact]
    public void Correctly_rounded_ops_give_the_scalar_bits_at_every_width_float32()
    {
        var f = new WidthGraphs.Exact32Function();
        var random = new Random(15);
        foreach (bool wide in Widths())
            foreach (int n in Sizes.Append(2049))
                foreach (int start in new[] { 0, 5 })
                {
                    var a = Values(random, n + start).Select(x => (float)x).ToArray();
                    var b = Values(random, n + start).Select(x => (float)x).ToArray();
                    var outputs = Run(wide, () => Outputs32(f, a.AsSpan(start), b.AsSpan(start)));
                    for (int i = 0; i < n; i++)
                    {
                        var scalar = Outputs32(f, a.AsSpan(start + i, 1), b.AsSpan(start + i, 1));
                        for (int k = 0; k < outputs.Length; k++)
                            Assert.True(BitConverter.SingleToInt32Bits(outputs[k][i]) == BitConverter.SingleToInt32Bits(scalar[k][0]),
                                $"wide={wide} n={n} start={start} output {k} [{i}]: a={a[start + i]:R} b={b[start + i]:R}: {outputs[k][i]:R}, scalar {scalar[k][0]:R}");
                    }
                }

        static float[][] Outputs32(WidthGraphs.Exact32Function f, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
        {
            var r = f.Invoke(a, b);
            return [r.Item1.ToArray(), r.Item2.ToArray(), r.Item3.ToArray(), r.Item4.ToArray(), r.Item5.ToArray(), r.Item6.ToArray(), r.Item7.ToArray(),
                r.Rest.Item1.ToArray(), r.Rest.Item2.ToArray(), r.Rest.Item3.ToArray(), r.Rest.Item4.ToArray(), r.Rest.Item5.ToArray(), r.Rest.Item6.ToArray(),
                r.Rest.Item7.ToArray(), r.Rest.Rest.Item1.ToArray()];
        }
    }

    [Fact]
    public void Transcendental_ops_match_the_scalar_loop_at_every_width()
    {
        var f64 = new WidthGraphs.Transcendental64Function();
        var f32 = new WidthGraphs.Transcendental32Function();
        var random = new Random(16);
        foreach (bool wide in Widths())
            foreach (int n in Sizes)
                foreach (int start in new[] { 0, 7 })
                {
                    var x = Values(random, n + start);
                    var xf = x.Select(v => (float)v).ToArray();
                    var outputs = Run(wide, () => Outputs(f64.Invoke(x.AsSpan(start))));
                    var outputs32 = Run(wide, () => Outputs(f32.Invoke(xf.AsSpan(start))));
                    for (int i = 0; i < n; i++)
                    {
                        var scalar = Outputs(f64.Invoke(x.AsSpan(start + i, 1)));
                        var scalar32 = Outputs(f32.Invoke(xf.AsSpan(start + i, 1)));
                        for (int k = 0; k < outputs.Length; k++)
                        {
                            Close(outputs[k][i], scalar[k][0], 1e-15, $"wide={wide} n={n} start={start} float64 output {k} [{i}] of {x[start + i]:R}");
                            Close(outputs32[k][i], scalar32[k][0], 1e-6, $"wide={wide} n={n} start={start} float32 output {k} [{i}] of {xf[start + i]:R}");
                        }
                    }
                }

        static double[][] Outputs<T>((Tensor<T>, Tensor<T>, Tensor<T>, Tensor<T>, Tensor<T>, Tensor<T>) r) where T : IConvertible =>
            [.. new[] { r.Item1, r.Item2, r.Item3, r.Item4, r.Item5, r.Item6 }.Select(t => t.Select(v => v.ToDouble(null)).ToArray())];
    }

    private static void Close(double actual, double expected, double tolerance, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected)) Assert.True(actual.Equals(expected), $"{what}: {actual:R}, scalar {expected:R}");
        else Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: {actual:R}, scalar {expected:R}");
    }
}
