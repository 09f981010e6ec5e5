using System;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The product kernels against their definitions, on sizes that cross the cache blocks (128 rows,
/// 512 columns) and are not multiples of the vector width; every transpose combination. Tolerance:
/// |Δ| ≤ 1e-12·k for float64 and 1e-4·k for float32, k the inner size (sums of k products reordered).
/// </summary>
public sealed class LinalgTests
{
    private static double[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1).ToArray();
    }

    private static double Naive(double[] a, bool transA, double[] b, bool transB, int m, int n, int k, int i, int j)
    {
        double sum = 0;
        for (int r = 0; r < k; r++) sum += (transA ? a[r * m + i] : a[i * k + r]) * (transB ? b[j * k + r] : b[r * n + j]);
        return sum;
    }

    [Theory]
    [InlineData(3, 600, 300, false, false)]
    [InlineData(3, 600, 300, true, false)]
    [InlineData(3, 600, 300, false, true)]
    [InlineData(3, 600, 300, true, true)]
    [InlineData(130, 7, 129, false, false)]
    [InlineData(130, 7, 129, true, true)]
    [InlineData(1, 1, 1, false, false)]
    [InlineData(0, 5, 3, false, false)]
    [InlineData(4, 5, 0, true, false)]
    public void Gemm_matches_the_definition(int m, int n, int k, bool transA, bool transB)
    {
        var a = Random(m * k, 1);
        var b = Random(k * n, 2);
        var c = new double[m * n];
        Linalg.Gemm<double>(a, transA, b, transB, c, m, n, k);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                Assert.True(Math.Abs(c[i * n + j] - Naive(a, transA, b, transB, m, n, k, i, j)) <= 1e-12 * (k + 1), $"C[{i}, {j}]");

        var af = a.Select(x => (float)x).ToArray();
        var bf = b.Select(x => (float)x).ToArray();
        var cf = new float[m * n];
        Linalg.Gemm<float>(af, transA, bf, transB, cf, m, n, k);
        for (int i = 0; i < m * n; i++) Assert.True(Math.Abs(cf[i] - c[i]) <= 1e-4 * (k + 1));
    }

    [Theory]
    [InlineData(5, 1000)]
    [InlineData(400, 784)]
    [InlineData(3, 3)]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    public void Matrix_vector_products_match_the_definition(int m, int k)
    {
        var a = Random(m * k, 3);
        var v = Random(k, 4);
        var u = Random(m, 5);
        var y = new double[m];
        Linalg.MatVec<double>(a, m, k, v, y);
        for (int i = 0; i < m; i++) Assert.True(Math.Abs(y[i] - Enumerable.Range(0, k).Sum(r => a[i * k + r] * v[r])) <= 1e-12 * (k + 1));
        var z = new double[k];
        Linalg.MatTVec<double>(a, m, k, u, z);
        for (int r = 0; r < k; r++) Assert.True(Math.Abs(z[r] - Enumerable.Range(0, m).Sum(i => a[i * k + r] * u[i])) <= 1e-12 * (m + 1));
    }

    [Fact]
    public void Transposes_and_permutations_move_every_element()
    {
        var a = Enumerable.Range(0, 5 * 70).Select(i => (double)i).ToArray();
        var t = new double[a.Length];
        Linalg.Transpose<double>(a, 5, 70, t);
        for (int r = 0; r < 5; r++)
            for (int c = 0; c < 70; c++) Assert.Equal(a[r * 70 + c], t[c * 5 + r]);

        var x = Enumerable.Range(0, 2 * 3 * 4).Select(i => (double)i).ToArray();
        var p = new double[x.Length];
        Linalg.Permute<double>(x, [2, 3, 4], [2, 0, 1], p);
        // p[k, i, j] = x[i, j, k]
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 4; k++) Assert.Equal(x[(i * 3 + j) * 4 + k], p[(k * 2 + i) * 3 + j]);
    }

    /// <summary>Found by the graph fuzz: rows scaled by an exact 0 were skipped, so 0·NaN and 0·∞ gave 0.</summary>
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_zero_times_NaN_or_infinity_is_NaN_in_every_product(double special)
    {
        // A = [[0, 1]], B = [[special, 2], [3, 4]]: C[0, 0] = 0·special + 1·3 is NaN.
        double[] a = [0, 1], b = [special, 2, 3, 4], c = new double[2];
        Linalg.Gemm<double>(a, false, b, false, c, 1, 2, 2);
        Assert.True(double.IsNaN(c[0]), $"Gemm: {c[0]}");
        Assert.Equal(4 + 0 * 2, c[1]);
        // Aᵀ stored (2, 1): the same product through the transposed path.
        Linalg.Gemm<double>(a, true, b, false, c, 1, 2, 2);
        Assert.True(double.IsNaN(c[0]), $"Gemm, transposed A: {c[0]}");
        // y = Bᵀ·v with v = [0, 1]: y[0] = 0·special + 1·3.
        var y = new double[2];
        Linalg.MatTVec<double>(b, 2, 2, a, y);
        Assert.True(double.IsNaN(y[0]), $"MatTVec: {y[0]}");
        Assert.Equal(4, y[1]);
    }

    [Fact]
    public void Wrong_sizes_are_refused_before_any_write()
    {
        Assert.Throws<InvalidOperationException>(() => Linalg.MatVec<double>(new double[6], 2, 3, new double[2], new double[2]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Packed_products_keep_NaN_and_infinity(bool transA)
    {
        // 37×41×300: past the packing threshold, with edge panels in every direction.
        const int m = 37, n = 41, k = 300;
        var a = Random(m * k, 3);
        var b = Random(k * n, 4);
        double At(int i, int r) => transA ? a[r * m + i] : a[i * k + r];
        void SetA(int i, int r, double x) { if (transA) a[r * m + i] = x; else a[i * k + r] = x; }
        SetA(5, 7, double.NaN);                                       // row 5 of C: NaN
        for (int r = 0; r < k; r++) SetA(36, r, 0);                   // row 36 is zeros ...
        b[299 * n + 40] = double.PositiveInfinity;                     // ... times ∞ in column 40: 0·∞ = NaN
        var c = new double[m * n];
        Linalg.Gemm<double>(a, transA, b, false, c, m, n, k);
        for (int j = 0; j < n; j++) Assert.True(double.IsNaN(c[5 * n + j]), $"C[5, {j}] = {c[5 * n + j]}");
        Assert.True(double.IsNaN(c[36 * n + 40]), $"C[36, 40] = {c[36 * n + 40]}");
        Assert.Equal(0.0, c[36 * n + 39]);
        Assert.Equal(double.PositiveInfinity, Math.Abs(c[0 * n + 40]));
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n - 1; j++)
            {
                if (i == 5) continue;
                double expected = 0;
                for (int r = 0; r < k; r++) expected += At(i, r) * b[r * n + j];
                Assert.True(Math.Abs(c[i * n + j] - expected) <= 1e-12 * (k + 1), $"C[{i}, {j}]");
            }
    }
}
