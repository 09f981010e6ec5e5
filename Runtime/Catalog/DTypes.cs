using System;
using System.Globalization;

namespace Tensorgen;

/// <summary>Run-time facts about dtypes: the one for a C# element type, and how types read in messages.</summary>
public static class DTypes
{
    /// <summary>The dtype of C# element type <typeparamref name="T"/>.</summary>
    public static DType Of<T>() =>
        typeof(T) == typeof(double) ? DType.Float64 : typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(long) ? DType.Int64 : typeof(T) == typeof(int) ? DType.Int32
        : typeof(T) == typeof(bool) ? DType.Bool
        : typeof(T) == typeof(sbyte) ? DType.Int8 : typeof(T) == typeof(short) ? DType.Int16 : typeof(T) == typeof(byte) ? DType.UInt8
        : throw new NotSupportedException($"{typeof(T).Name} is not a Tensorgen dtype (bool, sbyte, short, byte, int, long, float, double).");

    /// <summary>NumPy's name: <c>float64</c>.</summary>
    public static string NumPyName(DType dtype) => dtype switch
    {
        DType.Bool => "bool",
        DType.Int8 => "int8",
        DType.Int16 => "int16",
        DType.UInt8 => "uint8",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.Float32 => "float32",
        _ => "float64",
    };

    /// <summary>"scalar", "vector", "matrix", "3-d tensor".</summary>
    public static string RankName(int rank) => rank switch { 0 => "scalar", 1 => "vector", 2 => "matrix", _ => $"{rank}-d tensor" };

    /// <summary>"(?, 1)": a static shape as PyTensor prints it, ? for any size.</summary>
    public static string ShapeText(ReadOnlySpan<int?> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < parts.Length; i++) parts[i] = shape[i] is { } s ? s.ToString(CultureInfo.InvariantCulture) : "?";
        return parts.Length == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>"int64 scalar", "float64 matrix (1, ?)".</summary>
    public static string Describe(DType dtype, ReadOnlySpan<int?> shape) =>
        shape.Length == 0 ? $"{NumPyName(dtype)} scalar" : $"{NumPyName(dtype)} {RankName(shape.Length)} {ShapeText(shape)}";
}
