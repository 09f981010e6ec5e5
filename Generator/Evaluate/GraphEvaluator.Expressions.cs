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
    public Value Evaluate(IOperation operation)
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
                return Locals.TryGetValue(local.Local, out var lv) ? lv : Unassigned(local);

            case IParameterReferenceOperation parameter:
                return Locals.TryGetValue(parameter.Parameter, out var pv) ? pv : Unassigned(parameter);

            case IConversionOperation conversion:
                return Convert(conversion);

            case IBinaryOperation binary when binary.OperatorMethod is not null:
                return CallApi(binary.OperatorMethod, binary, new[] { binary.LeftOperand, binary.RightOperand });

            case IBinaryOperation binary:
                return Binary(binary);

            case IUnaryOperation unary when unary.OperatorMethod is not null:
                return CallApi(unary.OperatorMethod, unary, new[] { unary.Operand });

            case IUnaryOperation unary:
                return ConstantUnary(unary);

            case IInvocationOperation invocation:
                return Invoke(invocation);

            case ISimpleAssignmentOperation assignment:
            {
                var value = Evaluate(assignment.Value);
                Assign(assignment.Target, value);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var value = compound.OperatorMethod is not null
                    ? CallApi(compound.OperatorMethod, compound, new[] { compound.Target, compound.Value })
                    : ConstantBinary(compound.OperatorKind, Evaluate(compound.Target), Evaluate(compound.Value), compound);
                Assign(compound.Target, value);
                return value;
            }

            case IIncrementOrDecrementOperation increment:
            {
                var old = Evaluate(increment.Target);
                var value = ConstantBinary(
                    increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract,
                    old, new ConstValue(1), increment);
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

            case IPropertyReferenceOperation property when !property.Property.IsIndexer:
                return Member(property, property.Property, property.Type!, property.Instance);

            case IFieldReferenceOperation field:
                return Member(field, field.Field, field.Type!, field.Instance);

            case IObjectCreationOperation creation when IsPairsDictionary(creation.Type):
                return DictionaryPairs(creation);

            // A stream made in a random variable member's initializer: new RandomStream(seed).Uniform(...).
            case IObjectCreationOperation creation when creation.Type is not null && IsTensorgenType(creation.Type, "RandomStream"):
                return new StreamValue(null, creation.Type.IsStatic);

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

    private void Assign(IOperation target, Value value)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Locals[local.Local] = value;
                break;
            case IParameterReferenceOperation parameter:
                Locals[parameter.Parameter] = value;
                break;
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value);
                break;
            case IDiscardOperation:
                break;
            default:
                Report(Model.Diagnostics.UnsupportedExpression, target, Shorten(target.Syntax.ToString()), "an assignment target other than a local");
                break;
        }
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

    private Value List(ImmutableArray<IOperation> elements)
    {
        var items = ImmutableArray.CreateBuilder<Value>(elements.Length);
        var locations = ImmutableArray.CreateBuilder<Location>(elements.Length);
        foreach (var element in elements)
        {
            if (element is ISpreadOperation spread)
            {
                if (Evaluate(spread.Operand) is ListValue inner)
                {
                    items.AddRange(inner.Items);
                    locations.AddRange(inner.Locations);
                }
                continue;
            }
            items.Add(Evaluate(element));
            locations.Add(element.Syntax.GetLocation());
        }
        return new ListValue(items.ToImmutable(), locations.ToImmutable());
    }

    private Value Index(Value list, Value index, IOperation at)
    {
        if (list is ErrorValue || index is ErrorValue) return ErrorValue.Instance;
        if (list is ListValue l && index is ConstValue { Constant: int i })
        {
            if (i >= 0 && i < l.Items.Length) return l.Items[i];
            Report(Model.Diagnostics.UnsupportedExpression, at, Shorten(at.Syntax.ToString()), $"an index {i} outside the {l.Items.Length} items");
            return ErrorValue.Instance;
        }
        Report(Model.Diagnostics.NotConstant, at, "an index", at.Syntax.ToString());
        return ErrorValue.Instance;
    }

    private Value Interpolate(IInterpolatedStringOperation interpolated)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            var piece = part switch
            {
                IInterpolatedStringTextOperation t => Evaluate(t.Text),
                IInterpolationOperation i => Evaluate(i.Expression),
                _ => ErrorValue.Instance,
            };
            if (piece is ErrorValue) return piece;
            if (piece is not ConstValue c)
            {
                Report(Model.Diagnostics.NotConstant, part, "an interpolated value", part.Syntax.ToString());
                return ErrorValue.Instance;
            }
            text.Append(c.Constant is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : c.Constant);
        }
        return new ConstValue(text.ToString());
    }

    /// <summary>Conversions: literal to tensor (tagged implicit operators), variable to In, and numeric ones.</summary>
    private Value Convert(IConversionOperation conversion)
    {
        if (conversion.OperatorMethod is { } method)
            return CallApi(method, conversion, new[] { conversion.Operand });

        var value = Evaluate(conversion.Operand);
        if (value is ConstValue { Constant: { } c } && conversion.Type is { } type && c is IConvertible)
        {
            try
            {
                return type.SpecialType switch
                {
                    SpecialType.System_Double => new ConstValue(System.Convert.ToDouble(c, System.Globalization.CultureInfo.InvariantCulture)),
                    SpecialType.System_Single => new ConstValue(System.Convert.ToSingle(c, System.Globalization.CultureInfo.InvariantCulture)),
                    SpecialType.System_Int64 => new ConstValue(System.Convert.ToInt64(c, System.Globalization.CultureInfo.InvariantCulture)),
                    SpecialType.System_Int32 => new ConstValue(System.Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture)),
                    _ => value,
                };
            }
            catch (Exception e) when (e is OverflowException or InvalidCastException or FormatException)
            {
                return value;
            }
        }
        return value;
    }

    private Value Binary(IBinaryOperation binary)
    {
        // Short-circuit like C#: the right side of && / || is evaluated only when needed.
        if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
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
        return ConstantBinary(binary.OperatorKind, Evaluate(binary.LeftOperand), Evaluate(binary.RightOperand), binary);
    }

    /// <summary>C# arithmetic on build-time constants (loop counters, sizes, names).</summary>
    private Value ConstantBinary(BinaryOperatorKind kind, Value left, Value right, IOperation at)
    {
        if (left is ErrorValue || right is ErrorValue) return ErrorValue.Instance;
        if (left is ConstValue { Constant: var a } && right is ConstValue { Constant: var b })
        {
            if (a is string || b is string)
            {
                if (kind == BinaryOperatorKind.Add) return new ConstValue($"{a}{b}");
                if (kind == BinaryOperatorKind.Equals) return new ConstValue(Equals(a, b));
                if (kind == BinaryOperatorKind.NotEquals) return new ConstValue(!Equals(a, b));
            }
            else if (a is bool x && b is bool y)
            {
                switch (kind)
                {
                    case BinaryOperatorKind.And: return new ConstValue(x & y);
                    case BinaryOperatorKind.Or: return new ConstValue(x | y);
                    case BinaryOperatorKind.ExclusiveOr: return new ConstValue(x ^ y);
                    case BinaryOperatorKind.Equals: return new ConstValue(x == y);
                    case BinaryOperatorKind.NotEquals: return new ConstValue(x != y);
                }
            }
            else if (Numeric.TryApply(kind, a, b, out var result))
            {
                return new ConstValue(result);
            }
        }
        Report(Model.Diagnostics.NotConstant, at, "an operand of C# arithmetic in graph code", Shorten(at.Syntax.ToString()));
        return ErrorValue.Instance;
    }

    private Value ConstantUnary(IUnaryOperation unary)
    {
        var value = Evaluate(unary.Operand);
        if (value is ErrorValue) return value;
        if (value is ConstValue { Constant: var c })
        {
            switch (unary.OperatorKind)
            {
                case UnaryOperatorKind.Not when c is bool b: return new ConstValue(!b);
                case UnaryOperatorKind.Plus: return value;
                case UnaryOperatorKind.Minus when Numeric.TryApply(BinaryOperatorKind.Subtract, 0, c, out var r): return new ConstValue(r);
            }
        }
        Report(Model.Diagnostics.NotConstant, unary, "an operand of C# arithmetic in graph code", Shorten(unary.Syntax.ToString()));
        return ErrorValue.Instance;
    }
}
