using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

// Calls of helper methods and local functions: their bodies run here, in frames of their own.
internal sealed partial class GraphEvaluator
{
    private Value CallHelper(int at, IrInvocation invocation)
    {
        var method = _ir.Methods[invocation.Method];
        var helper = _ir.Helpers[method.Helper];
        if (helper.Body < 0)
        {
            Report(Model.Diagnostics.UnknownCall, at, method.Display);
            return ErrorValue.Instance;
        }
        if (!method.IsStatic && invocation.Instance >= 0 && Node(invocation.Instance) is not IrInstanceReference)
            return Mistyped(at, $"'{method.Name}' is an instance method called on another object; graph code may call static helpers and its own object's methods");
        if (method.IsOverridable)
            return Mistyped(at, $"'{method.Name}' is virtual, so which body runs depends on the object; make it non-virtual or sealed");
        if (_frames.Count > MaxCallDepth)
        {
            Report(Model.Diagnostics.TooDeep, at, $"helper calls nest deeper than {MaxCallDepth} (is '{method.Name}' recursive without end?)");
            return ErrorValue.Instance;
        }

        // A local function shares the variables it captures with its caller: the same cells, so its writes
        // are the caller's. A method starts with no variables but its parameters.
        var frame = helper.IsLocalFunction ? new Dictionary<int, Cell>(Locals) : NewFrame();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Ordinal < 0) continue;
            var refKind = method.Parameters[argument.Ordinal].RefKind;
            if (refKind == RefKind.None)
            {
                frame[argument.Variable] = new Cell(Evaluate(argument.Value));
                continue;
            }
            // ref, out, in: the parameter is the caller's variable.
            var cell = VariableCell(argument.Value);
            if (cell is null && refKind is RefKind.In or RefKind.RefReadOnlyParameter && Node(argument.Value) is not (IrFieldReference or IrArrayElementReference))
                cell = new Cell(Evaluate(argument.Value)); // an rvalue passed by 'in' is a temporary copy
            if (cell is null)
            {
                Report(Model.Diagnostics.Effect, argument.Value,
                    $"'{Shorten(Text(argument.Value))}' is passed by reference but is not a local or parameter; graph code models references to variables only");
                cell = new Cell(ErrorValue.Instance);
            }
            frame[argument.Variable] = cell;
        }

        _frames.Push(frame);
        var flow = Execute(helper.Body);
        _frames.Pop();
        if (method.ReturnsByRef)
            return Mistyped(at, $"'{method.Name}' returns by reference, which graph code does not model");
        return flow.Kind == FlowKind.Return ? flow.Value ?? new ConstValue(null) : new ConstValue(null);
    }

    /// <summary>The cell of a variable passed by reference (<c>ref x</c>, <c>out var y</c>, <c>out _</c>), or null.</summary>
    private Cell? VariableCell(int argument)
    {
        switch (Node(argument))
        {
            case IrDeclarationExpression declaration when Node(declaration.Expression) is IrLocalReference declared:
                Declare(declared.Variable, ErrorValue.Instance);
                return Locals[declared.Variable];
            case IrLocalReference local:
                if (!Locals.ContainsKey(local.Variable)) Declare(local.Variable, ErrorValue.Instance);
                return Locals[local.Variable];
            case IrParameterReference parameter:
                if (!Locals.ContainsKey(parameter.Variable)) Declare(parameter.Variable, ErrorValue.Instance);
                return Locals[parameter.Variable];
            case IrDiscard:
                return new Cell(ErrorValue.Instance);
            default:
                return null;
        }
    }
}
