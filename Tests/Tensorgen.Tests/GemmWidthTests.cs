using System;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The packed matrix product's two register blocks, 8×(2 512-bit vectors) where Vector512 is accelerated and 4×(2
/// Vector&lt;T&gt;) otherwise (<see cref="VectorMath.NarrowForTests"/> forces the second on an AVX-512 machine): each
/// element of C is the same chain of multiply-adds in the order of k, so the two give the same bits, on every shape
/// (edge panels of both blocks, more than one depth block, A transposed), with NaN and infinity carried through; and
/// both equal a plain triple loop to 1e-12 relative (float64) or 1e-5 (float32).
/// </summary>
public sealed class GemmWidthTests
{
    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 33, 35, 37, false }, { 64, 64, 64, false }, { 70, 33, 300, false }, { 9, 130, 260, true }, { 129, 17, 40, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float64_blocks_give_the_same_bits(int m, int n, int k, bool transA) => Same<double>(m, n, k, transA, 1e-12);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float32_blocks_give_the_same_bits(int m, int n, int k, bool transA) => Same<float>(m, n, k, transA, 1e-5);

    private static void Same<T>(int m, int n, int k, bool transA, double tolerance)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var rng = new Random(m * 1000 + n * 10 + k);
        var a = Enumerable.Range(0, m * k).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => T.CreateChecked(rng.NextDouble() * 2 - 1)).ToArray();
        a[5] = T.NaN;
        b[^3] = T.PositiveInfinity;
        var wide = new T[m * n];
        var narrow = new T[m * n];
        Linalg.Gemm<T>(a, transA, b, false, wide, m, n, k, Cores.One);
        using (VectorMath.NarrowForTests()) Linalg.Gemm<T>(a, transA, b, false, narrow, m, n, k, Cores.One);
        for (int i = 0; i < m * n; i++)
            Assert.True(wide[i].Equals(narrow[i]) || (T.IsNaN(wide[i]) && T.IsNaN(narrow[i])), $"C[{i}]: {wide[i]} with the wide block, {narrow[i]} with the narrow one");
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, scale = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = double.CreateChecked(transA ? a[p * m + i] : a[i * k + p]), y = double.CreateChecked(b[p * n + j]);
                    sum += x * y;
                    scale += Math.Abs(x * y);
                }
                double got = double.CreateChecked(wide[i * n + j]);
                if (double.IsNaN(sum) || double.IsInfinity(sum)) Assert.True(got.Equals(sum), $"C[{i},{j}] = {got}, expected {sum}");
                else Assert.True(Math.Abs(got - sum) <= tolerance * Math.Max(1, scale), $"C[{i},{j}] = {got}, expected {sum}");
            }
    }
}
