using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>DimShuffle</c>: output dimension j is input dimension <c>pattern[j]</c>, or a new
/// broadcastable dimension where it is -1. One that keeps the order of the dimensions it keeps is a view
/// of the same data; one that reorders them (a transpose) is a copy.
/// </summary>
internal sealed class DimShuffleOp : IStructuralOp
{
    public static readonly DimShuffleOp Instance = new();

    public OpCode Op => OpCode.DimShuffle;

    public string Name => "dimshuffle";

    public int Arity => 1;

    public OpKind Kind => OpKind.Shuffle;

    public StepKind Step => StepKind.Copy;

    /// <summary><paramref name="x"/> shuffled by <paramref name="pattern"/>; the identity pattern gives <paramref name="x"/> itself. Dimensions left out must have static size 1.</summary>
    public int Build(GraphBuilder b, int x, int[] pattern)
    {
        var n = b[x];
        if (pattern.Length == n.Rank && pattern.Select((p, j) => p == j).All(same => same)) return x;
        var parameters = new ShuffleParams(pattern.ToEquatableArray());
        return b.Add(new Node(OpCode.DimShuffle, n.DType, Shape(n, parameters), new[] { x }.ToEquatableArray(), parameters, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0], node.Parameters<ShuffleParams>());

    private static EquatableArray<int> Shape(Node operand, ShuffleParams p) => p.Pattern.Select(d => d < 0 ? 1 : operand.Shape[d]).ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>Each kept dimension is the operand's it came from.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var pattern = node.Parameters<ShuffleParams>().Pattern;
        for (int j = 0; j < pattern.Count; j++)
            if (pattern[j] >= 0) sizes.Same(sizes.Output(j), sizes.Operand(0, pattern[j]));
    }

    /// <summary>The inverse shuffle: the gradient of a view or transpose, back in the operand's layout.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        var pattern = n.Parameters<ShuffleParams>().Pattern.AsImmutableArray();
        return [b.DimShuffle(g, Enumerable.Range(0, b[n.Inputs[0]].Rank).Select(k => pattern.IndexOf(k)).ToArray())];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => node.Parameters<ShuffleParams>().IsView;

    /// <summary>A copy reads its operand's buffer; a view is that buffer.</summary>
    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{1,0}</c>, <c>x</c> for a new axis.</summary>
    public string PrintedParameters(Node node) =>
        "{" + string.Join(",", node.Parameters<ShuffleParams>().Pattern.Select(p => p < 0 ? "x" : p.ToString(CultureInfo.InvariantCulture))) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>
    /// The C# statement copying <paramref name="source"/> (the operand's data, of sizes <paramref name="dims"/>)
    /// into <paramref name="target"/> in the shuffled order: a plain copy for a view, Linalg's transpose for a
    /// matrix, a permutation otherwise. <paramref name="asInt"/> makes a size's expression an <c>int</c>.
    /// </summary>
    /// <param name="sourceIsArray">Whether <paramref name="source"/> is an array rather than a span: an array has no <c>CopyTo(Span)</c>.</param>
    public static string Copy(Node node, string source, bool sourceIsArray, IReadOnlyList<string> dims, string target, Func<string, string> asInt)
    {
        var p = node.Parameters<ShuffleParams>();
        if (p.IsView) return sourceIsArray ? $"global::System.MemoryExtensions.CopyTo({source}, {target});" : $"{source}.CopyTo({target});";
        var kept = p.Pattern.Where(d => d >= 0).ToList();
        if (kept.Count == 2 && kept[0] == 1 && kept[1] == 0 && dims.Count == 2)
            return $"global::Tensorgen.Linalg.Transpose({source}, {asInt(dims[0])}, {asInt(dims[1])}, {target});";
        // Dropped dimensions have size 1: where they go does not move any data.
        var permutation = kept.Concat(Enumerable.Range(0, dims.Count).Where(k => !kept.Contains(k)));
        return $"global::Tensorgen.Linalg.Permute({source}, [{string.Join(", ", dims)}], [{string.Join(", ", permutation)}], {target});";
    }
}
