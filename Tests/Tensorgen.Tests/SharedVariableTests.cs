using System;
using System.Numerics.Tensors;
using Tensorgen.Tests.Graphs;
using Xunit;
using static Tensorgen.Pt;

namespace Tensorgen.Tests;

/// <summary>Shared variables, updates, givens and Copy; each test binds its own variables.</summary>
public sealed class SharedVariableTests
{
    private static double[] Values(Shared<double> shared) => Flat(shared.GetValue());

    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    [Fact]
    public void Updates_are_computed_from_the_values_before_the_call()
    {
        var a = Shared(new double[] { 1, 2, 3 }, name: "a");
        var b = Shared(new double[] { 10, 20, 30 }, name: "b");
        var swap = new StateGraphs.SwapFunction(a, b);
        swap.Invoke();
        Assert.Equal(new double[] { 10, 20, 30 }, Values(a));
        Assert.Equal(new double[] { 1, 2, 3 }, Values(b));
        swap.Invoke();
        Assert.Equal(new double[] { 1, 2, 3 }, Values(a));
        Assert.Equal(new double[] { 10, 20, 30 }, Values(b));
    }

    [Fact]
    public void An_update_that_is_also_the_output()
    {
        var a = Shared(new double[] { 1, 2, 3 }, name: "a");
        var f = new StateGraphs.DoubleFunction(a);
        var result = f.Invoke();
        Assert.Equal(new double[] { 2, 4, 6 }, Flat(result));
        Assert.Equal(new double[] { 2, 4, 6 }, Values(a));
        result[0] = 100; // the output is the caller's own copy
        Assert.Equal(2, Values(a)[0]);
        Assert.Equal(new double[] { 4, 8, 12 }, Flat(f.Invoke()));
    }

    [Fact]
    public void A_failing_call_changes_no_shared_variable()
    {
        var a = Shared(new double[] { 1, 2, 3 }, name: "a");
        var counter = Shared(5, name: "counter");
        var f = new StateGraphs.AddToFunction(a, counter);
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[] { 1, 1 }));
        Assert.Contains("StateGraphs.AddTo", e.Message);
        Assert.Contains("'x' has shape (2,)", e.Message);
        Assert.Contains("'a' has shape (3,)", e.Message);
        Assert.Throws<ArgumentNullException>(() => f.Invoke((double[])null!));
        Assert.Throws<TensorShapeException>(() => f.Invoke(new double[,] { { 1, 2, 3 } }));
        Assert.Equal(new double[] { 1, 2, 3 }, Values(a));
        Assert.Equal(5, counter.Value);

        var (sum, before) = f.Invoke(new double[] { 1, 1, 1 });
        Assert.Equal(new double[] { 2, 3, 4 }, Flat(sum));
        Assert.Equal(new double[] { 1, 2, 3 }, Flat(before));
        Assert.Equal(new double[] { 2, 3, 4 }, Values(a));
        Assert.Equal(6, counter.Value);
    }

    [Fact]
    public void An_update_may_change_the_size_when_no_static_shape_pins_it()
    {
        var a = Shared(new double[] { 1, 2, 3 }, name: "a");
        new StateGraphs.ReplaceFunction(a: a, counter: Shared(0)).Invoke(new double[] { 7, 8, 9, 10, 11 });
        Assert.Equal(new double[] { 7, 8, 9, 10, 11 }, Values(a));
        Assert.Equal(new nint[] { 5 }, a.Lengths.ToArray());
    }

    [Fact]
    public void Givens_replace_an_intermediate_expression()
    {
        var f = new StateGraphs.ReplaceIntermediateFunction();
        var y = f.Invoke(new double[] { 1, 2 }, new double[] { 10, 20 });
        Assert.Equal(new double[] { 10 * 2 + 1 + 1, 20 * 2 + 1 + 2 }, Flat(y));
        Assert.DoesNotContain("exp", f.Graph);
    }

    [Fact]
    public void Givens_replace_a_constant()
    {
        var y = new StateGraphs.ReplaceConstantFunction().Invoke(new double[] { 1, 2 }, 10);
        Assert.Equal(new double[] { 12, 22 }, Flat(y));
    }

    [Fact]
    public void Updates_written_as_a_dictionary()
    {
        var counter = Shared(41);
        var f = new StateGraphs.CountWithDictionaryFunction(counter);
        Assert.Equal(41, f.Invoke());
        Assert.Equal(42, counter.Value);
    }

    [Fact]
    public void A_static_shape_broadcasts_and_is_kept()
    {
        var row = Shared(new double[,] { { 1, 2, 3 } }, name: "row", shape: [1, null]);
        var f = new StateGraphs.AddRowFunction(row);
        Assert.Equal(new double[] { 1, 2, 3, 11, 12, 13 }, Flat(f.Invoke(new double[,] { { 0, 0, 0 }, { 10, 10, 10 } })));
        var e = Assert.Throws<ArgumentException>(() => row.SetValue(new double[,] { { 1, 2 }, { 3, 4 } }));
        Assert.Contains("static shape (1, ?)", e.Message);
        row.SetValue(new double[,] { { 5, 6 } });
        Assert.Equal(new double[] { 5, 6, 15, 16 }, Flat(f.Invoke(new double[,] { { 0, 0 }, { 10, 10 } })));

        // The code broadcasts the row, so a variable that does not keep one row cannot be bound.
        var wrong = Assert.Throws<ArgumentException>(() => new StateGraphs.AddRowFunction(Shared(new double[,] { { 1, 2 } })));
        Assert.Contains("must be a float64 matrix (1, ?)", wrong.Message);
    }

    [Fact]
    public void Instance_graph_methods_bind_their_own_object()
    {
        var first = new TinyModel();
        var second = new TinyModel();
        var step = new TinyModel.StepFunction(first);
        var before = step.Invoke(new double[] { 1, 1 });
        Assert.Equal(new double[] { 0.5, -0.25 }, Flat(before));
        Assert.Equal(new[] { 0.4, -0.35 }, Values(first.Weights), new Tolerance(1e-15));
        Assert.Equal(new double[] { 0.5, -0.25 }, Values(second.Weights));
        Assert.Throws<ArgumentNullException>(() => new TinyModel.StepFunction(null!));
    }

    [Fact]
    public void Copy_swaps_and_deletes_updates()
    {
        var state = Shared(0);
        var accumulator = new Samples.Tutorial.Graphs.AccumulatorFunction(state);
        var other = Shared(100);
        var copy = accumulator.Copy(swap: [(state, other)]);
        Assert.Equal(100, copy.Invoke(5));
        Assert.Equal(105, other.Value);
        Assert.Equal(0, state.Value);
        Assert.Same(other, Assert.Single(copy.SharedVariables));

        var dictionaryCopy = accumulator.Copy(new System.Collections.Generic.Dictionary<ISharedVariable, ISharedVariable> { [state] = other });
        Assert.Equal(105, dictionaryCopy.Invoke(1));
        Assert.Equal(106, other.Value);

        var frozen = accumulator.Copy(deleteUpdates: true);
        Assert.False(frozen.UpdatesEnabled);
        Assert.Equal(0, frozen.Invoke(9000));
        Assert.Equal(0, state.Value);
        Assert.False(frozen.Copy().UpdatesEnabled);
    }

    [Fact]
    public void Copy_refuses_a_variable_of_another_type()
    {
        var state = Shared(0);
        var accumulator = new Samples.Tutorial.Graphs.AccumulatorFunction(state);
        var e = Assert.Throws<ArgumentException>(() => accumulator.Copy(swap: [(state, Shared(new double[] { 1.0 }, name: "w"))]));
        Assert.Contains("Graphs.Accumulator.Copy", e.Message);
        Assert.Contains("int64 scalar", e.Message);
        Assert.Contains("'w', a float64 vector (?,)", e.Message);
        var unused = Assert.Throws<ArgumentException>(() => accumulator.Copy(swap: [(Shared(1), Shared(2))]));
        Assert.Contains("does not use", unused.Message);
    }

    [Fact]
    public void Shared_values_copy_unless_borrowed()
    {
        var data = new double[] { 1, 2, 3 };
        var a = Shared(data, name: "a");
        data[0] = 99;
        Assert.Equal(1, Values(a)[0]);
        Tensor<double> copy = a.GetValue();
        copy[0] = 42;
        Assert.Equal(1, Values(a)[0]);
        Tensor<double> borrowed = a.GetValue(borrow: true);
        borrowed[0] = 42;
        Assert.Equal(42, Values(a)[0]);
        var mine = new double[] { 5, 6 };
        a.SetValue(mine, [2], borrow: true);
        mine[1] = 60;
        Assert.Equal(new double[] { 5, 60 }, Values(a));
        Assert.Throws<ArgumentException>(() => a.SetValue(new double[,] { { 1 } }));
        Assert.Throws<ArgumentException>(() => a.SetValue(1.0));
        Assert.Throws<InvalidOperationException>(() => a.Value);
        Assert.Equal("[ 5. 60.]", a.GetValue().ToString());
        Assert.Equal("array([ 5., 60.])", a.GetValue().Repr());
    }

    [Fact]
    public void Shared_scalars_follow_python_types()
    {
        Assert.Equal(DType.Int64, Shared(0).DType);
        Assert.Equal(DType.Float64, Shared(0.0).DType);
        Assert.Equal(DType.Float32, Shared(0f).DType);
        Assert.Equal("0", Shared(0).GetValue().ToString());
        Assert.Equal("0.0", Shared(0.0).GetValue().ToString());
        Assert.Equal("int64 scalar", Shared(0).TypeText);
    }

    private sealed class Tolerance(double epsilon) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}
