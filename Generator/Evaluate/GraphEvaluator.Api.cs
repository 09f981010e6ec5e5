using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

internal sealed partial class GraphEvaluator
{
    private Value Invoke(int at, IrInvocation invocation)
    {
        var method = _ir.Methods[invocation.Method];
        var tag = method.Tag;
        if (method.IsDelegateInvoke) return CallDelegate(at, invocation);
        if (tag is null) return CallHelper(at, invocation);

        // C# evaluates the receiver, then the arguments as written (named ones too); the API takes them by parameter.
        var receiver = method.IsStatic || invocation.Instance < 0 ? null : Evaluate(invocation.Instance);
        var args = Enumerable.Repeat(-1, method.Parameters.Count).ToArray();
        var values = new Value?[method.Parameters.Count];
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Ordinal < 0 || argument.IsDefault) continue;
            args[argument.Ordinal] = argument.Value;
            values[argument.Ordinal] = Evaluate(argument.Value);
        }
        return Api(tag, method, at, args, values, receiver);
    }

    /// <summary>An operator or conversion method: tagged API, or a user-defined operator we cannot run.</summary>
    private Value CallApi(int method, int at, int[] operands) =>
        CallApi(method, at, operands, operands.Select(Evaluate).ToArray());

    /// <summary>An operator whose operands are already evaluated (a link of a long chain).</summary>
    private Value CallApi(int methodId, int at, int[] operands, params Value[] values)
    {
        var method = _ir.Methods[methodId];
        if (method.Tag is not { } tag)
        {
            Report(Model.Diagnostics.UnknownCall, at, method.Display);
            return ErrorValue.Instance;
        }
        var args = new int[values.Length];
        for (int i = 0; i < args.Length; i++) args[i] = i < operands.Length ? operands[i] : at;
        return Api(tag, method, at, args, values);
    }

    /// <summary>The argument for parameter <paramref name="index"/>, or the call itself when it was left to its default.</summary>
    private static int Arg(int[] args, int index, int at) => args[index] >= 0 ? args[index] : at;

    /// <summary>API calls made so far: each stamps the nodes it adds.</summary>
    private int _calls;

    /// <summary>
    /// Stamps the nodes added from now on as a call of their own: an API that makes several Grad requests (a Hessian's
    /// gradient, then its Jacobian's) makes each its own call, as the differentiate stage expands one call at a time.
    /// </summary>
    internal void NewIdentity() => Graph.Stamp = ++_calls;

    /// <param name="args">The argument expressions by parameter (-1: left to its default), for locations.</param>
    /// <param name="values">Their values, already evaluated in C#'s order.</param>
    /// <param name="receiver">The receiver of an instance method (<c>x</c> in <c>x.Sum()</c>).</param>
    private Value Api(ApiTag tag, IrMethod method, int at, int[] args, Value?[] values, Value? receiver = null)
    {
        if (values.Any(v => v is ErrorValue) || receiver is ErrorValue) return ErrorValue.Instance;
        // Every call makes variables of its own, as in PyTensor (see Node.Identity).
        Graph.Stamp = ++_calls;

        if (tag.Op is { } op) return ApplyOp(op, method, at, args, values, receiver);
        if (tag.Function is { } function)
        {
            if (ApiFunctions.Apply(function, new ApiCall(this, method, at, args, values, receiver, n => Shorten(Text(n)))) is { } result) return result;
            Report(Model.Diagnostics.UnknownCall, at, method.Display);
            return ErrorValue.Instance;
        }

        switch (tag.Builtin)
        {
            case Builtin.Constant when values.Length == 1:
                return Literal(values[0], Arg(args, 0, at));

            case Builtin.Constant:
            {
                if (values[0] is not ConstValue { Constant: var c } || ScalarValues.FromObject(c) is not { } number)
                {
                    Report(Model.Diagnostics.NotConstant, args[0], "the value of Constant", Text(args[0]));
                    return ErrorValue.Instance;
                }
                var dtype = DTypeArgument(values, args, 1) ?? (number.IsFloat ? DType.Float64 : DType.Int64);
                // As PyTensor's TensorType.filter: a value the dtype cannot hold exactly is refused, not rounded.
                if ((dtype != DType.Float32 || !number.IsFloat) && !ScalarValues.FitsExactly(number, dtype))
                {
                    Report(Model.Diagnostics.InexactConstant, args[0], Model.Literals.Describe(c!), dtype.NumPy());
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
                    Report(Model.Diagnostics.NotConstant, at, "the names", Text(at));
                    return ErrorValue.Instance;
                }
                var items = ImmutableArray.CreateBuilder<Value>();
                for (int i = 0; i < names.Items.Length; i++)
                {
                    if (names.Items[i] is not ConstValue { Constant: string name })
                    {
                        Report(Model.Diagnostics.NotConstant, names.Locations[i], "a variable name", Text(names.Locations[i]));
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
                    Report(Model.Diagnostics.NotConstant, args[1], "a default value", Shorten(Text(args[1])));
                }
                string? name = values.Length > 2 ? StringArgument(method, args, values, "name") : null;
                return new InValue(variable, defaultValue, name, Node(at).Span);
            }

            case Builtin.Function:
            {
                var inputs = values[0] as ListValue;
                if (inputs is null) return Mistyped(Arg(args, 0, at), "the inputs of Function must be a list such as [x, y]");
                bool many = values[1] is ListValue;
                var outputs = values[1] is ListValue list ? list.Items : ImmutableArray.Create(values[1]!);
                int outputArgument = Unwrap(args[1]);
                var outputSyntax = outputArgument < 0 ? ImmutableArray<int>.Empty
                    : Node(outputArgument) is IrCollection c ? c.Elements.AsImmutableArray() : ImmutableArray.Create(outputArgument);
                var names = outputs.Select((_, i) => i < outputSyntax.Length ? OutputName(outputSyntax[i]) : null).ToImmutableArray();
                var updates = PairList(values, args, Parameter(method, "updates"), "updates");
                var givens = PairList(values, args, Parameter(method, "givens"), "givens");
                int noDefault = Parameter(method, "noDefaultUpdates");
                bool noDefaultUpdates = noDefault >= 0 && values[noDefault] is ConstValue { Constant: true };
                int unused = Parameter(method, "onUnusedInput");
                int onUnusedInput = 0;
                if (unused >= 0 && values[unused] is not null)
                {
                    if (values[unused] is ConstValue { Constant: int mode } && mode is >= 0 and <= 2) onUnusedInput = mode;
                    else Report(Model.Diagnostics.NotConstant, args[unused], "an OnUnusedInput value", Text(args[unused]));
                }
                return new FunctionValue(inputs.Items, inputs.Locations, outputs, names, many, Node(at).Span, updates, givens, noDefaultUpdates, onUnusedInput);
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
                Report(Model.Diagnostics.UnknownCall, at, method.Display);
                return ErrorValue.Instance;
        }
    }

    /// <summary>The (variable, value) pairs of updates or givens; each pair is a 2-tuple.</summary>
    private ImmutableArray<PairValue> PairList(Value?[] values, int[] args, int index, string what)
    {
        if (index < 0 || values[index] is null or ConstValue { Constant: null }) return ImmutableArray<PairValue>.Empty;
        if (values[index] is not ListValue list)
        {
            if (values[index] is not ErrorValue) Mistyped(args[index], $"the {what} must be a list of pairs such as [(a, b)]");
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
    private string? OutputName(int output) =>
        Node(Unwrap(output)) is IrLocalReference local ? _ir.Variables[local.Variable] : null;

    /// <summary>The operand under any conversions (-1 stays -1).</summary>
    private int Unwrap(int operation)
    {
        while (operation >= 0 && Node(operation) is IrConversion conversion) operation = conversion.Operand;
        return operation;
    }

    private Value Mistyped(int at, string what)
    {
        Report(Model.Diagnostics.UnsupportedExpression, at, Shorten(Text(at)), what);
        return ErrorValue.Instance;
    }

    private Value Literal(Value? value, int at)
    {
        switch (value)
        {
            case ConstValue { Constant: var c } when ScalarValues.FromObject(c) is { } number:
                // A C# float literal is a float32 value; a double one is float64 unless it meets a tensor that holds it.
                return new TensorValue(Operand.Of(new Literal(c is bool ? DType.Bool : c is float ? DType.Float32 : number.IsFloat ? DType.Float64 : DType.Int64, number)));
            default:
                Report(Model.Diagnostics.NotConstant, at, "a number used as a tensor", Shorten(Text(at)));
                return ErrorValue.Instance;
        }
    }

    private Value ApplyOp(OpCode op, IrMethod method, int at, int[] args, Value?[] values, Value? receiver = null)
    {
        DType? castTo = null;
        var operands = new List<Operand>();
        // An instance method's receiver is the first operand: x.Clip(0, 1) is Clip(x, 0, 1), as PyTensor's x.clip(0, 1).
        if (receiver is TensorValue self) operands.Add(self.Operand);
        for (int i = 0; i < values.Length; i++)
        {
            if (i < method.Parameters.Count && method.Parameters[i].IsDType)
            {
                castTo = DTypeArgument(values, args, i);
                if (castTo is null) return ErrorValue.Instance;
                continue;
            }
            if (values[i] is TensorValue t) operands.Add(t.Operand);
            else return Mistyped(Arg(args, i, at), $"operand {i + 1} of {OpInfo.Name(op)} is not a tensor");
        }

        var result = Graph.Apply(op, operands, castTo, out var error, out bool shapeError);
        if (error is null) return new TensorValue(result);
        Report(shapeError ? Model.Diagnostics.ShapeMismatch : Model.Diagnostics.DTypeMismatch, at, error);
        return ErrorValue.Instance;
    }

    private Value NewVariable(ApiTag tag, IrMethod method, int at, int[] args, Value?[] values, string? name)
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
                Report(Model.Diagnostics.NotConstant, at, "the static shape (an array of int or null)", Shorten(Text(at)));
                return ErrorValue.Instance;
            }
            shape = dims.Items.Select(v => ((ConstValue)v).Constant is int n ? n : -1).ToArray();
        }
        return new TensorValue(Operand.Of(Graph.Input(name, dtype, shape, _nextInput++)));
    }

    private static int Parameter(IrMethod method, string name)
    {
        for (int i = 0; i < method.Parameters.Count; i++)
            if (method.Parameters[i].Name == name) return i;
        return -1;
    }

    private string? StringArgument(IrMethod method, int[] args, Value?[] values, string parameter)
    {
        int i = Parameter(method, parameter);
        if (i < 0 || values[i] is null or ConstValue { Constant: null }) return null;
        if (values[i] is ConstValue { Constant: string s }) return s;
        Report(Model.Diagnostics.NotConstant, args[i], $"the {parameter}", Text(args[i]));
        return null;
    }

    private DType? DTypeArgument(Value?[] values, int[] args, int index)
    {
        if (index < 0 || index >= values.Length || values[index] is null) return null;
        if (values[index] is ConstValue { Constant: int d } && d is >= 0 and <= (int)DType.UInt8) return (DType)d;
        Report(Model.Diagnostics.NotConstant, args[index], "a dtype", Text(args[index]));
        return null;
    }

    /// <summary>A tagged property (<c>x[...]</c>, <c>NewAxis</c>): its getter is called as API, the indexer's arguments as its parameters.</summary>
    private Value CallGetter(int at, IrPropertyReference property)
    {
        var method = _ir.Methods[_ir.Members[property.Member].Getter];
        var receiver = property.Instance < 0 ? null : Evaluate(property.Instance);
        var args = Enumerable.Repeat(-1, method.Parameters.Count).ToArray();
        var values = new Value?[method.Parameters.Count];
        for (int i = 0; i < property.Arguments.Count && i < values.Length; i++)
        {
            args[i] = property.Arguments[i];
            values[i] = Evaluate(property.Arguments[i]);
        }
        return Api(method.Tag!, method, at, args, values, receiver);
    }

    /// <summary>Where a lowered node was written.</summary>
    public IrSpan SpanOf(int node) => Node(node).Span;
}
