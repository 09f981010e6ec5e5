using System;
using System.Globalization;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// A constant's value, exact in every dtype: bools and integers as a <c>long</c>, floats as the bits of a
/// <c>double</c>. Held this way rather than as a <c>double</c> so that 2^53 + 1 stays itself, and so that
/// equality (which hash-consing merges on) is by bits: <c>-0.0</c> is not <c>0.0</c>.
/// </summary>
internal readonly record struct ScalarValue(long Bits, bool IsFloat)
{
    public static ScalarValue Integer(long value) => new(value, false);

    public static ScalarValue Real(double value) => new(BitConverter.DoubleToInt64Bits(value), true);

    public static ScalarValue Bool(bool value) => new(value ? 1 : 0, false);

    /// <summary><paramref name="value"/> as a constant of <paramref name="dtype"/>, converted as the emitted code converts.</summary>
    public static ScalarValue Of(double value, DType dtype) => Real(value).To(dtype);

    public double Double => IsFloat ? BitConverter.Int64BitsToDouble(Bits) : Bits;

    /// <summary>The value as an integer: floats convert as .NET does (truncate, saturate, NaN is 0).</summary>
    public long Long => IsFloat ? Saturate(Double, long.MinValue, long.MaxValue) : Bits;

    public bool IsTrue => IsFloat ? Double != 0 : Bits != 0;

    /// <summary>Numeric equality with a double (for rewrites matching 0, 1, 2, 0.5).</summary>
    public bool Is(double value) => IsFloat ? Double == value : Bits == value && Math.Abs(value) <= 1L << 53;

    /// <summary>
    /// This value converted to <paramref name="dtype"/> as the emitted C# converts it: integers wrap to
    /// int32 (<c>unchecked((int)x)</c>), floats truncate toward zero and saturate (.NET 9+ semantics, with
    /// NaN becoming 0), anything to bool is "not zero", float64 to float32 rounds.
    /// </summary>
    public ScalarValue To(DType dtype) => dtype switch
    {
        DType.Bool => Bool(IsTrue),
        DType.Int32 => Integer(IsFloat ? Saturate(Double, int.MinValue, int.MaxValue) : unchecked((int)Bits)),
        // A float goes to int32 first, then wraps: the emitted code converts as unchecked((sbyte)(int)x), which
        // is what NumPy's C cast gives on its platforms (np.float64(300).astype(np.int8) is 44).
        DType.Int8 => Integer(unchecked((sbyte)(IsFloat ? Saturate(Double, int.MinValue, int.MaxValue) : Bits))),
        DType.Int16 => Integer(unchecked((short)(IsFloat ? Saturate(Double, int.MinValue, int.MaxValue) : Bits))),
        DType.UInt8 => Integer(unchecked((byte)(IsFloat ? Saturate(Double, int.MinValue, int.MaxValue) : Bits))),
        DType.Int64 => Integer(Long),
        DType.Float32 => Real((float)Double),
        _ => Real(Double),
    };

    private static long Saturate(double value, long min, long max)
    {
        if (double.IsNaN(value)) return 0;
        if (value <= min) return min;
        // (double)long.MaxValue rounds up to 2^63, which does not fit.
        if (value >= max) return max;
        return (long)value;
    }

    /// <summary>The value as text, as graphs print it: integers exactly, floats round-trip.</summary>
    public string Text(DType dtype) => dtype switch
    {
        _ when !IsFloat => Bits.ToString(CultureInfo.InvariantCulture),
        DType.Float32 => ((float)Double).ToString("R", CultureInfo.InvariantCulture),
        _ => Double.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>Build-time C# numbers as <see cref="ScalarValue"/>s.</summary>
internal static class ScalarValues
{
    /// <summary>A boxed C# number (or bool) as a value, exactly; null for anything else (including a ulong above long.MaxValue).</summary>
    public static ScalarValue? FromObject(object? value) => value switch
    {
        bool b => ScalarValue.Bool(b),
        int or long or short or sbyte or byte or ushort or uint or char => ScalarValue.Integer(System.Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong u when u <= long.MaxValue => ScalarValue.Integer((long)u),
        double d => ScalarValue.Real(d),
        float f => ScalarValue.Real(f),
        _ => null,
    };

    /// <summary>Whether <paramref name="value"/> converted to <paramref name="dtype"/> and back is still itself.</summary>
    public static bool FitsExactly(ScalarValue value, DType dtype)
    {
        const double TwoTo63 = 9223372036854775808.0;
        if (value.IsFloat && dtype.IsInteger())
        {
            double d = value.Double;
            var (min, max) = dtype.Range();
            return d == Math.Floor(d) && (dtype == DType.Int64 ? d >= -TwoTo63 && d < TwoTo63 : d >= min && d <= max);
        }
        var converted = value.To(dtype);
        if (!value.IsFloat && dtype.IsFloat())
            return converted.Double >= -TwoTo63 && converted.Double < TwoTo63 && (long)converted.Double == value.Bits;
        if (value.IsFloat) return converted.Double == value.Double || double.IsNaN(value.Double);
        if (dtype == DType.Bool) return value.Bits is 0 or 1;
        return converted.Bits == value.Bits;
    }
}
