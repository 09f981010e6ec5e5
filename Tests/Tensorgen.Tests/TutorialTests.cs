using System;
using System.Numerics.Tensors;
using Page = Tensorgen.Samples.Tutorial.Graphs;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The tutorial page's examples, run through the functions the real build generated for
/// Samples/Tutorial, against the values the page documents. Tolerance: float64 results within 1e-15
/// absolute (the page's own precision is 8 digits; the issue asks for 1e-15).
/// </summary>
public sealed class TutorialTests
{
    private static readonly double[,] LogisticInput = { { 0, 1 }, { -1, -2 } };

    // 1 / (1 + e^-x), written out from the definition.
    private static readonly double[] LogisticExpected = { 0.5, 0.7310585786300049, 0.2689414213699951, 0.11920292202211755 };

    [Fact]
    public void Logistic_matches_the_page()
    {
        var s = new Page.LogisticFunction().Invoke(LogisticInput);
        Assert.Equal(new nint[] { 2, 2 }, s.Lengths.ToArray());
        AssertClose(LogisticExpected, s, 1e-15);
        Assert.Equal("array([[0.5       , 0.73105858],\n       [0.26894142, 0.11920292]])", NumPy.Repr(s));
    }

    [Fact]
    public void Logistic_tanh_form_matches_the_page()
    {
        var s2 = new Page.Logistic2Function().Invoke(LogisticInput);
        AssertClose(LogisticExpected, s2, 1e-15);
        Assert.Equal("array([[0.5       , 0.73105858],\n       [0.26894142, 0.11920292]])", NumPy.Repr(s2));
    }

    [Fact]
    public void Three_differences_at_once()
    {
        var (diff, absDiff, diffSquared) = new Page.DifferencesFunction().Invoke(
            new double[,] { { 1, 1 }, { 1, 1 } }, new double[,] { { 0, 1 }, { 2, 3 } });
        AssertClose(new double[] { 1, 0, -1, -2 }, diff, 0);
        AssertClose(new double[] { 1, 0, 1, 2 }, absDiff, 0);
        AssertClose(new double[] { 1, 0, 1, 4 }, diffSquared, 0);
        Assert.Equal("array([[ 1.,  0.],\n       [-1., -2.]])", NumPy.Repr(diff));
        Assert.Equal("array([[1., 0.],\n       [1., 2.]])", NumPy.Repr(absDiff));
        Assert.Equal("array([[1., 0.],\n       [1., 4.]])", NumPy.Repr(diffSquared));
    }

    [Fact]
    public void Default_value_for_y()
    {
        var f = new Page.AddWithDefaultFunction();
        Assert.Equal(34.0, f.Invoke(33));
        Assert.Equal(35.0, f.Invoke(33, 2));
        Assert.Equal("array(34.)", NumPy.Repr(f.Invoke(33)));
    }

    [Fact]
    public void Defaults_positional_and_by_name()
    {
        var f = new Page.AddThenScaleFunction();
        Assert.Equal(68.0, f.Invoke(33));
        Assert.Equal(70.0, f.Invoke(33, 2));
        Assert.Equal(33.0, f.Invoke(33, 0, 1));
        Assert.Equal(34.0, f.Invoke(33, w_by_name: 1));
        Assert.Equal(33.0, f.Invoke(33, w_by_name: 1, y: 0));
    }

    /// <summary>"Using Shared Variables", every line, on the page's own shared variable (the only test that touches it).</summary>
    [Fact]
    public void Using_shared_variables()
    {
        var state = Page.State;
        state.SetValue(0);
        var accumulator = new Page.AccumulatorFunction();
        Assert.Equal("0", state.GetValue().ToString());
        Assert.Equal("array(0)", NumPy.Repr(accumulator.Invoke(1)));
        Assert.Equal("1", state.GetValue().ToString());
        Assert.Equal("array(1)", NumPy.Repr(accumulator.Invoke(300)));
        Assert.Equal("301", state.GetValue().ToString());
        state.SetValue(-1);
        Assert.Equal("array(-1)", NumPy.Repr(accumulator.Invoke(3)));
        Assert.Equal("2", state.GetValue().ToString());
        var decrementor = new Page.DecrementorFunction();
        Assert.Equal("array(2)", NumPy.Repr(decrementor.Invoke(2)));
        Assert.Equal("0", state.GetValue().ToString());
        var skipShared = new Page.SkipSharedFunction();
        Assert.Equal("array(7)", NumPy.Repr(skipShared.Invoke(1, 3)));
        Assert.Equal("0", state.GetValue().ToString());
        Assert.Contains("foo : int64()  input", skipShared.Graph);
        Assert.DoesNotContain("shared", skipShared.Graph);
    }

    /// <summary>"Copying functions", every line, with its own state as the page makes a new one.</summary>
    [Fact]
    public void Copying_functions()
    {
        var state = Pt.Shared(0);
        var accumulator = new Page.AccumulatorFunction(state);
        Assert.Equal(0, accumulator.Invoke(10));
        Assert.Equal(10, state.Value);
        var newState = Pt.Shared(0);
        var newAccumulator = accumulator.Copy(swap: [(state, newState)]);
        Assert.Equal(0, newAccumulator.Invoke(100));
        Assert.Equal(100, newState.Value);
        Assert.Equal(10, state.Value);
        var nullAccumulator = accumulator.Copy(deleteUpdates: true);
        Assert.Equal(10, nullAccumulator.Invoke(9000));
        Assert.Equal(10, state.Value);
    }

    internal static void AssertClose(double[] expected, Tensor<double> actual, double tolerance)
    {
        var data = new double[actual.FlattenedLength];
        actual.FlattenTo(data);
        Assert.Equal(expected.Length, data.Length);
        for (int i = 0; i < data.Length; i++)
            Assert.True(Math.Abs(expected[i] - data[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, got {data[i]:R}");
    }
}
