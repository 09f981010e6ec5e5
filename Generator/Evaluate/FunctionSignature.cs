using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// The function's signature and state, checked: what the evaluated spec is made of. Outputs and updates are
/// before givens, and every shared and random variable the graph read is listed: the differentiate stage
/// applies the givens once gradients are taken and keeps the variables the function then reads.
/// </summary>
/// <param name="InputLocations">Where each of <paramref name="Inputs"/> is written in the <c>Function(...)</c> call (an unused input is reported there).</param>
internal sealed record CheckedSignature(List<InputSpec> Inputs, List<OutputSpec> Outputs, List<SharedSpec> Shared, List<UpdateSpec> Updates, List<RandomSpec> Randoms, List<GivenSpec> Givens, List<IrSpan> InputLocations);

/// <summary>
/// Turns the evaluated <c>Function(inputs, outputs, updates, givens)</c> into the function's signature,
/// checking it as PyTensor's <c>function</c> does: inputs are variables, given once, and defaults come last;
/// givens replace variables by values of the same type (never an input); updates give shared variables
/// values of their own type, once each. That the inputs cover every variable the outputs need is checked
/// by the differentiate stage, on the graph with gradients and givens in place.
/// </summary>
internal static class FunctionSignature
{
    public static CheckedSignature Check(GraphEvaluator evaluator, FunctionValue function, IrSpan fallback)
    {
        var graph = evaluator.Graph;
        var inputLocations = new List<IrSpan>();
        var inputs = Inputs(evaluator, function, fallback, inputLocations);
        var inputNodes = new HashSet<int>(inputs.Select(i => i.Node));
        var givens = Givens(evaluator, function, inputNodes);

        var outputs = new List<OutputSpec>();
        for (int i = 0; i < function.Outputs.Length; i++)
        {
            if (function.Outputs[i] is not TensorValue t) continue;
            int node = t.Operand.Weak is { } literal ? graph.Constant(literal.Value, GraphBuilder.DefaultDType(literal)) : t.Operand.Node;
            outputs.Add(new OutputSpec(node, function.OutputNames[i]));
        }

        // Givens keep a value's type, so an update's type is checked before they are applied.
        var updates = new List<(int Target, int Value)>();
        var advanced = new HashSet<int>();
        foreach (var pair in function.Updates)
        {
            if (pair.Variable is ErrorValue || pair.Value is ErrorValue) continue;
            if (pair.Variable is RandomAdvanceValue advance)
            {
                advanced.Add(advance.Random);
                continue;
            }
            if (pair.Variable is not TensorValue { Operand: { IsLiteral: false } target } || !graph[target.Node].IsShared)
            {
                evaluator.Report(Model.Diagnostics.UpdateTarget, pair.Location, Describe(graph, pair.Variable));
                continue;
            }
            var variable = graph[target.Node];
            if (pair.Value is not TensorValue { Operand: var operand })
            {
                evaluator.Report(Model.Diagnostics.UpdateType, pair.Location, variable.Name ?? "?", Type(variable), "value that is not a tensor");
                continue;
            }
            int value = graph.Materialize(operand, variable.DType);
            if (!SameType(variable, graph[value]))
            {
                evaluator.Report(Model.Diagnostics.UpdateType, pair.Location, variable.Name ?? "?", Type(variable), Type(graph[value]));
                continue;
            }
            if (updates.Any(u => u.Target == target.Node))
            {
                evaluator.Report(Model.Diagnostics.UpdateTwice, pair.Location, variable.Name ?? "?");
                continue;
            }
            updates.Add((target.Node, value));
        }

        var shared = evaluator.SharedVariables.Select(d => new SharedSpec(d.Node, d.Name, d.Member)).ToList();
        var updateSpecs = updates.Select(u => new UpdateSpec(shared.FindIndex(s => s.Node == u.Target), u.Value)).ToList();
        var randoms = evaluator.RandomVariables.Select((r, i) => new RandomSpec(r.Node, r.Name, r.Member, r.MemberIsTensor, r.Stream, r.Distribution,
            !r.InLoop ? RandomAdvance.Default : advanced.Contains(i) ? RandomAdvance.Given : RandomAdvance.Never)).ToList();
        return new CheckedSignature(inputs, outputs, shared, updateSpecs, randoms, givens, inputLocations);
    }

    private static List<InputSpec> Inputs(GraphEvaluator evaluator, FunctionValue function, IrSpan fallback, List<IrSpan> locations)
    {
        var graph = evaluator.Graph;
        var inputs = new List<InputSpec>();
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

            ScalarValue? literal = null;
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
            inputs.Add(new InputSpec(o.Node, name, literal));
            locations.Add(location);
        }
        return inputs;
    }

    private static List<GivenSpec> Givens(GraphEvaluator evaluator, FunctionValue function, HashSet<int> inputs)
    {
        var graph = evaluator.Graph;
        var givens = new List<GivenSpec>();
        foreach (var pair in function.Givens)
        {
            if (pair.Variable is ErrorValue || pair.Value is ErrorValue) continue;
            if (pair.Variable is not TensorValue { Operand: { IsLiteral: false } old } || pair.Value is not TensorValue { Operand: var replacement })
            {
                evaluator.Report(Model.Diagnostics.GivenType, pair.Location, Describe(graph, pair.Variable), "value", "value that is not a tensor");
                continue;
            }
            var original = graph[old.Node];
            if (inputs.Contains(old.Node))
            {
                evaluator.Report(Model.Diagnostics.GivenInput, pair.Location, original.Name ?? "?");
                continue;
            }
            int value = graph.Materialize(replacement, original.DType);
            if (!SameType(original, graph[value]))
            {
                evaluator.Report(Model.Diagnostics.GivenType, pair.Location, Describe(graph, pair.Variable), Type(original), Type(graph[value]));
                continue;
            }
            givens.Add(new GivenSpec(old.Node, value));
        }
        return givens;
    }

    /// <summary>Same dtype and rank, and static size 1 in the same dimensions: values one can stand for the other.</summary>
    private static bool SameType(Node a, Node b)
    {
        if (a.DType != b.DType || a.Rank != b.Rank) return false;
        for (int d = 0; d < a.Rank; d++)
            if ((a.Shape[d] == 1) != (b.Shape[d] == 1)) return false;
        return true;
    }

    private static string Type(Node node) => node.Rank == 0
        ? $"{node.DType.NumPy()} scalar"
        : $"{node.DType.NumPy()} {(node.Rank == 1 ? "vector" : node.Rank == 2 ? "matrix" : $"{node.Rank}-d tensor")} {GraphBuilder.ShapeText(node.Shape)}";

    private static string Describe(GraphBuilder graph, Value value) => value switch
    {
        TensorValue { Operand.IsLiteral: true } t => $"the literal {t.Operand.Weak!.Value.Value.Text(t.Operand.Weak!.Value.Kind)}",
        TensorValue t when graph[t.Operand.Node].Name is { } name => $"'{name}'",
        TensorValue => "an expression",
        _ => "a value that is not a tensor",
    };
}
