using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;

namespace Tensorgen.Tests.Loops;

/// <summary>
/// Scan against plain C# loops computing the same steps (float64: equal to 1e-12 relative, or exact where the steps
/// are the same operations in the same order), and the values PyTensor's "Loop" tutorial prints.
/// </summary>
public sealed class ScanTests
{
    [Fact]
    public void Power_multiplies_the_state_k_times_as_the_tutorial_prints()
    {
        // The tutorial: power(range(10), 2) prints [0. 1. 4. 9. 16. 25. 36. 49. 64. 81.].
        var f = new ScanGraphs.PowerFunction();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i * i), f.Invoke(Enumerable.Range(0, 10).Select(i => (double)i).ToArray(), 2).ToArray());
        var a = new[] { 1.5, -2, 0.5 };
        Assert.Equal(a.Select(v => v * v * v * v * v), f.Invoke(a, 5).ToArray());
        // k = 0: no steps; PyTensor 2.24.2 returns the initial state (ones) for result[-1], and so does this.
        Assert.Equal(new[] { 1.0, 1, 1 }, f.Invoke(a, 0).ToArray());
        Assert.Throws<TensorShapeException>(() => f.Invoke(a, -1));
    }

    [Fact]
    public void Layer_runs_tanh_of_each_row_times_W_plus_b()
    {
        // The tutorial: x = eye(2), w = ones((2, 2)), b = ones(2), b[1] = 2 prints [[0.96402758 0.99505475] [0.96402758 0.99505475]].
        var f = new ScanGraphs.LayerFunction();
        var x = new double[,] { { 1, 0 }, { 0, 1 } };
        var w = new double[,] { { 1, 1 }, { 1, 1 } };
        var result = f.Invoke(x, w, new[] { 1.0, 2.0 });
        Assert.Equal(new nint[] { 2, 2 }, result.Lengths.ToArray());
        var values = result.ToArray();
        double[] expected = [0.96402758, 0.99505475, 0.96402758, 0.99505475];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], values[i], 1e-8);

        var random = new Random(3);
        var (rows, inner, columns) = (7, 5, 3);
        var xs = new double[rows, inner];
        var ws = new double[inner, columns];
        var bs = Enumerable.Range(0, columns).Select(_ => random.NextDouble() - 0.5).ToArray();
        for (int i = 0; i < rows; i++) for (int k = 0; k < inner; k++) xs[i, k] = random.NextDouble() - 0.5;
        for (int k = 0; k < inner; k++) for (int j = 0; j < columns; j++) ws[k, j] = random.NextDouble() - 0.5;
        var actual = f.Invoke(xs, ws, bs);
        Assert.Equal(new nint[] { rows, columns }, actual.Lengths.ToArray());
        var flat = actual.ToArray();
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                double s = bs[j];
                for (int k = 0; k < inner; k++) s += xs[i, k] * ws[k, j];
                Assert.Equal(Math.Tanh(s), flat[i * columns + j], 1e-12);
            }
    }

    [Fact]
    public void Polynomial_sums_coefficient_times_power_over_the_shorter_sequence()
    {
        // The tutorial: coefficients [1, 0, 2] at x = 3 prints 19.0 (1 + 0·3 + 2·9).
        var f = new ScanGraphs.PolynomialFunction();
        Assert.Equal(19.0, f.Invoke(new[] { 1.0, 0, 2 }, 3.0));
        Assert.Equal(0.0, f.Invoke(Array.Empty<double>(), 3.0));
    }

    [Fact]
    public void Running_results_feed_back_and_read_the_sequence_backwards()
    {
        var x = new[] { 3.0, -1, 4, 1, -5, 9 };
        var (totals, maxima, doubled) = new ScanGraphs.RunningFunction().Invoke(x);
        var reversed = x.Reverse().ToArray();
        double total = 0, largest = double.NegativeInfinity;
        var expectedTotals = new double[x.Length];
        var expectedMaxima = new double[x.Length];
        for (int t = 0; t < x.Length; t++)
        {
            expectedTotals[t] = total += reversed[t];
            expectedMaxima[t] = largest = Math.Max(largest, reversed[t]);
        }
        Assert.Equal(expectedTotals, totals.ToArray());
        Assert.Equal(expectedMaxima, maxima.ToArray());
        Assert.Equal(reversed.Select(v => v * 2), doubled.ToArray());
    }

    [Fact]
    public void Map_reduce_and_folds_give_what_PyTensor_gives()
    {
        // PyTensor 2.24.2 on x = [1, 2, 3, 4], y = [0.5, -1, 2, 3]: [1.5, -1, 7, 13], 26, 26, 49, [40, 30, 20, 10].
        var (mapped, reduced, left, right, backwards) = new ScanGraphs.SpecialFunction().Invoke(new[] { 1.0, 2, 3, 4 }, new[] { 0.5, -1, 2, 3 });
        Assert.Equal(new[] { 1.5, -1, 7, 13 }, mapped.ToArray());
        Assert.Equal(26.0, reduced);
        Assert.Equal(26.0, left);
        Assert.Equal(49.0, right);
        Assert.Equal(new[] { 40.0, 30, 20, 10 }, backwards.ToArray());
    }

    [Theory]
    [InlineData("Offset")]
    [InlineData("Strided")]
    [InlineData("Transposed")]
    public void A_sequence_and_a_captured_value_given_as_views_are_read_right(string layoutName)
    {
        var layout = Enum.Parse<Infrastructure.InputLayout>(layoutName);
        var random = new Random(5);
        var views = new Infrastructure.TensorViews(layout);
        var inputs = views.Inputs(random, [[6, 4], [4, 3], [3]], [false, false, false]);
        var (x, w, b) = (inputs[0].Data, inputs[1].Data, inputs[2].Data);
        var dense = new ScanGraphs.LayerFunction().Invoke(Tensor.Create(x, [6, 4]), Tensor.Create(w, [4, 3]), b).ToArray();
        var viewed = new ScanGraphs.LayerFunction().Invoke(views.Tensor<double>(inputs[0]), views.Tensor<double>(inputs[1]), views.Tensor<double>(inputs[2])).ToArray();
        Assert.Equal(dense, viewed);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 3; j++)
            {
                double s = b[j];
                for (int k = 0; k < 4; k++) s += x[i * 4 + k] * w[k * 3 + j];
                Assert.Equal(Math.Tanh(s), dense[i * 3 + j], 1e-12);
            }
    }

    [Fact]
    public void Jacobian_and_Hessian_print_the_tutorials_values()
    {
        // PyTensor 2.24.2: [[8, 0], [0, 8]], [[2, 0], [0, 2]], [1, 2, 3] (of s * x with respect to s), [3, 12].
        var f = new ScanGraphs.DerivativesFunction();
        var (jacobian, hessian, ofScalar, ofScalarExpression) = f.Invoke(new[] { 4.0, 4 }, 2.0);
        Assert.Equal(new nint[] { 2, 2 }, jacobian.Lengths.ToArray());
        Assert.Equal(new[] { 8.0, 0, 0, 8 }, jacobian.ToArray());
        Assert.Equal(new[] { 2.0, 0, 0, 2 }, hessian.ToArray());
        var (_, _, third, cube) = f.Invoke(new[] { 1.0, 2, 3 }, 2.0);
        Assert.Equal(new[] { 1.0, 2, 3 }, third.ToArray());
        Assert.Equal(new[] { 3.0, 12, 27 }, cube.ToArray());
    }

    [Fact]
    public void Jacobians_and_a_Hessian_equal_finite_differences()
    {
        var x = new[] { 0.3, -0.7 };
        var w = new double[,] { { 0.1, 0.2 }, { -0.3, 0.4 }, { 0.5, -0.6 } };
        var f = new ScanGraphs.LayeredFunction();
        var (jx, jw, h) = f.Invoke(x, w);
        Assert.Equal(new nint[] { 3, 2 }, jx.Lengths.ToArray());
        Assert.Equal(new nint[] { 3, 3, 2 }, jw.Lengths.ToArray());
        Assert.Equal(new nint[] { 2, 2 }, h.Lengths.ToArray());
        double[] Y(double[] xs, double[,] ws) => Enumerable.Range(0, 3).Select(i => Math.Tanh(ws[i, 0] * xs[0] + ws[i, 1] * xs[1])).ToArray();
        double Cost(double[] xs)
        {
            var y = Y(xs, w);
            return xs.Sum(v => Math.Exp(v) * xs.Sum()) + y.Sum(v => v * v);
        }
        const double step = 1e-6;
        var (jxs, jws) = (jx.ToArray(), jw.ToArray());
        for (int j = 0; j < 2; j++)
        {
            var (up, down) = (x.ToArray(), x.ToArray());
            up[j] += step;
            down[j] -= step;
            var (yu, yd) = (Y(up, w), Y(down, w));
            for (int i = 0; i < 3; i++) Assert.Equal((yu[i] - yd[i]) / (2 * step), jxs[i * 2 + j], 1e-8);
        }
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 2; b++)
            {
                var (up, down) = ((double[,])w.Clone(), (double[,])w.Clone());
                up[a, b] += step;
                down[a, b] -= step;
                var (yu, yd) = (Y(x, up), Y(x, down));
                for (int i = 0; i < 3; i++) Assert.Equal((yu[i] - yd[i]) / (2 * step), jws[i * 6 + a * 2 + b], 1e-8);
            }
        // The Hessian by second differences of the cost: to 1e-4 (the error of a second difference at step 1e-4).
        var hs = h.ToArray();
        const double d = 1e-4;
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
            {
                double F(double dj, double dk) { var xs = x.ToArray(); xs[j] += dj; xs[k] += dk; return Cost(xs); }
                double second = (F(d, d) - F(d, -d) - F(-d, d) + F(-d, -d)) / (4 * d * d);
                Assert.Equal(second, hs[j * 2 + k], 1e-4);
            }
        Assert.Equal(hs[1], hs[2], 1e-12);
    }

    [Fact]
    public void A_body_may_take_gradients()
    {
        var x = new double[,] { { 1, -2, 3 }, { 0.5, 4, -1 } };
        var (squares, products) = new ScanGraphs.GradientsInsideFunction().Invoke(x, new[] { 7.0, 8, 9 });
        Assert.Equal(new[] { 2.0, -4, 6, 1, 8, -2 }, squares.ToArray());
        Assert.Equal(new[] { 1.0, -2, 3, 0.5, 4, -1 }, products.ToArray());
    }

    /// <summary>Central differences of <paramref name="cost"/> over every element of <paramref name="inputs"/>, against <paramref name="gradients"/>.</summary>
    private static void AssertFiniteDifferences(double[][] inputs, Func<double[][], double> cost, double[][] gradients, double tolerance)
    {
        const double step = 1e-6;
        for (int i = 0; i < inputs.Length; i++)
            for (int j = 0; j < inputs[i].Length; j++)
            {
                var up = inputs.Select(a => a.ToArray()).ToArray();
                var down = inputs.Select(a => a.ToArray()).ToArray();
                up[i][j] += step;
                down[i][j] -= step;
                double expected = (cost(up) - cost(down)) / (2 * step);
                Assert.True(Math.Abs(expected - gradients[i][j]) <= tolerance * (1 + Math.Abs(expected)),
                    $"input {i}, element {j}: finite differences {expected}, gradient {gradients[i][j]}");
            }
    }

    [Fact]
    public void Gradients_through_a_recurrent_scan_equal_finite_differences()
    {
        var random = new Random(8);
        double[] Values(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (x, w, u, b, h0) = (Values(5 * 3), Values(4 * 4), Values(4 * 3), Values(4), Values(4));
        var f = new ScanGraphs.RecurrentFunction();
        (double, Tensor<double>, Tensor<double>, Tensor<double>, Tensor<double>, Tensor<double>) Run(double[][] a) =>
            f.Invoke(Tensor.Create(a[0], [5, 3]), Tensor.Create(a[1], [4, 4]), Tensor.Create(a[2], [4, 3]), a[3], a[4]);
        var inputs = new[] { x, w, u, b, h0 };
        var r = Run(inputs);
        var gradients = new[] { r.Item2.ToArray(), r.Item3.ToArray(), r.Item4.ToArray(), r.Item5.ToArray(), r.Item6.ToArray() };
        Assert.Equal(new nint[] { 5, 3 }, r.Item2.Lengths.ToArray());
        AssertFiniteDifferences(inputs, a => Run(a).Item1, gradients, 1e-7);
    }

    [Fact]
    public void Gradients_through_a_backwards_scan_with_a_result_not_fed_back_equal_finite_differences()
    {
        var x = new[] { 0.3, -1.2, 0.8, 0.1, -0.4 };
        var f = new ScanGraphs.BackwardsFunction();
        var inputs = new[] { x, new[] { 0.7 }, new[] { -0.2 } };
        var r = f.Invoke(inputs[0], inputs[1][0], inputs[2][0]);
        AssertFiniteDifferences(inputs, a => f.Invoke(a[0], a[1][0], a[2][0]).Item1, [r.Item2.ToArray(), [r.Item3], [r.Item4]], 1e-7);
    }

    [Fact]
    public void Rop_and_Lop_give_what_PyTensor_gives()
    {
        // PyTensor 2.24.2: [2, 2], [[0, 0], [2, 2]]; on x = [0.3, -0.5], v = [1, 2]: [0.69091044, -1.70093056], [-0.81594909, -0.9475008].
        var f = new ScanGraphs.OperatorsFunction();
        var ones = new double[,] { { 1, 1 }, { 1, 1 } };
        var twos = new double[,] { { 2, 2 }, { 2, 2 } };
        var (jv, vj, _, _) = f.Invoke(ones, twos, new[] { 0.0, 1 }, new[] { 2.0, 2 });
        Assert.Equal(new[] { 2.0, 2 }, jv.ToArray());
        Assert.Equal(new[] { 0.0, 0, 2, 2 }, vj.ToArray());
        var (_, _, rop, lop) = f.Invoke(ones, twos, new[] { 0.3, -0.5 }, new[] { 1.0, 2 });
        double[] expectedRop = [0.69091044, -1.70093056], expectedLop = [-0.81594909, -0.9475008];
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(expectedRop[i], rop.ToArray()[i], 1e-8);
            Assert.Equal(expectedLop[i], lop.ToArray()[i], 1e-8);
        }
    }

    [Fact]
    public void Results_read_at_their_last_step_only_keep_that_step()
    {
        // PyTensor 2.24.2: scan(s + v) from 5 over arange(4) gives 11 at [-1]; the running product of rows
        // [[1, 2, 3], [4, 5, 6]] from ones, [4, 10, 18]; v * 2 over arange(3), 4 at [-1] and an IndexError with no steps.
        var f = new ScanGraphs.LastStepsFunction();
        var (sum, product) = f.Invoke(new double[] { 0, 1, 2, 3 }, new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(11.0, sum);
        Assert.Equal(new double[] { 4, 10, 18 }, product.ToArray());
        // No steps: a fed-back result's last step is its initial state (PyTensor returns it for n_steps 0; with an
        // empty sequence PyTensor 2.24.2 raises a ValueError instead, see README).
        var (none, ones) = f.Invoke(new double[0], new double[0, 3]);
        Assert.Equal(5.0, none);
        Assert.Equal(new double[] { 1, 1, 1 }, ones.ToArray());
        Assert.Contains(", last}", f.Graph);
        Assert.Contains("scan_save_mem", f.Graph);

        var doubled = new ScanGraphs.LastDoubleFunction();
        Assert.Equal(4.0, doubled.Invoke(new double[] { 0, 1, 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => doubled.Invoke(new double[0]));

        // Read whole too: one stacked loop, and [-1] of no steps an index error (PyTensor gives the initial state there).
        var both = new ScanGraphs.LastAndAllFunction();
        var (last, all) = both.Invoke(new double[] { 0, 1, 2, 3 });
        Assert.Equal(11.0, last);
        Assert.Equal(new double[] { 5, 6, 8, 11 }, all.ToArray());
        Assert.DoesNotContain(", last}", both.Graph);
        Assert.ThrowsAny<Exception>(() => both.Invoke(new double[0]));
    }

    [Fact]
    public void A_map_is_computed_over_whole_sequences()
    {
        // No state: the body's ops extend over the steps' axis, so no loop is left (the graphs hold no scan).
        Assert.DoesNotContain("scan{", new ScanGraphs.LayerFunction().Graph);
        Assert.DoesNotContain("scan{", new ScanGraphs.DerivativesFunction().Graph);
        var f = new ScanGraphs.MapBackwardsFunction();
        Assert.DoesNotContain("scan{", f.Graph);
        // Backwards over x (5) and m (3 rows): 3 steps, step t reading x[4 - t] and m[2 - t].
        var x = new double[] { 1, 2, 3, 4, 5 };
        var m = new double[,] { { 1, 2, 0, -1 }, { 0.5, 0, 1, 2 }, { -2, 1, 1, 3 } };
        var w = new double[] { 0.25, -1, 2, 0.5 };
        var (r, grad) = f.Invoke(x, m, w);
        var expected = new double[3];
        var rows = new double[4];
        for (int t = 0; t < 3; t++)
        {
            double squares = 0, dot = 0;
            for (int j = 0; j < 4; j++) { squares += m[2 - t, j] * m[2 - t, j]; dot += m[2 - t, j] * w[j]; rows[j] += m[2 - t, j]; }
            expected[t] = x[4 - t] * squares + dot;
        }
        var values = r.ToArray();
        for (int t = 0; t < 3; t++) Assert.Equal(expected[t], values[t], 1e-12);
        Assert.Equal(rows, grad.ToArray());
    }

    [Fact]
    public void Maps_over_whole_sequences_equal_their_loops()
    {
        // Each body form computed without nSteps (vectorized: no loop) and with it (the loop kept); float64, to 1e-12.
        var f = new ScanGraphs.MapFormsFunction();
        Assert.Equal(4, f.Graph.Split('\n').Count(line => line.Contains("= scan{")));   // the loops with nSteps, forward and backward, and the gradient's
        var random = new Random(21);
        double[] Values(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        foreach (var (rows, k) in new[] { (5, 3), (1, 4), (7, 1) })
        {
            var x = Values(rows + 2);   // longer than m: the shorter sequence decides the steps
            var m = Tensor.Create(Values(rows * k), [rows, k]);
            var results = (System.Runtime.CompilerServices.ITuple)f.Invoke(x, m, Tensor.Create(Values(k * k), [k, k]), Values(k), rows);
            Assert.Equal(26, results.Length);
            for (int i = 0; i < 6; i++)
            {
                AssertClose((Tensor<double>)results[i]!, (Tensor<double>)results[6 + i]!, $"form {i}");
                AssertClose((Tensor<double>)results[12 + i]!, (Tensor<double>)results[18 + i]!, $"form {i} backwards");
            }
            AssertClose((Tensor<double>)results[24]!, (Tensor<double>)results[25]!, "gradient");
        }

        static void AssertClose(Tensor<double> fast, Tensor<double> slow, string what)
        {
            Assert.Equal(slow.Lengths.ToArray(), fast.Lengths.ToArray());
            var (a, b) = (fast.ToArray(), slow.ToArray());
            for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-12 * Math.Max(1, Math.Abs(b[i])), $"{what}, element {i}: {a[i]:R} vs {b[i]:R}");
        }
    }

    [Fact]
    public void Until_stops_the_loop_after_the_step_whose_condition_holds()
    {
        // PyTensor 2.24.2 (scan with until, [-1]): powers of 2 past 45: 64, past 0.5: 2; Newton's root of 2:
        // 1.4142135623730951 (6 steps), of 1e6: 1000 (16 steps); a running sum of arange(10) past 10: 15; of ones(3): 3.
        var f = new ScanGraphs.StoppingFunction();
        var (power, root, sum) = f.Invoke(45.0, 2.0, Enumerable.Range(0, 10).Select(i => (double)i).ToArray());
        Assert.Equal(64.0, power);
        Assert.Equal(Math.Sqrt(2), root, 1e-15);
        Assert.Equal(15.0, sum);
        (power, root, sum) = f.Invoke(0.5, 1e6, new double[] { 1, 1, 1 });
        Assert.Equal(2.0, power);
        Assert.Equal(1000.0, root, 1e-12);
        Assert.Equal(3.0, sum);
        // No early exit within the steps: all 1024 run (2^1024 overflows to infinity in float64, as in NumPy).
        Assert.Equal(double.PositiveInfinity, f.Invoke(double.MaxValue, 4.0, new double[] { 11 }).Item1);
        // No steps: the initial state.
        Assert.Equal(0.0, f.Invoke(1.0, 4.0, new double[0]).Item3);
    }

    [Fact]
    public void Stacked_results_of_a_scan_that_stops_early_are_the_steps_it_ran()
    {
        // PyTensor 2.24.2: the "Loop" page's powers of 2 until past 45, past 0.5, and to 2^20 past 1e6.
        var powers = new ScanGraphs.PowersUnderFunction();
        Assert.Equal(new double[] { 2, 4, 8, 16, 32, 64 }, powers.Invoke(45.0).ToArray());
        Assert.Equal(new double[] { 2 }, powers.Invoke(0.5).ToArray());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => Math.Pow(2, i)).ToArray(), powers.Invoke(1e6).ToArray());
        Assert.Equal([20], powers.Invoke(1e6).Lengths.ToArray());

        // Read by other ops, PyTensor's values: a*3, b.sum(), a.shape[0], a[-1], max(b); the running sums of a
        // sequence and 2*sums + 1; c over n steps and outer(c, c).sum(). Exact in float64.
        var f = new ScanGraphs.StoppingStackedFunction();
        var r = f.Invoke(45.0, new double[] { 1, 2, 3, 4, 5, 6, 7 }, 3);
        Assert.Equal(new double[] { 6, 12, 24, 48, 96, 192 }, r.Item1.ToArray());
        Assert.Equal(69.0, r.Item2);
        Assert.Equal(6L, r.Item3);
        Assert.Equal(64.0, r.Item4);
        Assert.Equal(33.0, r.Item5);
        Assert.Equal(new double[] { 1, 3, 6, 10, 15 }, r.Item6.ToArray());
        Assert.Equal(new double[] { 3, 7, 13, 21, 31 }, r.Item7.ToArray());
        // PyTensor 2.24.2 answers 0 for sums.shape[0] here, not the 5 rows it returns: a bug of its shape inference.
        Assert.Equal(5L, r.Item8);
        Assert.Equal(new double[] { 2, 4, 8 }, r.Item9.ToArray());
        Assert.Equal(196.0, r.Item10);

        // No early exit: every step runs (10 of a, the whole sequence, n of c); no steps at all: empty results.
        r = f.Invoke(1e9, new double[] { 1, 2 }, 20);
        Assert.Equal(new double[] { 6, 12, 24, 48, 96, 192, 384, 768, 1536, 3072 }, r.Item1.ToArray());
        Assert.Equal(1033.0, r.Item2);
        Assert.Equal(10L, r.Item3);
        Assert.Equal(1024.0, r.Item4);
        Assert.Equal(513.0, r.Item5);
        Assert.Equal(new double[] { 1, 3 }, r.Item6.ToArray());
        Assert.Equal(new double[] { 2, 4, 8, 16, 32, 64, 128, 256 }, r.Item9.ToArray());
        Assert.Equal(260100.0, r.Item10);
        r = f.Invoke(45.0, new double[0], 0);
        Assert.Equal([0], r.Item6.Lengths.ToArray());
        Assert.Equal(0L, r.Item8);
        Assert.Equal([0], r.Item9.Lengths.ToArray());
        Assert.Equal(0.0, r.Item10);
    }

    [Fact]
    public void Products_of_a_stopped_scan_run_once_it_has_and_a_failure_after_it_leaves_shared_variables_as_they_were()
    {
        // A reference in plain C#: c = 2, 4, ... until past 100 or n steps; r = sum(dot(o, o + 1)), o = outer(c, c).
        static (double R, double Max) Reference(int n)
        {
            var c = new System.Collections.Generic.List<double>();
            for (double p = 1; c.Count < n;)
            {
                c.Add(p * 2);
                if (p > 100) break;
                p *= 2;
            }
            double r = 0;
            foreach (var ci in c)
                foreach (var cj in c)
                    r += c.Sum(ck => ci * ck * (ck * cj + 1));
            return (r, c.Max());
        }
        var f = new ScanGraphs.StoppingProductsFunction();
        double total = 0;
        foreach (int n in new[] { 1, 3, 20 })
        {
            var (r, max) = f.Invoke(n);
            var expected = Reference(n);
            Assert.Equal(expected.R, r, 1e-12 * expected.R);
            Assert.Equal(expected.Max, max);
            total += r;
            Assert.Equal(total, ScanGraphs.StoppingTotal.Value, 1e-12 * total);
        }
        // No steps: max over nothing fails once the loop has run (as NumPy's), and the update is not written.
        var error = Assert.ThrowsAny<Exception>(() => f.Invoke(0));
        Assert.Contains("ScanGraphs.StoppingProducts", error.Message);
        Assert.Contains("maximum", error.Message);
        Assert.Equal(total, ScanGraphs.StoppingTotal.Value, 1e-12 * total);
    }

    [Fact]
    public void A_slice_up_to_a_value_a_product_computes_sizes_what_reads_it()
    {
        // PyTensor 2.24.2: x[0:argmax(dot(y, y).sum(1))] * 2 with x = arange(12).reshape(4, 3), y = diag(1, 1, 3): rows 0..1.
        var f = new ScanGraphs.LateSliceFunction();
        var x = Tensor.Create(Enumerable.Range(0, 12).Select(i => (double)i).ToArray(), [4, 3]);
        var y = Tensor.Create(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 3 }, [3, 3]);
        var result = f.Invoke(x, y);
        Assert.Equal([2, 3], result.Lengths.ToArray());
        Assert.Equal(new double[] { 0, 2, 4, 6, 8, 10 }, result.ToArray());
        // argmax 0: an empty slice.
        Assert.Equal([0, 3], f.Invoke(x, Tensor.Create(new double[] { 3, 0, 0, 0, 1, 0, 0, 0, 1 }, [3, 3])).Lengths.ToArray());
    }

    [Fact]
    public void Sequences_that_are_strided_views_are_read_as_their_dense_copies()
    {
        // A 7x3 window of a 12x6 matrix (rows and columns cut: not contiguous) as the sequence of a map computed over
        // the whole sequence and of a recurrent scan kept as a loop, with its gradients: equal to a dense copy's.
        var data = Enumerable.Range(0, 12 * 6).Select(i => (i % 7) * 0.1 - 0.3).ToArray();
        var view = Tensor.Create(data, [12, 6]).Slice(2..9, 1..4);
        var dense = Tensor.Create(Enumerable.Range(0, 7).SelectMany(r => Enumerable.Range(0, 3).Select(c => data[(r + 2) * 6 + c + 1])).ToArray(), [7, 3]);
        var w = Tensor.Create(new double[] { 0.5, -1, 0.25, 1, 2, -0.5, 0.1, 0.2, 0.3 }, [3, 3]);
        var b = new double[] { 0.1, 0.2, 0.3 };
        var layer = new ScanGraphs.LayerFunction();
        Assert.Equal(layer.Invoke(dense, w, b).ToArray(), layer.Invoke(view, w, b).ToArray());
        var recurrent = new ScanGraphs.RecurrentFunction();
        var h0 = new double[] { 0.1, -0.2, 0.3 };
        var fromDense = recurrent.Invoke(dense, w, w, b, h0);
        var fromView = recurrent.Invoke(view, w, w, b, h0);
        Assert.Equal(fromDense.Item1, fromView.Item1);
        Assert.Equal(fromDense.Item2.ToArray(), fromView.Item2.ToArray());
        Assert.Equal(fromDense.Item3.ToArray(), fromView.Item3.ToArray());
    }

    [Fact]
    public void A_loop_with_several_results_runs_once()
    {
        // The optimized graphs: a scan's result and the window it feeds back (which the gradient reads) are one forward
        // loop; the gradient's backward scan is one loop for the sequence, the state and the captured values.
        static int Scans(string graph) => graph.Split('\n').Count(line => line.Contains("= scan{"));
        var twoTaps = new ScanGraphs.TwoTapsFunction().Graph;
        Assert.Contains("results=0+1}", twoTaps);
        Assert.Equal(2, Scans(twoTaps));
        Assert.Contains("scan_merge_outputs", twoTaps);
        var recurrent = new ScanGraphs.RecurrentFunction().Graph;
        Assert.Contains("results=0+1+2+3+4}", recurrent);
        Assert.Equal(2, Scans(recurrent));
    }

    [Fact]
    public void Taps_feed_back_results_from_several_steps_as_PyTensor_does()
    {
        // PyTensor 2.24.2: [21, 212, 2141, 21622] for x0 = [1, 2] (and for [1, 2, 3]: the first two), [31, 312, 3123] for taps -3, -1.
        var f = new ScanGraphs.TappedFunction();
        var (two, three) = f.Invoke(new[] { 1.0, 2, 3 });
        Assert.Equal(new[] { 21.0, 212, 2141, 21622 }, two.ToArray());
        Assert.Equal(new[] { 31.0, 312, 3123 }, three.ToArray());
        // Taps -3 need three initial values: refused before any step, naming the function and x0.
        var error = Assert.Throws<IndexOutOfRangeException>(() => f.Invoke(new[] { 1.0, 2 }));
        Assert.Contains("ScanGraphs.Tapped", error.Message);
        Assert.Contains("'x0' with size 2", error.Message);
    }

    [Fact]
    public void Two_taps_recurrence_and_its_gradient_equal_plain_loops_and_finite_differences()
    {
        var random = new Random(9);
        double[] Values(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (u, v, w, b, x0) = (Values(4), Values(4), Values(4), Values(2), Values(4));
        var f = new ScanGraphs.TwoTapsFunction();
        (Tensor<double>, Tensor<double>) Run(double[] uu) => f.Invoke(Tensor.Create(uu, [2, 2]), Tensor.Create(v, [2, 2]), Tensor.Create(w, [2, 2]), b, Tensor.Create(x0, [2, 2]), 5);
        var (x, grad) = Run(u);
        // The same recurrence in plain C#: rows of length 2.
        double[] Step(double[] p2, double[] p1, double[] uu)
        {
            var r = new double[2];
            for (int j = 0; j < 2; j++)
            {
                double t = b[j];
                for (int k = 0; k < 2; k++) { r[j] += p2[k] * uu[k * 2 + j] + p1[k] * v[k * 2 + j]; t += p1[k] * w[k * 2 + j]; }
                r[j] += Math.Tanh(t);
            }
            return r;
        }
        double Sum(double[] uu)
        {
            double[] a = x0[..2], c = x0[2..];
            double total = 0;
            for (int t = 0; t < 5; t++) { var next = Step(a, c, uu); total += next.Sum(); (a, c) = (c, next); }
            return total;
        }
        Assert.Equal(new nint[] { 5, 2 }, x.Lengths.ToArray());
        Assert.Equal(Sum(u), x.ToArray().Sum(), 1e-12);
        AssertFiniteDifferences([u], a => Sum(a[0]), [grad.ToArray()], 1e-7);
    }

    [Fact]
    public void Truncated_gradients_go_back_the_given_steps_as_PyTensor()
    {
        // PyTensor 2.24.2 on x = [0.1 .. 0.5], h0 = 0.3, a = 0.7: in full gx = [1.87786304, 1.52025869, 1.12983494,
        // 0.77399286, 0.45304921], gh0 = 1.31450413, ga = 2.15031742; truncate_gradient=2: gx = [0, 0, 0, 0.77399286,
        // 0.45304921], gh0 = 0, ga = 0.6910129.
        var (gx, gh0, ga, tx, th0, ta) = new ScanGraphs.TruncatedFunction().Invoke(new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }, 0.3, 0.7);
        double[] full = [1.87786304, 1.52025869, 1.12983494, 0.77399286, 0.45304921], truncated = [0, 0, 0, 0.77399286, 0.45304921];
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(full[i], gx.ToArray()[i], 1e-8);
            Assert.Equal(truncated[i], tx.ToArray()[i], 1e-8);
        }
        Assert.Equal(1.31450413, gh0, 1e-8);
        Assert.Equal(2.15031742, ga, 1e-8);
        Assert.Equal(0.0, th0);
        Assert.Equal(0.6910129, ta, 1e-7);
    }
}
