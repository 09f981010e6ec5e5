using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

// C#'s own operators and conversions on build-time values, interpolated strings, and the chains of binary
// operators that both they and tensor arithmetic are written in.
internal sealed partial class GraphEvaluator
{
    /// <summary>An interpolated string, with each hole's alignment and format as C# applies them (culture-invariant).</summary>
    private Value Interpolate(int at, IrInterpolatedString interpolated)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            if (Node(part) is IrInterpolatedText literal)
            {
                if (Evaluate(literal.Text) is ConstValue { Constant: string s }) text.Append(s);
                continue;
            }
            if (Node(part) is not IrInterpolation hole) return Mistyped(part, "this part of an interpolated string");
            var piece = Evaluate(hole.Expression);
            if (piece is ErrorValue) return piece;
            var alignment = hole.Alignment < 0 ? new ConstValue(0) : Evaluate(hole.Alignment);
            var format = hole.FormatString < 0 ? new ConstValue(null) : Evaluate(hole.FormatString);
            if (piece is not ConstValue c || alignment is not ConstValue { Constant: int width } || format is not ConstValue { Constant: null or string })
            {
                Report(Model.Diagnostics.NotConstant, part, "an interpolated value", Text(part));
                return ErrorValue.Instance;
            }
            string? formatted = c.Constant is IFormattable f && format is ConstValue { Constant: string spec }
                ? FormatOrError(f, spec, part)
                : CSharpArithmetic.Text(c.Constant);
            if (formatted is null) return ErrorValue.Instance;
            text.Append(width >= 0 ? formatted.PadLeft(width) : formatted.PadRight(-width));
        }
        if (!Step(at, text.Length / 16)) return ErrorValue.Instance;
        return new ConstValue(text.ToString());
    }

    private string? FormatOrError(IFormattable value, string format, int at)
    {
        try
        {
            return value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            Report(Model.Diagnostics.Arithmetic, at, $"'{Shorten(Text(at))}': the format '{format}' is not valid for {CSharpArithmetic.Text(value)}, where C# throws FormatException");
            return null;
        }
    }

    /// <summary>Conversions: literal to tensor (tagged implicit operators), variable to In, and C#'s numeric ones.</summary>
    private Value Convert(int at, IrConversion conversion)
    {
        if (conversion.Method >= 0)
            return CallApi(conversion.Method, at, new[] { conversion.Operand });

        var value = Evaluate(conversion.Operand);
        if (value is not ConstValue { Constant: { } c }) return value;
        var target = conversion.Target;
        // Boxing, identity and reference conversions keep the value; numeric ones compute it.
        if (!CSharpArithmetic.IsNumeric(target) || !CSharpArithmetic.IsNumeric(CSharpArithmetic.Type(c))) return value;
        return ConvertConstant(value, target, conversion.IsChecked, at);
    }

    private Value ConvertConstant(Value value, SpecialType target, bool isChecked, int at)
    {
        if (value is not ConstValue { Constant: { } c } || !CSharpArithmetic.IsNumeric(target)) return value;
        return Outcome(CSharpArithmetic.Convert(c, target, isChecked), at, value);
    }

    /// <summary>A build-time result: the value, or TG0107 where C# throws or leaves the result unspecified.</summary>
    private Value Outcome(CSharpArithmetic.Outcome outcome, int at, Value? unsupported = null)
    {
        if (outcome.Error is { } error)
        {
            Report(Model.Diagnostics.Arithmetic, at, $"'{Shorten(Text(at))}': {error}");
            return ErrorValue.Instance;
        }
        if (outcome.Supported)
        {
            if (outcome.Value is string text && !Step(at, text.Length / 16)) return ErrorValue.Instance;
            return new ConstValue(outcome.Value);
        }
        if (unsupported is not null) return unsupported;
        Report(Model.Diagnostics.NotConstant, at, "an operand of C# arithmetic in graph code", Shorten(Text(at)));
        return ErrorValue.Instance;
    }

    private static bool IsShift(BinaryOperatorKind kind) =>
        kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;

    /// <summary>
    /// A binary expression. A long chain (<c>a + b + c + ...</c>, machine-written sums of thousands of terms)
    /// is a left-deep tree: it is walked down its left spine and folded back up in a loop, so its length
    /// costs no stack.
    /// </summary>
    private Value BinaryChain(int top)
    {
        var spine = new Stack<int>();
        int leftmost = top;
        while (Node(leftmost) is IrBinary b && !IsShortCircuit(b))
        {
            spine.Push(leftmost);
            leftmost = b.Left;
        }
        // An implicit conversion may sit between links of the chain (int terms in a long sum); it is
        // applied on the way up.
        Value left = spine.Count == 0 ? ShortCircuit(leftmost) : Evaluate(leftmost);
        while (spine.Count > 0)
        {
            int at = spine.Pop();
            var binary = (IrBinary)Node(at);
            if (!Step(at)) return ErrorValue.Instance;
            left = binary.Method >= 0
                ? CallApi(binary.Method, at, Array.Empty<int>(), left, Evaluate(binary.Right))
                : ConstantBinary(binary.OperatorKind, binary.LeftType, left, Evaluate(binary.Right), binary.IsChecked, at);
        }
        return left;
    }

    private static bool IsShortCircuit(IrBinary binary) =>
        binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr;

    /// <summary>&amp;&amp; and ||: like C#, the right side is evaluated only when needed.</summary>
    private Value ShortCircuit(int at)
    {
        var binary = (IrBinary)Node(at);
        var left = Evaluate(binary.Left);
        if (left is ConstValue { Constant: bool l })
        {
            bool and = binary.OperatorKind == BinaryOperatorKind.ConditionalAnd;
            if (l != and) return new ConstValue(l);
            return Evaluate(binary.Right);
        }
        if (left is not ErrorValue) Report(Model.Diagnostics.NotConstant, binary.Left, "a C# logical operand", Text(binary.Left));
        return ErrorValue.Instance;
    }

    /// <summary>C#'s arithmetic on build-time constants (loop counters, sizes, names), in <paramref name="type"/>.</summary>
    private Value ConstantBinary(BinaryOperatorKind kind, SpecialType type, Value left, Value right, bool isChecked, int at)
    {
        if (left is ErrorValue || right is ErrorValue) return ErrorValue.Instance;
        if (left is ConstValue { Constant: var a } && right is ConstValue { Constant: var b })
        {
            // String concatenation converts the other operand (boxed) to text.
            if (type is not SpecialType.System_String && (a is string || b is string) && kind == BinaryOperatorKind.Add) type = SpecialType.System_String;
            return Outcome(CSharpArithmetic.Binary(kind, type, a, b, isChecked), at);
        }
        Report(Model.Diagnostics.NotConstant, at, "an operand of C# arithmetic in graph code", Shorten(Text(at)));
        return ErrorValue.Instance;
    }

    private Value ConstantUnary(int at, IrUnary unary)
    {
        var value = Evaluate(unary.Operand);
        if (value is ErrorValue) return value;
        if (value is ConstValue { Constant: var c })
            return Outcome(CSharpArithmetic.Unary(unary.OperatorKind, unary.OperandType, c, unary.IsChecked), at);
        Report(Model.Diagnostics.NotConstant, at, "an operand of C# arithmetic in graph code", Shorten(Text(at)));
        return ErrorValue.Instance;
    }
}
