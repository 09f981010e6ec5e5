using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Indexing;

/// <summary>
/// Contiguous regions (a row, a leading slice) are views of their tensor's data at an offset, not copies: read in place
/// from any input layout, positions checked before any buffer is taken, and the generated code says which.
/// </summary>
public sealed class IndexingViewTests
{
    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    private static readonly Infrastructure.Array X = new(Enumerable.Range(0, 20).Select(i => 0.5 * i - 3).ToArray(), [5, 4]);

    /// <summary>x[i] * 2 + x[i + 1] written out.</summary>
    private static double[] Expected(long i) =>
        Enumerable.Range(0, 4).Select(j => X.Data[i * 4 + j] * 2 + X.Data[(i + 1) * 4 + j]).ToArray();

    [Theory]
    [InlineData("Dense")]
    [InlineData("Offset")]
    [InlineData("Strided")]
    [InlineData("Transposed")]
    public void Views_read_the_right_elements_of_every_input_layout(string layout)
    {
        var x = new TensorViews(Enum.Parse<InputLayout>(layout)).Tensor<double>(X);
        var f = new IndexingGraphs.AdjacentRowsFunction();
        foreach (long i in new long[] { 0, 2, 3, -5, -2 })
            Assert.Equal(Expected(i < 0 ? i + 5 : i), Flat(f.Invoke(x, i)));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-6)]
    public void A_view_position_out_of_range_names_the_function_input_index_and_size(long i)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IndexingGraphs.AdjacentRowsFunction().Invoke(new TensorViews(InputLayout.Dense).Tensor<double>(X), i));
        Assert.Contains("IndexingGraphs.AdjacentRows", e.Message);
        Assert.Contains("'x'", e.Message);
        Assert.Contains("size is 5", e.Message);
    }

    [Fact]
    public void A_row_of_a_shared_variable_is_read_in_place_and_a_bad_position_changes_nothing()
    {
        var table = Shared(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, name: "table");
        var f = new IndexingGraphs.TableRowSumFunction(table);
        Assert.Equal(11.0, f.Invoke(-1));
        Assert.Equal([2.0, 4, 6, 8, 10, 12], Flat(table.GetValue()));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => f.Invoke(3));
        Assert.Contains("'table'", e.Message);
        Assert.Equal([2.0, 4, 6, 8, 10, 12], Flat(table.GetValue()));
        Assert.Equal(14.0, f.Invoke(1));
    }

    [Fact]
    public void An_update_that_views_an_input_is_stored_as_a_copy()
    {
        var w = Shared(new double[] { 0, 0, 0 }, name: "w");
        var data = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var f = new IndexingGraphs.KeepRowFunction(w);
        Assert.Equal([1.0, 2, 3], Flat(f.Invoke(data)));
        data[1, 0] = 99;
        Assert.Equal([4.0, 5, 6], Flat(w.GetValue()));
    }

    [Theory]
    [InlineData("x[1] * 2", true)]
    [InlineData("x[1..3] + 1", true)]
    [InlineData("x[2, 1..] * x[0, 1..]", true)]
    [InlineData("x[n..] * 2", true)]
    [InlineData("Sum(x[^1])", true)]
    [InlineData("x[.., 1] * 2", false)]
    [InlineData("x[Slice(null, null, 2)] * 2", false)]
    [InlineData("x[1..3, 1..] + 1", false)]
    public void The_generated_code_says_whether_a_region_is_a_view_or_a_copy(string expression, bool view)
    {
        var run = GeneratorHarness.Run($$"""
            using Tensorgen; using static Tensorgen.Pt;
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DMatrix("x");
                    var n = LScalar("n");
                    return Function([x, n], {{expression}}, onUnusedInput: OnUnusedInput.Ignore);
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        string code = run.Files.Single(f => f.Key.EndsWith("G.F.g.cs", StringComparison.Ordinal)).Value;
        Assert.Equal(view, code.Contains("a view of x's data", StringComparison.Ordinal));
        Assert.Equal(!view, code.Contains(": a copy", StringComparison.Ordinal));
        Assert.Equal(!view, code.Contains("Subtensors.Take(", StringComparison.Ordinal));
    }
}
