using System;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>
/// erf and erfc for the reference evaluator, from their textbook expansions rather than the runtime's
/// piecewise fit (<c>ScalarOps.Erf</c>): a series of positive terms near 0 and the Laplace continued fraction
/// for erfc from 1/2 on (and erf from 2.5). About 1e-14 relative, which is what the differential tests need.
/// </summary>
internal static class ReferenceErf
{
    private static readonly double InvSqrtPi = 1 / Math.Sqrt(Math.PI);

    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0) return -Erf(-x);
        return x < 2.5 ? Series(x) : 1 - ContinuedFraction(x);
    }

    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 0) return 2 - Erfc(-x);
        return x < 0.5 ? 1 - Series(x) : ContinuedFraction(x);
    }

    /// <summary>erf(x) = 2/√π e^(-x²) Σ 2ⁿ x^(2n+1) / (1·3···(2n+1)): every term positive, so nothing cancels.</summary>
    private static double Series(double x)
    {
        double term = x, sum = x;
        for (int n = 1; term > sum * 1e-18; n++)
        {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 * InvSqrtPi * Math.Exp(-x * x) * sum;
    }

    /// <summary>erfc(x) = e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), by Lentz's method.</summary>
    private static double ContinuedFraction(double x)
    {
        if (double.IsPositiveInfinity(x)) return 0;
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 10_000; n++)
        {
            double a = n / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + a / c;
            if (Math.Abs(c) < tiny) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-17) break;
        }
        return InvSqrtPi * Math.Exp(-x * x) / f;
    }
}
