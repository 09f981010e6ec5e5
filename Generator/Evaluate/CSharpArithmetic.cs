using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// C#'s built-in operators and conversions on build-time values (loop counters, sizes, names), exactly as
/// C# defines them: each operator works in its operand type (the IOperation tree already holds the
/// implicit conversions, so both operands arrive in that type), integers wrap unless the context is
/// <c>checked</c>, shift counts are masked, comparisons follow IEEE (NaN is unordered). Where C# would
/// throw (checked overflow, division by zero, <c>int.MinValue / -1</c>) or leaves the result unspecified
/// (an out-of-range float converted to an integer in an unchecked context), the answer is an error
/// message, which the evaluator reports at the expression (TG0107); never a different number.
/// </summary>
internal static class CSharpArithmetic
{
    /// <summary>A build-time outcome: a value, or why C# gives none.</summary>
    public readonly struct Outcome
    {
        private Outcome(object? value, string? error, bool supported)
        {
            Value = value;
            Error = error;
            Supported = supported;
        }

        public object? Value { get; }

        /// <summary>Why C# throws here or leaves the result unspecified.</summary>
        public string? Error { get; }

        /// <summary>False when the operator or type is not one this class models.</summary>
        public bool Supported { get; }

        public static Outcome Of(object? value) => new(value, null, true);

        public static Outcome Fail(string error) => new(null, error, true);

        public static readonly Outcome Unsupported = new(null, null, false);
    }

    /// <summary>The special type arithmetic on <paramref name="type"/> uses: an enum's underlying type, else the type's own.</summary>
    public static SpecialType Kind(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }) return underlying.SpecialType;
        return type?.SpecialType ?? SpecialType.None;
    }

    public static bool IsNumeric(SpecialType t) => t is SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
        or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Char
        or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>C#'s binary numeric promotion: the type a predefined operator on these operand types works in.</summary>
    public static SpecialType Promote(SpecialType a, SpecialType b)
    {
        if (a == SpecialType.System_Decimal || b == SpecialType.System_Decimal) return SpecialType.System_Decimal;
        if (a == SpecialType.System_Double || b == SpecialType.System_Double) return SpecialType.System_Double;
        if (a == SpecialType.System_Single || b == SpecialType.System_Single) return SpecialType.System_Single;
        if (a == SpecialType.System_UInt64 || b == SpecialType.System_UInt64) return SpecialType.System_UInt64;
        if (a == SpecialType.System_Int64 || b == SpecialType.System_Int64) return SpecialType.System_Int64;
        if (a == SpecialType.System_UInt32 || b == SpecialType.System_UInt32)
            return IsSigned(a) || IsSigned(b) ? SpecialType.System_Int64 : SpecialType.System_UInt32;
        return SpecialType.System_Int32;
    }

    /// <summary>The type a unary operator or a shift's left operand works in (small integers become int).</summary>
    public static SpecialType Promote(SpecialType a) => a is SpecialType.System_SByte or SpecialType.System_Byte
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char ? SpecialType.System_Int32 : a;

    private static bool IsSigned(SpecialType t) => t is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32;

    /// <summary>A predefined binary operator whose operands are both of <paramref name="type"/> (the right one int, for shifts).</summary>
    public static Outcome Binary(BinaryOperatorKind kind, SpecialType type, object? a, object? b, bool isChecked)
    {
        if (type == SpecialType.System_String)
        {
            return kind switch
            {
                BinaryOperatorKind.Add => Outcome.Of(Text(a) + Text(b)),
                BinaryOperatorKind.Equals => Outcome.Of(Equals(a, b)),
                BinaryOperatorKind.NotEquals => Outcome.Of(!Equals(a, b)),
                _ => Outcome.Unsupported,
            };
        }
        if (type == SpecialType.System_Boolean)
        {
            if (a is not bool x || b is not bool y) return Outcome.Unsupported;
            return kind switch
            {
                BinaryOperatorKind.And => Outcome.Of(x & y),
                BinaryOperatorKind.Or => Outcome.Of(x | y),
                BinaryOperatorKind.ExclusiveOr => Outcome.Of(x ^ y),
                BinaryOperatorKind.Equals => Outcome.Of(x == y),
                BinaryOperatorKind.NotEquals => Outcome.Of(x != y),
                _ => Outcome.Unsupported,
            };
        }
        bool shift = kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;
        var left = Convert(a, type, isChecked: false);
        var right = Convert(b, shift ? SpecialType.System_Int32 : type, isChecked: false);
        if (!left.Supported || !right.Supported || left.Error is not null || right.Error is not null) return Outcome.Unsupported;
        try
        {
            return type switch
            {
                SpecialType.System_Int32 => Integer32(kind, (int)left.Value!, (int)right.Value!, isChecked),
                SpecialType.System_UInt32 => Unsigned32(kind, (uint)left.Value!, right.Value!, isChecked),
                SpecialType.System_Int64 => Integer64(kind, (long)left.Value!, right.Value!, isChecked),
                SpecialType.System_UInt64 => Unsigned64(kind, (ulong)left.Value!, right.Value!, isChecked),
                SpecialType.System_Single => Single(kind, (float)left.Value!, (float)right.Value!),
                SpecialType.System_Double => Double(kind, (double)left.Value!, (double)right.Value!),
                SpecialType.System_Decimal => Decimal(kind, (decimal)left.Value!, (decimal)right.Value!),
                _ => Outcome.Unsupported,
            };
        }
        catch (OverflowException)
        {
            return Outcome.Fail($"{Describe(a)} {Symbol(kind)} {Describe(b)} overflows {Name(type)} in a checked context");
        }
        catch (DivideByZeroException)
        {
            return Outcome.Fail($"{Describe(a)} {Symbol(kind)} {Describe(b)} divides {Name(type)} by zero");
        }
    }

    private static Outcome Integer32(BinaryOperatorKind kind, int x, int y, bool isChecked)
    {
        if (kind is BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder && x == int.MinValue && y == -1)
            throw new OverflowException();
        object? r = kind switch
        {
            BinaryOperatorKind.Add => isChecked ? checked(x + y) : unchecked(x + y),
            BinaryOperatorKind.Subtract => isChecked ? checked(x - y) : unchecked(x - y),
            BinaryOperatorKind.Multiply => isChecked ? checked(x * y) : unchecked(x * y),
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.LeftShift => x << y,
            BinaryOperatorKind.RightShift => x >> y,
            BinaryOperatorKind.UnsignedRightShift => (int)((uint)x >> y),
            BinaryOperatorKind.And => x & y,
            BinaryOperatorKind.Or => x | y,
            BinaryOperatorKind.ExclusiveOr => x ^ y,
            _ => Compare(kind, x.CompareTo(y)),
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    private static Outcome Unsigned32(BinaryOperatorKind kind, uint x, object right, bool isChecked)
    {
        if (right is int n)
        {
            return kind switch
            {
                BinaryOperatorKind.LeftShift => Outcome.Of(x << n),
                BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift => Outcome.Of(x >> n),
                _ => Outcome.Unsupported,
            };
        }
        uint y = (uint)right;
        object? r = kind switch
        {
            BinaryOperatorKind.Add => isChecked ? checked(x + y) : unchecked(x + y),
            BinaryOperatorKind.Subtract => isChecked ? checked(x - y) : unchecked(x - y),
            BinaryOperatorKind.Multiply => isChecked ? checked(x * y) : unchecked(x * y),
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.And => x & y,
            BinaryOperatorKind.Or => x | y,
            BinaryOperatorKind.ExclusiveOr => x ^ y,
            _ => Compare(kind, x.CompareTo(y)),
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    private static Outcome Integer64(BinaryOperatorKind kind, long x, object right, bool isChecked)
    {
        if (right is int n && kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)
        {
            return kind switch
            {
                BinaryOperatorKind.LeftShift => Outcome.Of(x << n),
                BinaryOperatorKind.RightShift => Outcome.Of(x >> n),
                _ => Outcome.Of((long)((ulong)x >> n)),
            };
        }
        long y = (long)right;
        if (kind is BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder && x == long.MinValue && y == -1)
            throw new OverflowException();
        object? r = kind switch
        {
            BinaryOperatorKind.Add => isChecked ? checked(x + y) : unchecked(x + y),
            BinaryOperatorKind.Subtract => isChecked ? checked(x - y) : unchecked(x - y),
            BinaryOperatorKind.Multiply => isChecked ? checked(x * y) : unchecked(x * y),
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.And => x & y,
            BinaryOperatorKind.Or => x | y,
            BinaryOperatorKind.ExclusiveOr => x ^ y,
            _ => Compare(kind, x.CompareTo(y)),
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    private static Outcome Unsigned64(BinaryOperatorKind kind, ulong x, object right, bool isChecked)
    {
        if (right is int n && kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift)
            return Outcome.Of(kind == BinaryOperatorKind.LeftShift ? x << n : x >> n);
        ulong y = (ulong)right;
        object? r = kind switch
        {
            BinaryOperatorKind.Add => isChecked ? checked(x + y) : unchecked(x + y),
            BinaryOperatorKind.Subtract => isChecked ? checked(x - y) : unchecked(x - y),
            BinaryOperatorKind.Multiply => isChecked ? checked(x * y) : unchecked(x * y),
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.And => x & y,
            BinaryOperatorKind.Or => x | y,
            BinaryOperatorKind.ExclusiveOr => x ^ y,
            _ => Compare(kind, x.CompareTo(y)),
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    private static Outcome Single(BinaryOperatorKind kind, float x, float y)
    {
        object? r = kind switch
        {
            BinaryOperatorKind.Add => x + y,
            BinaryOperatorKind.Subtract => x - y,
            BinaryOperatorKind.Multiply => x * y,
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.LessThan => x < y,
            BinaryOperatorKind.LessThanOrEqual => x <= y,
            BinaryOperatorKind.GreaterThan => x > y,
            BinaryOperatorKind.GreaterThanOrEqual => x >= y,
            BinaryOperatorKind.Equals => x == y,
            BinaryOperatorKind.NotEquals => x != y,
            _ => null,
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    private static Outcome Double(BinaryOperatorKind kind, double x, double y)
    {
        object? r = kind switch
        {
            BinaryOperatorKind.Add => x + y,
            BinaryOperatorKind.Subtract => x - y,
            BinaryOperatorKind.Multiply => x * y,
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            BinaryOperatorKind.LessThan => x < y,
            BinaryOperatorKind.LessThanOrEqual => x <= y,
            BinaryOperatorKind.GreaterThan => x > y,
            BinaryOperatorKind.GreaterThanOrEqual => x >= y,
            BinaryOperatorKind.Equals => x == y,
            BinaryOperatorKind.NotEquals => x != y,
            _ => null,
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    private static Outcome Decimal(BinaryOperatorKind kind, decimal x, decimal y)
    {
        object? r = kind switch
        {
            BinaryOperatorKind.Add => x + y,
            BinaryOperatorKind.Subtract => x - y,
            BinaryOperatorKind.Multiply => x * y,
            BinaryOperatorKind.Divide => x / y,
            BinaryOperatorKind.Remainder => x % y,
            _ => Compare(kind, x.CompareTo(y)),
        };
        return r is null ? Outcome.Unsupported : Outcome.Of(r);
    }

    // Only for totally ordered types (integers, decimal): floats compare with their own operators (NaN).
    private static object? Compare(BinaryOperatorKind kind, int order) => kind switch
    {
        BinaryOperatorKind.LessThan => order < 0,
        BinaryOperatorKind.LessThanOrEqual => order <= 0,
        BinaryOperatorKind.GreaterThan => order > 0,
        BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
        BinaryOperatorKind.Equals => order == 0,
        BinaryOperatorKind.NotEquals => order != 0,
        _ => null,
    };

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

    /// <summary>The special type of a boxed build-time value.</summary>
    public static SpecialType Type(object? value) => value switch
    {
        sbyte => SpecialType.System_SByte,
        byte => SpecialType.System_Byte,
        short => SpecialType.System_Int16,
        ushort => SpecialType.System_UInt16,
        char => SpecialType.System_Char,
        int => SpecialType.System_Int32,
        uint => SpecialType.System_UInt32,
        long => SpecialType.System_Int64,
        ulong => SpecialType.System_UInt64,
        float => SpecialType.System_Single,
        double => SpecialType.System_Double,
        decimal => SpecialType.System_Decimal,
        bool => SpecialType.System_Boolean,
        string => SpecialType.System_String,
        _ => SpecialType.None,
    };

    /// <summary>How C# shows a value in a string (culture-invariant, round-trip floats): for names built at build time.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Describe(object? value) => value is string s ? $"\"{s}\"" : Text(value);

    private static string Name(SpecialType t) => t switch
    {
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Char => "char",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        _ => t.ToString(),
    };

    private static string Symbol(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        BinaryOperatorKind.Remainder => "%",
        _ => kind.ToString(),
    };
}
