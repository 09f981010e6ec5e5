using System;
using Microsoft.CodeAnalysis.Operations;

namespace Tensorgen.Generator.Evaluate;

/// <summary>C#'s arithmetic on boxed build-time numbers, with C#'s promotions (int, long, float, double).</summary>
internal static class Numeric
{
    public static bool TryApply(BinaryOperatorKind kind, object? a, object? b, out object? result)
    {
        result = null;
        if (!IsNumber(a) || !IsNumber(b)) return false;
        if (a is double || b is double || a is float || b is float)
        {
            bool single = (a is float || b is float) && !(a is double || b is double);
            double x = System.Convert.ToDouble(a), y = System.Convert.ToDouble(b);
            object? r = kind switch
            {
                BinaryOperatorKind.Add => x + y,
                BinaryOperatorKind.Subtract => x - y,
                BinaryOperatorKind.Multiply => x * y,
                BinaryOperatorKind.Divide => x / y,
                BinaryOperatorKind.Remainder => x % y,
                _ => Compare(kind, x.CompareTo(y), x == y),
            };
            result = single && r is double d ? (float)d : r;
            return result is not null;
        }
        long p = System.Convert.ToInt64(a), q = System.Convert.ToInt64(b);
        bool wide = a is long || b is long;
        object? n = kind switch
        {
            BinaryOperatorKind.Add => unchecked(p + q),
            BinaryOperatorKind.Subtract => unchecked(p - q),
            BinaryOperatorKind.Multiply => unchecked(p * q),
            BinaryOperatorKind.Divide when q != 0 => p / q,
            BinaryOperatorKind.Remainder when q != 0 => p % q,
            BinaryOperatorKind.LeftShift => p << (int)q,
            BinaryOperatorKind.RightShift => p >> (int)q,
            _ => Compare(kind, p.CompareTo(q), p == q),
        };
        result = n is long l && !wide ? unchecked((int)l) : n;
        return result is not null;
    }

    private static object? Compare(BinaryOperatorKind kind, int order, bool equal) => kind switch
    {
        BinaryOperatorKind.LessThan => order < 0,
        BinaryOperatorKind.LessThanOrEqual => order <= 0,
        BinaryOperatorKind.GreaterThan => order > 0,
        BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
        BinaryOperatorKind.Equals => equal,
        BinaryOperatorKind.NotEquals => !equal,
        _ => null,
    };

    public static bool IsNumber(object? o) => o is int or long or double or float or short or byte or sbyte or ushort or uint;
}
