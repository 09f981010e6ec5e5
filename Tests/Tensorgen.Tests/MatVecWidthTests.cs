using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The four-rows-at-a-time matrix-vector kernels (A·v and Aᵀ·v) at every vector width this machine accelerates (512, 256, 128 bits
/// and one element at a time), against the definition: row counts around the block of four, inner sizes around
/// each width, float64 and float32, NaN and ∞ as NumPy's dot. Tolerance |Δ| ≤ 1e-13·(k + 1) for float64 and
/// 1e-5·(k + 1) for float32 against a float64 sum (the kernel reorders the k products).
/// </summary>
public sealed class MatVecWidthTests
{
    private static IEnumerable<int> Widths()
    {
        yield return 0;
        if (Vector128.IsHardwareAccelerated) yield return 128;
        if (Vector256.IsHardwareAccelerated) yield return 256;
        if (Vector512.IsHardwareAccelerated) yield return 512;
    }

    [Fact]
    public void Every_width_matches_the_definition()
    {
        Assert.Contains(Linalg.WidestVectorBitsForTests<double>(), Widths());
        var random = new Random(5);
        foreach (int bits in Widths())
            foreach (int m in new[] { 0, 1, 3, 4, 5, 8, 9, 13 })
                foreach (int k in new[] { 0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 784 })
                {
                    var a = Enumerable.Range(0, m * k).Select(_ => 2 * random.NextDouble() - 1).ToArray();
                    var v = Enumerable.Range(0, k).Select(_ => 2 * random.NextDouble() - 1).ToArray();
                    var expected = Enumerable.Range(0, m).Select(i => Enumerable.Range(0, k).Sum(r => a[i * k + r] * v[r])).ToArray();
                    var y = new double[m];
                    Linalg.MatVec<double>(a, m, k, v, y, bits);
                    var yf = new float[m];
                    Linalg.MatVec<float>(a.Select(x => (float)x).ToArray(), m, k, v.Select(x => (float)x).ToArray(), yf, bits);
                    for (int i = 0; i < m; i++)
                    {
                        Assert.True(Math.Abs(y[i] - expected[i]) <= 1e-13 * (k + 1), $"{bits} bits, ({m}, {k}), row {i}: {y[i]:R}, expected {expected[i]:R}");
                        Assert.True(Math.Abs(yf[i] - expected[i]) <= 1e-5 * (k + 1), $"{bits} bits, float32, ({m}, {k}), row {i}: {yf[i]:R}, expected {expected[i]:R}");
                    }
                }
    }

    [Fact]
    public void NaN_and_infinity_propagate_at_every_width()
    {
        const int m = 8, k = 37;
        foreach (int bits in Widths())
            foreach (int column in new[] { 0, 5, 36 })
            {
                var a = Enumerable.Repeat(1.0, m * k).ToArray();
                var v = Enumerable.Repeat(0.5, k).ToArray();
                a[1 * k + column] = double.NaN;                  // row 1: NaN
                a[2 * k + column] = double.PositiveInfinity;     // row 2: +inf
                a[3 * k + column] = double.PositiveInfinity;     // row 3: inf - inf = NaN
                a[3 * k + (column + 1) % k] = double.NegativeInfinity;
                a[6 * k + column] = double.PositiveInfinity;     // row 6: inf · 0 = NaN
                var v6 = v.ToArray();
                var y = new double[m];
                Linalg.MatVec<double>(a, m, k, v, y, bits);
                Assert.Equal(k * 0.5, y[0]);
                Assert.True(double.IsNaN(y[1]), $"{bits} bits: row 1 is {y[1]}");
                Assert.Equal(double.PositiveInfinity, y[2]);
                Assert.True(double.IsNaN(y[3]), $"{bits} bits: row 3 is {y[3]}");
                v6[column] = 0;
                Linalg.MatVec<double>(a, m, k, v6, y, bits);
                Assert.True(double.IsNaN(y[6]), $"{bits} bits: inf · 0 in row 6 is {y[6]}");
            }
    }

    [Fact]
    public void Transposed_product_is_row_by_row_bit_for_bit_at_every_width()
    {
        // Aᵀ·v adds scaled rows in order; four rows at a time must not change one bit of any sum.
        var random = new Random(9);
        foreach (int bits in Widths())
            foreach (int k in new[] { 0, 1, 3, 4, 5, 8, 9, 13, 400 })
                foreach (int m in new[] { 0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 33, 64, 65, 784 })
                {
                    var a = Enumerable.Range(0, m * k).Select(_ => 2 * random.NextDouble() - 1).ToArray();
                    var v = Enumerable.Range(0, k).Select(_ => 2 * random.NextDouble() - 1).ToArray();
                    var expected = new double[m];
                    var expectedF = new float[m];
                    for (int r = 0; r < k; r++)
                        for (int j = 0; j < m; j++)
                        {
                            expected[j] += a[r * m + j] * v[r];
                            expectedF[j] += (float)a[r * m + j] * (float)v[r];
                        }
                    var y = Enumerable.Repeat(double.NaN, m).ToArray();   // y is overwritten, not added to
                    Linalg.MatTVec<double>(a, k, m, v, y, bits);
                    Assert.True(expected.SequenceEqual(y), $"{bits} bits, ({k}, {m}): {string.Join(", ", y.Zip(expected).Where(p => p.First != p.Second).Take(3))}");
                    var yf = new float[m];
                    Linalg.MatTVec<float>(a.Select(x => (float)x).ToArray(), k, m, v.Select(x => (float)x).ToArray(), yf, bits);
                    Assert.True(expectedF.SequenceEqual(yf), $"{bits} bits, float32, ({k}, {m})");
                }
    }

    [Fact]
    public void Transposed_product_keeps_NaN_from_zero_scales()
    {
        foreach (int bits in Widths())
        {
            const int k = 6, m = 19;
            var a = Enumerable.Repeat(1.0, k * m).ToArray();
            a[2 * m + 11] = double.PositiveInfinity;   // scaled by 0 below: NaN, as NumPy
            a[5 * m + 3] = double.NaN;
            var v = new[] { 1.0, 2, 0, 1, 1, 1 };
            var y = new double[m];
            Linalg.MatTVec<double>(a, k, m, v, y, bits);
            Assert.True(double.IsNaN(y[11]) && double.IsNaN(y[3]), $"{bits} bits: {y[11]}, {y[3]}");
            Assert.Equal(6.0, y[0]);
        }
    }

    [Fact]
    public void A_width_the_machine_lacks_is_refused()
    {
        if (!Vector512.IsHardwareAccelerated)
            Assert.Throws<ArgumentOutOfRangeException>(() => Linalg.MatVec<double>(new double[4], 1, 4, new double[4], new double[1], 512));
        Assert.Throws<ArgumentOutOfRangeException>(() => Linalg.MatVec<double>(new double[4], 1, 4, new double[4], new double[1], 96));
    }
}
