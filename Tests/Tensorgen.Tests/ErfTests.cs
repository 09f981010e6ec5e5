using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Tensorgen.Tests.Graphs;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// erf and erfc (PyTensor's <c>pt.erf</c>, <c>pt.erfc</c>): the runtime's scalar functions against 50-digit
/// values, the compiled graphs against SciPy's values, and the vector functions against the scalar ones at
/// every width. (Gradients: <see cref="GradientTests"/>; the reference evaluator: <see cref="DifferentialTests"/>.)
/// </summary>
public sealed class ErfTests
{
    /// <summary>Data/erf_values.txt: x, erf(x), erfc(x), the doubles nearest mpmath's 50-digit values.</summary>
    private static readonly Lazy<(double X, double Erf, double Erfc)[]> Exact = new(() =>
        File.ReadAllLines(Repo.File("Tests/Tensorgen.Tests/Data/erf_values.txt"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => (v[0], v[1], v[2]))
            .ToArray());

    /// <summary>How many doubles apart two values are (0 when equal, both NaN, or zeros of either sign).</summary>
    private static long Ulps(double a, double b)
    {
        if (a == b || (double.IsNaN(a) && double.IsNaN(b))) return 0;
        if (double.IsNaN(a) || double.IsNaN(b) || Math.Sign(a) * Math.Sign(b) < 0) return long.MaxValue;
        return Math.Abs(BitConverter.DoubleToInt64Bits(Math.Abs(a)) - BitConverter.DoubleToInt64Bits(Math.Abs(b)));
    }

    /// <summary>The same double, bit for bit (any NaN is the same NaN).</summary>
    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    private static long Ulps(float a, float b) => a == b || (float.IsNaN(a) && float.IsNaN(b)) ? 0
        : Math.Abs(BitConverter.SingleToInt32Bits(a) - (long)BitConverter.SingleToInt32Bits(b));

    [Fact]
    public void Erf_is_within_an_ulp_and_erfc_within_three()
    {
        foreach (var (x, erf, erfc) in Exact.Value)
        {
            Assert.True(Ulps(ScalarOps.Erf(x), erf) <= 1, $"erf({x:R}) = {ScalarOps.Erf(x):R}, exactly {erf:R}");
            Assert.True(Ulps(ScalarOps.Erfc(x), erfc) <= 3, $"erfc({x:R}) = {ScalarOps.Erfc(x):R}, exactly {erfc:R}");
        }
    }

    [Fact]
    public void Special_values()
    {
        Assert.Equal(double.NegativeZero, ScalarOps.Erf(-0.0));
        Assert.Equal(1.0, ScalarOps.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, ScalarOps.Erf(double.NegativeInfinity));
        Assert.Equal(0.0, ScalarOps.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, ScalarOps.Erfc(double.NegativeInfinity));
        Assert.Equal(1.0, ScalarOps.Erfc(-0.0));
        Assert.True(double.IsNaN(ScalarOps.Erf(double.NaN)));
        Assert.True(double.IsNaN(ScalarOps.Erfc(double.NaN)));
        Assert.Equal(0.0, ScalarOps.Erfc(28));
        Assert.Equal(0.0, ScalarOps.Erfc(1e300));
        // The smallest subnormal: erf(x) ≈ 1.128 x rounds back to x.
        Assert.Equal(double.Epsilon, ScalarOps.Erf(double.Epsilon));
    }

    /// <summary>
    /// SciPy 1.10's <c>scipy.special.erf</c>/<c>erfc</c> (what PyTensor's Python implementation calls), through a
    /// compiled graph. Where SciPy is an ulp off the correctly rounded value (erf(1), erfc(1), erfc(3), erfc(10))
    /// or underflows early (erfc(27) is 5.237e-319, not SciPy's 0), the row holds the correctly rounded value.
    /// </summary>
    [Theory]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(0.5, 0.5204998778130465, 0.4795001221869535)]
    [InlineData(-0.5, -0.5204998778130465, 1.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149, 0.15729920705028513)]
    [InlineData(3.0, 0.9999779095030014, 2.209049699858544e-05)]
    [InlineData(-3.0, -0.9999779095030014, 1.9999779095030015)]
    [InlineData(6.0, 1.0, 2.1519736712498913e-17)]
    [InlineData(10.0, 1.0, 2.088487583762545e-45)]
    [InlineData(26.5, 1.0, 2.2109076642637343e-307)]
    [InlineData(27.0, 1.0, 5.23704643e-319)]
    [InlineData(1e-300, 1.1283791670955126e-300, 1.0)]
    [InlineData(1e-10, 1.1283791670955126e-10, 0.999999999887162)]
    [InlineData(-1e-10, -1.1283791670955126e-10, 1.000000000112838)]
    [InlineData(0.84375, 0.7672256612323416, 0.23277433876765838)]
    [InlineData(1.25, 0.9229001282564583, 0.07709987174354177)]
    [InlineData(2.5, 0.999593047982555, 0.0004069520174449589)]
    [InlineData(5.0, 0.9999999999984626, 1.537459794428035e-12)]
    [InlineData(-6.0, -1.0, 2.0)]
    [InlineData(double.PositiveInfinity, 1.0, 0.0)]
    [InlineData(double.NegativeInfinity, -1.0, 2.0)]
    [InlineData(double.NaN, double.NaN, double.NaN)]
    public void Compiled_graphs_give_scipy_values(double x, double erf, double erfc)
    {
        // Long enough for the vector loop and the scalar tail to both see x.
        var v = Enumerable.Repeat(x, 2 * Vector<double>.Count + 1).ToArray();
        var (e, c, _) = new TestGraphs.ErrorFunctionsFunction().Invoke(v, 1.0);
        foreach (var value in Flat(e)) Assert.True(Ulps(value, erf) <= 1, $"erf({x:R}) = {value:R}, expected {erf:R}");
        foreach (var value in Flat(c)) Assert.True(Ulps(value, erfc) <= 3, $"erfc({x:R}) = {value:R}, expected {erfc:R}");

        var f = new float[3, 2 * Vector<float>.Count + 1];
        for (int i = 0; i < f.GetLength(0); i++)
            for (int j = 0; j < f.GetLength(1); j++) f[i, j] = (float)x;
        var (e32, c32, _) = new TestGraphs.ErrorFunctions32Function().Invoke(f, new int[3, 1]);
        foreach (var value in Flat(e32)) Assert.True(Ulps(value, ScalarOps.Erf((float)x)) == 0, $"float32 erf({x:R}) = {value:R}");
        foreach (var value in Flat(c32)) Assert.True(Ulps(value, ScalarOps.Erfc((float)x)) == 0, $"float32 erfc({x:R}) = {value:R}");
    }

    /// <summary>Constant folding calls the same function as the loops: erf(0.5) folds to SciPy's value, printed in the graph.</summary>
    [Fact]
    public void Folded_erf_is_the_runtime_function()
    {
        Assert.Equal(0.5204998778130465, ScalarOps.Erf(0.5));
        Assert.Contains(", 0.5204998778130465)", new TestGraphs.ErrorFunctionsFunction().Graph);
    }

    /// <summary>Integers go to float64, as PyTensor's upgrade_to_float does for int32.</summary>
    [Fact]
    public void Erf_of_integers_is_float64()
    {
        var (_, _, integers) = new TestGraphs.ErrorFunctions32Function().Invoke(new float[1, 2], new int[,] { { 1, -2 } });
        Assert.Equal(new[] { ScalarOps.Erf(1.0) - ScalarOps.Erfc(2.0), ScalarOps.Erf(-2.0) - ScalarOps.Erfc(-4.0) }, Flat(integers));
    }

    /// <summary>Arguments for the vector tests: the sweep, special values, both zeros.</summary>
    private static double[] Arguments() =>
        Exact.Value.Select(e => e.X).Concat([double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 28, -28, 5.99, 6, 1e300]).ToArray();

    /// <summary>
    /// Each lane of the vector erf and erfc is the scalar function's value to the bit, at every width: the same
    /// operations in the same order (e^x included: the scalar function has its own rather than Math.Exp).
    /// </summary>
    [Fact]
    public void Vector_lanes_are_the_scalar_function_at_every_width()
    {
        var xs = Arguments();
        CheckWidth(xs, 2, lanes => Lanes(VectorMath.Erf(Vector128.Create(lanes))), lanes => Lanes(VectorMath.Erfc(Vector128.Create(lanes))));
        CheckWidth(xs, 4, lanes => Lanes(VectorMath.Erf(Vector256.Create(lanes))), lanes => Lanes(VectorMath.Erfc(Vector256.Create(lanes))));
        CheckWidth(xs, 8, lanes => Lanes(VectorMath.Erf(Vector512.Create(lanes))), lanes => Lanes(VectorMath.Erfc(Vector512.Create(lanes))));
        CheckWidth(xs, Vector<double>.Count, lanes => Lanes(VectorMath.Erf(new Vector<double>(lanes))), lanes => Lanes(VectorMath.Erfc(new Vector<double>(lanes))));
    }

    [Fact]
    public void Float32_vector_lanes_are_the_scalar_function()
    {
        var xs = Arguments().Select(x => (float)x).ToArray();
        int n = Vector<float>.Count;
        for (int start = 0; start + n <= xs.Length; start += n)
        {
            var lanes = xs.AsSpan(start, n);
            var erf = VectorMath.Erf(new Vector<float>(lanes));
            var erfc = VectorMath.Erfc(new Vector<float>(lanes));
            for (int i = 0; i < n; i++)
            {
                Assert.True(Ulps(erf[i], ScalarOps.Erf(lanes[i])) == 0, $"float32 erf({lanes[i]:R}): vector {erf[i]:R}, scalar {ScalarOps.Erf(lanes[i]):R}");
                Assert.True(Ulps(erfc[i], ScalarOps.Erfc(lanes[i])) == 0, $"float32 erfc({lanes[i]:R}): vector {erfc[i]:R}, scalar {ScalarOps.Erfc(lanes[i]):R}");
            }
        }
    }

    /// <summary>The reference evaluator's own erf (series and continued fraction) agrees with the 50-digit values.</summary>
    [Fact]
    public void Reference_erf_is_independent_and_close()
    {
        foreach (var (x, erf, erfc) in Exact.Value)
        {
            Assert.True(Math.Abs(ReferenceErf.Erf(x) - erf) <= 1e-14 * Math.Abs(erf) + 1e-300, $"reference erf({x:R}) = {ReferenceErf.Erf(x):R}, exactly {erf:R}");
            if (erfc > 1e-300)
                Assert.True(Math.Abs(ReferenceErf.Erfc(x) - erfc) <= 1e-12 * erfc, $"reference erfc({x:R}) = {ReferenceErf.Erfc(x):R}, exactly {erfc:R}");
        }
    }

    private static void CheckWidth(double[] xs, int width, Func<double[], double[]> erf, Func<double[], double[]> erfc)
    {
        for (int start = 0; start < xs.Length; start += width)
        {
            // The last chunk wraps around, so every argument meets every lane position at some width.
            var lanes = Enumerable.Range(start, width).Select(i => xs[i % xs.Length]).ToArray();
            var e = erf(lanes);
            var c = erfc(lanes);
            for (int i = 0; i < width; i++)
            {
                double x = lanes[i];
                Assert.True(Same(e[i], ScalarOps.Erf(x)), $"width {width}: erf({x:R}) vector {e[i]:R}, scalar {ScalarOps.Erf(x):R}");
                Assert.True(Same(c[i], ScalarOps.Erfc(x)), $"width {width}: erfc({x:R}) vector {c[i]:R}, scalar {ScalarOps.Erfc(x):R}");
            }
        }
    }

    private static double[] Lanes(Vector<double> v) => Enumerable.Range(0, Vector<double>.Count).Select(i => v[i]).ToArray();

    private static double[] Lanes(Vector128<double> v) => [v[0], v[1]];

    private static double[] Lanes(Vector256<double> v) => Enumerable.Range(0, 4).Select(i => v.GetElement(i)).ToArray();

    private static double[] Lanes(Vector512<double> v) => Enumerable.Range(0, 8).Select(i => v.GetElement(i)).ToArray();

    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    private static float[] Flat(Tensor<float> t)
    {
        var data = new float[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }
}
