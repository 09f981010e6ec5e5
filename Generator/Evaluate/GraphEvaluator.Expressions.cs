using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

internal sealed partial class GraphEvaluator
{
    public Value Evaluate(int operation) => Nested(operation, operation, _evaluateCore ??= EvaluateCore, ErrorValue.Instance);

    private System.Func<int, Value>? _evaluateCore;

    /// <summary>TG0217 for each call in code that does not compile that is spelled like a Pt function but means something else.</summary>
    private void ReportNotPt(IrInvalid invalid)
    {
        foreach (var call in invalid.NotPt) Report(Model.Diagnostics.NotPtFunction, call.At, call.Name, call.Means);
    }

    private Value EvaluateCore(int operation)
    {
        if (!Step(operation)) return ErrorValue.Instance;

        // C# constants (literals, const fields, constant arithmetic) need no walking.
        var node = Node(operation);
        if (node.Constant is { } constant) return new ConstValue(constant.Value);

        switch (node)
        {
            // Code that does not compile: the compiler reports it; one error is enough, except where the compiler's
            // error would not say that a Pt function was meant.
            case IrInvalid invalid:
                ReportNotPt(invalid);
                return ErrorValue.Instance;

            case IrLocalReference local:
                return Locals.TryGetValue(local.Variable, out var lv) ? lv.Value : Unassigned(operation);

            case IrParameterReference parameter:
                return Locals.TryGetValue(parameter.Variable, out var pv) ? pv.Value : Unassigned(operation);

            case IrConversion conversion:
                return Convert(operation, conversion);

            case IrBinary:
                return BinaryChain(operation);

            case IrUnary unary when unary.Method >= 0:
                return CallApi(unary.Method, operation, new[] { unary.Operand });

            case IrUnary { OperatorKind: Microsoft.CodeAnalysis.Operations.UnaryOperatorKind.Hat } hat:
            {
                var position = Evaluate(hat.Operand);
                return position is ErrorValue ? position : new FromEndValue(position);
            }

            case IrUnary unary:
                return ConstantUnary(operation, unary);

            case IrRange range:
            {
                var start = range.Start < 0 ? null : Evaluate(range.Start);
                var end = range.End < 0 ? null : Evaluate(range.End);
                return start is ErrorValue || end is ErrorValue ? ErrorValue.Instance : new RangeValue(start, end);
            }

            case IrInvocation invocation:
                return Invoke(operation, invocation);

            case IrLambda lambda:
                return Lambda(lambda);

            case IrMethodGroup group:
                return MethodGroup(operation, group);

            case IrSimpleAssignment { IsRef: true }:
                Report(Model.Diagnostics.Effect, operation, "a ref assignment makes one variable an alias of another, which graph code does not model");
                return ErrorValue.Instance;

            case IrSimpleAssignment assignment:
            {
                if (!IsAssignable(assignment.Target)) return ErrorValue.Instance;
                var value = Evaluate(assignment.Value);
                Assign(assignment.Target, value);
                return value;
            }

            case IrCompoundAssignment compound:
            {
                if (!IsAssignable(compound.Target)) return ErrorValue.Instance;
                Value value;
                if (compound.Method >= 0)
                {
                    value = CallApi(compound.Method, operation, new[] { compound.Target, compound.Value });
                }
                else
                {
                    // x op= y is x = (T)(x op y), the operator working in the promoted type of both.
                    var target = Evaluate(compound.Target);
                    var operand = Evaluate(compound.Value);
                    var targetType = compound.TargetType;
                    var operatorType = IsShift(compound.OperatorKind) ? CSharpArithmetic.Promote(targetType)
                        : CSharpArithmetic.IsNumeric(targetType) && CSharpArithmetic.IsNumeric(compound.ValueType)
                            ? CSharpArithmetic.Promote(targetType, compound.ValueType)
                            : targetType;
                    value = ConstantBinary(compound.OperatorKind, operatorType, target, operand, compound.IsChecked, operation);
                    value = ConvertConstant(value, targetType, compound.IsChecked, operation);
                }
                Assign(compound.Target, value);
                return value;
            }

            case IrIncrementOrDecrement increment:
            {
                if (!IsAssignable(increment.Target)) return ErrorValue.Instance;
                var old = Evaluate(increment.Target);
                var type = increment.TargetType;
                var value = ConstantBinary(
                    increment.IsIncrement ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract,
                    CSharpArithmetic.Promote(type), old, new ConstValue(1), increment.IsChecked, operation);
                value = ConvertConstant(value, type, increment.IsChecked, operation);
                Assign(increment.Target, value);
                return increment.IsPostfix ? old : value;
            }

            case IrDeconstructionAssignment deconstruction:
            {
                var value = Evaluate(deconstruction.Value);
                Deconstruct(deconstruction.Target, value);
                return value;
            }

            case IrCollection collection:
                return List(collection.Elements);

            case IrTuple tuple:
                return List(tuple.Elements);

            case IrArrayElementReference element when element.Indices.Count == 1:
                return Index(Evaluate(element.Array), Evaluate(element.Indices[0]), operation);

            case IrPropertyReference { Member: var getterOf } tagged when _ir.Members[getterOf].Getter >= 0:
                return CallGetter(operation, tagged);

            case IrPropertyReference property when _ir.Members[property.Member].IsIndexer && property.Arguments.Count == 1:
                return Index(Evaluate(property.Instance), Evaluate(property.Arguments[0]), operation);

            case IrPropertyReference { InstanceIsArray: true } length when _ir.Members[length.Member].Name == "Length":
                return Evaluate(length.Instance) switch
                {
                    ListValue list => new ConstValue(list.Count),
                    ErrorValue error => error,
                    _ => Mistyped(operation, "the length of something that is not a list of graph values"),
                };

            case IrPropertyReference property when !_ir.Members[property.Member].IsIndexer:
                return Member(operation, property.Member, property.Instance);

            case IrFieldReference field:
                return Member(operation, field.Member, field.Instance);

            case IrDictionaryCreation creation:
                return DictionaryPairs(creation);

            // A stream made in a random variable member's initializer: new RandomStream(seed).Uniform(...).
            case IrStreamCreation:
                return new StreamValue(null);

            case IrConditional conditional when conditional.WhenFalse >= 0:
                return TryCondition(conditional.Condition, out bool c)
                    ? Evaluate(c ? conditional.WhenTrue : conditional.WhenFalse)
                    : ErrorValue.Instance;

            case IrInterpolatedString interpolated:
                return Interpolate(operation, interpolated);

            case IrDefaultValue:
                return new ConstValue(null);

            case IrDeclarationExpression declaration:
                return Evaluate(declaration.Expression);

            default:
                Report(Model.Diagnostics.UnsupportedExpression, operation, Shorten(Text(operation)), Kind(node));
                return ErrorValue.Instance;
        }
    }

    /// <summary>What TG0103 calls a node the evaluation does not model (the lowering named most already).</summary>
    private static string Kind(IrNode node) => node switch
    {
        IrUnsupported unsupported => unsupported.Kind,
        IrFieldReference => "a non-constant field",
        IrPropertyReference => "a property",
        _ => node.GetType().Name.Substring(2), // IrDiscard, IrInstanceReference, ...: the IOperation kind's name
    };

    private Value Unassigned(int reference)
    {
        Report(Model.Diagnostics.UnsupportedExpression, reference, Text(reference), "a variable with no value at build time");
        return ErrorValue.Instance;
    }

    /// <summary>Writes a variable. Locals and parameters are cells; anything else is a side effect graph code does not model.</summary>
    private void Assign(int target, Value value)
    {
        switch (Node(target))
        {
            case IrLocalReference local:
                Write(local.Variable, value);
                break;
            case IrParameterReference parameter:
                Write(parameter.Variable, value);
                break;
            case IrDeclarationExpression declaration:
                Assign(declaration.Expression, value);
                break;
            case IrDiscard:
                break;
            default:
                IsAssignable(target);
                break;
        }
    }

    private void Write(int variable, Value value)
    {
        if (Locals.TryGetValue(variable, out var cell)) cell.Value = value;
        else Declare(variable, value);
    }

    /// <summary>Whether graph code can write <paramref name="target"/>; reports TG0108 when it cannot.</summary>
    private bool IsAssignable(int target)
    {
        var node = Node(target);
        if (node is IrLocalReference or IrParameterReference or IrDiscard
            || node is IrDeclarationExpression declaration && Node(declaration.Expression) is IrLocalReference or IrTuple)
            return true;
        string what = node switch
        {
            IrFieldReference f => $"a write to the field '{_ir.Members[f.Member].Name}'",
            IrPropertyReference p => $"a write to the property '{_ir.Members[p.Member].Name}'",
            IrArrayElementReference => "a write to an array element (arrays in graph code are values: build a new one, [.. xs, x])",
            _ => $"a write to '{Shorten(Text(target))}'",
        };
        Report(Model.Diagnostics.Effect, target, what + " is a side effect graph code does not model; keep graph state in locals");
        return false;
    }

    private void Deconstruct(int target, Value value)
    {
        if (Node(target) is IrDeclarationExpression declaration) target = declaration.Expression;
        if (Node(target) is not IrTuple tuple)
        {
            Assign(target, value);
            return;
        }
        if (value is ErrorValue)
        {
            foreach (var element in tuple.Elements) Deconstruct(element, ErrorValue.Instance);
            return;
        }
        if (value is not ListValue list || list.Items.Length != tuple.Elements.Count)
        {
            int count = value is ListValue l ? l.Items.Length : 1;
            Report(Model.Diagnostics.UnsupportedExpression, target, Shorten(Text(target)),
                $"a deconstruction into {tuple.Elements.Count} variables of {count} values");
            foreach (var element in tuple.Elements) Deconstruct(element, ErrorValue.Instance);
            return;
        }
        for (int i = 0; i < tuple.Elements.Count; i++) Deconstruct(tuple.Elements[i], list.Items[i]);
    }

    /// <summary>A collection expression, array or tuple; spreads append in logarithmic time, each element costs a step.</summary>
    private Value List(Model.EquatableArray<int> elements)
    {
        var list = ListValue.Empty;
        foreach (var element in elements)
        {
            if (Node(element) is IrSpread spread)
            {
                var operand = Evaluate(spread.Operand);
                if (operand is ErrorValue) return operand;
                if (operand is not ListValue inner)
                    return Mistyped(element, "a spread of something that is not a list of graph values");
                // Spreading into an empty list shares the persistent list; anything else copies its elements.
                if (!Step(element, list.Count == 0 ? 1 : inner.Count)) return ErrorValue.Instance;
                list = list.Concat(inner);
                continue;
            }
            list = list.Add(Evaluate(element), Node(element).Span);
        }
        return list;
    }

    private Value Index(Value list, Value index, int at)
    {
        if (list is ErrorValue || index is ErrorValue) return ErrorValue.Instance;
        if (list is ListValue l && index is ConstValue { Constant: { } c } && CSharpArithmetic.Convert(c, SpecialType.System_Int64, isChecked: false).Value is long i)
        {
            if (i >= 0 && i < l.Count) return l[(int)i];
            Report(Model.Diagnostics.Arithmetic, at, $"'{Shorten(Text(at))}': the index {i} is outside the {l.Count} items, where C# throws IndexOutOfRangeException");
            return ErrorValue.Instance;
        }
        if (list is ListValue && index is ConstValue { Constant: var v } && v is not (null or string or bool))
            return Mistyped(at, "an index that is not an integer");
        Report(Model.Diagnostics.NotConstant, at, "an index", Text(at));
        return ErrorValue.Instance;
    }
}
