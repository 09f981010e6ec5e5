using System.Collections.Generic;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

// Delegates in graph code: lambdas and method groups as values, called as C# calls them.
internal sealed partial class GraphEvaluator
{
    /// <summary>
    /// A delegate: a lambda's or a method's body, its parameters' variables by ordinal, and for a lambda or a local
    /// function the variables it captured: the cells of its frame when it was made, so that it reads and writes the
    /// variables themselves (later assignments included), and a lambda made in each pass of a loop keeps that pass's.
    /// </summary>
    private sealed record DelegateValue(int Helper, string Name, EquatableArray<int> Parameters, Dictionary<int, Cell>? Captured) : Value
    {
        public bool Equals(DelegateValue? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }

    private Value Lambda(IrLambda lambda) => new DelegateValue(lambda.Helper, "the lambda", lambda.Parameters, new Dictionary<int, Cell>(Locals));

    private Value MethodGroup(int at, IrMethodGroup group)
    {
        var method = _ir.Methods[group.Method];
        if (method.IsOverridable)
            return Mistyped(at, $"'{method.Name}' is virtual, so which body runs depends on the object; make it non-virtual or sealed");
        var helper = method.Helper >= 0 ? _ir.Helpers[method.Helper] : null;
        return new DelegateValue(method.Helper, $"'{method.Name}'", group.Parameters, helper is { IsLocalFunction: true } ? new Dictionary<int, Cell>(Locals) : null);
    }

    /// <summary><c>f(x)</c> of a delegate: the receiver, then the arguments as written, bound by ordinal.</summary>
    private Value CallDelegate(int at, IrInvocation invocation)
    {
        var receiver = Evaluate(invocation.Instance);
        var arguments = new Value[_ir.Methods[invocation.Method].Parameters.Count];
        foreach (var argument in invocation.Arguments)
            if (argument.Ordinal >= 0) arguments[argument.Ordinal] = Evaluate(argument.Value);
        if (receiver is ErrorValue) return receiver;
        if (receiver is not DelegateValue function)
            return Mistyped(at, $"'{Shorten(Text(invocation.Instance))}' is not a lambda or method of graph code; graph code calls the delegates it makes");
        return InvokeDelegate(at, function, arguments);
    }

    /// <summary>The number of parameters of <paramref name="value"/> when it is a delegate graph code made, else -1.</summary>
    internal static int DelegateArity(Value? value) => value is DelegateValue function ? function.Parameters.Count : -1;

    /// <summary>Runs a delegate graph code made (an API taking a function, such as Scan, calls it so).</summary>
    internal Value CallFunction(int at, Value function, IReadOnlyList<Value> arguments) =>
        InvokeDelegate(at, (DelegateValue)function, arguments);

    /// <summary>Runs a delegate's body over <paramref name="arguments"/> in a frame of its own; its return value, or null.</summary>
    private Value InvokeDelegate(int at, DelegateValue function, IReadOnlyList<Value> arguments)
    {
        if (function.Helper < 0 || _ir.Helpers[function.Helper].Body < 0)
        {
            Report(Model.Diagnostics.UnknownCall, at, function.Name);
            return ErrorValue.Instance;
        }
        if (_frames.Count > MaxCallDepth)
        {
            Report(Model.Diagnostics.TooDeep, at, $"calls nest deeper than {MaxCallDepth} (is {function.Name} recursive without end?)");
            return ErrorValue.Instance;
        }
        var frame = function.Captured is null ? NewFrame() : new Dictionary<int, Cell>(function.Captured);
        for (int k = 0; k < function.Parameters.Count && k < arguments.Count; k++)
            frame[function.Parameters[k]] = new Cell(arguments[k] ?? ErrorValue.Instance);
        _frames.Push(frame);
        var flow = Execute(_ir.Helpers[function.Helper].Body);
        _frames.Pop();
        return flow.Kind == FlowKind.Return ? flow.Value ?? new ConstValue(null) : new ConstValue(null);
    }
}
