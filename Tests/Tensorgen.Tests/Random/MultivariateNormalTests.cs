using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// multivariate_normal: NumPy's numbers for diagonal covariances (where LAPACK's SVD is exact and
/// its ordering of equal variances is reproduced), and the right distribution for a general one.
/// </summary>
public sealed class MultivariateNormalTests
{
    public static TheoryDataOf Diagonal => NumPyRandomData.Labels("multivariate_normal");

    [Theory]
    [MemberData(nameof(Diagonal))]
    public void Diagonal_covariances_match_numpy(string name, string seed)
    {
        var c = NumPyRandomData.Get(name, seed);
        double[] mean = List(c.Parts[1]);
        double[] variances = List(c.Parts[2]);
        int k = mean.Length;
        var cov = new double[k * k];
        for (int i = 0; i < k; i++) cov[i * k + i] = variances[i];
        var rng = RandomGenerator.DefaultRng(c.SeedValue);
        var actual = c.Sizes.SelectMany(s => rng.MultivariateNormal(mean, cov, int.Parse(s, CultureInfo.InvariantCulture))).ToArray();
        // Exact in fact (one non-zero term per sum); 1e-12 is the contract.
        double[] expected = c.Doubles;
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"{c}: value {i} is {actual[i]:R}, NumPy has {expected[i]:R}");
        Bits.ExactDoubles(expected, actual, c.ToString());
        Assert.Equal(c.ExpectedState, rng.BitGenerator.State);
    }

    [Fact]
    public void General_covariance_has_the_requested_mean_and_covariance()
    {
        double[] mean = [1.0, -2.0, 0.5];
        double[] cov =
        [
            4.0, 1.2, -0.8,
            1.2, 2.0, 0.3,
            -0.8, 0.3, 1.0,
        ];
        const int N = 200_000;
        var rng = RandomGenerator.DefaultRng(2024);
        double[] x = rng.MultivariateNormal(mean, cov, N);

        var sampleMean = new double[3];
        for (int r = 0; r < N; r++)
            for (int i = 0; i < 3; i++) sampleMean[i] += x[r * 3 + i] / N;
        var sampleCov = new double[9];
        for (int r = 0; r < N; r++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    sampleCov[i * 3 + j] += (x[r * 3 + i] - sampleMean[i]) * (x[r * 3 + j] - sampleMean[j]) / (N - 1);

        // The sample mean's standard error is sqrt(Σii / N) ≤ sqrt(4 / 2e5) ≈ 0.0045; a covariance
        // entry's is sqrt((Σii·Σjj + Σij²) / N) ≤ sqrt(32 / 2e5) = 0.0126. Five standard errors keep
        // a correct sampler from failing (p < 1e-6 per entry) while a wrong factor (a transposed or
        // unsorted one, a missing square root) misses by far more.
        for (int i = 0; i < 3; i++)
            Assert.InRange(sampleMean[i], mean[i] - 5 * Math.Sqrt(cov[i * 3 + i] / N), mean[i] + 5 * Math.Sqrt(cov[i * 3 + i] / N));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double se = Math.Sqrt((cov[i * 3 + i] * cov[j * 3 + j] + cov[i * 3 + j] * cov[i * 3 + j]) / N);
                Assert.InRange(sampleCov[i * 3 + j], cov[i * 3 + j] - 5 * se, cov[i * 3 + j] + 5 * se);
            }
    }

    [Fact]
    public void General_covariance_consumes_size_times_k_normals()
    {
        var a = RandomGenerator.DefaultRng(8);
        a.MultivariateNormal([0.0, 0.0], [2.0, 0.5, 0.5, 1.0], 13);
        var b = RandomGenerator.DefaultRng(8);
        b.StandardNormal(26);
        Assert.Equal(a.BitGenerator.State, b.BitGenerator.State);
    }

    [Fact]
    public void Mismatched_shapes_throw() =>
        Assert.Throws<ArgumentException>(() => RandomGenerator.DefaultRng(0).MultivariateNormal([0.0, 0.0], [1.0, 0.0, 0.0], 3));

    private static double[] List(string text) => text.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
