using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;

namespace Tensorgen.Tests.AdvancedIndexing;

/// <summary>
/// <c>x[idx]</c>, <c>x[idx, j]</c>, <c>x[.., idx]</c>, int arrays broadcast together, bool masks, and
/// <c>SetSubtensor</c>/<c>IncSubtensor</c> into them, in float64 and float32, against the values
/// advanced_reference.py prints with NumPy 1.24 (x is <c>np.arange(12.0).reshape(3, 4)</c>, t <c>np.arange(24.0).reshape(2, 3, 4)</c>).
/// </summary>
public sealed class AdvancedIndexTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;
        using System.Linq;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Rows() { var x = DMatrix("x"); var idx = LVector("idx"); return Function([x, idx], x[idx]); }

            [TensorFunction]
            public static FunctionGraph RowsAt() { var x = DMatrix("x"); var idx = LVector("idx"); return Function([x, idx], x[idx, 1]); }

            [TensorFunction]
            public static FunctionGraph Columns() { var x = FMatrix("x"); var idx = IVector("idx"); return Function([x, idx], x[.., idx]); }

            [TensorFunction]
            public static FunctionGraph Pairs() { var x = DMatrix("x"); var i = Tensor("i", DType.Int64, [null, 1]); var j = LVector("j"); return Function([x, i, j], x[i, j]); }

            [TensorFunction]
            public static FunctionGraph Middle() { var t = DTensor3("t"); var idx = LVector("idx"); return Function([t, idx], t[.., idx]); }

            [TensorFunction]
            public static FunctionGraph Leading() { var t = DTensor3("t"); var i = LVector("i"); var j = LVector("j"); return Function([t, i, j], t[i, j]); }

            [TensorFunction]
            public static FunctionGraph Positive() { var x = DMatrix("x"); return Function([x], x[x > 4]); }

            [TensorFunction]
            public static FunctionGraph Masked() { var x = FMatrix("x"); var m = Vector("m", DType.Bool); return Function([x, m], x[m]); }

            [TensorFunction]
            public static FunctionGraph Inc() { var v = DVector("v"); var idx = LVector("idx"); var y = DVector("y"); return Function([v, idx, y], IncSubtensor(v[idx], y)); }

            [TensorFunction]
            public static FunctionGraph Set() { var v = DVector("v"); var idx = LVector("idx"); var y = DVector("y"); return Function([v, idx, y], SetSubtensor(v[idx], y)); }

            [TensorFunction]
            public static FunctionGraph IncRows() { var x = FMatrix("x"); var idx = LVector("idx"); var r = FVector("r"); return Function([x, idx, r], x[idx].Inc(r)); }

            [TensorFunction]
            public static FunctionGraph ClearPositive() { var x = DMatrix("x"); return Function([x], x[x > 4].Set(0.0)); }

            public static (double[], nint[]) R(System.Numerics.Tensors.Tensor<double> t) => (t.ToArray(), t.Lengths.ToArray());
            public static (float[], nint[]) R(System.Numerics.Tensors.Tensor<float> t) => (t.ToArray(), t.Lengths.ToArray());
            public static (double[], nint[]) CallRows(double[,] x, long[] idx) => R(new RowsFunction().Invoke(x, idx));
            public static (double[], nint[]) CallRowsAt(double[,] x, long[] idx) => R(new RowsAtFunction().Invoke(x, idx));
            public static (float[], nint[]) CallColumns(float[,] x, int[] idx) => R(new ColumnsFunction().Invoke(x, idx));
            public static (double[], nint[]) CallPairs(double[,] x, long[,] i, long[] j) => R(new PairsFunction().Invoke(x, i, j));
            public static (double[], nint[]) CallMiddle(double[,,] t, long[] idx) => R(new MiddleFunction().Invoke(t, idx));
            public static (double[], nint[]) CallLeading(double[,,] t, long[] i, long[] j) => R(new LeadingFunction().Invoke(t, i, j));
            public static (double[], nint[]) CallPositive(double[,] x) => R(new PositiveFunction().Invoke(x));
            public static (float[], nint[]) CallMasked(float[,] x, bool[] m) => R(new MaskedFunction().Invoke(x, m));
            public static (double[], nint[]) CallInc(double[] v, long[] idx, double[] y) => R(new IncFunction().Invoke(v, idx, y));
            public static (double[], nint[]) CallSet(double[] v, long[] idx, double[] y) => R(new SetFunction().Invoke(v, idx, y));
            public static (float[], nint[]) CallIncRows(float[,] x, long[] idx, float[] r) => R(new IncRowsFunction().Invoke(x, idx, r));
            public static (double[], nint[]) CallClearPositive(double[,] x) => R(new ClearPositiveFunction().Invoke(x));
        }
        """);

    private static readonly Lazy<Type> Graphs = new(() => Run.Load().GetType("G", throwOnError: true)!);

    private static (T[] Values, nint[] Shape) Call<T>(string name, params object[] args)
    {
        try { return ((T[], nint[]))Graphs.Value.GetMethod("Call" + name)!.Invoke(null, args)!; }
        catch (System.Reflection.TargetInvocationException e) { throw e.InnerException!; }
    }

    private static readonly double[,] X = { { 0, 1, 2, 3 }, { 4, 5, 6, 7 }, { 8, 9, 10, 11 } };
    private static readonly float[,] XF = { { 0, 1, 2, 3 }, { 4, 5, 6, 7 }, { 8, 9, 10, 11 } };
    private static readonly double[,,] T3 = Arange3();

    private static double[,,] Arange3()
    {
        var t = new double[2, 3, 4];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++) t[a, b, c] = (a * 3 + b) * 4 + c;
        return t;
    }

    [Fact]
    public void Builds_without_diagnostics()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
    }

    [Fact]
    public void Gathers_rows_with_negative_and_repeated_indices()
    {
        var (values, shape) = Call<double>("Rows", X, new long[] { 2, 0, -1 });
        Assert.Equal(new nint[] { 3, 4 }, shape);
        Assert.Equal([8.0, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11], values);
    }

    [Fact]
    public void An_empty_index_vector_gives_an_empty_result()
    {
        var (values, shape) = Call<double>("Rows", X, System.Array.Empty<long>());
        Assert.Equal(new nint[] { 0, 4 }, shape);
        Assert.Empty(values);
    }

    [Fact]
    public void An_int_beside_an_int_array_is_broadcast_with_it() =>
        Assert.Equal([9.0, 1, 9], Call<double>("RowsAt", X, new long[] { 2, 0, -1 }).Values);

    [Fact]
    public void Gathers_columns_in_float32() =>
        Assert.Equal([3f, 3, 0, 7, 7, 4, 11, 11, 8], Call<float>("Columns", XF, new[] { 3, -1, 0 }).Values);

    [Fact]
    public void Int_arrays_broadcast_together()
    {
        var (values, shape) = Call<double>("Pairs", X, new long[,] { { 0 }, { 2 } }, new long[] { 1, 3 });
        Assert.Equal(new nint[] { 2, 2 }, shape);
        Assert.Equal([1.0, 3, 9, 11], values);
    }

    [Fact]
    public void An_index_on_a_middle_axis_keeps_the_others_in_place()
    {
        var (values, shape) = Call<double>("Middle", T3, new long[] { 2, 0 });
        Assert.Equal(new nint[] { 2, 2, 4 }, shape);
        Assert.Equal([8.0, 9, 10, 11, 0, 1, 2, 3, 20, 21, 22, 23, 12, 13, 14, 15], values);
    }

    [Fact]
    public void Two_leading_arrays_leave_the_trailing_axis()
    {
        var (values, shape) = Call<double>("Leading", T3, new long[] { 1, 0 }, new long[] { 2, -1 });
        Assert.Equal(new nint[] { 2, 4 }, shape);
        Assert.Equal([20.0, 21, 22, 23, 8, 9, 10, 11], values);
    }

    [Fact]
    public void A_mask_selects_a_data_dependent_number_of_elements()
    {
        Assert.Equal([5.0, 6, 7, 8, 9, 10, 11], Call<double>("Positive", X).Values);
        Assert.Empty(Call<double>("Positive", new double[,] { { 1, 2 } }).Values);
        Assert.Equal([5.0, 6], Call<double>("Positive", new double[,] { { 5, 6 } }).Values);
    }

    [Fact]
    public void A_mask_of_the_leading_axis_selects_rows_in_float32()
    {
        var (values, shape) = Call<float>("Masked", XF, new[] { true, false, true });
        Assert.Equal(new nint[] { 2, 4 }, shape);
        Assert.Equal([0f, 1, 2, 3, 8, 9, 10, 11], values);
        Assert.Equal(new nint[] { 0, 4 }, Call<float>("Masked", XF, new[] { false, false, false }).Shape);
        Assert.Equal(XF.Cast<float>(), Call<float>("Masked", XF, new[] { true, true, true }).Values);
    }

    [Fact]
    public void A_mask_of_the_wrong_length_throws_naming_both()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Call<float>("Masked", XF, new[] { true, false }));
        Assert.Contains("Masked", e.Message);
    }

    [Fact]
    public void Inc_accumulates_repeated_indices_as_add_at() =>
        Assert.Equal([0.0, 41, 2, 23, 44], Call<double>("Inc", new double[] { 0, 1, 2, 3, 4 }, new long[] { 1, 3, 1, -1 }, new double[] { 10, 20, 30, 40 }).Values);

    [Fact]
    public void Set_keeps_the_last_write() =>
        Assert.Equal([0.0, 30, 2, 20, 40], Call<double>("Set", new double[] { 0, 1, 2, 3, 4 }, new long[] { 1, 3, 1, -1 }, new double[] { 10, 20, 30, 40 }).Values);

    [Fact]
    public void Inc_broadcasts_a_row_over_the_gathered_rows_in_float32() =>
        Assert.Equal([2f, 5, 8, 11, 4, 5, 6, 7, 9, 11, 13, 15], Call<float>("IncRows", XF, new long[] { 0, 0, 2 }, new float[] { 1, 2, 3, 4 }).Values);

    [Fact]
    public void Set_through_a_mask() =>
        Assert.Equal([0.0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0], Call<double>("ClearPositive", X).Values);

    [Fact]
    public void Inc_with_an_empty_index_leaves_x() =>
        Assert.Equal([0.0, 1, 2], Call<double>("Inc", new double[] { 0, 1, 2 }, System.Array.Empty<long>(), System.Array.Empty<double>()).Values);

    [Fact]
    public void Out_of_range_indices_throw_at_call_time()
    {
        var e = Assert.Throws<IndexOutOfRangeException>(() => Call<double>("Rows", X, new long[] { 1, -4 }));
        Assert.Equal("G.Rows: index -4 in 'idx' is out of bounds for axis 0 of 'x' with size 3.", e.Message);
        e = Assert.Throws<IndexOutOfRangeException>(() => Call<double>("Pairs", X, new long[,] { { 0 } }, new long[] { 4 }));
        Assert.Equal("G.Pairs: index 4 in 'j' is out of bounds for axis 1 of 'x' with size 4.", e.Message);
        e = Assert.Throws<IndexOutOfRangeException>(() => Call<double>("Inc", new double[] { 0, 1 }, new long[] { 2 }, new double[] { 1 }));
        Assert.Contains("index 2 in 'idx'", e.Message);
    }

    /// <summary>The compiled gathers, masks and scatters equal the reference evaluator's NumPy semantics on shapes empty, of size 1 and odd sizes past the vector width.</summary>
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 3)]
    [InlineData(5, 3, 1)]
    [InlineData(17, 9, 11)]
    [InlineData(4, 33, 40)]
    [InlineData(0, 3, 0)]
    public void Agrees_with_the_reference_evaluator(int n, int m, int k)
    {
        var random = new Random(n * 1000 + m * 10 + k);
        var x = new double[n, m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) x[i, j] = Math.Round(random.NextDouble() * 10 - 5, 2);
        var xf = new float[n, m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) xf[i, j] = (float)x[i, j];
        var rows = Enumerable.Range(0, n == 0 ? 0 : k).Select(_ => (long)random.Next(-n, n)).ToArray();
        var columns = Enumerable.Range(0, m == 0 ? 0 : k).Select(_ => random.Next(-m, m)).ToArray();
        var v = Enumerable.Range(0, n).Select(i => x[i, 0]).ToArray();
        var y = Enumerable.Range(0, rows.Length).Select(_ => Math.Round(random.NextDouble(), 3)).ToArray();
        var mask = Enumerable.Range(0, n).Select(_ => random.Next(2) == 1).ToArray();
        var specs = Run.Specs.ToDictionary(s => s.MethodName);

        void Same<T>(string name, Array[] inputs, (T[] Values, nint[] Shape) actual)
        {
            var expected = ReferenceEvaluator.Run(specs[name], inputs)[0];
            Assert.Equal(expected.Shape.Select(d => (nint)d), actual.Shape);
            Assert.Equal(expected.Data, actual.Values.Select(a => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }
        Array Of<T>(T[] data, params int[] shape) => new(data.Select(d => Convert.ToDouble(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), shape);
        var xa = Of(x.Cast<double>().ToArray(), n, m);
        Same("Rows", [xa, Of(rows, rows.Length)], Call<double>("Rows", x, rows));
        Same("Columns", [Of(xf.Cast<float>().ToArray(), n, m), Of(columns, columns.Length)], Call<float>("Columns", xf, columns));
        Same("Positive", [xa], Call<double>("Positive", x));
        Same("Masked", [Of(xf.Cast<float>().ToArray(), n, m), Of(mask, n)], Call<float>("Masked", xf, mask));
        Same("Inc", [Of(v, n), Of(rows, rows.Length), Of(y, y.Length)], Call<double>("Inc", v, rows, y));
        Same("Set", [Of(v, n), Of(rows, rows.Length), Of(y, y.Length)], Call<double>("Set", v, rows, y));
    }

    [Theory]
    [InlineData("x[idx, 1..]", "TG0103", "a slice other than a full one")]
    [InlineData("t[idx, .., idx]", "TG0103", "separated by a slice")]
    [InlineData("x[idx, NewAxis]", "TG0103", "NewAxis")]
    [InlineData("x[idx, idx, idx]", "TG0205", "too many indices")]
    [InlineData("x[m3]", "TG0206", "does not fit")]
    [InlineData("x[x.Sum(1) > 0]", "TG0103", "pass the mask as an input")]
    [InlineData("x[idx, 7]", "TG0205", "index 7 is out of bounds for axis 1")]
    [InlineData("x[i2, Arange(3)]", "TG0206", "do not broadcast together")]
    [InlineData("SetSubtensor(x[idx], y5)", "TG0206", "does not broadcast to the indexed shape")]
    [InlineData("Cast(SetSubtensor((x > 0)[idx], x[idx] > 1), DType.Float64)", "TG0103", "bool tensor")]
    public void Unsupported_or_wrong_indices_are_diagnostics_at_the_call(string expression, string id, string message)
    {
        var run = GeneratorHarness.Run($$"""
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class D
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = Tensor("x", DType.Float64, [4, 5]);
                    var t = DTensor3("t");
                    var idx = LVector("idx");
                    var i2 = Tensor("i2", DType.Int64, [2]);
                    var m3 = Tensor("m3", DType.Bool, [3]);
                    var y5 = Tensor("y5", DType.Float64, [5, 2]);
                    return Function([x, t, idx, i2, m3, y5], {{expression}});
                }
            }
            """);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.Contains(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(14, d.Location.GetLineSpan().StartLinePosition.Line); // the line of the return, where the index is
    }
}
