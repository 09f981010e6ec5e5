using System;
using System.Numerics.Tensors;
using Tensorgen.Tests.Graphs;
using Xunit;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Tests;

/// <summary>Bad calls fail before any work with a message naming the function, the input and the shapes.</summary>
public sealed class InvocationErrorTests
{
    [Fact]
    public void Mismatched_shapes_name_both_inputs_and_their_shapes()
    {
        var f = new Page.DifferencesFunction();
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[2, 3], new double[2, 4]));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("Graphs.Differences", e.Message);
        Assert.Contains("'b' has shape (2, 4)", e.Message);
        Assert.Contains("'a' has shape (2, 3)", e.Message);
        Assert.Contains("dimension 1 of 'b' is 4 where 3 is needed", e.Message);
    }

    [Fact]
    public void A_runtime_size_1_does_not_broadcast_where_the_static_shape_does_not_say_so()
    {
        // PyTensor decides broadcasting from static shapes: a dmatrix of shape (1, 3) is not a row.
        var f = new Page.DifferencesFunction();
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[2, 3], new double[1, 3]));
        Assert.Contains("dimension 0 of 'b' is 1 where 2 is needed", e.Message);
    }

    [Fact]
    public void Wrong_rank_is_reported_with_the_shape()
    {
        var f = new Page.LogisticFunction();
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[] { 1, 2, 3 }));
        Assert.Equal("Graphs.Logistic: input 'x' must have rank 2, but got rank 1 with shape (3,).", e.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void Null_input_is_named()
    {
        var f = new Page.LogisticFunction();
        var e = Assert.Throws<ArgumentNullException>(() => f.Invoke((double[,])null!));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("Graphs.Logistic: input 'x' is null", e.Message);
        Assert.Throws<ArgumentNullException>(() => f.Invoke((Tensor<double>)null!));
    }

    [Fact]
    public void A_row_must_have_one_row()
    {
        var f = new TestGraphs.RowColumnFunction();
        var e = Assert.Throws<TensorShapeException>(() => f.Invoke(new double[2, 3], new double[2, 3], new double[2, 1]));
        Assert.Contains("input 'r' must have size 1 in dimension 0", e.Message);
    }

    [Fact]
    public void Tensor_inputs_and_array_inputs_give_the_same_result()
    {
        var data = new double[] { 0, 1, -1, -2, 3, 4 };
        var f = new Page.LogisticFunction();
        var fromArray = f.Invoke(new double[,] { { 0, 1, -1 }, { -2, 3, 4 } });
        var fromTensor = f.Invoke(Tensor.Create(data, [2, 3]));
        Assert.Equal(fromArray.Lengths.ToArray(), fromTensor.Lengths.ToArray());
        Assert.True(fromArray.SequenceEqualTo(fromTensor));
    }

    [Fact]
    public void Empty_inputs_give_empty_outputs()
    {
        var r = new Page.LogisticFunction().Invoke(new double[0, 5]);
        Assert.Equal(new nint[] { 0, 5 }, r.Lengths.ToArray());
        Assert.Equal(0, r.FlattenedLength);
    }
}

internal static class TensorComparison
{
    public static bool SequenceEqualTo(this Tensor<double> a, Tensor<double> b)
    {
        var x = new double[a.FlattenedLength];
        var y = new double[b.FlattenedLength];
        a.FlattenTo(x);
        b.FlattenTo(y);
        return x.AsSpan().SequenceEqual(y);
    }
}
