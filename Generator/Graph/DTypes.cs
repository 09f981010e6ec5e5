namespace Tensorgen.Generator.Graph;

/// <summary>Facts about dtypes: C# names, kinds and NumPy's promotion.</summary>
internal static class DTypes
{
    public static bool IsFloat(this DType t) => t is DType.Float32 or DType.Float64;

    public static bool IsInteger(this DType t) => t is DType.Int8 or DType.Int16 or DType.UInt8 or DType.Int32 or DType.Int64;

    /// <summary>
    /// int8, int16 and uint8: C# computes on them in <c>int</c>, so their results are narrowed back
    /// (wrapping, as NumPy's fixed-width integers wrap).
    /// </summary>
    public static bool IsSmallInteger(this DType t) => t is DType.Int8 or DType.Int16 or DType.UInt8;

    public static string CSharp(this DType t) => t switch
    {
        DType.Bool => "bool",
        DType.Int8 => "sbyte",
        DType.Int16 => "short",
        DType.UInt8 => "byte",
        DType.Int32 => "int",
        DType.Int64 => "long",
        DType.Float32 => "float",
        _ => "double",
    };

    /// <summary>NumPy's name, as printed in graphs and messages.</summary>
    public static string NumPy(this DType t) => t switch
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

    /// <summary>Size in bytes.</summary>
    public static int Size(this DType t) => t switch
    {
        DType.Bool or DType.Int8 or DType.UInt8 => 1,
        DType.Int16 => 2,
        DType.Int32 or DType.Float32 => 4,
        _ => 8,
    };

    /// <summary>The smallest and largest value of an integer dtype (bool: 0 and 1).</summary>
    public static (long Min, long Max) Range(this DType t) => t switch
    {
        DType.Bool => (0, 1),
        DType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
        DType.Int16 => (short.MinValue, short.MaxValue),
        DType.UInt8 => (byte.MinValue, byte.MaxValue),
        DType.Int32 => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    /// <summary>
    /// NumPy's result type for two strongly typed operands (<c>np.promote_types</c>): bool below every number;
    /// integers of one signedness widen to the larger; uint8 with a signed integer needs a signed type wider than
    /// 8 bits (uint8 + int8 is int16); an integer with float32 stays float32 only when float32 holds every value
    /// of the integer (int8, int16, uint8), else float64.
    /// </summary>
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        if (a == DType.Bool) return b;
        if (b == DType.Bool) return a;
        if (a.IsFloat() || b.IsFloat())
        {
            if (a == DType.Float64 || b == DType.Float64) return DType.Float64;
            var other = a == DType.Float32 ? b : a;
            return other.Size() <= 2 ? DType.Float32 : DType.Float64;
        }
        if (a == DType.UInt8 || b == DType.UInt8)
        {
            var signed = a == DType.UInt8 ? b : a;
            return signed == DType.Int8 ? DType.Int16 : signed;
        }
        return a.Size() >= b.Size() ? a : b;
    }

    /// <summary>
    /// PyTensor's <c>upgrade_to_float</c>: the float dtype math on <paramref name="t"/> computes in. float32 holds every
    /// bool, int8, int16 and uint8 exactly; int32 and int64 go to float64.
    /// </summary>
    public static DType UpgradeToFloat(this DType t) => t.IsFloat() ? t : t.Size() <= 2 ? DType.Float32 : DType.Float64;

    /// <summary>
    /// The dtype PyTensor gives a Python number (its autocast): an integer the smallest of int8, int16, int32, int64
    /// that holds it; a real float32 when float32 holds it exactly, else float64. A C# literal stands for that number.
    /// </summary>
    public static DType Autocast(ScalarValue value, DType kind)
    {
        if (kind == DType.Bool) return DType.Bool;
        if (!value.IsFloat)
        {
            long v = value.Bits;
            return v is >= sbyte.MinValue and <= sbyte.MaxValue ? DType.Int8
                : v is >= short.MinValue and <= short.MaxValue ? DType.Int16
                : v is >= int.MinValue and <= int.MaxValue ? DType.Int32 : DType.Int64;
        }
        double d = value.Double;
        return (float)d == d || double.IsInfinity(d) ? DType.Float32 : DType.Float64;
    }
}
