using System;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    /// <summary>
    /// <c>standard_gamma(shape)</c>: an exponential for shape 1, Johnk-style rejection from a uniform
    /// and an exponential for shape &lt; 1, and Marsaglia and Tsang's method otherwise.
    /// </summary>
    public double StandardGamma(double shape)
    {
        CheckNonNegative(shape, nameof(shape));
        return StandardGammaUnchecked(shape);
    }

    /// <summary><c>standard_gamma(shape, n)</c> into <paramref name="destination"/>.</summary>
    public void StandardGamma(double shape, Span<double> destination)
    {
        CheckNonNegative(shape, nameof(shape));
        for (int i = 0; i < destination.Length; i++) destination[i] = StandardGammaUnchecked(shape);
    }

    /// <summary><c>gamma(shape, scale)</c>: <c>scale·standard_gamma(shape)</c>.</summary>
    public double Gamma(double shape, double scale)
    {
        CheckNonNegative(shape, nameof(shape));
        CheckNonNegative(scale, nameof(scale));
        return scale * StandardGammaUnchecked(shape);
    }

    /// <summary><c>gamma(shape, scale, n)</c> into <paramref name="destination"/>.</summary>
    public void Gamma(double shape, double scale, Span<double> destination)
    {
        CheckNonNegative(shape, nameof(shape));
        CheckNonNegative(scale, nameof(scale));
        for (int i = 0; i < destination.Length; i++) destination[i] = scale * StandardGammaUnchecked(shape);
    }

    /// <summary>
    /// <c>beta(a, b)</c>: Johnk's algorithm when both parameters are at most 1, otherwise
    /// <c>Ga / (Ga + Gb)</c> from two gamma draws.
    /// </summary>
    public double Beta(double a, double b)
    {
        CheckPositive(a, nameof(a));
        CheckPositive(b, nameof(b));
        return BetaUnchecked(a, b);
    }

    /// <summary><c>beta(a, b, n)</c> into <paramref name="destination"/>.</summary>
    public void Beta(double a, double b, Span<double> destination)
    {
        CheckPositive(a, nameof(a));
        CheckPositive(b, nameof(b));
        for (int i = 0; i < destination.Length; i++) destination[i] = BetaUnchecked(a, b);
    }

    private double StandardGammaUnchecked(double shape)
    {
        if (shape == 1.0) return StandardExponential();
        if (shape == 0.0) return 0.0;
        if (shape < 1.0)
        {
            for (; ; )
            {
                double u = _bits.NextDouble();
                double v = StandardExponential();
                if (u <= 1.0 - shape)
                {
                    double x = Math.Pow(u, 1.0 / shape);
                    if (x <= v) return x;
                }
                else
                {
                    double y = -Math.Log((1 - u) / shape);
                    double x = Math.Pow(1.0 - shape + shape * y, 1.0 / shape);
                    if (x <= v + y) return x;
                }
            }
        }

        double b = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9 * b);
        for (; ; )
        {
            double x, v;
            do
            {
                x = StandardNormal();
                v = 1.0 + c * x;
            }
            while (v <= 0.0);

            v = v * v * v;
            double u = _bits.NextDouble();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
            // log(0) = -inf is fine here: the draw is accepted.
            if (Math.Log(u) < 0.5 * x * x + b * (1.0 - v + Math.Log(v))) return b * v;
        }
    }

    private double BetaUnchecked(double a, double b)
    {
        if (a <= 1.0 && b <= 1.0)
        {
            for (; ; )
            {
                double u = _bits.NextDouble();
                double v = _bits.NextDouble();
                double x = Math.Pow(u, 1.0 / a);
                double y = Math.Pow(v, 1.0 / b);
                double xpy = x + y;
                // Both powers underflowing to 0 (about 1 in 10¹⁰⁶) is rejected.
                if (xpy <= 1.0 && xpy > 0.0)
                {
                    if (x + y > 0) return x / xpy;
                    double logX = Math.Log(u) / a;
                    double logY = Math.Log(v) / b;
                    double logM = logX > logY ? logX : logY;
                    logX -= logM;
                    logY -= logM;
                    return Math.Exp(logX - Math.Log(Math.Exp(logX) + Math.Exp(logY)));
                }
            }
        }
        double ga = StandardGammaUnchecked(a);
        double gb = StandardGammaUnchecked(b);
        return ga / (ga + gb);
    }

    private static void CheckPositive(double value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} <= 0");
    }
}
