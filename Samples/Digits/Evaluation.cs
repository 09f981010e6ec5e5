using System;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text;

namespace Tensorgen.Samples.Digits;

/// <summary>How good predictions are: accuracy and a confusion matrix.</summary>
public static class Evaluation
{
    /// <summary>The fraction of predictions equal to their labels.</summary>
    public static double Accuracy(long[] predicted, long[] labels)
    {
        if (predicted.Length != labels.Length) throw new ArgumentException($"{predicted.Length} predictions for {labels.Length} labels");
        if (labels.Length == 0) throw new ArgumentException("no labels to score", nameof(labels));
        int correct = 0;
        for (int i = 0; i < labels.Length; i++) correct += predicted[i] == labels[i] ? 1 : 0;
        return (double)correct / labels.Length;
    }

    /// <summary>
    /// The confusion matrix: entry [t, p] counts the rows of true class t predicted as p (scikit-learn's
    /// <c>confusion_matrix(labels, predicted)</c>), so the diagonal holds the correct ones.
    /// </summary>
    public static int[,] ConfusionMatrix(long[] predicted, long[] labels, int classes)
    {
        if (predicted.Length != labels.Length) throw new ArgumentException($"{predicted.Length} predictions for {labels.Length} labels");
        var counts = new int[classes, classes];
        for (int i = 0; i < labels.Length; i++)
        {
            if ((ulong)labels[i] >= (ulong)classes || (ulong)predicted[i] >= (ulong)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"row {i}: label {labels[i]}, prediction {predicted[i]}; classes are 0..{classes - 1}");
            counts[labels[i], predicted[i]]++;
        }
        return counts;
    }

    /// <summary>The confusion matrix as a table: a row per true class, a column per predicted class.</summary>
    public static string Format(int[,] confusion)
    {
        int classes = confusion.GetLength(0);
        var text = new StringBuilder();
        text.Append("true\\pred");
        for (int p = 0; p < classes; p++) text.Append(CultureInfo.InvariantCulture, $"{p,5}");
        text.Append('\n');
        for (int t = 0; t < classes; t++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t,9}");
            for (int p = 0; p < classes; p++) text.Append(CultureInfo.InvariantCulture, $"{confusion[t, p],5}");
            text.Append('\n');
        }
        return text.ToString();
    }
}
