using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Indexing;

/// <summary>Positions known only at call time: out of range is an exception naming the function, the input, the index and the size.</summary>
public sealed class IndexingErrorTests
{
    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    private static readonly double[,] X = { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } };

    [Theory]
    [InlineData(0, new double[] { 1, 2, 3, 4 })]
    [InlineData(2, new double[] { 9, 10, 11, 12 })]
    [InlineData(-1, new double[] { 9, 10, 11, 12 })]
    [InlineData(-3, new double[] { 1, 2, 3, 4 })]
    public void A_position_in_range_selects_its_row(long n, double[] expected) =>
        Assert.Equal(expected, Flat(new IndexingGraphs.RowFunction().Invoke(X, n)));

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue + 1)]
    public void A_position_out_of_range_names_function_input_index_and_size(long n)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IndexingGraphs.RowFunction().Invoke(X, n));
        Assert.Contains("IndexingGraphs.Row", e.Message);
        Assert.Contains("'x'", e.Message);
        Assert.Contains($"index {n}", e.Message);
        Assert.Contains("axis 0", e.Message);
        Assert.Contains("size is 3", e.Message);
    }

    [Fact]
    public void A_column_position_is_checked_against_the_column_count()
    {
        Assert.Equal([4.0, 8, 12], Flat(new IndexingGraphs.ColumnFunction().Invoke(X, -1)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IndexingGraphs.ColumnFunction().Invoke(X, 4));
        Assert.Contains("axis 1", e.Message);
        Assert.Contains("size is 4", e.Message);
    }

    [Fact]
    public void An_empty_axis_has_no_position() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexingGraphs.RowFunction().Invoke(new double[0, 4], 0));

    [Fact]
    public void A_failing_call_changes_no_shared_variable()
    {
        var w = Shared(new double[] { 1, 2, 3 }, name: "w");
        var calls = Shared(0L, name: "calls");
        var pick = new IndexingGraphs.PickFunction(w, calls);
        Assert.Equal(3.0, pick.Invoke(2));
        Assert.Equal([2.0, 4, 6], Flat(w.GetValue()));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => pick.Invoke(3));
        Assert.Contains("'w'", e.Message);
        Assert.Equal([2.0, 4, 6], Flat(w.GetValue()));
        Assert.Equal(1L, calls.Value);
    }

    [Fact]
    public void A_written_value_must_fit_the_region()
    {
        Assert.Equal([1.0, 7, 8], Flat(new IndexingGraphs.SetTailFunction().Invoke(new double[] { 1, 2, 3 }, new double[] { 7, 8 }, 1)));
        Assert.Equal([1.0, 9, 9], Flat(new IndexingGraphs.SetTailFunction().Invoke(new double[] { 1, 2, 3 }, new double[] { 9 }, 1)));
        var e = Assert.Throws<TensorShapeException>(() => new IndexingGraphs.SetTailFunction().Invoke(new double[] { 1, 2, 3 }, new double[] { 7, 8, 9 }, 1));
        Assert.Contains("IndexingGraphs.SetTail", e.Message);
        Assert.Contains("(3,)", e.Message);
        Assert.Contains("(2,)", e.Message);
    }
}
