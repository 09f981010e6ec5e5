using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace Tensorgen.Samples.Digits;

/// <summary>
/// The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", the 1797 images scikit-learn's
/// <c>load_digits</c> returns), one image per row: 64 pixels in row-major order scaled from 0..16 to 0..1 (exactly: k/16
/// is a binary fraction), and its digit.
/// </summary>
public sealed class DigitsData
{
    /// <summary>The number of pixels of an image (8×8).</summary>
    public const int Pixels = 64;

    /// <summary>The number of classes (the digits 0 to 9).</summary>
    public const int Classes = 10;

    private DigitsData(double[,] images, long[] labels) => (Images, Labels) = (images, labels);

    /// <summary>The images, one per row, pixels in 0..1.</summary>
    public double[,] Images { get; }

    /// <summary>The digit of each row.</summary>
    public long[] Labels { get; }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>
    /// Reads the data set embedded in this assembly (<c>digits.csv.gz</c>, as scikit-learn ships it: 1797 lines of 64
    /// pixel counts and the digit, comma-separated).
    /// </summary>
    public static DigitsData Load()
    {
        // GetManifestResourceStream is all the reflection this needs, which NativeAOT keeps.
        using var resource = typeof(DigitsData).Assembly.GetManifestResourceStream("digits.csv.gz")
            ?? throw new InvalidOperationException("the embedded resource digits.csv.gz is missing");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        return Parse(reader);
    }

    /// <summary>Parses lines of 64 pixel counts (0..16) and a digit (0..9); throws naming the line of a bad one.</summary>
    public static DigitsData Parse(TextReader reader)
    {
        var rows = new System.Collections.Generic.List<(double[] Pixels, long Label)>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != Pixels + 1)
                throw new InvalidDataException($"line {rows.Count + 1}: {fields.Length} fields where {Pixels + 1} are needed");
            var pixels = new double[Pixels];
            for (int j = 0; j < Pixels; j++) pixels[j] = Field(fields[j], 16, rows.Count + 1) / 16.0;
            rows.Add((pixels, Field(fields[Pixels], Classes - 1, rows.Count + 1)));
        }
        var images = new double[rows.Count, Pixels];
        var labels = new long[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < Pixels; j++) images[i, j] = rows[i].Pixels[j];
            labels[i] = rows[i].Label;
        }
        return new DigitsData(images, labels);
    }

    // A whole number in 0..max, written as an integer or as scikit-learn's older files write it ("16.0").
    private static int Field(string text, int max, int line)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || value != Math.Floor(value) || value < 0 || value > max)
            throw new InvalidDataException($"line {line}: '{text}' is not a whole number in 0..{max}");
        return (int)value;
    }

    /// <summary>
    /// A random train/test split: the rows of <c>np.random.default_rng(seed).permutation(Count)</c>, the first
    /// <paramref name="testCount"/> for testing and the rest for training (NumPy's numbers, so a Python script splits alike).
    /// </summary>
    public (DigitsData Train, DigitsData Test) Split(ulong seed, int testCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(testCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testCount, Count);
        long[] order = RandomGenerator.DefaultRng(seed).Permutation(Count);
        return (Rows(order[testCount..]), Rows(order[..testCount]));
    }

    /// <summary>The given rows, in that order.</summary>
    public DigitsData Rows(long[] rows)
    {
        var images = new double[rows.Length, Pixels];
        var labels = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < Pixels; j++) images[i, j] = Images[rows[i], j];
            labels[i] = Labels[rows[i]];
        }
        return new DigitsData(images, labels);
    }
}
