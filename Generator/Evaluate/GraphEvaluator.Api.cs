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
    private Value Invoke(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var tag = Tag(method);
        if (tag is null) return CallHelper(invocation);

        // C# evaluates the receiver, then the arguments as written (named ones too); the API takes them by parameter.
        var receiver = method.IsStatic || invocation.Instance is null ? null : Evaluate(invocation.Instance);
        var args = new IOperation?[method.Parameters.Length];
        var values = new Value?[method.Parameters.Length];
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } p || argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
            args[p.Ordinal] = argument.Value;
            values[p.Ordinal] = Evaluate(argument.Value);
        }
        return Api(tag, method, invocation, args, values, receiver);
    }

    /// <summary>An operator or conversion method: tagged API, or a user-defined operator we cannot run.</summary>
    private Value CallApi(IMethodSymbol method, IOperation at, IOperation[] operands) =>
        CallApi(method, at, operands, operands.Select(Evaluate).ToArray());

    /// <summary>An operator whose operands are already evaluated (a link of a long chain).</summary>
    private Value CallApi(IMethodSymbol method, IOperation at, IOperation[] operands, params Value[] values)
    {
        var tag = Tag(method);
        if (tag is null)
        {
            Report(Model.Diagnostics.UnknownCall, at, method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
            return ErrorValue.Instance;
        }
        var args = new IOperation?[values.Length];
        for (int i = 0; i < args.Length; i++) args[i] = i < operands.Length ? operands[i] : at;
        return Api(tag, method, at, args, values);
    }

    /// <summary>API calls made so far: each stamps the nodes it adds.</summary>
    private int _calls;

    /// <param name="args">The argument expressions by parameter (null: left to its default), for locations.</param>
    /// <param name="values">Their values, already evaluated in C#'s order.</param>
    /// <param name="receiver">The receiver of an instance method (<c>x</c> in <c>x.Sum()</c>).</param>
    private Value Api(ApiTag tag, IMethodSymbol method, IOperation at, IOperation?[] args, Value?[] values, Value? receiver = null)
    {
        if (values.Any(v => v is ErrorValue) || receiver is ErrorValue) return ErrorValue.Instance;
        // Every call makes variables of its own, as in PyTensor (see Node.Identity).
        Graph.Stamp = ++_calls;

        if (tag.Op is { } op) return ApplyOp(op, method, at, args, values);

        switch (tag.Builtin)
        {
            case Builtin.Constant when values.Length == 1:
                return Literal(values[0], args[0] ?? at);

            case Builtin.Constant:
            {
                if (values[0] is not ConstValue { Constant: var c } || ScalarValues.FromObject(c) is not { } number)
                {
                    Report(Model.Diagnostics.NotConstant, args[0]!, "the value of Constant", args[0]!.Syntax.ToString());
                    return ErrorValue.Instance;
                }
                var dtype = DTypeArgument(values, args, 1) ?? (number.IsFloat ? DType.Float64 : DType.Int64);
                // As PyTensor's TensorType.filter: a value the dtype cannot hold exactly is refused, not rounded.
                if ((dtype != DType.Float32 || !number.IsFloat) && !ScalarValues.FitsExactly(number, dtype))
                {
                    Report(Model.Diagnostics.InexactConstant, args[0]!, Model.Literals.Describe(c!), dtype.NumPy());
                    return ErrorValue.Instance;
                }
                // Each Constant(...) is its own variable, so givens can replace it alone (as a PyTensor
                // constant object); the rewriter merges equal constants again.
                return new TensorValue(Operand.Of(Graph.Constant(number, dtype, _nextInput++)));
            }

            case Builtin.Variable:
                return NewVariable(tag, method, at, args, values, StringArgument(method, args, values, "name"));

            case Builtin.Variables:
            {
                if (values[0] is not ListValue names)
                {
                    Report(Model.Diagnostics.NotConstant, at, "the names", at.Syntax.ToString());
                    return ErrorValue.Instance;
                }
                var items = ImmutableArray.CreateBuilder<Value>();
                for (int i = 0; i < names.Items.Length; i++)
                {
                    if (names.Items[i] is not ConstValue { Constant: string name })
                    {
                        Report(Model.Diagnostics.NotConstant, names.Locations[i], "a variable name", names.Locations[i].SourceTree?.GetText().ToString(names.Locations[i].SourceSpan) ?? "?");
                        items.Add(ErrorValue.Instance);
                        continue;
                    }
                    items.Add(NewVariable(tag, method, at, args, values, name));
                }
                return new ListValue(items.ToImmutable(), names.Locations);
            }

            case Builtin.In:
            {
                if (values[0] is not TensorValue { Operand: var variable })
                    return Mistyped(at, "In needs a tensor variable");
                object? defaultValue = null;
                if (values.Length > 1 && values[1] is ConstValue { Constant: var d }) defaultValue = d;
                else if (values.Length > 1 && values[1] is not null)
                {
                    // Reported once; the input stays an input, so nothing else cascades from it.
                    Report(Model.Diagnostics.NotConstant, args[1]!, "a default value", Shorten(args[1]!.Syntax.ToString()));
                }
                string? name = values.Length > 2 ? StringArgument(method, args, values, "name") : null;
                return new InValue(variable, defaultValue, name, at.Syntax.GetLocation());
            }

            case Builtin.Function:
            {
                var inputs = values[0] as ListValue;
                if (inputs is null) return Mistyped(args[0] ?? at, "the inputs of Function must be a list such as [x, y]");
                bool many = values[1] is ListValue;
                var outputs = values[1] is ListValue list ? list.Items : ImmutableArray.Create(values[1]!);
                var outputSyntax = Unwrap(args[1]) switch
                {
                    ICollectionExpressionOperation c => c.Elements,
                    IArrayCreationOperation { Initializer: { } init } => init.ElementValues,
                    { } single => ImmutableArray.Create(single),
                    _ => ImmutableArray<IOperation>.Empty,
                };
                var names = outputs.Select((_, i) => i < outputSyntax.Length ? OutputName(outputSyntax[i]) : null).ToImmutableArray();
                var updates = PairList(values, args, Parameter(method, "updates"), "updates");
                var givens = PairList(values, args, Parameter(method, "givens"), "givens");
                int noDefault = Parameter(method, "noDefaultUpdates");
                bool noDefaultUpdates = noDefault >= 0 && values[noDefault] is ConstValue { Constant: true };
                return new FunctionValue(inputs.Items, inputs.Locations, outputs, names, many, at.Syntax.GetLocation(), updates, givens, noDefaultUpdates);
            }

            case Builtin.Pairs:
                return values[0]!;

            case Builtin.Reduce:
                return Reduce(tag.Reduction, method, at, args, values, receiver);

            case Builtin.Dot:
                return Dot(at, args, values);

            case Builtin.Transpose:
                return Transpose(at, values[0] ?? ErrorValue.Instance);

            case Builtin.Grad:
                return Grad(method, at, args, values);

            case Builtin.Random:
                return RandomDraw(tag, method, at, args, values, receiver);

            case Builtin.Shared:
                Report(Model.Diagnostics.SharedDeclaration, at, "(in graph code)",
                    "a shared variable is created in graph code; declare it as a field or property (static readonly Shared<T> Name = Shared(value);) so every function can bind to it");
                return ErrorValue.Instance;

            default:
                Report(Model.Diagnostics.UnknownCall, at, method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
                return ErrorValue.Instance;
        }
    }

    /// <summary>The (variable, value) pairs of updates or givens; each pair is a 2-tuple.</summary>
    private ImmutableArray<PairValue> PairList(Value?[] values, IOperation?[] args, int index, string what)
    {
        if (index < 0 || values[index] is null or ConstValue { Constant: null }) return ImmutableArray<PairValue>.Empty;
        if (values[index] is not ListValue list)
        {
            if (values[index] is not ErrorValue) Mistyped(args[index]!, $"the {what} must be a list of pairs such as [(a, b)]");
            return ImmutableArray<PairValue>.Empty;
        }
        var pairs = ImmutableArray.CreateBuilder<PairValue>();
        for (int i = 0; i < list.Items.Length; i++)
        {
            if (list.Items[i] is ListValue { Items.Length: 2 } pair) pairs.Add(new PairValue(pair.Items[0], pair.Items[1], list.Locations[i]));
            else if (list.Items[i] is not ErrorValue)
                Report(Model.Diagnostics.UnsupportedExpression, list.Locations[i], "this element", $"an element of {what} that is not a (variable, value) pair");
        }
        return pairs.ToImmutable();
    }

    /// <summary>A tuple element name for an output: the local it was read from (<c>diff</c>), if any.</summary>
    private static string? OutputName(IOperation output) =>
        Unwrap(output) is ILocalReferenceOperation local ? local.Local.Name : null;

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }

    private Value Mistyped(IOperation at, string what)
    {
        Report(Model.Diagnostics.UnsupportedExpression, at, Shorten(at.Syntax.ToString()), what);
        return ErrorValue.Instance;
    }

    private Value Literal(Value? value, IOperation at)
    {
        switch (value)
        {
            case ConstValue { Constant: var c } when ScalarValues.FromObject(c) is { } number:
                // A C# float literal is a float32 value; a double one is float64 unless it meets a tensor that holds it.
                return new TensorValue(Operand.Of(new Literal(c is bool ? DType.Bool : c is float ? DType.Float32 : number.IsFloat ? DType.Float64 : DType.Int64, number)));
            default:
                Report(Model.Diagnostics.NotConstant, at, "a number used as a tensor", Shorten(at.Syntax.ToString()));
                return ErrorValue.Instance;
        }
    }

    private Value ApplyOp(OpCode op, IMethodSymbol method, IOperation at, IOperation?[] args, Value?[] values)
    {
        DType? castTo = null;
        var operands = new List<Operand>();
        for (int i = 0; i < values.Length; i++)
        {
            if (i < method.Parameters.Length && method.Parameters[i].Type.Name == nameof(DType))
            {
                castTo = DTypeArgument(values, args, i);
                if (castTo is null) return ErrorValue.Instance;
                continue;
            }
            if (values[i] is TensorValue t) operands.Add(t.Operand);
            else return Mistyped(args[i] ?? at, $"operand {i + 1} of {OpInfo.Name(op)} is not a tensor");
        }

        var result = Graph.Apply(op, operands, castTo, out var error, out bool shapeError);
        if (error is null) return new TensorValue(result);
        Report(shapeError ? Model.Diagnostics.ShapeMismatch : Model.Diagnostics.DTypeMismatch, at, error);
        return ErrorValue.Instance;
    }

    private Value NewVariable(ApiTag tag, IMethodSymbol method, IOperation at, IOperation?[] args, Value?[] values, string? name)
    {
        DType dtype = tag.DType >= 0 ? (DType)tag.DType : DTypeArgument(values, args, Parameter(method, "dtype")) ?? DType.Float64;
        int[] shape;
        if (tag.Rank >= 0)
        {
            shape = Enumerable.Repeat(-1, tag.Rank).ToArray();
            for (int d = 0; d < tag.Rank; d++)
                if ((tag.Broadcastable & (1 << d)) != 0) shape[d] = 1;
        }
        else
        {
            int s = Parameter(method, "shape");
            if (s < 0 || values[s] is not ListValue dims || dims.Items.Any(v => v is not ConstValue { Constant: null or int }))
            {
                Report(Model.Diagnostics.NotConstant, at, "the static shape (an array of int or null)", Shorten(at.Syntax.ToString()));
                return ErrorValue.Instance;
            }
            shape = dims.Items.Select(v => ((ConstValue)v).Constant is int n ? n : -1).ToArray();
        }
        return new TensorValue(Operand.Of(Graph.Input(name, dtype, shape, _nextInput++)));
    }

    private static int Parameter(IMethodSymbol method, string name) =>
        method.Parameters.FirstOrDefault(p => p.Name == name)?.Ordinal ?? -1;

    private string? StringArgument(IMethodSymbol method, IOperation?[] args, Value?[] values, string parameter)
    {
        int i = Parameter(method, parameter);
        if (i < 0 || values[i] is null or ConstValue { Constant: null }) return null;
        if (values[i] is ConstValue { Constant: string s }) return s;
        Report(Model.Diagnostics.NotConstant, args[i]!, $"the {parameter}", args[i]!.Syntax.ToString());
        return null;
    }

    private DType? DTypeArgument(Value?[] values, IOperation?[] args, int index)
    {
        if (index < 0 || index >= values.Length || values[index] is null) return null;
        if (values[index] is ConstValue { Constant: int d } && d is >= 0 and <= (int)DType.Float64) return (DType)d;
        Report(Model.Diagnostics.NotConstant, args[index]!, "a dtype", args[index]!.Syntax.ToString());
        return null;
    }

    private readonly Dictionary<IMethodSymbol, ApiTag?> _tags = new(SymbolEqualityComparer.Default);

    /// <summary>The method's API tag, read once per method (graph code calls the same few operators again and again).</summary>
    private ApiTag? Tag(IMethodSymbol method)
    {
        if (!_tags.TryGetValue(method, out var tag)) _tags[method] = tag = ApiTag.Read(method);
        return tag;
    }

    /// <summary>The bodies of helper methods and local functions, bound once each however often they are called.</summary>
    private readonly Dictionary<IMethodSymbol, IOperation?> _helperBodies = new(SymbolEqualityComparer.Default);

    private Value CallHelper(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        string display = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        var body = HelperBody(method, out bool isLocalFunction);
        if (body is null)
        {
            Report(Model.Diagnostics.UnknownCall, invocation, display);
            return ErrorValue.Instance;
        }
        if (!method.IsStatic && invocation.Instance is not (null or IInstanceReferenceOperation))
            return Mistyped(invocation, $"'{method.Name}' is an instance method called on another object; graph code may call static helpers and its own object's methods");
        if ((method.IsVirtual || method.IsOverride || method.IsAbstract) && !method.IsSealed && !method.ContainingType.IsSealed)
            return Mistyped(invocation, $"'{method.Name}' is virtual, so which body runs depends on the object; make it non-virtual or sealed");
        if (_frames.Count > MaxCallDepth)
        {
            Report(Model.Diagnostics.TooDeep, invocation, $"helper calls nest deeper than {MaxCallDepth} (is '{method.Name}' recursive without end?)");
            return ErrorValue.Instance;
        }

        // A local function shares the variables it captures with its caller: the same cells, so its writes
        // are the caller's. A method starts with no variables but its parameters.
        var frame = isLocalFunction ? new Dictionary<ISymbol, Cell>(Locals, SymbolEqualityComparer.Default) : NewFrame();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } p) continue;
            var parameter = p.OriginalDefinition;
            if (p.RefKind == RefKind.None)
            {
                frame[parameter] = new Cell(Evaluate(argument.Value));
                continue;
            }
            // ref, out, in: the parameter is the caller's variable.
            var cell = VariableCell(argument.Value);
            if (cell is null && p.RefKind is RefKind.In or RefKind.RefReadOnlyParameter && argument.Value is not (IFieldReferenceOperation or IArrayElementReferenceOperation))
                cell = new Cell(Evaluate(argument.Value)); // an rvalue passed by 'in' is a temporary copy
            if (cell is null)
            {
                Report(Model.Diagnostics.Effect, argument.Value,
                    $"'{Shorten(argument.Value.Syntax.ToString())}' is passed by reference but is not a local or parameter; graph code models references to variables only");
                cell = new Cell(ErrorValue.Instance);
            }
            frame[parameter] = cell;
        }

        _frames.Push(frame);
        var flow = Execute(body);
        _frames.Pop();
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            return Mistyped(invocation, $"'{method.Name}' returns by reference, which graph code does not model");
        return flow.Kind == FlowKind.Return ? flow.Value ?? new ConstValue(null) : new ConstValue(null);
    }

    /// <summary>The cell of a variable passed by reference (<c>ref x</c>, <c>out var y</c>, <c>out _</c>), or null.</summary>
    private Cell? VariableCell(IOperation argument)
    {
        switch (argument)
        {
            case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared }:
                Declare(declared.Local, ErrorValue.Instance);
                return Locals[declared.Local];
            case ILocalReferenceOperation local:
                if (!Locals.ContainsKey(local.Local)) Declare(local.Local, ErrorValue.Instance);
                return Locals[local.Local];
            case IParameterReferenceOperation parameter:
                if (!Locals.ContainsKey(parameter.Parameter)) Declare(parameter.Parameter, ErrorValue.Instance);
                return Locals[parameter.Parameter];
            case IDiscardOperation:
                return new Cell(ErrorValue.Instance);
            default:
                return null;
        }
    }

    /// <summary>The body of a helper method or local function with source in this compilation, bound once.</summary>
    private IOperation? HelperBody(IMethodSymbol method, out bool isLocalFunction)
    {
        var definition = method.OriginalDefinition;
        isLocalFunction = definition.MethodKind == MethodKind.LocalFunction;
        if (_helperBodies.TryGetValue(definition, out var known)) return known;
        IOperation? body = null;
        var declaration = definition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellation);
        if (declaration is not null && _compilation.ContainsSyntaxTree(declaration.SyntaxTree) && !definition.IsAbstract)
        {
            body = SemanticModel(declaration.SyntaxTree).GetOperation(declaration, _cancellation) switch
            {
                IMethodBodyOperation m => (IOperation?)m.BlockBody ?? m.ExpressionBody,
                ILocalFunctionOperation f => f.Body,
                _ => null,
            };
        }
        _helperBodies[definition] = body;
        return body;
    }

    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

    private SemanticModel SemanticModel(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model)) _models[tree] = model = _compilation.GetSemanticModel(tree);
        return model;
    }
}
