using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The C# face of a compiled function: a scalar parameter per 0-d input and a <c>TensorArg&lt;T&gt;</c>
/// (a <c>Tensor&lt;T&gt;</c> or a plain array) per tensor input; a scalar or <c>Tensor&lt;T&gt;</c> per output,
/// several outputs as a named tuple.
/// </summary>
internal static class Signature
{
    private static readonly HashSet<string> TupleReserved = new()
    {
        "Rest", "ToString", "GetHashCode", "Equals", "CompareTo", "GetType", "Deconstruct",
        "Item1", "Item2", "Item3", "Item4", "Item5", "Item6", "Item7", "Item8",
    };

    public static string ParameterType(Node node) =>
        node.Rank == 0 ? node.DType.CSharp() : $"global::Tensorgen.TensorArg<{node.DType.CSharp()}>";

    public static string OutputType(Node node) =>
        node.Rank == 0 ? node.DType.CSharp() : $"global::System.Numerics.Tensors.Tensor<{node.DType.CSharp()}>";

    public static string Parameters(TensorGraph graph, IEnumerable<InputSpec> inputs) =>
        string.Join(", ", inputs.Select(i => $"{ParameterType(graph[i.Node])} {NameScope.Escape(i.Name)}" + (i.Default is { } d ? " = " + Literals.Of(d, graph[i.Node].DType) : "")));

    /// <summary>Tuple element names: the local each output was read from, when usable and not taken twice.</summary>
    public static IReadOnlyList<string?> OutputNames(IReadOnlyList<OutputSpec> outputs)
    {
        var uses = new Dictionary<string, int>();
        foreach (var name in outputs.Select(o => o.Name))
            if (name is not null) uses[name] = uses.TryGetValue(name, out int n) ? n + 1 : 1;
        return outputs.Select(o => o.Name is { } n && !TupleReserved.Contains(n) && uses[n] == 1 ? n : null).ToList();
    }

    public static string ReturnType(TensorGraph graph, IReadOnlyList<OutputSpec> outputs, bool many)
    {
        if (!many) return outputs.Count == 0 ? "void" : OutputType(graph[outputs[0].Node]);
        var names = OutputNames(outputs);
        return "(" + string.Join(", ", outputs.Select((o, i) => OutputType(graph[o.Node]) + (names[i] is { } n ? " " + NameScope.Escape(n) : ""))) + ")";
    }

    /// <summary>"float64 matrix (?, 3)": a value's type as the docs describe it.</summary>
    public static string Describe(Node node)
    {
        string kind = node.Rank switch { 0 => "scalar", 1 => "vector", 2 => "matrix", _ => $"{node.Rank}-d tensor" };
        return node.Rank == 0 ? $"{node.DType.NumPy()} {kind}" : $"{node.DType.NumPy()} {kind} {GraphBuilder.ShapeText(node.Shape)}";
    }
}
