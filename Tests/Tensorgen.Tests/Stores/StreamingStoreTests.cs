using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Tensorgen.Tests.Graphs;
using Xunit;

namespace Tensorgen.Tests.Stores;

/// <summary>
/// Non-temporal stores of large outputs change no value: each memory-bound kernel gives the same bits with its outputs
/// streamed (every output, by <see cref="VectorMath.StreamAboveForTests"/>(1)) as with ordinary stores
/// (<see cref="long.MaxValue"/>), at every vector width, for sizes around the lane counts and the 64-byte head, inputs
/// starting off every alignment, NaN, ±∞ and ±0 among the values, and an output written over its own input.
/// </summary>
public sealed class StreamingStoreTests
{
    private static readonly int[] Sizes = [0, 1, 5, 7, 8, 9, 15, 16, 17, 23, 64, 65, 1000, 4099];

    private static IEnumerable<bool> Widths() => Vector512.IsHardwareAccelerated ? [true, false] : [false];

    private static T With<T>(bool streamed, bool wide, Func<T> call)
    {
        using var streaming = VectorMath.StreamAboveForTests(streamed ? 1 : long.MaxValue);
        if (wide) return call();
        using (VectorMath.NarrowForTests()) return call();
    }

    private static double[] Values(Random random, int n)
    {
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1e-310, double.MaxValue];
        return Enumerable.Range(0, n).Select(_ => random.Next(6) == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() - 0.5) * 100).ToArray();
    }

    private static void SameBits(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"{what} [{i}]: {actual[i]:R}, ordinary stores {expected[i]:R}");
    }

    [Fact]
    public void Streamed_outputs_have_the_bits_of_ordinary_stores()
    {
        var f = new StreamGraphs.DifferencesFunction();
        var random = new Random(21);
        foreach (bool wide in Widths())
            foreach (int n in Sizes)
                foreach (int start in new[] { 0, 1, 3, 6 })
                {
                    var a = Values(random, n + start);
                    var b = Values(random, n + start);
                    double[][] Call() { var r = f.Invoke(a.AsSpan(start), b.AsSpan(start)); return [r.diff.ToArray(), r.Item2.ToArray(), r.Item3.ToArray()]; }
                    var ordinary = With(false, wide, Call);
                    var streamed = With(true, wide, Call);
                    for (int k = 0; k < 3; k++) SameBits(ordinary[k], streamed[k], $"wide={wide} n={n} start={start} output {k}");
                    for (int i = 0; i < n; i++) Assert.True(BitConverter.DoubleToInt64Bits(a[start + i] - b[start + i]) == BitConverter.DoubleToInt64Bits(streamed[0][i]));
                }
    }

    [Fact]
    public void A_borrowed_output_streamed_over_its_own_input_reads_each_element_before_writing_it()
    {
        var random = new Random(22);
        foreach (bool wide in Widths())
            foreach (int n in Sizes)
            {
                var x = Values(random, n);
                var expected = x.Select(v => 0.5 * (0.5 * v + 2) + 2).ToArray();
                double[] Twice()
                {
                    var f = new StreamGraphs.AffineFunction { BorrowOutputs = true };
                    var once = f.Invoke(x);
                    return f.Invoke(once).ToArray(); // reads the array it writes
                }
                SameBits(expected, With(true, wide, Twice), $"wide={wide} n={n} streamed");
                SameBits(expected, With(false, wide, Twice), $"wide={wide} n={n} ordinary");
            }
    }

    [Fact]
    public void Float32_outputs_stream_with_the_same_bits()
    {
        var f = new StreamGraphs.Affine32Function();
        var random = new Random(23);
        foreach (bool wide in Widths())
            foreach (int n in Sizes.Append(33).Append(31))
                foreach (int start in new[] { 0, 1, 5, 15 })
                {
                    var x = Values(random, n + start).Select(v => (float)v).ToArray();
                    var ordinary = With(false, wide, () => f.Invoke(x.AsSpan(start)).ToArray());
                    var streamed = With(true, wide, () => f.Invoke(x.AsSpan(start)).ToArray());
                    for (int i = 0; i < n; i++)
                    {
                        Assert.True(BitConverter.SingleToInt32Bits(ordinary[i]) == BitConverter.SingleToInt32Bits(streamed[i]), $"wide={wide} n={n} start={start} [{i}]");
                        Assert.True(BitConverter.SingleToInt32Bits(MathF.Max(0.5f * x[start + i], x[start + i]) - 2) == BitConverter.SingleToInt32Bits(streamed[i]) || float.IsNaN(streamed[i]) && float.IsNaN(x[start + i]),
                            $"wide={wide} n={n} start={start} [{i}]: {streamed[i]:R} of {x[start + i]:R}");
                    }
                }
    }

    [Fact]
    public void The_streamed_part_starts_on_a_64_byte_boundary()
    {
        var array = new double[4096];
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            long address = handle.AddrOfPinnedObject();
            using (VectorMath.StreamAboveForTests(1))
                for (int start = 0; start < 16; start++)
                {
                    int head = VectorMath.StreamFrom(array.AsSpan(start));
                    Assert.InRange(head, 0, 7);
                    Assert.Equal(0, (address + 8 * (start + head)) % 64);
                    Assert.Equal(-1, VectorMath.StreamFrom(array.AsSpan(start, Math.Min(head, 1))));
                }
            Assert.Equal(-1, VectorMath.StreamFrom(array.AsSpan()));  // 32 KB: below the 8 MB threshold
            Assert.Equal(-1, VectorMath.StreamFrom(Span<double>.Empty));
        }
        finally
        {
            handle.Free();
        }
    }
}
