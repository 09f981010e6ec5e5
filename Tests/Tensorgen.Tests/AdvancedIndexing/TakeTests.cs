using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.AdvancedIndexing;

/// <summary>
/// <c>Take(x, indices, axis)</c>: NumPy's <c>take</c>, a gather along one axis (or of x flattened), checked against
/// the values take_reference.py prints with NumPy 1.24.
/// </summary>
public sealed class TakeTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;
        using System.Linq;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Rows()
            {
                var x = DMatrix("x");
                var idx = LVector("idx");
                return Function([x, idx], Take(x, idx, 0));
            }

            [TensorFunction]
            public static FunctionGraph Columns()
            {
                var x = FMatrix("x");
                var idx = IVector("idx");
                return Function([x, idx], x.Take(idx, axis: -1) * 2);
            }

            [TensorFunction]
            public static FunctionGraph Flat()
            {
                var x = DMatrix("x");
                var idx = LMatrix("idx");
                return Function([x, idx], Take(x, idx));
            }

            public static double[] CallRows(double[,] x, long[] idx) => new RowsFunction().Invoke(x, idx).ToArray();
            public static (float[], nint[]) CallColumns(float[,] x, int[] idx) { var r = new ColumnsFunction().Invoke(x, idx); return (r.ToArray(), r.Lengths.ToArray()); }
            public static (double[], nint[]) CallFlat(double[,] x, long[,] idx) { var r = new FlatFunction().Invoke(x, idx); return (r.ToArray(), r.Lengths.ToArray()); }
        }
        """);

    internal static object Call(GeneratorRun run, string name, params object[] args)
    {
        try { return run.Load().GetType("G", throwOnError: true)!.GetMethod(name)!.Invoke(null, args)!; }
        catch (System.Reflection.TargetInvocationException e) { throw e.InnerException!; }
    }

    private static readonly double[,] X34 = { { 0, 1, 2, 3 }, { 4, 5, 6, 7 }, { 8, 9, 10, 11 } };

    [Fact]
    public void Builds_without_diagnostics()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
    }

    // np.take(x, [2, 0, -1, 2], axis=0).ravel()
    [Fact]
    public void Gathers_rows_with_negative_and_repeated_indices() =>
        Assert.Equal([8.0, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11], (double[])Call(Run, "CallRows", X34, new long[] { 2, 0, -1, 2 }));

    [Fact]
    public void An_empty_index_gathers_nothing() => Assert.Empty((double[])Call(Run, "CallRows", X34, new long[0]));

    // np.take(x.astype(np.float32), [-4, 3, 1], axis=-1) * 2
    [Fact]
    public void Gathers_columns_in_float32()
    {
        var x = new float[,] { { 0, 1, 2, 3 }, { 4, 5, 6, 7 }, { 8, 9, 10, 11 } };
        var (values, lengths) = ((float[], nint[]))Call(Run, "CallColumns", x, new[] { -4, 3, 1 });
        Assert.Equal(new nint[] { 3, 3 }, lengths);
        Assert.Equal([0f, 6, 2, 8, 14, 10, 16, 22, 18], values);
    }

    // np.take(x, [[11, -12], [5, 0]])
    [Fact]
    public void Without_an_axis_takes_from_x_flattened()
    {
        var (values, lengths) = ((double[], nint[]))Call(Run, "CallFlat", X34, new long[,] { { 11, -12 }, { 5, 0 } });
        Assert.Equal(new nint[] { 2, 2 }, lengths);
        Assert.Equal([11.0, 0, 5, 0], values);
    }

    [Fact]
    public void An_index_out_of_range_throws_at_call_time_naming_function_input_index_and_size()
    {
        var e = Assert.Throws<System.IndexOutOfRangeException>(() => Call(Run, "CallRows", X34, new long[] { 0, 3 }));
        Assert.Equal("G.Rows: index 3 in 'idx' is out of bounds for axis 0 of 'x' with size 3.", e.Message);
        e = Assert.Throws<System.IndexOutOfRangeException>(() => Call(Run, "CallRows", X34, new long[] { -4 }));
        Assert.Contains("index -4 in 'idx'", e.Message);
        e = Assert.Throws<System.IndexOutOfRangeException>(() => Call(Run, "CallFlat", X34, new long[,] { { 12 } }));
        Assert.Equal("G.Flat: index 12 in 'idx' is out of bounds for 'x' flattened with size 12.", e.Message);
    }
}
