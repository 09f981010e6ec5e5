using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using Page = Tensorgen.Samples.Loop.Graphs;

namespace Tensorgen.Tests.Loops;

/// <summary>
/// PyTensor's tutorial page "Loop", through the functions the real build generated for Samples/Loop, against the
/// values PyTensor 2.24.2 computes for the page's calls (float64 to 1e-12 relative: the full-precision values
/// below were printed by PyTensor, with the script in Samples/Loop/pytensor_loop_page.py; the page itself shows 8 digits).
/// </summary>
public sealed class LoopTutorialTests
{
    private static readonly double[,] Ones22 = { { 1, 1 }, { 1, 1 } };

    [Fact]
    public void Tanh_of_each_row_times_W_plus_b()
    {
        var result = new Page.ComputeElementwiseFunction().Invoke(new double[,] { { 1, 0 }, { 0, 1 } }, Ones22, new double[] { 1, 2 });
        AssertClose([Math.Tanh(2), Math.Tanh(3), Math.Tanh(2), Math.Tanh(3)], result, 1e-15);
        Assert.Equal("array([[0.96402758, 0.99505475],\n       [0.96402758, 0.99505475]])", NumPy.Repr(result));
    }

    [Fact]
    public void Recurrence_over_y_and_p_reversed()
    {
        var y = new double[5, 2];
        var p = new double[5, 2];
        for (int i = 0; i < 5; i++) for (int j = 0; j < 2; j++) (y[i, j], p[i, j]) = (i == 0 ? -3 : 1, i == 0 ? 3 : 1);
        var result = new Page.ComputeSeqFunction().Invoke(new double[] { 0, 1 }, Ones22, y, Ones22, p, Ones22);
        AssertClose([-0.9950547536867305, -0.9950547536867305, 0.9647197295264438, 0.9647197295264438, 0.9999858491917162,
            0.9999858491917162, 0.9999877109552199, 0.9999877109552199, 0.9999999958774901, 0.9999999958774901], result, 1e-12);
    }

    [Fact]
    public void Norms_of_rows_and_columns()
    {
        var x = new double[6, 6];
        for (int i = 0; i < 5; i++) x[i, i + 1] = i + 1;
        AssertClose([1, 2, 3, 4, 5, 0], new Page.ComputeNormLinesFunction().Invoke(x), 0);
        AssertClose([0, 1, 2, 3, 4, 5], new Page.ComputeNormColsFunction().Invoke(x), 0);
    }

    [Fact]
    public void Trace_in_float32()
    {
        var x = new double[5, 5];
        for (int i = 0; i < 5; i++) (x[i, i], x[0, i]) = (1, i);
        float trace = new Page.ComputeTraceFunction().Invoke(x);
        Assert.Equal(4f, trace);
        // Rectangular: the shorter range decides the steps.
        Assert.Equal(1f + 5 + 9, new Page.ComputeTraceFunction().Invoke(new double[,] { { 1, 2, 3, 4 }, { 4, 5, 6, 7 }, { 7, 8, 9, 10 } }));
    }

    [Fact]
    public void Two_taps_recurrence()
    {
        var halves = new double[,] { { 0.5, 0.5 }, { 0.5, 0.5 } };
        var result = new Page.ComputeSeq2Function().Invoke(new double[,] { { 0, 0 }, { 0, 1 } }, new double[,] { { 0, 0.5 }, { 0.5, 0 } }, halves, halves, new double[] { 1, 1 }, 10);
        AssertClose([1.4051482536448665, 1.4051482536448665, 2.8889889897147825, 2.3889889897147825, 4.340182908640064, 4.340182908640064,
            6.534631420627744, 6.784631420627744, 9.829722430358913, 9.829722430358913, 14.222038139888538, 14.097038139888538,
            20.07439935506786, 20.07439935506786, 28.12291842501213, 28.18541842501213, 39.191368102546065, 39.191368102546065,
            54.28407731505213, 54.25282731505213], result, 1e-12);
    }

    [Fact]
    public void Jacobian_by_scan_and_by_Jacobian()
    {
        var w = new double[5, 3];
        for (int i = 0; i < 3; i++) w[i, i] = 1;
        for (int j = 0; j < 3; j++) w[2, j] = 1;
        var (byScan, jacobian) = new Page.ComputeJacTFunction().Invoke(w, new double[] { 1, 0, 0, 0, 0 });
        double[] expected = [0.41997434161402614, 0, 0.41997434161402614, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0];
        Assert.Equal(new nint[] { 3, 5 }, byScan.Lengths.ToArray());
        AssertClose(expected, byScan, 1e-15);
        AssertClose(expected, jacobian, 1e-15);
    }

    [Fact]
    public void Accumulator_counts_the_steps()
    {
        var k = Pt.Shared(0L);
        var accumulator = new Page.AccumulatorFunction(k: k);
        accumulator.Invoke(5);
        Assert.Equal(5, k.Value);
    }

    [Fact]
    public void Binomial_noise_is_drawn_once_per_call_as_PyTensor_2_24_draws_it()
    {
        // RandomStream(1234): the first call draws d = [1, 0], the second [1, 1] (PyTensor 2.24.2 prints those rows).
        var f = new Tensorgen.Samples.Loop.BinomialNoise.ComputeWithBnoiseFunction(new Tensorgen.Samples.Loop.BinomialNoise(1234));
        var x = new double[10, 2];
        (x[0, 0], x[1, 1]) = (1, 1);
        double[] Noisy(double d0, double d1) => Enumerable.Range(0, 10)
            .SelectMany(i => new[] { Math.Tanh(i < 2 ? 2 : 1) * d0, Math.Tanh(i < 2 ? 2 : 1) * d1 }).ToArray();
        AssertClose(Noisy(1, 0), f.Invoke(x, Ones22, new double[] { 1, 1 }), 1e-15);
        AssertClose(Noisy(1, 1), f.Invoke(x, Ones22, new double[] { 1, 1 }), 1e-15);
    }

    [Fact]
    public void Power_and_polynomials()
    {
        AssertClose([0, 1, 4, 9, 16, 25, 36, 49, 64, 81], new Page.PowerFunction().Invoke(Enumerable.Range(0, 10).Select(i => (double)i).ToArray(), 2), 0);
        Assert.Equal(19.0, new Page.CalculatePolynomialFunction().Invoke(new double[] { 1, 0, 2 }, 3));
        Assert.Equal(19.0, new Page.CalculatePolynomialByScanFunction().Invoke(new double[] { 1, 0, 2 }, 3));
    }

    private static void AssertClose(double[] expected, Tensor<double> actual, double relative)
    {
        var data = new double[actual.FlattenedLength];
        actual.FlattenTo(data);
        Assert.Equal(expected.Length, data.Length);
        for (int i = 0; i < data.Length; i++)
            Assert.True(Math.Abs(expected[i] - data[i]) <= relative * Math.Max(1, Math.Abs(expected[i])), $"element {i}: {data[i]:R}, PyTensor {expected[i]:R}");
    }
}
