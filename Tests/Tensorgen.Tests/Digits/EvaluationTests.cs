using System;
using Tensorgen.Samples.Digits;
using Xunit;

namespace Tensorgen.Tests.Digits;

/// <summary>The Digits sample's scoring helpers: accuracy, confusion matrix.</summary>
public sealed class EvaluationTests
{
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
