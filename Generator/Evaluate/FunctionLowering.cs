using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Turns the evaluated <c>Function(inputs, outputs)</c> into the function's signature, checking it
/// as PyTensor's <c>function</c> does: inputs are variables, given once, cover every variable the
/// outputs need, and defaults come last.
/// </summary>
internal static class FunctionLowering
{
    public static (List<InputSpec> Inputs, List<OutputSpec> Outputs) Lower(GraphEvaluator evaluator, FunctionValue function, Location fallback)
    {
        var graph = evaluator.Graph;
        var inputs = new List<InputSpec>();
        var outputs = new List<OutputSpec>();
        var seen = new HashSet<int>();
        var names = new HashSet<string>();
        bool sawDefault = false;

        for (int i = 0; i < function.Inputs.Length; i++)
        {
            var location = i < function.InputLocations.Length ? function.InputLocations[i] : fallback;
            var (operand, defaultValue, name) = function.Inputs[i] switch
            {
                TensorValue t => ((Operand?)t.Operand, (object?)null, (string?)null),
                InValue v => (v.Variable, v.Default, v.Name),
                _ => (null, null, null),
            };
            if (function.Inputs[i] is ErrorValue) continue;
            if (operand is not { IsLiteral: false } o || !graph[o.Node].IsInput)
            {
                evaluator.Report(Model.Diagnostics.NotAnInput, location, (i + 1).ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var node = graph[o.Node];
            name ??= node.Name ?? $"input{i}";
            if (!seen.Add(o.Node))
            {
                evaluator.Report(Model.Diagnostics.DuplicateInput, location, name);
                continue;
            }
            if (!SyntaxFacts.IsValidIdentifier(name))
                evaluator.Report(Model.Diagnostics.BadName, location, name, "is not a valid C# identifier, and it names a C# parameter");
            else if (!names.Add(name))
                evaluator.Report(Model.Diagnostics.BadName, location, name, "is used by two inputs; give one a name: In(x, name: \"other\")");

            string? literal = null;
            if (defaultValue is not null)
            {
                sawDefault = true;
                if (node.Rank != 0)
                    evaluator.Report(Model.Diagnostics.TensorDefault, location, name, node.Rank.ToString(CultureInfo.InvariantCulture));
                else if ((literal = Literals.Default(defaultValue, node.DType)) is null)
                    evaluator.Report(Model.Diagnostics.BadDefault, location, Literals.Describe(defaultValue), name, node.DType.NumPy());
            }
            else if (sawDefault)
            {
                evaluator.Report(Model.Diagnostics.DefaultOrder, location, name);
            }
            inputs.Add(new InputSpec(o.Node, Identifier(name), literal));
        }

        for (int i = 0; i < function.Outputs.Length; i++)
        {
            if (function.Outputs[i] is not TensorValue t) continue;
            int node = t.Operand.Weak is { } lit ? graph.Constant(lit.Value, GraphBuilder.DefaultDType(lit)) : t.Operand.Node;
            outputs.Add(new OutputSpec(node, function.OutputNames[i]));
        }

        // Every variable the outputs read must be an input (PyTensor's MissingInputError).
        var reachable = graph.Freeze().Reachable(outputs.Select(o => o.Node));
        for (int id = 0; id < graph.Count; id++)
            if (reachable[id] && graph[id].IsInput && !seen.Contains(id))
                evaluator.Report(Model.Diagnostics.MissingInput, fallback, graph[id].Name ?? $"#{graph[id].Params[0]}");

        return (inputs, outputs);
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
