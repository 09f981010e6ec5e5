using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tensorgen.Generator.Evaluate;

/// <summary>How build-time values and operators are named in the evaluator's messages.</summary>
internal static partial class CSharpArithmetic
{
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
