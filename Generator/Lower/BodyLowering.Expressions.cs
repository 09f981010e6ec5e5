using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Evaluate;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

internal sealed partial class BodyLowering
{
    /// <summary>Lowers an expression (-1 for none); nesting follows the source, so the stack is guarded as the evaluator's is.</summary>
    private int Expression(IOperation? operation)
    {
        if (operation is null) return -1;
        return StackGuard.HasRoom() ? ExpressionCore(operation) : StackGuard.OnFreshStack(() => ExpressionCore(operation));
    }

    private EquatableArray<int> Expressions(IEnumerable<IOperation> operations) => operations.Select(Expression).ToEquatableArray();

    private int ExpressionCore(IOperation operation)
    {
        if (operation is IBinaryOperation binary) return BinaryChain(binary);
        // System.Index's own conversion (an int as a position) carries no meaning of its own in an index.
        if (operation is IConversionOperation { OperatorMethod.ContainingType: { } owner } position && IsSystemIndex(owner)) return Expression(position.Operand);
        IrNode node = operation switch
        {
            IInvalidOperation invalid => Invalid(invalid),
            ILocalReferenceOperation local => new IrLocalReference(Variable(local.Local)),
            IParameterReferenceOperation parameter => new IrParameterReference(Variable(parameter.Parameter)),
            IRangeOperation range => new IrRange(Expression(range.LeftOperand), Expression(range.RightOperand)),
            IConversionOperation conversion => new IrConversion(Expression(conversion.Operand), Method(conversion.OperatorMethod),
                CSharpArithmetic.Kind(conversion.Type), conversion.IsChecked),
            IUnaryOperation unary => new IrUnary(Expression(unary.Operand), Method(unary.OperatorMethod), unary.OperatorKind,
                CSharpArithmetic.Kind(unary.Operand.Type), unary.IsChecked),
            IInvocationOperation invocation => Invocation(invocation),
            IDelegateCreationOperation creation => Delegate(creation.Target),
            IAnonymousFunctionOperation lambda => Delegate(lambda),
            ISimpleAssignmentOperation assignment => new IrSimpleAssignment(Expression(assignment.Target), Expression(assignment.Value), assignment.IsRef),
            ICompoundAssignmentOperation compound => new IrCompoundAssignment(Expression(compound.Target), Expression(compound.Value),
                Method(compound.OperatorMethod), compound.OperatorKind, CSharpArithmetic.Kind(compound.Target.Type),
                CSharpArithmetic.Kind(compound.Value.Type), compound.IsChecked),
            IIncrementOrDecrementOperation increment => new IrIncrementOrDecrement(Expression(increment.Target),
                increment.Kind == OperationKind.Increment, CSharpArithmetic.Kind(increment.Target.Type), increment.IsChecked, increment.IsPostfix),
            IDeconstructionAssignmentOperation deconstruction => new IrDeconstructionAssignment(Expression(deconstruction.Target), Expression(deconstruction.Value)),
            ICollectionExpressionOperation collection => new IrCollection(Elements(collection.Elements)),
            IArrayCreationOperation { Initializer: { } initializer } => new IrCollection(Elements(initializer.ElementValues)),
            ITupleOperation tuple => new IrTuple(Expressions(tuple.Elements)),
            IArrayElementReferenceOperation element => new IrArrayElementReference(Expression(element.ArrayReference), Expressions(element.Indices)),
            IPropertyReferenceOperation property => new IrPropertyReference(Expression(property.Instance), Member(property.Property, property.Type!),
                Expressions(property.Arguments.Select(a => a.Value)), property.Instance?.Type is IArrayTypeSymbol),
            IFieldReferenceOperation field => new IrFieldReference(Expression(field.Instance), Member(field.Field, field.Type!)),
            IObjectCreationOperation creation when IsPairsDictionary(creation.Type) => new IrDictionaryCreation(DictionaryEntries(creation)),
            IObjectCreationOperation creation when creation.Type is not null && IsTensorgenType(creation.Type, "RandomStream") => new IrStreamCreation(creation.Type.IsStatic),
            IConditionalOperation conditional => new IrConditional(Expression(conditional.Condition), Expression(conditional.WhenTrue), Expression(conditional.WhenFalse)),
            IInterpolatedStringOperation interpolated => new IrInterpolatedString(InterpolatedParts(interpolated)),
            IDefaultValueOperation => new IrDefaultValue(),
            IDeclarationExpressionOperation declaration => new IrDeclarationExpression(Expression(declaration.Expression)),
            IInstanceReferenceOperation => new IrInstanceReference(),
            IDiscardOperation => new IrDiscard(),
            _ => new IrUnsupported(Kind(operation)),
        };
        return Add(operation, node);
    }

    /// <summary>What TG0103 calls an expression graph code does not model.</summary>
    private static string Kind(IOperation operation) => operation switch
    {
        IAnonymousFunctionOperation => "a lambda",
        IObjectCreationOperation => "an object creation",
        IAwaitOperation => "await",
        IThrowOperation => "a throw expression",
        _ => operation.Kind.ToString(),
    };

    /// <summary>
    /// A binary expression. A long chain (<c>a + b + c + ...</c>) is a left-deep tree: its left spine is walked in
    /// a loop, as the evaluator walks it, so its length costs no stack. The links of the spine are binaries
    /// whatever their constant value: the evaluator folds the spine itself.
    /// </summary>
    private int BinaryChain(IBinaryOperation top)
    {
        var spine = new Stack<IBinaryOperation>();
        IOperation leftmost = top;
        while (leftmost is IBinaryOperation b && !IsShortCircuit(b))
        {
            spine.Push(b);
            leftmost = b.LeftOperand;
        }
        int left = spine.Count == 0 ? Binary((IBinaryOperation)leftmost, Expression(((IBinaryOperation)leftmost).LeftOperand)) : Expression(leftmost);
        while (spine.Count > 0) left = Binary(spine.Pop(), left);
        return left;
    }

    private int Binary(IBinaryOperation binary, int left) =>
        Add(binary, new IrBinary(left, Expression(binary.RightOperand), Method(binary.OperatorMethod), binary.OperatorKind,
            CSharpArithmetic.Kind(binary.LeftOperand.Type), binary.IsChecked));

    private static bool IsShortCircuit(IBinaryOperation binary) =>
        binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr;

    private IrNode Invocation(IInvocationOperation invocation)
    {
        int method = Method(invocation.TargetMethod);
        int instance = Expression(invocation.Instance);
        bool helper = _methodList[method].Tag is null;
        var arguments = invocation.Arguments.Select(argument => new IrArgument(
            argument.Parameter?.Ordinal ?? -1,
            helper && argument.Parameter is { } p ? Variable(p.OriginalDefinition) : -1,
            argument.ArgumentKind == ArgumentKind.DefaultValue,
            Expression(argument.Value))).ToEquatableArray();
        return new IrInvocation(method, instance, arguments);
    }

    /// <summary>
    /// A delegate made of a lambda (its body lowered here, as a local function's) or of a static or own method; any other
    /// target (an instance method of another object, a delegate of a delegate) is not modelled.
    /// </summary>
    private IrNode Delegate(IOperation target)
    {
        switch (target)
        {
            case IAnonymousFunctionOperation lambda:
                if (lambda.Symbol.IsAsync) return new IrUnsupported("an async lambda");
                if (lambda.Symbol.Parameters.Any(p => p.RefKind != RefKind.None)) return new IrUnsupported("a lambda with ref, out or in parameters");
                var parameters = lambda.Symbol.Parameters.Select(p => Variable(p)).ToEquatableArray();
                int id = _helperList.Count;
                _helperList.Add(new IrHelper(true, -1));
                _helperList[id] = new IrHelper(true, Statement(lambda.Body));
                return new IrLambda(id, parameters);
            case IMethodReferenceOperation reference when reference.Instance is null or IInstanceReferenceOperation && reference.Method.MethodKind != MethodKind.DelegateInvoke:
                int method = Method(reference.Method);
                if (_methodList[method].Tag is not null) return new IrUnsupported("a delegate of a Tensorgen API method (call it in a lambda: x => Pt.Exp(x))");
                return new IrMethodGroup(method, reference.Method.Parameters.Select(p => Variable(p.OriginalDefinition)).ToEquatableArray());
            default:
                return new IrUnsupported("a delegate of " + Kind(target));
        }
    }

    /// <summary>A collection's elements; a spread is a node of its own.</summary>
    private EquatableArray<int> Elements(ImmutableArray<IOperation> elements) => elements.Select(element =>
        element is ISpreadOperation spread ? Add(spread, new IrSpread(Expression(spread.Operand))) : Expression(element)).ToEquatableArray();

    /// <summary>A pairs dictionary's entries: <c>[key] = value</c> and <c>{ key, value }</c>; any other initializer has key -1.</summary>
    private EquatableArray<int> DictionaryEntries(IObjectCreationOperation creation)
    {
        var entries = new List<int>();
        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            (IOperation Key, IOperation Value)? pair = initializer switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } a => (indexer.Arguments[0].Value, a.Value),
                IInvocationOperation { Arguments.Length: 2 } add => (add.Arguments[0].Value, add.Arguments[1].Value),
                _ => null,
            };
            var entry = pair is { } p ? new IrDictionaryEntry(Expression(p.Key), Expression(p.Value)) : new IrDictionaryEntry(-1, -1);
            entries.Add(Add(initializer, entry, expression: false));
        }
        return entries.ToEquatableArray();
    }

    private EquatableArray<int> InterpolatedParts(IInterpolatedStringOperation interpolated) => interpolated.Parts.Select(part => part switch
    {
        IInterpolatedStringTextOperation text => Add(part, new IrInterpolatedText(Expression(text.Text)), expression: false),
        IInterpolationOperation hole => Add(part, new IrInterpolation(Expression(hole.Expression), Expression(hole.Alignment), Expression(hole.FormatString)), expression: false),
        _ => Add(part, new IrUnsupported(Kind(part)), expression: false),
    }).ToEquatableArray();

    private static bool IsSystemIndex(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Index" or "Range", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
