using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Text.Json;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.SoftmaxFamily;

/// <summary>
/// The softmax family at ±1000 and ±inf against PyTensor's values (softmax_expected.json, "extremes"); the stabilizing
/// rewrites (named in the generated remarks) keep hand-written forms and the softmax cross-entropy finite, values and
/// gradients; a keepdims reduction dimshuffled to 0-d.
/// </summary>
public sealed class SoftmaxStabilityTests
{
    private static readonly JsonElement Extremes =
        JsonDocument.Parse(Repo.Read("Tests/Tensorgen.Tests/Softmax/softmax_expected.json")).RootElement.GetProperty("extremes");

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) }
        : e.GetDouble();

    private static double[] Flat(JsonElement e) => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flat).ToArray() : [Number(e)];

    /// <summary>The input matrix of an "extremes" entry, and PyTensor's outputs, flattened.</summary>
    private static (Tensor<double> X, double[][] Outputs) Case(string name)
    {
        var entry = Extremes.GetProperty(name);
        var rows = entry.GetProperty("x").EnumerateArray().ToArray();
        var data = Flat(entry.GetProperty("x"));
        var x = Tensor.Create(data, [rows.Length, data.Length / rows.Length]);
        return (x, entry.GetProperty("outputs").EnumerateArray().Select(Flat).ToArray());
    }

    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    private static double[] Flat(Tensor<float> t)
    {
        var data = new float[t.FlattenedLength];
        t.FlattenTo(data);
        return data.Select(v => (double)v).ToArray();
    }

    /// <summary>Equal within a relative tolerance; NaN where PyTensor has NaN, the same infinity where it has one.</summary>
    private static void Same(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            bool ok = double.IsNaN(e) ? double.IsNaN(a) : double.IsInfinity(e) ? a == e : Math.Abs(a - e) <= tolerance * (1 + Math.Abs(e));
            Assert.True(ok, $"{what}: element {i} is {a:R}, PyTensor's {e:R}");
        }
    }

    [Theory]
    [InlineData("Rows")]
    [InlineData("Infinite")]
    public void Softmax_LogSoftmax_LogSumExp_match_pytensor_at_extreme_values(string name)
    {
        var (x, expected) = Case(name);
        var (sm, lsm, lse, _, _) = new SoftmaxGraphs.RowsFunction().Invoke(x);
        Same(expected[0], Flat(sm), 1e-12, "softmax");
        Same(expected[1], Flat(lsm), 1e-12, "log_softmax");
        Same(expected[2], Flat(lse), 1e-12, "logsumexp");
        var (byHand, byHandGrad) = new SoftmaxGraphs.LogOfSoftmaxFunction().Invoke(x);
        Same(expected[3], Flat(byHand), 1e-12, "log(softmax(x))");
        var (rows, _, _, _) = new SoftmaxGraphs.LogSumOfExpFunction().Invoke(x);
        Same(expected[4], Flat(rows), 1e-12, "log(sum(exp(x)))");
    }

    [Fact]
    public void Float32_rows_of_plus_minus_1000_are_finite_and_match_pytensor()
    {
        var (x, expected) = Case("Rows");
        var x32 = Tensor.Create(Flat(x).Select(v => (float)v).ToArray(), [4, 3]);
        var (sm, lsm, lse) = new SoftmaxGraphs.Rows32Function().Invoke(x32);
        Same(expected[0], Flat(sm), 1e-6, "softmax float32");
        Same(expected[1], Flat(lsm), 1e-6, "log_softmax float32");
        Same(expected[2], Flat(lse), 1e-6, "logsumexp float32");
    }

    [Fact]
    public void PyTensor_defaults_normalize_over_every_element()
    {
        var x = Tensor.Create(new[] { 1000.0, -1000.0, 0.0, 1000.0 }, [2, 2]);
        var (_, _, _, all, lseAll) = new SoftmaxGraphs.RowsFunction().Invoke(x);
        Same([0.5, 0, 0, 0.5], Flat(all), 1e-15, "softmax(x)");
        Assert.Equal([1, 1], lseAll.Lengths.ToArray().Select(d => (int)d));
        Same([1000 + Math.Log(2)], Flat(lseAll), 1e-15, "logsumexp(x, keepdims=True)");
    }

    [Fact]
    public void Log_of_softmax_becomes_log_softmax_with_a_finite_gradient()
    {
        var x = Tensor.Create(new[] { 1000.0, -1000.0, 0.0, 1.0, 2.0, 3.0 }, [2, 3]);
        var (lsm, grad) = new SoftmaxGraphs.LogOfSoftmaxFunction().Invoke(x);
        Assert.Contains("local_logsoftmax", new SoftmaxGraphs.LogOfSoftmaxFunction().Graph);
        Assert.All(Flat(lsm), v => Assert.True(double.IsFinite(v)));
        // d/dx sum(log_softmax(x)) = 1 - n · softmax(x) per row.
        var sm = new[] { 1.0, 0, 0 }.Concat(new[] { 1.0, 2, 3 }.Select(v => Math.Exp(v) / (Math.E + Math.Exp(2) + Math.Exp(3)))).ToArray();
        Same(sm.Select(s => 1 - 3 * s).ToArray(), Flat(grad), 1e-12, "gradient");
    }

    [Fact]
    public void Log_of_sum_of_exp_becomes_the_stable_log_sum_exp_over_an_axis_with_keepdims_and_over_all()
    {
        var x = Tensor.Create(new[] { 1000.0, -1000.0, 0.0, 800.0, 800.0, 800.0 }, [2, 3]);
        var (rows, keep, all, grad) = new SoftmaxGraphs.LogSumOfExpFunction().Invoke(x);
        Assert.Contains("local_log_sum_exp (x3)", new SoftmaxGraphs.LogSumOfExpFunction().Graph);
        Same([1000, 800 + Math.Log(3)], Flat(rows), 1e-15, "rows");
        Assert.Equal([2, 1], keep.Lengths.ToArray().Select(d => (int)d));
        Same([1000, 800 + Math.Log(3)], Flat(keep), 1e-15, "keepdims");
        Same([1000 + Math.Log(1 + 3 * Math.Exp(-200))], [all], 1e-15, "all");
        // The gradient of a row's log-sum-exp is its softmax.
        Same([1, 0, 0, 1 / 3.0, 1 / 3.0, 1 / 3.0], Flat(grad), 1e-12, "gradient (exp(x - lse): lse near 800 is exact to 1e-13)");
    }

    /// <summary>PyTensor's values and gradients of the softmax cross-entropy at ±1000 (its gradient by index is NaN in row 0; ours is the one-hot's).</summary>
    [Fact]
    public void Softmax_cross_entropy_by_index_and_by_one_hot_is_finite_at_plus_minus_1000()
    {
        var entry = Extremes.GetProperty("CrossEntropy");
        var (x, expected) = Case("CrossEntropy");
        long[] y = entry.GetProperty("y").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var onehot = Tensor.Create(Enumerable.Range(0, 12).Select(i => y[i / 3] == i % 3 ? 1.0 : 0.0).ToArray(), [4, 3]);

        var (byIndex, byIndexGrad) = new SoftmaxGraphs.IndexedCrossEntropyFunction().Invoke(x, y);
        Same(expected[0], Flat(byIndex), 1e-12, "-log(softmax(x)[arange(n), y])");
        // PyTensor 2.24.2 gives NaN for row 0 of this gradient (its local_logsoftmax is forward only); the one-hot
        // form's gradient, which it gets right, is the same function's. Mean: divided by the 4 rows.
        Assert.All(Flat(byIndexGrad), v => Assert.True(double.IsFinite(v)));
        Same(expected[3].Select(v => v / 4).ToArray(), Flat(byIndexGrad), 1e-12, "its gradient");
        Assert.Contains("local_logsoftmax", new SoftmaxGraphs.IndexedCrossEntropyFunction().Graph);

        var (byOneHot, byOneHotGrad) = new SoftmaxGraphs.OneHotCrossEntropyFunction().Invoke(x, onehot);
        Same(expected[2], Flat(byOneHot), 1e-12, "-sum(onehot * log(softmax(x)), 1)");
        Same(expected[3], Flat(byOneHotGrad), 1e-12, "its gradient");

        var (cceIndex, cceOneHot, cceIndexGrad, cceOneHotGrad, onehot4) = new SoftmaxGraphs.CategoricalFunction().Invoke(x, y);
        Same(expected[0], Flat(cceIndex), 1e-12, "CategoricalCrossEntropy(softmax, y)");
        Same(expected[2], Flat(cceOneHot), 1e-12, "CategoricalCrossEntropy(softmax, ToOneHot(y))");
        Same(expected[3], Flat(cceIndexGrad), 1e-12, "its gradient by index");
        Same(expected[3], Flat(cceOneHotGrad), 1e-12, "its gradient by one-hot");
        Same(Enumerable.Range(0, 16).Select(i => y[i / 4] == i % 4 ? 1.0 : 0.0).ToArray(), Flat(onehot4), 0, "ToOneHot(y, 4)");
        Same(expected[4], Flat(new SoftmaxGraphs.CategoricalFunction().Invoke(x, y).Item5).Where((_, i) => i % 4 != 3).ToArray(), 0, "PyTensor's to_one_hot(y, 3)");
    }

    [Fact]
    public void A_softmax_read_only_for_its_shape_is_not_computed()
    {
        var graph = new SoftmaxGraphs.IndexedCrossEntropyFunction().Graph;
        Assert.DoesNotContain("softmax{axis=1}(x) :", graph.Replace("log_softmax{axis=1}(x) :", ""));
        Assert.Contains("local_shape_to_shape_i", graph);
    }

    [Fact]
    public void ToOneHot_and_CategoricalCrossEntropy_check_their_classes()
    {
        var x = Tensor.Create(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, [2, 3]);
        var f = new SoftmaxGraphs.CategoricalFunction();
        var e = Assert.Throws<IndexOutOfRangeException>(() => f.Invoke(x, new long[] { 0, 3 }));
        Assert.Contains("SoftmaxGraphs.Categorical", e.Message);
        Assert.Contains("'y'", e.Message);
        // A negative class counts from the end, as NumPy's indexing.
        var (byClass, byOneHot, _, _, _) = f.Invoke(x, new long[] { -1, 0 });
        Same(Flat(byClass), Flat(byOneHot), 1e-15, "negative class");
        Same([Math.Log(1 + Math.Exp(-1) + Math.Exp(-2)), Math.Log(1 + Math.Exp(1) + Math.Exp(2))], Flat(byClass), 1e-12, "values");
        // One class per row.
        Assert.Throws<TensorShapeException>(() => f.Invoke(x, new long[] { 0, 1, 2 }));
    }

    [Fact]
    public void An_empty_axis_raises_as_numpy_does()
    {
        var empty = Tensor.Create(System.Array.Empty<double>(), [2, 0]);
        var e = Assert.Throws<TensorShapeException>(() => new SoftmaxGraphs.RowsFunction().Invoke(empty));
        Assert.Contains("zero-size array to reduction operation maximum which has no identity", e.Message);
        Assert.Contains("SoftmaxGraphs.Rows", e.Message);
        // Empty rows along another axis are fine: softmax of (0, 3) along axis 1 is empty.
        var (sm, lsm, lse) = new SoftmaxGraphs.Rows32Function().Invoke(Tensor.Create(System.Array.Empty<float>(), [0, 3]));
        Assert.Equal(0, sm.FlattenedLength + lsm.FlattenedLength + lse.FlattenedLength);
    }

    [Fact]
    public void Max_with_keepdims_dimshuffled_to_0d_is_a_scalar()
    {
        var x = Tensor.Create(new[] { 1.0, 7.0, -3.0, 2.0 }, [2, 2]);
        var (max, plusOne, sum) = new SoftmaxGraphs.MaxKeepdimsDroppedFunction().Invoke(x);
        Assert.Equal(7.0, max);
        Assert.Equal(8.0, plusOne);
        Assert.Equal(7.0, sum);
    }

    [Fact]
    public void Non_consecutive_axes_and_a_middle_axis_match_the_definition()
    {
        var data = Enumerable.Range(0, 24).Select(i => (i * 37 % 11 - 5) * 150.0).ToArray();
        var x = Tensor.Create(data, [2, 3, 4]);
        var (lse, sm, lsm) = new SoftmaxGraphs.Tensor3Function().Invoke(x);
        Assert.Equal([1, 3, 1], lse.Lengths.ToArray().Select(d => (int)d));
        for (int j = 0; j < 3; j++)
        {
            var block = Enumerable.Range(0, 8).Select(k => data[(k / 4) * 12 + j * 4 + k % 4]).ToArray();
            double m = block.Max();
            Same([m + Math.Log(block.Sum(v => Math.Exp(v - m)))], [Flat(lse)[j]], 1e-14, "logsumexp over (0, 2)");
        }
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 4; k++)
            {
                var column = Enumerable.Range(0, 3).Select(j => data[i * 12 + j * 4 + k]).ToArray();
                double m = column.Max(), s = column.Sum(v => Math.Exp(v - m));
                for (int j = 0; j < 3; j++) Same([Math.Exp(column[j] - m) / s], [Flat(sm)[i * 12 + j * 4 + k]], 1e-14, "softmax along axis 1");
            }
        for (int r = 0; r < 12; r++)
        {
            double a = data[r], b = data[12 + r], m = Math.Max(a, b), l = Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
            Same([a - m - l, b - m - l], [Flat(lsm)[r], Flat(lsm)[12 + r]], 1e-14, "log_softmax along axis 0");
        }
    }

    [Fact]
    public void Sign_of_negative_zero_is_positive_zero_as_numpy()
    {
        // 17 elements: the vector loop and its scalar tail both see -0.0.
        var x = Enumerable.Range(0, 17).Select(i => i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : -2.0).ToArray();
        var result = Flat(new SoftmaxGraphs.OverSignFunction().Invoke(x));
        Assert.Equal(x.Select(v => v == 0 ? double.PositiveInfinity : -1.0), result);
    }

    [Fact]
    public void The_readme_classifier_is_finite_for_logits_of_plus_minus_1000()
    {
        var x = Tensor.Create(new[] { 1.0, 0.0, 0.0, 1.0 }, [2, 2]);
        var w = Tensor.Create(new[] { 1000.0, -1000.0, 0.0, -1000.0, 1000.0, 0.0 }, [2, 3]);
        var (cost, grad, lse) = new SoftmaxGraphs.ClassifyFunction().Invoke(x, new long[] { 1, 2 }, w);
        // Row 0: logits (1000, -1000, 0), class 1: 2000; row 1: (-1000, 1000, 0), class 2: 1000. Mean 1500.
        Assert.Equal(1500.0, cost, 1e-9);
        Assert.All(Flat(grad), v => Assert.True(double.IsFinite(v)));
        // d cost / d w = x^T (softmax - onehot) / 2: softmax rows are (1, 0, 0) and (0, 1, 0).
        Same([0.5, -0.5, 0, 0, 0.5, -0.5], Flat(grad), 1e-12, "gradient");
        Same([1000, 1000], Flat(lse), 1e-15, "logsumexp of the logits");
    }
}
