using System;
using System.Globalization;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>Replays a case's successive sizes: 's' through the scalar method, a number through the span fill.</summary>
public static class Draws
{
    public static double[] Doubles(NumPyRandomCase c, Func<double> scalar, SpanAction<double> fill) =>
        Replay(c, scalar, fill);

    public static long[] Longs(NumPyRandomCase c, Func<long> scalar, SpanAction<long> fill) =>
        Replay(c, scalar, fill);

    private static T[] Replay<T>(NumPyRandomCase c, Func<T> scalar, SpanAction<T> fill)
    {
        var values = new T[c.Values.Length];
        int at = 0;
        foreach (var size in c.Sizes)
        {
            if (size == "s")
            {
                values[at++] = scalar();
                continue;
            }
            int n = int.Parse(size, CultureInfo.InvariantCulture);
            fill(values.AsSpan(at, n));
            at += n;
        }
        return values;
    }

    public delegate void SpanAction<T>(Span<T> destination);
}
