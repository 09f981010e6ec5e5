using System;
using System.Globalization;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Model;

/// <summary>C# literals for values, in the invariant culture and round-trip precision.</summary>
internal static class Literals
{
    public static string Of(double value, DType dtype) => dtype switch
    {
        DType.Bool => value != 0 ? "true" : "false",
        DType.Int32 => ((int)value).ToString(CultureInfo.InvariantCulture),
        DType.Int64 => ((long)value).ToString(CultureInfo.InvariantCulture) + "L",
        DType.Float32 => Float((float)value),
        _ => Double(value),
    };

    private static string Double(double v)
    {
        if (double.IsNaN(v)) return "double.NaN";
        if (double.IsPositiveInfinity(v)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(v)) return "double.NegativeInfinity";
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? s : s + ".0";
    }

    private static string Float(float v)
    {
        if (float.IsNaN(v)) return "float.NaN";
        if (float.IsPositiveInfinity(v)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(v)) return "float.NegativeInfinity";
        return v.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    /// <summary>A default value as a literal of the input's dtype, or null when it does not fit.</summary>
    public static string? Default(object value, DType dtype)
    {
        switch (value)
        {
            case bool b when dtype == DType.Bool:
                return b ? "true" : "false";
            case bool:
                return null;
            case string:
                return null;
            default:
                if (!(value is IConvertible)) return null;
                double d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                bool integral = value is int or long or short or byte or sbyte or uint or ushort;
                if (dtype == DType.Bool) return null;
                if (dtype.IsInteger() && (!integral && d != Math.Floor(d) || d != ScalarMath.Round(d, dtype))) return null;
                return Of(d, dtype);
        }
    }

    public static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
