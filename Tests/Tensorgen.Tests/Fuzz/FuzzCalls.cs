using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Tests.Infrastructure;
using Array = Tensorgen.Tests.Infrastructure.Array;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// What one call of a fuzzed graph gets: a length for each size symbol, and values for each input,
/// handed over as scalars or as tensors in one <see cref="InputLayout"/>; and its results turned back
/// into plain arrays.
/// </summary>
internal static class FuzzCalls
{
    private static readonly double[] Specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0];

    /// <summary>
    /// Lengths for the size symbols: empty, single, and lengths that are not a multiple of any vector width;
    /// longer ones where the graph's ranks keep tensors small (the reference is a plain interpreter).
    /// </summary>
    public static int[] Sizes(Random random, GraphProgram program)
    {
        int[] options = program.MaxRank switch
        {
            >= 3 => [0, 1, 2, 3, 4, 5, 7],
            2 => [0, 1, 2, 3, 5, 7, 9, 13, 17],
            _ => [0, 1, 2, 3, 5, 7, 9, 13, 17, 33],
        };
        var sizes = new int[GraphProgram.Symbols];
        for (int s = 0; s < sizes.Length; s++)
        {
            if (program.StaticSizes.TryGetValue(s, out var fixedSize)) sizes[s] = fixedSize;
            else
                do sizes[s] = options[random.Next(options.Length)];
                while (sizes[s] == 0 && program.NonEmpty.Contains(s));
        }
        return sizes;
    }

    public static int[] Shape(FuzzInput input, int[] sizes) => input.Dims.Select(d => d.IsOne ? 1 : sizes[d.Symbol]).ToArray();

    /// <summary>Values as <paramref name="input"/>'s <see cref="ValueKind"/> says.</summary>
    public static Array Values(Random random, FuzzInput input, int[] shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        var data = new double[size];
        for (int i = 0; i < size; i++)
            data[i] = (input.DType, input.Values) switch
            {
                (DType.Bool, _) => random.Next(2),
                (DType.Int32 or DType.Int64, ValueKind.Positive) => random.Next(1, 6),
                (DType.Int32 or DType.Int64, _) => random.Next(-5, 6),
                (_, ValueKind.Positive) => 0.1 + 3 * random.NextDouble(),
                (_, ValueKind.Special) when random.Next(4) == 0 => Specials[random.Next(Specials.Length)],
                _ => 6 * random.NextDouble() - 3,
            };
        return new Array(data, shape);
    }

    /// <summary>The argument Invoke takes for <paramref name="input"/>: a scalar, or a tensor laid out as <paramref name="views"/> says.</summary>
    public static object Argument(FuzzInput input, Array value, TensorViews views) => (input.Rank, input.DType) switch
    {
        (0, DType.Bool) => value.Data[0] != 0,
        (0, DType.Int32) => (int)value.Data[0],
        (0, DType.Int64) => (long)value.Data[0],
        (0, DType.Float32) => (float)value.Data[0],
        (0, _) => value.Data[0],
        (_, DType.Bool) => views.Tensor<bool>(value),
        (_, DType.Int32) => views.Tensor<int>(value),
        (_, DType.Int64) => views.Tensor<long>(value),
        (_, DType.Float32) => views.Tensor<float>(value),
        _ => views.Tensor<double>(value),
    };

    /// <summary>An output of Invoke as a plain array: a 0-d output is a scalar, any other a tensor.</summary>
    public static Array Result(object value) => value switch
    {
        Tensor<double> t => TensorData.FromTensor(t),
        Tensor<float> t => TensorData.FromTensor(t),
        Tensor<int> t => TensorData.FromTensor(t),
        Tensor<long> t => TensorData.FromTensor(t),
        Tensor<bool> t => TensorData.FromTensor(t),
        double d => Array.Scalar(d),
        float f => Array.Scalar(f),
        int i => Array.Scalar(i),
        long l => Array.Scalar(l),
        bool b => Array.Scalar(b ? 1 : 0),
        _ => throw new InvalidOperationException($"unexpected output type {value?.GetType().Name ?? "null"}"),
    };

    /// <summary>A short text of a value, for failure messages.</summary>
    public static string Show(Array a, int max = 40)
    {
        string values = string.Join(", ", a.Data.Take(max).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        return $"shape ({string.Join(", ", a.Shape)}) [{values}{(a.Size > max ? ", ..." : "")}]";
    }
}
