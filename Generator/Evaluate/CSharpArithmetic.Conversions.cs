using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tensorgen.Generator.Evaluate;

/// <summary>C#'s unary operators and numeric conversions on build-time values, exactly as C# defines them.</summary>
internal static partial class CSharpArithmetic
{
    /// <summary>A predefined unary operator on an operand of <paramref name="type"/> (already promoted).</summary>
    public static Outcome Unary(UnaryOperatorKind kind, SpecialType type, object? value, bool isChecked)
    {
        if (kind == UnaryOperatorKind.Not) return value is bool b ? Outcome.Of(!b) : Outcome.Unsupported;
        var operand = Convert(value, type, isChecked: false);
        if (!operand.Supported || operand.Error is not null) return Outcome.Unsupported;
        object v = operand.Value!;
        if (kind == UnaryOperatorKind.Plus) return Outcome.Of(v);
        try
        {
            object? r = (kind, v) switch
            {
                (UnaryOperatorKind.Minus, int i) => isChecked ? checked(-i) : unchecked(-i),
                (UnaryOperatorKind.Minus, long l) => isChecked ? checked(-l) : unchecked(-l),
                (UnaryOperatorKind.Minus, float f) => -f,
                (UnaryOperatorKind.Minus, double d) => -d,
                (UnaryOperatorKind.Minus, decimal m) => -m,
                (UnaryOperatorKind.BitwiseNegation, int i) => ~i,
                (UnaryOperatorKind.BitwiseNegation, uint u) => ~u,
                (UnaryOperatorKind.BitwiseNegation, long l) => ~l,
                (UnaryOperatorKind.BitwiseNegation, ulong u) => ~u,
                _ => null,
            };
            return r is null ? Outcome.Unsupported : Outcome.Of(r);
        }
        catch (OverflowException)
        {
            return Outcome.Fail($"-({Describe(value)}) overflows {Name(type)} in a checked context");
        }
    }

    /// <summary>
    /// C#'s numeric conversion of <paramref name="value"/> to <paramref name="target"/>: integers wrap
    /// (unchecked) or fail (checked) when out of range; floats truncate toward zero, and out of range (or
    /// NaN) fail, since C# leaves that result unspecified when unchecked and throws when checked.
    /// </summary>
    public static Outcome Convert(object? value, SpecialType target, bool isChecked)
    {
        if (!IsNumeric(target) || value is null) return Outcome.Unsupported;
        if (Type(value) == target) return Outcome.Of(value);
        if (value is bool or string) return Outcome.Unsupported;
        try
        {
            switch (value)
            {
                case float or double:
                {
                    double d = value is float f ? f : (double)value;
                    if (target == SpecialType.System_Single) return Outcome.Of((float)d);
                    if (target == SpecialType.System_Double) return Outcome.Of(d);
                    if (target == SpecialType.System_Decimal) return Outcome.Of((decimal)d);
                    double truncated = Math.Truncate(d);
                    if (double.IsNaN(d) || truncated < Min(target) || truncated > Max(target))
                        return Outcome.Fail(isChecked
                            ? $"converting {Describe(value)} to {Name(target)} overflows in a checked context"
                            : $"converting {Describe(value)} to {Name(target)} is out of its range, where C# leaves the result unspecified");
                    return Integral(truncated < 0 ? (decimal)(long)truncated : (decimal)(ulong)truncated, target, isChecked, value);
                }
                case decimal m:
                    if (target == SpecialType.System_Single) return Outcome.Of((float)m);
                    if (target == SpecialType.System_Double) return Outcome.Of((double)m);
                    // decimal to an integer type always throws when out of range (checked or not).
                    return Integral(Math.Truncate(m), target, isChecked: true, value);
                default:
                {
                    decimal n = value switch
                    {
                        ulong u => u,
                        char c => c,
                        _ => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                    };
                    if (target == SpecialType.System_Single) return Outcome.Of(value is ulong u1 ? (float)u1 : (float)(long)n);
                    if (target == SpecialType.System_Double) return Outcome.Of(value is ulong u2 ? (double)u2 : (double)(long)n);
                    if (target == SpecialType.System_Decimal) return Outcome.Of(n);
                    return Integral(n, target, isChecked, value);
                }
            }
        }
        catch (OverflowException)
        {
            return Outcome.Fail($"converting {Describe(value)} to {Name(target)} overflows");
        }
    }

    /// <summary>An integral value (exact, as a decimal) to an integer type: in range, wrapped, or failed when checked.</summary>
    private static Outcome Integral(decimal n, SpecialType target, bool isChecked, object original)
    {
        if (n < ExactMin(target) || n > ExactMax(target))
        {
            if (isChecked) return Outcome.Fail($"converting {Describe(original)} to {Name(target)} overflows in a checked context");
            // Unchecked: keep the low bits, as C# does.
            ulong bits = n < 0 ? unchecked((ulong)(long)n) : (ulong)n;
            return Outcome.Of(FromBits(bits, target));
        }
        return Outcome.Of(FromBits(n < 0 ? unchecked((ulong)(long)n) : (ulong)n, target));
    }

    private static object FromBits(ulong bits, SpecialType target) => unchecked(target switch
    {
        SpecialType.System_SByte => (sbyte)bits,
        SpecialType.System_Byte => (byte)bits,
        SpecialType.System_Int16 => (short)bits,
        SpecialType.System_UInt16 => (ushort)bits,
        SpecialType.System_Char => (char)bits,
        SpecialType.System_Int32 => (int)bits,
        SpecialType.System_UInt32 => (uint)bits,
        SpecialType.System_Int64 => (long)bits,
        _ => (object)bits,
    });

    private static decimal ExactMin(SpecialType t) => t switch
    {
        SpecialType.System_SByte => sbyte.MinValue,
        SpecialType.System_Int16 => short.MinValue,
        SpecialType.System_Int32 => int.MinValue,
        SpecialType.System_Int64 => long.MinValue,
        _ => 0,
    };

    private static decimal ExactMax(SpecialType t) => t switch
    {
        SpecialType.System_SByte => sbyte.MaxValue,
        SpecialType.System_Byte => byte.MaxValue,
        SpecialType.System_Int16 => short.MaxValue,
        SpecialType.System_UInt16 or SpecialType.System_Char => ushort.MaxValue,
        SpecialType.System_Int32 => int.MaxValue,
        SpecialType.System_UInt32 => uint.MaxValue,
        SpecialType.System_Int64 => long.MaxValue,
        _ => ulong.MaxValue,
    };

    private static double Min(SpecialType t) => t switch
    {
        SpecialType.System_SByte => sbyte.MinValue,
        SpecialType.System_Int16 => short.MinValue,
        SpecialType.System_Int32 => int.MinValue,
        SpecialType.System_Int64 => long.MinValue,
        _ => 0,
    };

    // As doubles, the upper bounds of long and ulong round up to 2^63 and 2^64, which do not fit:
    // compared after truncation, "> Max" must read ">= 2^63" there.
    private static double Max(SpecialType t) => t switch
    {
        SpecialType.System_SByte => sbyte.MaxValue,
        SpecialType.System_Byte => byte.MaxValue,
        SpecialType.System_Int16 => short.MaxValue,
        SpecialType.System_UInt16 or SpecialType.System_Char => ushort.MaxValue,
        SpecialType.System_Int32 => int.MaxValue,
        SpecialType.System_UInt32 => uint.MaxValue,
        SpecialType.System_Int64 => 9223372036854774784.0, // the largest double below 2^63
        _ => 18446744073709549568.0, // the largest double below 2^64
    };
}
