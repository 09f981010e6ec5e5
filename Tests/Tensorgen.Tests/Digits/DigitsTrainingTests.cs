using System;
using System.Linq;
using System.Text.Json;
using Tensorgen.Samples.Digits;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Digits;

/// <summary>
/// The Digits sample's compiled training step against PyTensor 2.24.2 running the same model (digits_pytensor.py,
/// its output digits_pytensor.json): the same embedded data, split, initial weights and shuffled minibatches, one
/// epoch of 45 steps. float64 throughout; every cost, weight and log-probability agrees to 1e-10 (absolute; the
/// values are of order 1), which a wrong gradient, update or batch would miss by far more.
/// </summary>
public sealed class DigitsTrainingTests
{
    private const string ReferenceFile = "Tests/Tensorgen.Tests/Digits/digits_pytensor.json";
    private const double Tolerance = 1e-10;
    private const ulong SplitSeed = 2024, InitSeed = 1, ShuffleSeed = 7;
    private const int TestCount = 360, BatchSize = 32;

    private static readonly Lazy<DigitsData> Data = new(DigitsData.Load);

    [Fact]
    public void One_epoch_matches_PyTensor()
    {
        using var reference = JsonDocument.Parse(Repo.Read(ReferenceFile));
        var expected = reference.RootElement;
        Assert.Equal("2.24.2", expected.GetProperty("pytensor").GetString());

        var (train, test) = Data.Value.Split(SplitSeed, TestCount);
        var firstTest = test.Rows([0, 1, 2, 3, 4]);
        var model = Perceptron.Create(InitSeed);
        var trainBatch = new Perceptron.TrainBatchFunction(model);
        var logProbabilities = new Perceptron.LogProbabilitiesFunction(model);
        var predict = new Perceptron.PredictFunction(model);

        // Before training: the initial weights give PyTensor's log-probabilities.
        AssertClose(Numbers(expected.GetProperty("initial_test_log_probabilities")), Flat(logProbabilities.Invoke(firstTest.Images)), "initial log-probabilities");

        var batches = Batches.Epoch(RandomGenerator.DefaultRng(ShuffleSeed), train.Count, BatchSize).ToList();
        Assert.Equal(Numbers(expected.GetProperty("batch_sizes")), batches.Select(b => (double)b.Length).ToArray());
        Assert.Equal(Numbers(expected.GetProperty("first_batch")), batches[0].Select(i => (double)i).ToArray());

        double[] costs = batches.Select(idx => trainBatch.Invoke(train.Images, train.Labels, idx)).ToArray();
        AssertClose(Numbers(expected.GetProperty("costs")), costs, "costs");
        AssertClose(Numbers(expected.GetProperty("W1")), Flat(model.W1.GetValue().Tensor), "W1");
        AssertClose(Numbers(expected.GetProperty("b1")), Flat(model.B1.GetValue().Tensor), "b1");
        AssertClose(Numbers(expected.GetProperty("W2")), Flat(model.W2.GetValue().Tensor), "W2");
        AssertClose(Numbers(expected.GetProperty("b2")), Flat(model.B2.GetValue().Tensor), "b2");
        AssertClose(Numbers(expected.GetProperty("test_log_probabilities")), Flat(logProbabilities.Invoke(firstTest.Images)), "trained log-probabilities");
        // The compiled argmax predicts PyTensor's digits for the whole test set.
        Assert.Equal(Numbers(expected.GetProperty("test_predictions")), Longs(predict.Invoke(test.Images)).Select(d => (double)d).ToArray());

        // The epoch learned something: the last batches cost far less than the first.
        Assert.True(costs[^1] < costs[0] / 2, $"costs {costs[0]} → {costs[^1]}");
    }

    [Fact]
    public void Training_step_leaves_the_data_alone_and_rejects_a_bad_index()
    {
        var (train, _) = Data.Value.Split(SplitSeed, TestCount);
        var images = (double[,])train.Images.Clone();
        var model = Perceptron.Create(InitSeed);
        var trainBatch = new Perceptron.TrainBatchFunction(model);
        double[] w1 = Flat(model.W1.GetValue().Tensor);

        var error = Assert.ThrowsAny<IndexOutOfRangeException>(() => trainBatch.Invoke(train.Images, train.Labels, new long[] { 0, train.Count }));
        Assert.Contains("idx", error.Message);
        Assert.Equal(w1, Flat(model.W1.GetValue().Tensor));

        trainBatch.Invoke(train.Images, train.Labels, new long[] { 0, 1, 2 });
        Assert.Equal(images, train.Images);
        Assert.NotEqual(w1, Flat(model.W1.GetValue().Tensor));
    }

    [Fact]
    public void Embedded_data_is_scikit_learns_digits()
    {
        var data = Data.Value;
        Assert.Equal(1797, data.Count);
        Assert.Equal(new[] { 1797, DigitsData.Pixels }, new[] { data.Images.GetLength(0), data.Images.GetLength(1) });
        // np.bincount(load_digits().target)
        int[] counts = new int[DigitsData.Classes];
        foreach (long label in data.Labels) counts[label]++;
        Assert.Equal(new[] { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 }, counts);
        Assert.All(data.Images.Cast<double>(), p => Assert.InRange(p, 0.0, 1.0));
        // The last line of digits.csv.gz: an 8, whose first row of pixels is 0,0,10,14,8,1,0,0.
        Assert.Equal(8, data.Labels[^1]);
        Assert.Equal(new[] { 0, 0, 10 / 16.0, 14 / 16.0, 8 / 16.0, 1 / 16.0, 0, 0 }, Enumerable.Range(0, 8).Select(j => data.Images[1796, j]));
    }

    [Fact]
    public void Split_partitions_the_rows()
    {
        var data = Data.Value;
        var (train, test) = data.Split(SplitSeed, TestCount);
        Assert.Equal(1437, train.Count);
        Assert.Equal(TestCount, test.Count);
        // Every image lands in exactly one part: the multiset of (label, pixels) rows is preserved.
        static string Key(DigitsData d, int i) => d.Labels[i] + ":" + string.Join(",", Enumerable.Range(0, DigitsData.Pixels).Select(j => d.Images[i, j]));
        var all = Enumerable.Range(0, data.Count).Select(i => Key(data, i)).Order().ToArray();
        var parts = Enumerable.Range(0, train.Count).Select(i => Key(train, i)).Concat(Enumerable.Range(0, test.Count).Select(i => Key(test, i))).Order().ToArray();
        Assert.Equal(all, parts);
        // Another seed splits differently.
        Assert.NotEqual(test.Labels, data.Split(SplitSeed + 1, TestCount).Test.Labels);
    }

    [Theory]
    [InlineData("1,2\n", "line 1: 2 fields where 65 are needed")]
    [InlineData("17" + ",0" + ",0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "line 1: '17' is not a whole number in 0..16")]
    public void Parse_names_the_bad_line(string text, string message)
    {
        var error = Assert.Throws<System.IO.InvalidDataException>(() => DigitsData.Parse(new System.IO.StringReader(text)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Batches_cover_each_row_once_per_epoch()
    {
        var batches = Batches.Epoch(RandomGenerator.DefaultRng(3), 10, 4).ToList();
        Assert.Equal(new[] { 4, 4, 2 }, batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.SelectMany(b => b).Order());
        // The same permutation NumPy draws: np.random.default_rng(3).permutation(10).
        Assert.Equal(RandomGenerator.DefaultRng(3).Permutation(10), batches.SelectMany(b => b));
    }

    private static double[] Flat(System.Numerics.Tensors.Tensor<double> tensor)
    {
        var values = new double[tensor.FlattenedLength];
        tensor.FlattenTo(values);
        return values;
    }

    // A JSON number, or nested arrays of them, flattened in row-major order.
    private static double[] Numbers(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number) return [element.GetDouble()];
        return element.EnumerateArray().SelectMany(Numbers).ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{what}[{i}]: PyTensor {expected[i]:R}, Tensorgen {actual[i]:R}");
    }

    private static long[] Longs(System.Numerics.Tensors.Tensor<long> t)
    {
        var flat = new long[t.FlattenedLength];
        t.FlattenTo(flat);
        return flat;
    }
}
