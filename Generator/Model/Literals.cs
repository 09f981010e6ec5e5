using System;
using System.Globalization;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Model;

/// <summary>C# literals for values, in the invariant culture and round-trip precision.</summary>
internal static class Literals
{
    public static string Of(ScalarValue value, DType dtype)
    {
        value = value.To(dtype);
        return dtype switch
        {
            DType.Bool => value.IsTrue ? "true" : "false",
            // int.MinValue and long.MinValue have no literal of their own: "-2147483648" parses as -(2147483648).
            DType.Int32 => value.Bits == int.MinValue ? "int.MinValue" : value.Bits.ToString(CultureInfo.InvariantCulture),
            // C# has no literals of these types: a cast of an int literal (a constant, so checked at compile time).
            DType.Int8 => $"((sbyte){value.Bits.ToString(CultureInfo.InvariantCulture)})",
            DType.Int16 => $"((short){value.Bits.ToString(CultureInfo.InvariantCulture)})",
            DType.UInt8 => $"((byte){value.Bits.ToString(CultureInfo.InvariantCulture)})",
            DType.Int64 => value.Bits == long.MinValue ? "long.MinValue" : value.Bits.ToString(CultureInfo.InvariantCulture) + "L",
            DType.Float32 => Float((float)value.Double),
            _ => Double(value.Double),
        };
    }

    public static string Of(double value, DType dtype) => Of(ScalarValue.Real(value), dtype);

    private static string Double(double v)
    {
        if (double.IsNaN(v)) return "double.NaN";
        if (double.IsPositiveInfinity(v)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(v)) return "double.NegativeInfinity";
        if (v == 0 && BitConverter.DoubleToInt64Bits(v) < 0) return "-0.0";
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? s : s + ".0";
    }

    private static string Float(float v)
    {
        if (float.IsNaN(v)) return "float.NaN";
        if (float.IsPositiveInfinity(v)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(v)) return "float.NegativeInfinity";
        if (v == 0 && BitConverter.DoubleToInt64Bits(v) < 0) return "-0.0f";
        return v.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    /// <summary>A default value as a value of the input's dtype, or null when it does not fit exactly.</summary>
    public static ScalarValue? Default(object value, DType dtype)
    {
        if (value is bool b) return dtype == DType.Bool ? ScalarValue.Bool(b) : null;
        if (dtype == DType.Bool || ScalarValues.FromObject(value) is not { } number) return null;
        // An integer input takes only integral values it can hold (PyTensor's filter refuses 1.5 for int32).
        if (dtype.IsInteger() && !ScalarValues.FitsExactly(number, dtype)) return null;
        return number.To(dtype);
    }

    public static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
