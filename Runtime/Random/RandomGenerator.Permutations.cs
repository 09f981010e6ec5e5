using System;
using System.Collections.Generic;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    /// <summary>
    /// <c>shuffle(values)</c> for a 1-d array: Fisher-Yates from the end, each swap partner drawn by
    /// masked rejection (NumPy's <c>random_interval</c>).
    /// </summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = (int)RandomInterval((ulong)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary><c>permutation(n)</c>: 0 … n-1 shuffled as <see cref="Shuffle{T}"/> does.</summary>
    public long[] Permutation(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new long[n];
        for (long i = 0; i < n; i++) result[i] = i;
        Shuffle<long>(result);
        return result;
    }

    /// <summary>
    /// <c>choice(a, size, replace, p)</c> for an integer population 0 … a-1: with replacement,
    /// <c>integers(0, a)</c> or, with weights, the cumulative weights searched with <c>random()</c>;
    /// without replacement, Floyd's algorithm or a partial shuffle (or, with weights, repeated draws
    /// with the chosen weights zeroed), exactly as NumPy 1.24 does.
    /// </summary>
    /// <param name="a">The population size.</param>
    /// <param name="size">How many to choose.</param>
    /// <param name="replace">Whether a value may be chosen more than once.</param>
    /// <param name="p">The probability of each value, summing to 1; empty for uniform.</param>
    public long[] Choice(long a, int size, bool replace = true, ReadOnlySpan<double> p = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (a <= 0 && size != 0) throw new ArgumentOutOfRangeException(nameof(a), a, "a must be a positive integer unless no samples are taken");
        bool weighted = !p.IsEmpty;
        if (weighted) CheckProbabilities(a, p);
        if (size == 0) return [];

        if (replace)
        {
            if (!weighted) return Integers(0, a, size);
            double[] cdf = NormalizedCdf(p);
            var result = new long[size];
            var uniforms = new double[size];
            Random(uniforms);
            for (int i = 0; i < size; i++) result[i] = SearchRight(cdf, uniforms[i]);
            return result;
        }

        if (size > a) throw new ArgumentException("Cannot take a larger sample than population when replace is False", nameof(size));
        if (weighted) return ChoiceWeightedWithoutReplacement(p, size);
        return ChoiceWithoutReplacement(a, size);
    }

    private static void CheckProbabilities(long a, ReadOnlySpan<double> p)
    {
        if (p.Length != a) throw new ArgumentException("a and p must have same size", nameof(p));
        double sum = p[0], compensation = 0.0;
        for (int i = 1; i < p.Length; i++)
        {
            // Kahan summation, as NumPy's check; NaN propagates to the sum.
            double y = p[i] - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        if (double.IsNaN(sum)) throw new ArgumentException("probabilities contain NaN", nameof(p));
        foreach (double value in p)
            if (value < 0) throw new ArgumentException("probabilities are not non-negative", nameof(p));
        // NumPy's tolerance: the square root of float64's machine epsilon.
        if (Math.Abs(sum - 1.0) > 1.4901161193847656e-08)
            throw new ArgumentException("probabilities do not sum to 1", nameof(p));
    }

    // np.cumsum (sequential), then divided by its last element.
    private static double[] NormalizedCdf(ReadOnlySpan<double> p)
    {
        var cdf = new double[p.Length];
        double running = 0;
        for (int i = 0; i < p.Length; i++) cdf[i] = running += p[i];
        double last = cdf[^1];
        for (int i = 0; i < cdf.Length; i++) cdf[i] /= last;
        return cdf;
    }

    // searchsorted(side='right'): how many elements of the sorted cdf are <= x.
    private static long SearchRight(double[] cdf, double x)
    {
        int lo = 0, hi = cdf.Length;
        while (lo < hi)
        {
            int mid = (int)(((uint)lo + (uint)hi) >> 1);
            if (cdf[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private long[] ChoiceWeightedWithoutReplacement(ReadOnlySpan<double> p, int size)
    {
        int nonZero = 0;
        foreach (double value in p)
            if (value > 0) nonZero++;
        if (nonZero < size) throw new ArgumentException("Fewer non-zero entries in p than size", nameof(p));

        double[] weights = p.ToArray();
        var found = new long[size];
        var seen = new HashSet<long>();
        int unique = 0;
        while (unique < size)
        {
            var uniforms = new double[size - unique];
            Random(uniforms);
            for (int i = 0; i < unique; i++) weights[found[i]] = 0;
            double[] cdf = NormalizedCdf(weights);
            // Keep each new index once, in order of first appearance (np.unique with return_index).
            seen.Clear();
            foreach (double u in uniforms)
            {
                long index = SearchRight(cdf, u);
                if (seen.Add(index)) found[unique++] = index;
            }
        }
        return found;
    }

    private long[] ChoiceWithoutReplacement(long a, int size)
    {
        var result = new long[size];
        // NumPy's tuning: a partial shuffle when a large share of a big population is taken.
        if (a > 10000 && size > a / 50)
        {
            var pool = new long[a];
            for (long i = 0; i < a; i++) pool[i] = i;
            ShuffleTail(pool, Math.Max(a - size, 1));
            Array.Copy(pool, a - size, result, 0, size);
            return result;
        }

        // Floyd's algorithm with an open-addressing set of about 1.2·size slots.
        ulong mask = SmallestMask((ulong)(1.2 * size));
        var set = new ulong[mask + 1];
        Array.Fill(set, ulong.MaxValue);
        for (long j = a - size; j < a; j++)
        {
            ulong value = BoundedUInt64((ulong)j);
            ulong slot = value & mask;
            while (set[slot] != ulong.MaxValue && set[slot] != value) slot = (slot + 1) & mask;
            if (set[slot] == ulong.MaxValue)
            {
                set[slot] = value;
                result[j - a + size] = (long)value;
            }
            else
            {
                // value was taken already: take j, which no earlier step could have drawn.
                slot = (ulong)j & mask;
                while (set[slot] != ulong.MaxValue) slot = (slot + 1) & mask;
                set[slot] = (ulong)j;
                result[j - a + size] = j;
            }
        }
        ShuffleTail(result, 1);
        return result;
    }

    // NumPy's _shuffle_int: Fisher-Yates down to `first`, partners by Lemire's method (not random_interval).
    private void ShuffleTail(long[] data, long first)
    {
        for (long i = data.LongLength - 1; i >= first; i--)
        {
            long j = (long)BoundedUInt64((ulong)i);
            (data[i], data[j]) = (data[j], data[i]);
        }
    }
}
