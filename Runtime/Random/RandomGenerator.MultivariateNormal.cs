using System;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    // LAPACK's dbdsdc solves bidiagonal problems up to this size with dlasdq, whose sorting differs.
    private const int LapackSmallSize = 25;

    /// <summary>
    /// <c>multivariate_normal(mean, cov, size)</c> (method 'svd'): <c>size·k</c> standard normals, each
    /// row of k mapped to <c>mean + x·(u·√s)ᵀ</c> where <c>cov = u·diag(s)·uᵀ</c>.
    /// </summary>
    /// <remarks>
    /// NumPy takes u and s from LAPACK's SVD; here they come from a Jacobi eigendecomposition (cov
    /// is symmetric positive semi-definite, so the two agree up to the signs and order of the
    /// vectors). For a diagonal cov, where LAPACK's vectors are exact unit vectors with plus signs,
    /// the columns are put in the order LAPACK's sorts leave them, equal variances included, so the
    /// draws equal NumPy's. For other covariances the draws have the requested distribution but
    /// are not NumPy's numbers. cov is assumed symmetric, as NumPy does.
    /// </remarks>
    /// <param name="mean">The mean, of length k.</param>
    /// <param name="cov">The k×k covariance, row-major.</param>
    /// <param name="size">How many vectors to draw.</param>
    /// <returns>The draws as a size×k row-major array.</returns>
    public double[] MultivariateNormal(ReadOnlySpan<double> mean, ReadOnlySpan<double> cov, int size)
    {
        int k = mean.Length;
        if (cov.Length != k * k) throw new ArgumentException("mean and cov must have same length", nameof(cov));
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        var values = new double[k];
        var vectors = new double[k * k];
        SymmetricEigen.Decompose(cov, k, values, vectors);
        // Singular values of a symmetric matrix are the eigenvalues' magnitudes, with the same left vectors.
        for (int i = 0; i < k; i++) values[i] = Math.Abs(values[i]);
        int[] order = LapackSingularValueOrder(values);

        // factor = u·√s, in LAPACK's column order.
        var factor = new double[k * k];
        for (int j = 0; j < k; j++)
        {
            double root = Math.Sqrt(values[order[j]]);
            for (int i = 0; i < k; i++) factor[i * k + j] = vectors[i * k + order[j]] * root;
        }

        var result = new double[checked(size * k)];
        StandardNormal(result);
        Span<double> row = k <= 64 ? stackalloc double[k] : new double[k];
        for (int r = 0; r < size; r++)
        {
            Span<double> x = result.AsSpan(r * k, k);
            x.CopyTo(row);
            for (int i = 0; i < k; i++)
            {
                // The matrix product's sum in order, as reference BLAS's dgemm adds it.
                double sum = 0;
                for (int j = 0; j < k; j++) sum += row[j] * factor[i * k + j];
                x[i] = mean[i] + sum;
            }
        }
        return result;
    }

    /// <summary>
    /// The order in which LAPACK's <c>dgesdd</c> returns the singular values of a diagonal matrix
    /// (descending, with its own placing of ties): <c>order[j]</c> is the input index of column j.
    /// </summary>
    private static int[] LapackSingularValueOrder(ReadOnlySpan<double> singularValues)
    {
        int n = singularValues.Length;
        var d = singularValues.ToArray();
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;

        if (n <= LapackSmallSize)
        {
            // dbdsqr: the smallest (last of equals) moves to the end of the unsorted part.
            for (int i = 1; i < n; i++)
            {
                int smallest = 0;
                for (int j = 1; j <= n - i; j++)
                    if (d[j] <= d[smallest]) smallest = j;
                if (smallest != n - i) Swap(d, order, smallest, n - i);
            }
            // dlasdq: an ascending selection sort (first of equals).
            for (int i = 0; i < n; i++)
            {
                int smallest = i;
                for (int j = i + 1; j < n; j++)
                    if (d[j] < d[smallest]) smallest = j;
                if (smallest != i) Swap(d, order, smallest, i);
            }
        }
        // dbdsdc: a descending selection sort (first of equals).
        for (int i = 0; i < n - 1; i++)
        {
            int largest = i;
            for (int j = i + 1; j < n; j++)
                if (d[j] > d[largest]) largest = j;
            if (largest != i) Swap(d, order, largest, i);
        }
        return order;

        static void Swap(double[] d, int[] order, int a, int b)
        {
            (d[a], d[b]) = (d[b], d[a]);
            (order[a], order[b]) = (order[b], order[a]);
        }
    }
}
