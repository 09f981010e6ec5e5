using System;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    // NumPy's POISSON_LAM_MAX: beyond it the draws would overflow int64.
    private static readonly double PoissonLamMax = long.MaxValue - Math.Sqrt(long.MaxValue) * 10;

    /// <summary>
    /// <c>poisson(lam)</c>: multiplication of uniforms for lam &lt; 10, Hörmann's transformed
    /// rejection (PTRS) from 10 on.
    /// </summary>
    public long Poisson(double lam)
    {
        CheckPoisson(lam);
        return PoissonUnchecked(lam);
    }

    /// <summary><c>poisson(lam, size)</c> into <paramref name="destination"/>.</summary>
    public void Poisson(double lam, Span<long> destination)
    {
        CheckPoisson(lam);
        for (int i = 0; i < destination.Length; i++) destination[i] = PoissonUnchecked(lam);
    }

    private static void CheckPoisson(double lam)
    {
        if (!(lam >= 0)) throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam < 0 or lam is NaN");
        if (!(lam <= PoissonLamMax)) throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam value too large");
    }

    private long PoissonUnchecked(double lam)
    {
        if (lam >= 10) return PoissonPtrs(lam);
        if (lam == 0) return 0;
        return PoissonMultiplication(lam);
    }

    private long PoissonMultiplication(double lam)
    {
        double enlam = Math.Exp(-lam);
        long x = 0;
        double product = 1.0;
        for (; ; )
        {
            product *= _bits.NextDouble();
            if (product > enlam) x++;
            else return x;
        }
    }

    private long PoissonPtrs(double lam)
    {
        double slam = Math.Sqrt(lam);
        double loglam = Math.Log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);

        for (; ; )
        {
            double u = _bits.NextDouble() - 0.5;
            double v = _bits.NextDouble();
            double us = 0.5 - Math.Abs(u);
            // us == 0 makes this infinite; NumPy's cast then yields INT64_MIN and the draw is rejected.
            long k = NumPyMath.TruncateToInt64(Math.Floor((2 * a / us + b) * u + lam + 0.43));
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            // log(v) = -inf for v == 0 is fine: the draw is accepted.
            if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b) <= -lam + k * loglam - NumPyMath.LogGamma(k + 1))
                return k;
        }
    }
}
