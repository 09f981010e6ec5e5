using System;

namespace Tensorgen;

/// <summary>
/// Eigendecomposition of a small symmetric matrix by cyclic Jacobi rotations. A diagonal matrix
/// takes no rotation at all, so its eigenvectors come out as exact unit vectors.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues of the symmetric n×n row-major <paramref name="matrix"/> into
    /// <paramref name="values"/>, and the matching unit eigenvectors as the columns of the n×n
    /// row-major <paramref name="vectors"/>, in no particular order.
    /// </summary>
    public static void Decompose(ReadOnlySpan<double> matrix, int n, Span<double> values, Span<double> vectors)
    {
        var a = matrix[..(n * n)].ToArray();
        vectors[..(n * n)].Clear();
        for (int i = 0; i < n; i++) vectors[i * n + i] = 1.0;

        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double offDiagonal = 0, diagonal = 0;
            for (int i = 0; i < n; i++)
            {
                diagonal += a[i * n + i] * a[i * n + i];
                for (int j = i + 1; j < n; j++) offDiagonal += a[i * n + j] * a[i * n + j];
            }
            // Converged when what is left off the diagonal cannot move an eigenvalue by an ulp.
            if (offDiagonal == 0 || offDiagonal <= 1e-36 * diagonal) break;

            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(a, vectors, n, p, q);
        }
        for (int i = 0; i < n; i++) values[i] = a[i * n + i];
    }

    // One rotation in the (p, q) plane that zeroes a[p, q], applied to a on both sides and to the
    // columns of v (the stable form of the rotation angle from Rutishauser).
    private static void Rotate(double[] a, Span<double> v, int n, int p, int q)
    {
        double apq = a[p * n + q];
        if (apq == 0) return;
        double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.Sqrt(t * t + 1);
        double s = t * c;

        for (int k = 0; k < n; k++)
        {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = 0;
        a[q * n + p] = 0;

        for (int k = 0; k < n; k++)
        {
            double vkp = v[k * n + p], vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }
}
