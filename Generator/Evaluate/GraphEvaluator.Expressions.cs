using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Evaluate;

internal sealed partial class GraphEvaluator
{
    public Value Evaluate(IOperation operation) => Nested(operation, operation, _evaluateCore ??= EvaluateCore, ErrorValue.Instance);

    private System.Func<IOperation, Value>? _evaluateCore;

    private Value EvaluateCore(IOperation operation)
    {
        if (!Step(operation)) return ErrorValue.Instance;

        // C# constants (literals, const fields, constant arithmetic) need no walking.
        if (operation.ConstantValue.HasValue && operation is not IConversionOperation { OperatorMethod: not null })
            return new ConstValue(operation.ConstantValue.Value);

        switch (operation)
        {
            // Code that does not compile: the compiler reports it; one error is enough.
            case IInvalidOperation:
                return ErrorValue.Instance;

            case ILocalReferenceOperation local:
                return Locals.TryGetValue(local.Local, out var lv) ? lv.Value : Unassigned(local);

            case IParameterReferenceOperation parameter:
                return Locals.TryGetValue(parameter.Parameter, out var pv) ? pv.Value : Unassigned(parameter);

            case IConversionOperation conversion:
                return Convert(conversion);

            case IBinaryOperation binary:
                return BinaryChain(binary);

            case IUnaryOperation unary when unary.OperatorMethod is not null:
                return CallApi(unary.OperatorMethod, unary, new[] { unary.Operand });

            case IUnaryOperation unary:
                return ConstantUnary(unary);

            case IInvocationOperation invocation:
                return Invoke(invocation);

            case ISimpleAssignmentOperation { IsRef: true } refAssignment:
                Report(Model.Diagnostics.Effect, refAssignment, "a ref assignment makes one variable an alias of another, which graph code does not model");
                return ErrorValue.Instance;

            case ISimpleAssignmentOperation assignment:
            {
                if (!IsAssignable(assignment.Target)) return ErrorValue.Instance;
                var value = Evaluate(assignment.Value);
                Assign(assignment.Target, value);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                if (!IsAssignable(compound.Target)) return ErrorValue.Instance;
                Value value;
                if (compound.OperatorMethod is not null)
                {
                    value = CallApi(compound.OperatorMethod, compound, new[] { compound.Target, compound.Value });
                }
                else
                {
                    // x op= y is x = (T)(x op y), the operator working in the promoted type of both.
                    var target = Evaluate(compound.Target);
                    var operand = Evaluate(compound.Value);
                    var targetType = CSharpArithmetic.Kind(compound.Target.Type);
                    var operatorType = IsShift(compound.OperatorKind) ? CSharpArithmetic.Promote(targetType)
                        : CSharpArithmetic.IsNumeric(targetType) && CSharpArithmetic.IsNumeric(CSharpArithmetic.Kind(compound.Value.Type))
                            ? CSharpArithmetic.Promote(targetType, CSharpArithmetic.Kind(compound.Value.Type))
                            : targetType;
                    value = ConstantBinary(compound.OperatorKind, operatorType, target, operand, compound.IsChecked, compound);
                    value = ConvertConstant(value, targetType, compound.IsChecked, compound);
                }
                Assign(compound.Target, value);
                return value;
            }

            case IIncrementOrDecrementOperation increment:
            {
                if (!IsAssignable(increment.Target)) return ErrorValue.Instance;
                var old = Evaluate(increment.Target);
                var type = CSharpArithmetic.Kind(increment.Target.Type);
                var value = ConstantBinary(
                    increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract,
                    CSharpArithmetic.Promote(type), old, new ConstValue(1), increment.IsChecked, increment);
                value = ConvertConstant(value, type, increment.IsChecked, increment);
                Assign(increment.Target, value);
                return increment.IsPostfix ? old : value;
            }

            case IDeconstructionAssignmentOperation deconstruction:
            {
                var value = Evaluate(deconstruction.Value);
                Deconstruct(deconstruction.Target, value);
                return value;
            }

            case ICollectionExpressionOperation collection:
                return List(collection.Elements);

            case IArrayCreationOperation array when array.Initializer is not null:
                return List(array.Initializer.ElementValues);

            case ITupleOperation tuple:
                return List(tuple.Elements);

            case IArrayElementReferenceOperation element when element.Indices.Length == 1:
                return Index(Evaluate(element.ArrayReference), Evaluate(element.Indices[0]), element);

            case IPropertyReferenceOperation property when property.Property.IsIndexer && property.Arguments.Length == 1:
                return Index(Evaluate(property.Instance!), Evaluate(property.Arguments[0].Value), property);

            case IPropertyReferenceOperation { Property.Name: "Length", Instance: { Type: IArrayTypeSymbol } array } length:
                return Evaluate(array) switch
                {
                    ListValue list => new ConstValue(list.Count),
                    ErrorValue error => error,
                    _ => Mistyped(length, "the length of something that is not a list of graph values"),
                };

            case IPropertyReferenceOperation property when !property.Property.IsIndexer:
                return Member(property, property.Property, property.Type!, property.Instance);

            case IFieldReferenceOperation field:
                return Member(field, field.Field, field.Type!, field.Instance);

            case IObjectCreationOperation creation when IsPairsDictionary(creation.Type):
                return DictionaryPairs(creation);

            // A stream made in a random variable member's initializer: new RandomStream(seed).Uniform(...).
            case IObjectCreationOperation creation when creation.Type is not null && IsTensorgenType(creation.Type, "RandomStream"):
                return new StreamValue(null);

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return TryCondition(conditional.Condition, out bool c)
                    ? Evaluate(c ? conditional.WhenTrue : conditional.WhenFalse)
                    : ErrorValue.Instance;

            case IInterpolatedStringOperation interpolated:
                return Interpolate(interpolated);

            case IDefaultValueOperation:
                return new ConstValue(null);

            case IDeclarationExpressionOperation declaration:
                return Evaluate(declaration.Expression);

            default:
                Report(Model.Diagnostics.UnsupportedExpression, operation, Shorten(operation.Syntax.ToString()), Kind(operation));
                return ErrorValue.Instance;
        }
    }

    private static string Kind(IOperation operation) => operation switch
    {
        IAnonymousFunctionOperation => "a lambda",
        IObjectCreationOperation => "an object creation",
        IFieldReferenceOperation => "a non-constant field",
        IPropertyReferenceOperation => "a property",
        IAwaitOperation => "await",
        IThrowOperation => "a throw expression",
        _ => operation.Kind.ToString(),
    };

    private Value Unassigned(IOperation reference)
    {
        Report(Model.Diagnostics.UnsupportedExpression, reference, reference.Syntax.ToString(), "a variable with no value at build time");
        return ErrorValue.Instance;
    }

    /// <summary>Writes a variable. Locals and parameters are cells; anything else is a side effect graph code does not model.</summary>
    private void Assign(IOperation target, Value value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Write(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                Write(parameter.Parameter, value);
                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value);
                break;
            case IDiscardOperation:
                break;
            default:
                IsAssignable(target);
                break;
        }
    }

    private void Write(ISymbol variable, Value value)
    {
        if (Locals.TryGetValue(variable, out var cell)) cell.Value = value;
        else Declare(variable, value);
    }

    /// <summary>Whether graph code can write <paramref name="target"/>; reports TG0108 when it cannot.</summary>
    private bool IsAssignable(IOperation target)
    {
        if (target is ILocalReferenceOperation or IParameterReferenceOperation or IDiscardOperation
            or IDeclarationExpressionOperation { Expression: ILocalReferenceOperation or ITupleOperation })
            return true;
        string what = target switch
        {
            IFieldReferenceOperation f => $"a write to the field '{f.Field.Name}'",
            IPropertyReferenceOperation p => $"a write to the property '{p.Property.Name}'",
            IArrayElementReferenceOperation => "a write to an array element (arrays in graph code are values: build a new one, [.. xs, x])",
            _ => $"a write to '{Shorten(target.Syntax.ToString())}'",
        };
        Report(Model.Diagnostics.Effect, target, what + " is a side effect graph code does not model; keep graph state in locals");
        return false;
    }

    private void Deconstruct(IOperation target, Value value)
    {
        if (target is IDeclarationExpressionOperation declaration) target = declaration.Expression;
        if (target is not ITupleOperation tuple)
        {
            Assign(target, value);
            return;
        }
        if (value is ErrorValue)
        {
            foreach (var element in tuple.Elements) Deconstruct(element, ErrorValue.Instance);
            return;
        }
        if (value is not ListValue list || list.Items.Length != tuple.Elements.Length)
        {
            int count = value is ListValue l ? l.Items.Length : 1;
            Report(Model.Diagnostics.UnsupportedExpression, tuple, Shorten(tuple.Syntax.ToString()),
                $"a deconstruction into {tuple.Elements.Length} variables of {count} values");
            foreach (var element in tuple.Elements) Deconstruct(element, ErrorValue.Instance);
            return;
        }
        for (int i = 0; i < tuple.Elements.Length; i++) Deconstruct(tuple.Elements[i], list.Items[i]);
    }

    /// <summary>A collection expression, array or tuple; spreads append in logarithmic time, each element costs a step.</summary>
    private Value List(ImmutableArray<IOperation> elements)
    {
        var list = ListValue.Empty;
        foreach (var element in elements)
        {
            if (element is ISpreadOperation spread)
            {
                var operand = Evaluate(spread.Operand);
                if (operand is ErrorValue) return operand;
                if (operand is not ListValue inner)
                    return Mistyped(spread, "a spread of something that is not a list of graph values");
                // Spreading into an empty list shares the persistent list; anything else copies its elements.
                if (!Step(spread, list.Count == 0 ? 1 : inner.Count)) return ErrorValue.Instance;
                list = list.Concat(inner);
                continue;
            }
            list = list.Add(Evaluate(element), element.Syntax.GetLocation());
        }
        return list;
    }

    private Value Index(Value list, Value index, IOperation at)
    {
        if (list is ErrorValue || index is ErrorValue) return ErrorValue.Instance;
        if (list is ListValue l && index is ConstValue { Constant: { } c } && CSharpArithmetic.Convert(c, SpecialType.System_Int64, isChecked: false).Value is long i)
        {
            if (i >= 0 && i < l.Count) return l[(int)i];
            Report(Model.Diagnostics.Arithmetic, at, $"'{Shorten(at.Syntax.ToString())}': the index {i} is outside the {l.Count} items, where C# throws IndexOutOfRangeException");
            return ErrorValue.Instance;
        }
        if (list is ListValue && index is ConstValue { Constant: var v } && v is not (null or string or bool))
            return Mistyped(at, "an index that is not an integer");
        Report(Model.Diagnostics.NotConstant, at, "an index", at.Syntax.ToString());
        return ErrorValue.Instance;
    }

    /// <summary>An interpolated string, with each hole's alignment and format as C# applies them (culture-invariant).</summary>
    private Value Interpolate(IInterpolatedStringOperation interpolated)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation literal)
            {
                if (Evaluate(literal.Text) is ConstValue { Constant: string s }) text.Append(s);
                continue;
            }
            if (part is not IInterpolationOperation hole) return Mistyped(part, "this part of an interpolated string");
            var piece = Evaluate(hole.Expression);
            if (piece is ErrorValue) return piece;
            var alignment = hole.Alignment is null ? new ConstValue(0) : Evaluate(hole.Alignment);
            var format = hole.FormatString is null ? new ConstValue(null) : Evaluate(hole.FormatString);
            if (piece is not ConstValue c || alignment is not ConstValue { Constant: int width } || format is not ConstValue { Constant: null or string })
            {
                Report(Model.Diagnostics.NotConstant, part, "an interpolated value", part.Syntax.ToString());
                return ErrorValue.Instance;
            }
            string? formatted = c.Constant is IFormattable f && format is ConstValue { Constant: string spec }
                ? FormatOrError(f, spec, part)
                : CSharpArithmetic.Text(c.Constant);
            if (formatted is null) return ErrorValue.Instance;
            text.Append(width >= 0 ? formatted.PadLeft(width) : formatted.PadRight(-width));
        }
        if (!Step(interpolated, text.Length / 16)) return ErrorValue.Instance;
        return new ConstValue(text.ToString());
    }

    private string? FormatOrError(IFormattable value, string format, IOperation at)
    {
        try
        {
            return value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            Report(Model.Diagnostics.Arithmetic, at, $"'{Shorten(at.Syntax.ToString())}': the format '{format}' is not valid for {CSharpArithmetic.Text(value)}, where C# throws FormatException");
            return null;
        }
    }

    /// <summary>Conversions: literal to tensor (tagged implicit operators), variable to In, and C#'s numeric ones.</summary>
    private Value Convert(IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is { } method)
            return CallApi(method, conversion, new[] { conversion.Operand });

        var value = Evaluate(conversion.Operand);
        if (value is not ConstValue { Constant: { } c }) return value;
        var target = CSharpArithmetic.Kind(conversion.Type);
        // Boxing, identity and reference conversions keep the value; numeric ones compute it.
        if (!CSharpArithmetic.IsNumeric(target) || !CSharpArithmetic.IsNumeric(CSharpArithmetic.Type(c))) return value;
        return ConvertConstant(value, target, conversion.IsChecked, conversion);
    }

    private Value ConvertConstant(Value value, SpecialType target, bool isChecked, IOperation at)
    {
        if (value is not ConstValue { Constant: { } c } || !CSharpArithmetic.IsNumeric(target)) return value;
        return Outcome(CSharpArithmetic.Convert(c, target, isChecked), at, value);
    }

    /// <summary>A build-time result: the value, or TG0107 where C# throws or leaves the result unspecified.</summary>
    private Value Outcome(CSharpArithmetic.Outcome outcome, IOperation at, Value? unsupported = null)
    {
        if (outcome.Error is { } error)
        {
            Report(Model.Diagnostics.Arithmetic, at, $"'{Shorten(at.Syntax.ToString())}': {error}");
            return ErrorValue.Instance;
        }
        if (outcome.Supported)
        {
            if (outcome.Value is string text && !Step(at, text.Length / 16)) return ErrorValue.Instance;
            return new ConstValue(outcome.Value);
        }
        if (unsupported is not null) return unsupported;
        Report(Model.Diagnostics.NotConstant, at, "an operand of C# arithmetic in graph code", Shorten(at.Syntax.ToString()));
        return ErrorValue.Instance;
    }

    private static bool IsShift(BinaryOperatorKind kind) =>
        kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;

    /// <summary>
    /// A binary expression. A long chain (<c>a + b + c + ...</c>, machine-written sums of thousands of terms)
    /// is a left-deep tree: it is walked down its left spine and folded back up in a loop, so its length
    /// costs no stack.
    /// </summary>
    private Value BinaryChain(IBinaryOperation top)
    {
        var spine = new Stack<IBinaryOperation>();
        IOperation leftmost = top;
        while (leftmost is IBinaryOperation b && !IsShortCircuit(b))
        {
            spine.Push(b);
            leftmost = b.LeftOperand;
        }
        // An implicit conversion may sit between links of the chain (int terms in a long sum); it is
        // applied on the way up.
        Value left = spine.Count == 0 ? ShortCircuit((IBinaryOperation)leftmost) : Evaluate(leftmost);
        while (spine.Count > 0)
        {
            var binary = spine.Pop();
            if (!Step(binary)) return ErrorValue.Instance;
            left = binary.OperatorMethod is not null
                ? CallApi(binary.OperatorMethod, binary, Array.Empty<IOperation>(), left, Evaluate(binary.RightOperand))
                : ConstantBinary(binary.OperatorKind, CSharpArithmetic.Kind(binary.LeftOperand.Type), left, Evaluate(binary.RightOperand), binary.IsChecked, binary);
        }
        return left;
    }

    private static bool IsShortCircuit(IBinaryOperation binary) =>
        binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr;

    /// <summary>&amp;&amp; and ||: like C#, the right side is evaluated only when needed.</summary>
    private Value ShortCircuit(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        if (left is ConstValue { Constant: bool l })
        {
            bool and = binary.OperatorKind == BinaryOperatorKind.ConditionalAnd;
            if (l != and) return new ConstValue(l);
            return Evaluate(binary.RightOperand);
        }
        if (left is not ErrorValue) Report(Model.Diagnostics.NotConstant, binary.LeftOperand, "a C# logical operand", binary.LeftOperand.Syntax.ToString());
        return ErrorValue.Instance;
    }

    /// <summary>C#'s arithmetic on build-time constants (loop counters, sizes, names), in <paramref name="type"/>.</summary>
    private Value ConstantBinary(BinaryOperatorKind kind, SpecialType type, Value left, Value right, bool isChecked, IOperation at)
    {
        if (left is ErrorValue || right is ErrorValue) return ErrorValue.Instance;
        if (left is ConstValue { Constant: var a } && right is ConstValue { Constant: var b })
        {
            // String concatenation converts the other operand (boxed) to text.
            if (type is not SpecialType.System_String && (a is string || b is string) && kind == BinaryOperatorKind.Add) type = SpecialType.System_String;
            return Outcome(CSharpArithmetic.Binary(kind, type, a, b, isChecked), at);
        }
        Report(Model.Diagnostics.NotConstant, at, "an operand of C# arithmetic in graph code", Shorten(at.Syntax.ToString()));
        return ErrorValue.Instance;
    }

    private Value ConstantUnary(IUnaryOperation unary)
    {
        var value = Evaluate(unary.Operand);
        if (value is ErrorValue) return value;
        if (value is ConstValue { Constant: var c })
            return Outcome(CSharpArithmetic.Unary(unary.OperatorKind, CSharpArithmetic.Kind(unary.Operand.Type), c, unary.IsChecked), unary);
        Report(Model.Diagnostics.NotConstant, unary, "an operand of C# arithmetic in graph code", Shorten(unary.Syntax.ToString()));
        return ErrorValue.Instance;
    }
}
