using System;
using System.Linq;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Sweeps;

/// <summary>
/// The fused sweep over a matrix's rows (<c>z = x·w</c>, the per-row head, <c>gw = xᵀ·g</c> one block at a time):
/// it must give the values the three steps give one after the other, bit for bit, for any number of rows and
/// columns (blocks of 16 rows, a last partial block, no rows at all), in float64 and float32, whichever way the
/// products are written. The unswept twin of each function reads the matrix for its second product through a
/// second input holding the same data, which no sweep can take.
/// </summary>
public sealed class SweepTests
{
    private const string Graphs = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class Steps
        {
            // The logistic-regression step's products and head, with the gradient written out: g = (p - y) * scale.
            [TensorFunction]
            public static FunctionGraph Swept()
            {
                var (x, x2) = DMatrices("x", "x2");
                var (y, w) = DVectors("y", "w");
                var (b, scale) = DScalars("b", "scale");
                var p = 1 / (1 + Exp(-Dot(x, w) - b));
                var xent = -y * Log(p) - (1 - y) * Log(1 - p);
                var g = (p - y) * scale;
                return Function([x, x2, y, w, b, scale], [xent, Dot(x.T, g), p > 0.5], onUnusedInput: OnUnusedInput.Ignore);
            }

            [TensorFunction]
            public static FunctionGraph Unswept()
            {
                var (x, x2) = DMatrices("x", "x2");
                var (y, w) = DVectors("y", "w");
                var (b, scale) = DScalars("b", "scale");
                var p = 1 / (1 + Exp(-Dot(x, w) - b));
                var xent = -y * Log(p) - (1 - y) * Log(1 - p);
                var g = (p - y) * scale;
                return Function([x, x2, y, w, b, scale], [xent, Dot(x2.T, g), p > 0.5]);
            }

            // The products written the other way round: w·xᵀ and g·x.
            [TensorFunction]
            public static FunctionGraph SweptRowVectors()
            {
                var (x, x2) = DMatrices("x", "x2");
                var (y, w) = DVectors("y", "w");
                var (b, scale) = DScalars("b", "scale");
                var z = Dot(w, x.T) + b;
                var g = Tanh(z) * y * scale;
                return Function([x, x2, y, w, b, scale], [Dot(g, x), z], onUnusedInput: OnUnusedInput.Ignore);
            }

            [TensorFunction]
            public static FunctionGraph UnsweptRowVectors()
            {
                var (x, x2) = DMatrices("x", "x2");
                var (y, w) = DVectors("y", "w");
                var (b, scale) = DScalars("b", "scale");
                var z = Dot(w, x.T) + b;
                var g = Tanh(z) * y * scale;
                return Function([x, x2, y, w, b, scale], [Dot(g, x2), z]);
            }

            [TensorFunction]
            public static FunctionGraph SweptSingle()
            {
                var (x, x2) = FMatrices("x", "x2");
                var (y, w) = FVectors("y", "w");
                var (b, scale) = FScalars("b", "scale");
                var p = Sigmoid(Dot(x, w) + b);
                return Function([x, x2, y, w, b, scale], [Dot(x.T, (p - y) * scale), Softplus(Dot(x, w))], onUnusedInput: OnUnusedInput.Ignore);
            }

            [TensorFunction]
            public static FunctionGraph UnsweptSingle()
            {
                var (x, x2) = FMatrices("x", "x2");
                var (y, w) = FVectors("y", "w");
                var (b, scale) = FScalars("b", "scale");
                var p = Sigmoid(Dot(x, w) + b);
                return Function([x, x2, y, w, b, scale], [Dot(x2.T, (p - y) * scale), Softplus(Dot(x, w))]);
            }

            // A head of ops that all have a 512-bit form: its kernel has a Vector512 loop, so blocks are multiples of its lanes.
            [TensorFunction]
            public static FunctionGraph SweptWide()
            {
                var (x, x2) = DMatrices("x", "x2");
                var (y, w) = DVectors("y", "w");
                var (b, scale) = DScalars("b", "scale");
                var z = Dot(x, w);
                return Function([x, x2, y, w, b, scale], [Dot(x.T, Exp(-Abs(z)) * y * scale + b), Sqrt(Abs(z))], onUnusedInput: OnUnusedInput.Ignore);
            }

            [TensorFunction]
            public static FunctionGraph UnsweptWide()
            {
                var (x, x2) = DMatrices("x", "x2");
                var (y, w) = DVectors("y", "w");
                var (b, scale) = DScalars("b", "scale");
                var z = Dot(x, w);
                return Function([x, x2, y, w, b, scale], [Dot(x2.T, Exp(-Abs(z)) * y * scale + b), Sqrt(Abs(z))]);
            }

            // The matrix and a head input read through views at an offset (rows 1.. of x and y): the blocks start there.
            [TensorFunction]
            public static FunctionGraph SweptView()
            {
                var x = DMatrix("x");
                var (y, w) = DVectors("y", "w");
                var rows = x[1..];
                var p = Sigmoid(Dot(rows, w));
                return Function([x, y, w], [Dot(rows.T, p - y[1..]), p]);
            }

            // A head that needs a value computed from z by another step (its mean) cannot run block by block.
            [TensorFunction]
            public static FunctionGraph Centered()
            {
                var x = DMatrix("x");
                var w = DVector("w");
                var z = Dot(x, w);
                return Function([x, w], Dot(x.T, z - z.Mean()));
            }
        }

        public static class Calls
        {
            public static object[] Double(string name, double[,] x, double[] y, double[] w, double b, double scale)
            {
                var o = name switch
                {
                    "Swept" => Tuple(new Steps.SweptFunction().Invoke(x, x, y, w, b, scale)),
                    "Unswept" => Tuple(new Steps.UnsweptFunction().Invoke(x, x, y, w, b, scale)),
                    "SweptRowVectors" => Pair(new Steps.SweptRowVectorsFunction().Invoke(x, x, y, w, b, scale)),
                    "SweptWide" => Pair(new Steps.SweptWideFunction().Invoke(x, x, y, w, b, scale)),
                    "UnsweptWide" => Pair(new Steps.UnsweptWideFunction().Invoke(x, x, y, w, b, scale)),
                    _ => Pair(new Steps.UnsweptRowVectorsFunction().Invoke(x, x, y, w, b, scale)),
                };
                return o;
            }

            public static object[] Single(string name, float[,] x, float[] y, float[] w, float b, float scale) =>
                name == "SweptSingle" ? Pair(new Steps.SweptSingleFunction().Invoke(x, x, y, w, b, scale)) : Pair(new Steps.UnsweptSingleFunction().Invoke(x, x, y, w, b, scale));

            public static double[] Centered(double[,] x, double[] w) => new Steps.CenteredFunction().Invoke(x, w).ToArray();

            public static object[] SweptView(double[,] x, double[] y, double[] w) => Pair(new Steps.SweptViewFunction().Invoke(x, y, w));

            private static object[] Tuple<A, B, C>((System.Numerics.Tensors.Tensor<A> A, System.Numerics.Tensors.Tensor<B> B, System.Numerics.Tensors.Tensor<C> C) t) => [t.A.ToArray(), t.B.ToArray(), t.C.ToArray()];

            private static object[] Pair<A, B>((System.Numerics.Tensors.Tensor<A> A, System.Numerics.Tensors.Tensor<B> B) t) => [t.A.ToArray(), t.B.ToArray()];

            private static T[] ToArray<T>(this System.Numerics.Tensors.Tensor<T> t) { var a = new T[t.FlattenedLength]; t.FlattenTo(a); return a; }
        }
        """;

    private static readonly GeneratorRun Run = GeneratorHarness.Run(Graphs);
    private static readonly Lazy<Type> Calls = new(() => Run.Load().GetType("Calls", throwOnError: true)!);

    private static object Call(string method, params object[] args)
    {
        try { return Calls.Value.GetMethod(method)!.Invoke(null, args)!; }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    private static string Source(string function) => Run.Files.Single(f => f.Key.EndsWith("Steps." + function + ".g.cs", StringComparison.Ordinal)).Value;

    public static TheoryData<int, int> Shapes => new()
    {
        { 0, 3 }, { 1, 1 }, { 5, 3 }, { 16, 784 }, { 17, 784 }, { 33, 9 }, { 131, 784 }, { 400, 784 }, { 70, 2000 },
        // Past the size the products split across cores at: the three steps run as they would unswept.
        { 1030, 1024 },
    };

    [Fact]
    public void Builds_and_sweeps_exactly_where_a_matrix_is_read_by_both_products()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
        foreach (var swept in new[] { "Swept", "SweptRowVectors", "SweptSingle", "SweptWide" })
            Assert.Contains("in one pass over x's rows", Source(swept));
        Assert.Contains("in one pass over", Source("SweptView"));
        Assert.Contains("SweepRows<double>((int)n1, global::System.Runtime.Intrinsics.Vector512<double>.Count)", Source("SweptWide"));
        Assert.Contains("SweepRows<double>((int)n1, global::System.Numerics.Vector<double>.Count)", Source("Swept"));
        foreach (var unswept in new[] { "Unswept", "UnsweptRowVectors", "UnsweptSingle", "UnsweptWide", "Centered" })
            Assert.DoesNotContain("in one pass over", Source(unswept));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float64_sweeps_equal_the_unfused_steps_bit_for_bit(int rows, int columns)
    {
        var (x, y, w) = Data(rows, columns, seed: rows * 31 + columns);
        foreach (var (swept, unswept) in new[] { ("Swept", "Unswept"), ("SweptRowVectors", "UnsweptRowVectors"), ("SweptWide", "UnsweptWide") })
        {
            var a = (object[])Call("Double", swept, x, y, w, 0.25, 1.0 / Math.Max(1, rows));
            var b = (object[])Call("Double", unswept, x, y, w, 0.25, 1.0 / Math.Max(1, rows));
            for (int k = 0; k < a.Length; k++) AssertIdentical(b[k], a[k], $"{swept} output {k}, {rows}x{columns}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float32_sweeps_equal_the_unfused_steps_bit_for_bit(int rows, int columns)
    {
        var (x, y, w) = Data(rows, columns, seed: rows * 17 + columns);
        var xs = new float[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) xs[i, j] = (float)x[i, j];
        float[] ys = y.Select(v => (float)v).ToArray(), ws = w.Select(v => (float)v).ToArray();
        var a = (object[])Call("Single", "SweptSingle", xs, ys, ws, 0.25f, 1f / Math.Max(1, rows));
        var b = (object[])Call("Single", "UnsweptSingle", xs, ys, ws, 0.25f, 1f / Math.Max(1, rows));
        for (int k = 0; k < a.Length; k++) AssertIdentical(b[k], a[k], $"float32 output {k}, {rows}x{columns}");
    }

    [Fact]
    public void The_swept_step_equals_a_plain_computation()
    {
        // float64, against a loop written out here: 1e-12 relative (the products' sums differ only in order).
        const int rows = 57, columns = 23;
        var (x, y, w) = Data(rows, columns, seed: 5);
        double b = -0.125, scale = 1.0 / rows;
        var o = (object[])Call("Double", "Swept", x, y, w, b, scale);
        var (xent, gw, prediction) = ((double[])o[0], (double[])o[1], (bool[])o[2]);
        var expectedGw = new double[columns];
        for (int i = 0; i < rows; i++)
        {
            double z = b;
            for (int j = 0; j < columns; j++) z += x[i, j] * w[j];
            double p = 1 / (1 + Math.Exp(-z));
            Assert.Equal(-y[i] * Math.Log(p) - (1 - y[i]) * Math.Log(1 - p), xent[i], 1e-12);
            Assert.Equal(p > 0.5, prediction[i]);
            for (int j = 0; j < columns; j++) expectedGw[j] += x[i, j] * (p - y[i]) * scale;
        }
        for (int j = 0; j < columns; j++) Assert.Equal(expectedGw[j], gw[j], 1e-12);
    }

    [Fact]
    public void A_sweep_over_views_at_an_offset_reads_the_right_rows()
    {
        // float64 against a loop written out here, 1e-12: x[1:] and y[1:] are views into x's and y's data.
        const int rows = 37, columns = 29;
        var (x, y, w) = Data(rows, columns, seed: 11);
        var o = (object[])Call("SweptView", x, y, w);
        var (g, p) = ((double[])o[0], (double[])o[1]);
        var expected = new double[columns];
        for (int i = 1; i < rows; i++)
        {
            double z = 0;
            for (int j = 0; j < columns; j++) z += x[i, j] * w[j];
            double pi = 1 / (1 + Math.Exp(-z));
            Assert.Equal(pi, p[i - 1], 1e-12);
            for (int j = 0; j < columns; j++) expected[j] += x[i, j] * (pi - y[i]);
        }
        for (int j = 0; j < columns; j++) Assert.Equal(expected[j], g[j], 1e-12);
    }

    [Fact]
    public void A_head_reading_a_reduction_of_the_product_is_left_unswept_and_right()
    {
        var (x, _, w) = Data(40, 7, seed: 9);
        var result = (double[])Call("Centered", x, w);
        var z = Enumerable.Range(0, 40).Select(i => Enumerable.Range(0, 7).Sum(j => x[i, j] * w[j])).ToArray();
        double mean = z.Average();
        for (int j = 0; j < 7; j++) Assert.Equal(Enumerable.Range(0, 40).Sum(i => x[i, j] * (z[i] - mean)), result[j], 1e-12);
    }

    [Fact]
    public void Non_finite_values_pass_through_the_sweep()
    {
        var (x, y, w) = Data(40, 784, seed: 3);
        x[3, 5] = double.NaN;
        x[20, 700] = double.PositiveInfinity;
        var a = (object[])Call("Double", "Swept", x, y, w, 0.0, 0.025);
        var b = (object[])Call("Double", "Unswept", x, y, w, 0.0, 0.025);
        for (int k = 0; k < a.Length; k++) AssertIdentical(b[k], a[k], $"output {k}");
        Assert.True(((double[])a[1]).All(double.IsNaN), "a NaN in x reaches every gradient entry through its row's p");
    }

    private static (double[,] X, double[] Y, double[] W) Data(int rows, int columns, int seed)
    {
        var rng = new Random(seed);
        var x = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) x[i, j] = rng.NextDouble() * 2 - 1;
        var y = Enumerable.Range(0, rows).Select(_ => (double)rng.Next(2)).ToArray();
        var w = Enumerable.Range(0, columns).Select(_ => (rng.NextDouble() - 0.5) / Math.Sqrt(columns)).ToArray();
        return (x, y, w);
    }

    private static void AssertIdentical(object expected, object actual, string what)
    {
        switch (expected)
        {
            case double[] e:
                var a = (double[])actual;
                Assert.Equal(e.Length, a.Length);
                for (int i = 0; i < e.Length; i++)
                    Assert.True(BitConverter.DoubleToInt64Bits(e[i]) == BitConverter.DoubleToInt64Bits(a[i]), $"{what}[{i}]: {a[i]:R}, unfused {e[i]:R}");
                break;
            case float[] e:
                var f = (float[])actual;
                Assert.Equal(e.Length, f.Length);
                for (int i = 0; i < e.Length; i++)
                    Assert.True(BitConverter.SingleToInt32Bits(e[i]) == BitConverter.SingleToInt32Bits(f[i]), $"{what}[{i}]: {f[i]:R}, unfused {e[i]:R}");
                break;
            default:
                Assert.Equal((bool[])expected, (bool[])actual);
                break;
        }
    }
}
