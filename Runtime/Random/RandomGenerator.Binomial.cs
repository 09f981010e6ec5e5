using System;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    // NumPy keeps the setup of the last (n, p) in the generator (its binomial_t); so do we. It is a
    // pure function of (n, p), so it changes speed only, never results.
    private BinomialSetup _binomial;

    /// <summary>
    /// <c>binomial(n, p)</c>: inversion when <c>min(p, 1 - p)·n ≤ 30</c>, Kachitvichyanukul and
    /// Schmeiser's BTPE otherwise, drawing for <c>min(p, 1 - p)</c> and reflecting, as NumPy does.
    /// </summary>
    public long Binomial(long n, double p)
    {
        CheckBinomial(n, p);
        return BinomialUnchecked(n, p);
    }

    /// <summary><c>binomial(n, p, size)</c> into <paramref name="destination"/>.</summary>
    public void Binomial(long n, double p, Span<long> destination)
    {
        CheckBinomial(n, p);
        for (int i = 0; i < destination.Length; i++) destination[i] = BinomialUnchecked(n, p);
    }

    private static void CheckBinomial(long n, double p)
    {
        if (!(p >= 0) || !(p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p < 0, p > 1 or p is NaN");
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n < 0");
    }

    private long BinomialUnchecked(long n, double p)
    {
        if (n == 0 || p == 0.0) return 0;
        if (p <= 0.5)
            return p * n <= 30.0 ? BinomialInversion(n, p) : BinomialBtpe(n, p);
        double q = 1.0 - p;
        return q * n <= 30.0 ? n - BinomialInversion(n, q) : n - BinomialBtpe(n, q);
    }

    private long BinomialInversion(long n, double p)
    {
        ref BinomialSetup s = ref _binomial;
        if (!s.Ready || s.N != n || s.P != p)
        {
            s = default;
            s.Ready = true;
            s.N = n;
            s.P = p;
            s.Q = 1.0 - p;
            s.R = Math.Exp(n * Math.Log(s.Q));
            s.C = n * p;
            // C's MIN(n, bound) compares and yields a double.
            double bound = s.C + 10.0 * Math.Sqrt(s.C * s.Q + 1);
            s.M = (long)(n < bound ? n : bound);
        }
        double q = s.Q, qn = s.R;
        long boundX = s.M;

        long x = 0;
        double px = qn;
        double u = _bits.NextDouble();
        while (u > px)
        {
            x++;
            if (x > boundX)
            {
                x = 0;
                px = qn;
                u = _bits.NextDouble();
            }
            else
            {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }
        return x;
    }

    private long BinomialBtpe(long n, double p)
    {
        ref BinomialSetup s = ref _binomial;
        if (!s.Ready || s.N != n || s.P != p)
        {
            s = default;
            s.Ready = true;
            s.N = n;
            s.P = p;
            s.R = Math.Min(p, 1.0 - p);
            s.Q = 1.0 - s.R;
            s.Fm = n * s.R + s.R;
            s.M = (long)Math.Floor(s.Fm);
            s.P1 = Math.Floor(2.195 * Math.Sqrt(n * s.R * s.Q) - 4.6 * s.Q) + 0.5;
            s.Xm = s.M + 0.5;
            s.Xl = s.Xm - s.P1;
            s.Xr = s.Xm + s.P1;
            s.C = 0.134 + 20.5 / (15.3 + s.M);
            double a0 = (s.Fm - s.Xl) / (s.Fm - s.Xl * s.R);
            s.LamL = a0 * (1.0 + a0 / 2.0);
            a0 = (s.Xr - s.Fm) / (s.Xr * s.Q);
            s.LamR = a0 * (1.0 + a0 / 2.0);
            s.P2 = s.P1 * (1.0 + 2.0 * s.C);
            s.P3 = s.P2 + s.C / s.LamL;
            s.P4 = s.P3 + s.C / s.LamR;
        }
        double r = s.R, q = s.Q, p1 = s.P1, xm = s.Xm, xl = s.Xl, xr = s.Xr, c = s.C;
        double laml = s.LamL, lamr = s.LamR, p2 = s.P2, p3 = s.P3, p4 = s.P4;
        long m = s.M;

        // The steps follow the paper's (and NumPy's) labels; each rejection goes back to step 10.
        for (; ; )
        {
            // Step 10: the triangular centre.
            double nrq = n * r * q;
            double u = _bits.NextDouble() * p4;
            double v = _bits.NextDouble();
            long y;
            if (u <= p1)
            {
                y = NumPyMath.TruncateToInt64(Math.Floor(xm - p1 * v + u));
                return Reflect(y);
            }
            if (u <= p2)
            {
                // Step 20: the parallelograms.
                double x = xl + (u - p1) / c;
                v = v * c + 1.0 - Math.Abs(m - x + 0.5) / p1;
                if (v > 1.0) continue;
                y = NumPyMath.TruncateToInt64(Math.Floor(x));
            }
            else if (u <= p3)
            {
                // Step 30: the left exponential tail; v == 0 would make the cast undefined.
                y = NumPyMath.TruncateToInt64(Math.Floor(xl + Math.Log(v) / laml));
                if (y < 0 || v == 0.0) continue;
                v = v * (u - p2) * laml;
            }
            else
            {
                // Step 40: the right exponential tail.
                y = NumPyMath.TruncateToInt64(Math.Floor(xr - Math.Log(v) / lamr));
                if (y > n || v == 0.0) continue;
                v = v * (u - p3) * lamr;
            }

            // Step 50: accept or reject against the density, explicitly when y is near the mode.
            long k = Math.Abs(y - m);
            if (!(k > 20 && k < nrq / 2.0 - 1))
            {
                double sr = r / q;
                double a = sr * (n + 1);
                double f = 1.0;
                if (m < y)
                {
                    for (long i = m + 1; i <= y; i++) f *= a / i - sr;
                }
                else if (m > y)
                {
                    for (long i = y + 1; i <= m; i++) f /= a / i - sr;
                }
                if (v > f) continue;
                return Reflect(y);
            }

            // Step 52: squeeze with bounds on log f(y), then Stirling's approximation.
            double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
            double t = unchecked(-k * k) / (2 * nrq);
            double logV = Math.Log(v);
            if (logV < t - rho) return Reflect(y);
            if (logV > t + rho) continue;

            double x1 = y + 1;
            double f1 = m + 1;
            double z = n + 1 - m;
            double w = n - y + 1;
            double x2 = x1 * x1;
            double f2 = f1 * f1;
            double z2 = z * z;
            double w2 = w * w;
            if (logV > xm * Math.Log(f1 / x1) + (n - m + 0.5) * Math.Log(z / w) + (y - m) * Math.Log(w * r / (x1 * q)) +
                    (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / f2) / f2) / f2) / f2) / f1 / 166320.0 +
                    (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / z2) / z2) / z2) / z2) / z / 166320.0 +
                    (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / x2) / x2) / x2) / x2) / x1 / 166320.0 +
                    (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / w2) / w2) / w2) / w2) / w / 166320.0)
                continue;
            return Reflect(y);
        }

        // Step 60: BTPE draws for min(p, 1 - p).
        long Reflect(long y) => p > 0.5 ? n - y : y;
    }

    /// <summary>NumPy's <c>binomial_t</c>: the setup of the last (n, p), shared by both methods' fields.</summary>
    private struct BinomialSetup
    {
        public bool Ready;
        public long N;
        public double P;
        public double R, Q, Fm, P1, Xm, Xl, Xr, C, LamL, LamR, P2, P3, P4;
        public long M;
    }
}
