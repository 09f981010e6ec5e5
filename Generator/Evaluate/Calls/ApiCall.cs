using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// One call of a graph-language function (<see cref="ApiFunction"/>), as its entry in
/// <see cref="ApiFunctions"/> sees it: the arguments by parameter name, read as the kind of value each
/// parameter takes, and the graph to build into. A reader that finds the wrong kind of value reports it
/// at that argument and returns null (or -1); the entry then returns <see cref="ErrorValue"/>.
/// </summary>
/// <remarks>
/// The receiver of an instance method (<c>x</c> in <c>x.Reshape(...)</c>, <c>x[...]</c>) is read as the
/// parameter named <c>x</c>, so <c>Reshape(x, ...)</c> and <c>x.Reshape(...)</c> share one entry.
/// </remarks>
internal sealed class ApiCall
{
    private readonly GraphEvaluator _evaluator;
    private readonly IrMethod _method;
    private readonly int[] _args;
    private readonly Value?[] _values;
    private readonly Value? _receiver;
    private readonly System.Func<int, string> _text;

    public ApiCall(GraphEvaluator evaluator, IrMethod method, int at, int[] args, Value?[] values, Value? receiver, System.Func<int, string> text)
    {
        _evaluator = evaluator;
        _method = method;
        At = at;
        _args = args;
        _values = values;
        _receiver = receiver;
        _text = text;
    }

    public GraphBuilder Graph => _evaluator.Graph;

    /// <summary>The evaluator, for an API that runs graph code itself (Scan calls its body).</summary>
    public GraphEvaluator Evaluator => _evaluator;

    /// <summary>The call's node in the lowered body: where diagnostics about the call as a whole go.</summary>
    public int At { get; }

    /// <summary>The method's name as written (<c>Reshape</c>), for messages.</summary>
    public string Name => _method.Name;

    /// <summary>The C# text of the call (shortened), for messages.</summary>
    public string Text => _text(At);

    /// <summary>The C# text of an argument.</summary>
    public string TextOf(string parameter) => _text(Location(parameter));

    /// <summary>Whether the argument was given (a receiver counts as parameter <c>x</c>).</summary>
    public bool Has(string parameter) => Raw(parameter) is not (null or ConstValue { Constant: null });

    /// <summary>The argument's value as evaluated, or null when it was left to its default.</summary>
    public Value? Raw(string parameter)
    {
        if (parameter == "x" && _receiver is not null) return _receiver;
        int i = Index(parameter);
        return i < 0 ? null : _values[i];
    }

    /// <summary>Where an argument was written (the call itself when it was not).</summary>
    public int Location(string parameter)
    {
        if (parameter == "x" && _receiver is not null) return At;
        int i = Index(parameter);
        return i >= 0 && _args[i] >= 0 ? _args[i] : At;
    }

    private int Index(string parameter)
    {
        for (int i = 0; i < _method.Parameters.Count; i++)
            if (_method.Parameters[i].Name == parameter) return i;
        return -1;
    }

    /// <summary>A tensor argument's node (a literal becomes a constant of its default dtype), or -1 (reported).</summary>
    public int Tensor(string parameter)
    {
        switch (Raw(parameter))
        {
            case TensorValue { Operand: var o }:
                return o.Weak is { } literal ? Graph.Constant(literal.Value, GraphBuilder.DefaultDType(literal)) : o.Node;
            case ConstValue { Constant: { } c } when ScalarValues.FromObject(c) is { } number:
                return Graph.Constant(number, c is bool ? Tensorgen.DType.Bool : c is float ? Tensorgen.DType.Float32 : number.IsFloat ? Tensorgen.DType.Float64 : Tensorgen.DType.Int64);
            case ErrorValue:
                return -1;
            default:
                Mistyped(parameter, $"{parameter} of {Name} must be a tensor");
                return -1;
        }
    }

    /// <summary>An int scalar argument as an int64 scalar node: a C# int, or an integer 0-d tensor; -1 (reported) otherwise.</summary>
    public int Size(string parameter) => Size(Raw(parameter), Location(parameter), parameter);

    /// <summary>One int scalar value as an int64 scalar node (a size, a position, a bound), or -1 (reported at <paramref name="location"/>).</summary>
    public int Size(Value? value, int location, string what) =>
        SizeNode(value, () => Report(Model.Diagnostics.UnsupportedExpression, location, _text(location), $"{what} of {Name} must be an int or an int scalar tensor"));

    private int SizeNode(Value? value, System.Action fail)
    {
        switch (value)
        {
            case ConstValue { Constant: int or long } c:
                return Graph.Constant(ScalarValue.Integer(System.Convert.ToInt64(c.Constant, CultureInfo.InvariantCulture)), Tensorgen.DType.Int64);
            case TensorValue { Operand: { Weak: { } literal } } when !literal.Value.IsFloat && literal.Kind != Tensorgen.DType.Bool:
                return Graph.Constant(literal.Value, Tensorgen.DType.Int64);
            case TensorValue { Operand: { IsLiteral: false } o } when Graph[o.Node].Rank == 0 && Graph[o.Node].DType.IsInteger():
                return Graph.Convert(o.Node, Tensorgen.DType.Int64);
            case ErrorValue:
                return -1;
            default:
                fail();
                return -1;
        }
    }

    /// <summary>A C# int known at build time, or <paramref name="otherwise"/> when left out; null (reported) when not constant.</summary>
    public int? Int(string parameter, int? otherwise = null)
    {
        var value = Raw(parameter);
        if (value is null or ConstValue { Constant: null }) return otherwise;
        if (value is ConstValue { Constant: int i }) return i;
        if (value is not ErrorValue) Report(Model.Diagnostics.NotConstant, Location(parameter), $"the {parameter} of {Name}", TextOf(parameter));
        return null;
    }

    /// <summary>A C# bool known at build time.</summary>
    public bool Bool(string parameter, bool otherwise = false) => Raw(parameter) is ConstValue { Constant: bool b } ? b : otherwise;

    /// <summary>A dtype argument, or null when left out.</summary>
    public Tensorgen.DType? DType(string parameter) => Raw(parameter) is ConstValue { Constant: int d } && d is >= 0 and <= (int)Tensorgen.DType.UInt8 ? (Tensorgen.DType)d : null;

    /// <summary>An int or a list of ints known at build time (axes, a pattern); null (reported) otherwise, or when left out and no default.</summary>
    public int[]? Ints(string parameter)
    {
        switch (Raw(parameter))
        {
            case ConstValue { Constant: int i }:
                return [i];
            case ListValue list when list.Items.All(v => v is ConstValue { Constant: int }):
                return list.Items.Select(v => (int)((ConstValue)v).Constant!).ToArray();
            case ErrorValue:
                return null;
            default:
                Report(Model.Diagnostics.NotConstant, Location(parameter), $"the {parameter} of {Name} (ints)", TextOf(parameter));
                return null;
        }
    }

    /// <summary>A list argument's items and where each was written, or null (reported) when it is not a list.</summary>
    public (ImmutableArray<Value> Items, ImmutableArray<IrSpan> Locations)? List(string parameter)
    {
        switch (Raw(parameter))
        {
            case ListValue list:
                return (list.Items, list.Locations);
            case ErrorValue:
                return null;
            default:
                Mistyped(parameter, $"{parameter} of {Name} must be a list such as [a, b]");
                return null;
        }
    }

    /// <summary>The sizes of a shape argument (<c>[a, -1]</c>, <c>x.Shape</c>), each an int64 scalar node; null (reported) when one is not.</summary>
    public int[]? Sizes(string parameter)
    {
        if (List(parameter) is not { } list) return null;
        var sizes = new int[list.Items.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            sizes[i] = SizeAt(list.Items[i], list.Locations[i], parameter);
            if (sizes[i] < 0) return null;
        }
        return sizes;
    }

    /// <summary>The tensors of a list argument (<c>[a, b]</c>), or null (reported) when one is not a tensor.</summary>
    public int[]? Tensors(string parameter)
    {
        if (List(parameter) is not { } list) return null;
        var nodes = new int[list.Items.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            switch (list.Items[i])
            {
                case TensorValue { Operand: var o }:
                    nodes[i] = o.Weak is { } literal ? Graph.Constant(literal.Value, GraphBuilder.DefaultDType(literal)) : o.Node;
                    break;
                case ErrorValue:
                    return null;
                default:
                    _evaluator.Report(Model.Diagnostics.UnsupportedExpression, list.Locations[i], "this element", $"an element of {parameter} of {Name} that is not a tensor");
                    return null;
            }
        }
        return nodes;
    }

    private int SizeAt(Value value, IrSpan location, string what) =>
        SizeNode(value, () => _evaluator.Report(Model.Diagnostics.UnsupportedExpression, location, "this size", $"a size of {what} of {Name} that is not an int or an int scalar tensor"));

    /// <summary>A value of the call as a tensor.</summary>
    public Value Result(int node) => node < 0 ? ErrorValue.Instance : new TensorValue(Operand.Of(node));

    /// <summary>Several tensors, as a list (<c>Split</c>): each located at the call.</summary>
    public Value Results(int[] nodes)
    {
        if (nodes.Any(n => n < 0)) return ErrorValue.Instance;
        var span = _evaluator.SpanOf(At);
        return new ListValue(nodes.Select(n => (Value)new TensorValue(Operand.Of(n))).ToImmutableArray(), nodes.Select(_ => span).ToImmutableArray());
    }

    /// <summary>Reports <paramref name="descriptor"/> (its message is <c>In '{function}': {message}</c>) at the call or an argument.</summary>
    public Value Error(DiagnosticDescriptor descriptor, string message, string? parameter = null)
    {
        Report(descriptor, parameter is null ? At : Location(parameter), message);
        return ErrorValue.Instance;
    }

    /// <summary>A shape mismatch (TG0206) at the call, with the message given.</summary>
    public Value SizeMismatch(string message, string? parameter = null) => Error(Model.Diagnostics.SizeMismatch, message, parameter);

    /// <summary>An axis or pattern that does not fit (TG0207).</summary>
    public Value BadAxis(string message, string? parameter = null) => Error(Model.Diagnostics.BadAxis, message, parameter);

    private void Mistyped(string parameter, string what) =>
        Report(Model.Diagnostics.UnsupportedExpression, Location(parameter), TextOf(parameter), what);

    public void Report(DiagnosticDescriptor descriptor, int at, params string[] arguments) => _evaluator.Report(descriptor, at, arguments);

    /// <summary>Reports at a part of an argument (an entry of an index, an element of a list).</summary>
    public void Report(DiagnosticDescriptor descriptor, IrSpan location, params string[] arguments) => _evaluator.Report(descriptor, location, arguments);

    /// <summary>A node described for messages: <c>'x' float64(?, 3)</c>.</summary>
    public string Describe(int node) => Graph.Describe(Operand.Of(node));
}
