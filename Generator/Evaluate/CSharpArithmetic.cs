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
internal static partial class CSharpArithmetic
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
}
