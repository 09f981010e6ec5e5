using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Tests.Graphs;
using Xunit;
using static Tensorgen.Pt;

namespace Tensorgen.Tests;

/// <summary>
/// A call that fails changes nothing — not even the tensors a borrowing function returned before — and
/// its error names the function, the input (a shared variable by its given name) and the shapes.
/// </summary>
public sealed class FailedCallTests
{
    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    [Fact]
    public void A_failed_update_size_check_leaves_the_borrowed_output_alone()
    {
        var target = Shared(new double[] { 0, 0, 0 }, name: "fixed", shape: [3]);
        var f = new SafetyGraphs.ScaleAndStoreFunction(target) { BorrowOutputs = true };
        var first = f.Invoke(new[] { 0.2, 0.4, 0.6 }, new double[] { 1, 2, 3 });
        Assert.Equal(new double[] { 2, 4, 6 }, Flat(first));

        // z has 2 elements where 'fixed' keeps 3: the call fails before computing x * 10 into the borrowed buffer.
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[] { 2, 4, 6 }, new double[] { 1, 2 }));
        Assert.Contains("SafetyGraphs.ScaleAndStore: the update of shared variable 'fixed' has size 2 in dimension 0, but its static shape fixes it to 3", e.Message);
        Assert.Equal(new double[] { 2, 4, 6 }, Flat(first));
        Assert.Equal(new double[] { 1, 2, 3 }, Flat(target.GetValue()));

        // A copy without updates does not write 'fixed', so the size does not matter to it.
        var frozen = f.Copy(deleteUpdates: true);
        Assert.Equal(new double[] { 20, 40, 60 }, Flat(frozen.Invoke(new double[] { 2, 4, 6 }, new double[] { 1, 2 })));
        Assert.Same(first, f.Invoke(new double[] { 2, 4, 6 }, new double[] { 7, 8, 9 }));
        Assert.Equal(new double[] { 20, 40, 60 }, Flat(first));
    }

    [Fact]
    public void A_bad_random_parameter_fails_before_any_output_is_written()
    {
        var f = new SafetyGraphs.ScaleAndDrawFunction { BorrowOutputs = true };
        // The variable made in the graph method is the stream's newest (only this class draws from SafetyGraphs.Stream).
        var rng = SafetyGraphs.Stream.StateUpdates[^1].Rng;
        var (y, noise) = f.Invoke(new double[] { 1, 2, 3 }, 1.0);
        var noiseBefore = Flat(noise);
        var state = rng.GetValue().BitGenerator.State;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => f.Invoke(new double[] { 7, 8, 9 }, -1.0));
        Assert.Equal("SafetyGraphs.ScaleAndDraw: random variable 'normal' (normal) got scale = -1: scale < 0. Nothing was drawn or written. (Parameter 'normal')", e.Message);
        Assert.Equal(new double[] { 10, 20, 30 }, Flat(y));
        Assert.Equal(noiseBefore, Flat(noise));
        Assert.Equal(state, rng.GetValue().BitGenerator.State);

        // The next call draws the generator's next numbers.
        var expected = new double[3];
        rng.GetValue().Normal(0, 1, expected);
        Assert.Equal(expected, Flat(f.Invoke(new double[] { 1, 2, 3 }, 1.0).noise));
    }

    [Fact]
    public void A_random_parameter_computed_from_a_tensor_is_checked_before_the_outputs_are_written()
    {
        var f = new SafetyGraphs.ScaleAndDrawComputedFunction { BorrowOutputs = true };
        var (y, _) = f.Invoke(new double[] { 1, 2, 3 });
        Assert.Equal(new double[] { 10, 20, 30 }, Flat(y));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => f.Invoke(new double[] { -1, -2, -3 }));
        Assert.Contains("SafetyGraphs.ScaleAndDrawComputed: random variable 'normal' (normal) got scale = -6: scale < 0", e.Message);
        Assert.Equal(new double[] { 10, 20, 30 }, Flat(y));
    }

    [Fact]
    public void The_generators_rules_and_the_calls_checks_agree()
    {
        // Every parameter a generator refuses, the generated check refuses, and no other.
        double[] values = [double.NegativeInfinity, -1, -0.0, 0, 0.5, 1, 1.5, double.PositiveInfinity, double.NaN, 1e300];
        var rng = RandomGenerator.DefaultRng(1);
        foreach (double a in values)
        {
            Same(() => rng.Normal(0, a), () => DrawCheck.Normal("f", "v", 0, a));
            Same(() => rng.Exponential(a), () => DrawCheck.Exponential("f", "v", a));
            Same(() => rng.Poisson(a), () => DrawCheck.Poisson("f", "v", a));
            Same(() => rng.Binomial(3, a), () => DrawCheck.Binomial("f", "v", 3, a));
            foreach (double b in values)
            {
                Same(() => rng.Uniform(a, b), () => DrawCheck.Uniform("f", "v", a, b));
                Same(() => rng.Gamma(a, b), () => DrawCheck.Gamma("f", "v", a, b));
                Same(() => rng.Beta(a, b), () => DrawCheck.Beta("f", "v", a, b));
            }
        }
        foreach (long n in new long[] { long.MinValue, -1, 0, 1, 5, long.MaxValue })
        {
            Same(() => rng.Binomial(n, 0.5), () => DrawCheck.Binomial("f", "v", n, 0.5));
            foreach (long m in new long[] { long.MinValue, -1, 0, 1, 5, long.MaxValue })
                Same(() => rng.Integers(n, m), () => DrawCheck.Integers("f", "v", n, m));
        }

        static void Same(Action draw, Action check)
        {
            bool drawFails = Fails(draw), checkFails = Fails(check);
            Assert.True(drawFails == checkFails, $"the generator {(drawFails ? "refuses" : "accepts")} what the check {(checkFails ? "refuses" : "accepts")}");
        }

        static bool Fails(Action action)
        {
            try
            {
                action();
                return false;
            }
            catch (ArgumentException)
            {
                return true;
            }
            catch (OverflowException)
            {
                return true;
            }
        }
    }

    [Fact]
    public void Shared_variables_are_named_by_their_given_names()
    {
        var f = new SafetyGraphs.AddNamedFunction();
        var named = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[] { 1, 2 }));
        Assert.Contains("'W1' has shape (3,)", named.Message);
        Assert.DoesNotContain("'w1'", named.Message);
        Assert.Equal("W1", named.ParamName);

        // Without a given name, the member that declares it; bound to another variable, that variable's name.
        var unnamed = Assert.Throws<TensorShapeException>(() => new SafetyGraphs.AddNamedFunction(unnamed: Shared(new double[] { 1, 2, 3, 4 })).Invoke(new double[] { 1, 2, 3 }));
        Assert.Contains("'Unnamed' has shape (4,)", unnamed.Message);
        var rebound = Assert.Throws<TensorShapeException>(() => new SafetyGraphs.AddNamedFunction(w1: Shared(new double[] { 1 }, name: "bias")).Invoke(new double[] { 1, 2, 3 }));
        Assert.Contains("'bias' has shape (1,)", rebound.Message);
    }

    [Theory]
    // NumPy 1.24: np.max(np.zeros(shape), axis) raises "zero-size array to reduction operation maximum which
    // has no identity" exactly when a reduced axis has size 0, even when the result is empty too.
    [InlineData(0, 3, false)]  // max axis 0 of (0, 3): raises
    [InlineData(3, 0, false)]  // min axis 1 of (3, 0): raises
    [InlineData(0, 0, false)]  // (0, 0): raises (np.zeros((0, 0)).max(axis=0) and axis=1)
    [InlineData(2, 3, true)]
    public void Max_and_min_of_an_empty_axis_raise_as_NumPy(int rows, int columns, bool succeeds)
    {
        var f = new SafetyGraphs.ExtremesFunction { BorrowOutputs = true };
        var before = f.Invoke(new double[,] { { 1, 2 }, { 3, 4 } });
        var x = new double[rows, columns];
        if (succeeds)
        {
            var (max0, min1, max, max1) = f.Invoke(x);
            Assert.Equal(new nint[] { columns }, max0.Lengths.ToArray());
            Assert.Equal(new nint[] { rows }, min1.Lengths.ToArray());
            Assert.Equal(0.0, max);
            Assert.Equal(new nint[] { rows, 1 }, max1.Lengths.ToArray());
            return;
        }
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(x));
        Assert.StartsWith("SafetyGraphs.Extremes: zero-size array to reduction operation ", e.Message);
        Assert.Contains("which has no identity", e.Message);
        Assert.Equal("x", e.ParamName);
        Assert.Equal(new double[] { 3, 4 }, Flat(before.Item1));
        Assert.Equal(new double[] { 2, 6 }, Flat(before.Item2));
    }

    [Fact]
    public void Max_of_an_empty_axis_names_the_input_and_its_shape()
    {
        var f = new SafetyGraphs.ExtremesFunction();
        var max = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[0, 3]));
        Assert.Equal("SafetyGraphs.Extremes: zero-size array to reduction operation maximum which has no identity: max over axis 0 of 'x' with shape (0, 3). Nothing was computed or written. (Parameter 'x')", max.Message);
        // Min(x * 2, 1) is fused with its producer: the check is on the reduced value's sizes.
        var min = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[3, 0]));
        Assert.Equal("SafetyGraphs.Extremes: zero-size array to reduction operation minimum which has no identity: min over axis 1 of a computed value with shape (3, 0), whose size comes from 'x' with shape (3, 0). Nothing was computed or written. (Parameter 'x')", min.Message);
    }

    [Fact]
    public void Oversized_shapes_are_named_shape_errors()
    {
        // (50000, 1) + (1, 50000) would have 2.5e9 elements, more than an array holds.
        var c = new double[50_000, 1];
        var r = new double[1, 50_000];
        var e = Assert.Throws<TensorShapeException>(() => new SafetyGraphs.OuterFunction().Invoke(c, r));
        Assert.Equal("SafetyGraphs.Outer: a value of shape (50000, 50000) would have 2500000000 elements, more than an array can hold (2147483591); " +
            "its sizes come from 'c' with shape (50000, 1) and 'r' with shape (1, 50000). Nothing was computed or written. (Parameter 'c')", e.Message);

        // Sizes whose product overflows 64 bits.
        var draw = new SafetyGraphs.DrawSizedFunction();
        var huge = Assert.Throws<TensorShapeException>(() => draw.Invoke(1L << 40, 1L << 40));
        Assert.Contains("SafetyGraphs.DrawSized: a value of shape (1099511627776, 1099511627776) would have 1208925819614629174706176 elements", huge.Message);
        Assert.Contains("its sizes come from size 'n' = 1099511627776 and size 'm' = 1099511627776", huge.Message);
        Assert.Equal("n", huge.ParamName);
        // Zero sizes do not hide the others (a loop would still run over them), but a small empty draw is fine.
        Assert.Throws<TensorShapeException>(() => draw.Invoke(0, 1L << 40));
        Assert.Equal(new nint[] { 0, 5 }, draw.Invoke(0, 5).Lengths.ToArray());
        Assert.Equal(6, draw.Invoke(2, 3).FlattenedLength);

        // An empty input whose other size no array could hold is refused the same way.
        var empty = System.Numerics.Tensors.Tensor.Create(System.Array.Empty<double>(), [unchecked((nint)(1L << 40)), 0]);
        var input = Assert.Throws<TensorShapeException>(() => new Samples.Tutorial.Graphs.LogisticFunction().Invoke(empty));
        Assert.Contains("Graphs.Logistic: a value of shape (1099511627776, 0) would have 1099511627776 elements (not counting its zero sizes)", input.Message);
        Assert.Contains("'x' with shape (1099511627776, 0)", input.Message);
    }
}
