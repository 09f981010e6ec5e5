using System;
using Tensorgen.Samples.Digits;
using Xunit;
using TensorFactory = System.Numerics.Tensors.Tensor;

namespace Tensorgen.Tests.Digits;

/// <summary>The Digits sample's scoring helpers: argmax of rows (NumPy's ties and NaNs), accuracy, confusion matrix.</summary>
public sealed class EvaluationTests
{
    [Fact]
    public void Argmax_rows_as_numpy()
    {
        // np.argmax(s, axis=1) of these rows is [1, 2, 0, 1, 0]: ties go to the first, the first NaN wins.
        double[] values = [1, 3, 3, -1, -2, -0.5, double.NaN, 5, 1, 2, double.NaN, double.NaN, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity];
        var scores = TensorFactory.Create(values, [5, 3]);
        Assert.Equal(new long[] { 1, 2, 0, 1, 0 }, Evaluation.ArgmaxRows(scores));
    }

    [Fact]
    public void Argmax_of_no_rows_is_empty_and_of_no_columns_throws()
    {
        Assert.Empty(Evaluation.ArgmaxRows(TensorFactory.Create(Array.Empty<double>(), [0, 10])));
        Assert.Throws<ArgumentException>(() => Evaluation.ArgmaxRows(TensorFactory.Create(Array.Empty<double>(), [3, 0])));
        Assert.Throws<ArgumentException>(() => Evaluation.ArgmaxRows(TensorFactory.Create(new double[] { 1, 2 }, [2])));
    }

    [Fact]
    public void Accuracy_counts_matches()
    {
        Assert.Equal(0.75, Evaluation.Accuracy([1, 2, 3, 4], [1, 2, 0, 4]));
        Assert.Equal(1.0, Evaluation.Accuracy([7], [7]));
        Assert.Throws<ArgumentException>(() => Evaluation.Accuracy([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Evaluation.Accuracy([], []));
    }

    [Fact]
    public void Confusion_matrix_rows_are_true_classes()
    {
        long[] labels = [0, 0, 1, 2, 2, 2];
        long[] predicted = [0, 1, 1, 2, 0, 2];
        // sklearn.metrics.confusion_matrix(labels, predicted)
        Assert.Equal(new int[,] { { 1, 1, 0 }, { 0, 1, 0 }, { 1, 0, 2 } }, Evaluation.ConfusionMatrix(predicted, labels, 3));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Evaluation.ConfusionMatrix([0, 3], [0, 1], 3));
        Assert.Contains("row 1: label 1, prediction 3", error.Message);
    }

    [Fact]
    public void Confusion_matrix_prints_as_a_table()
    {
        Assert.Equal(
            "true\\pred    0    1\n" +
            "        0   12    0\n" +
            "        1    3  105\n",
            Evaluation.Format(new int[,] { { 12, 0 }, { 3, 105 } }));
    }
}
