using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>Sizes as C#: each dimension's local (<c>n0</c>) or static literal, and products of them.</summary>
internal sealed class SizeText
{
    private readonly ShapeAnalysis _shapes;
    private readonly IReadOnlyDictionary<int, string> _dims;

    // A node's size expression, made once: large graphs ask for it many times.
    private readonly Dictionary<int, string> _sizes = new();

    public SizeText(ShapeAnalysis shapes, IReadOnlyDictionary<int, string> dims)
    {
        _shapes = shapes;
        _dims = dims;
    }

    /// <summary>A run-time size's local (<c>n0</c>) or a static size's literal.</summary>
    public string Dim(int dim) => _dims.TryGetValue(dim, out var d) ? d
        : throw new System.InvalidOperationException($"size {dim} is not bound to any input");

    /// <summary>The product of sizes, leaving out 1s: <c>n0 * 3</c>, or <c>1</c>.</summary>
    public string Size(IEnumerable<int> dims)
    {
        var parts = dims.Select(Dim).Where(d => d != "1").ToList();
        return parts.Count == 0 ? "1" : string.Join(" * ", parts);
    }

    /// <summary>A node's element count.</summary>
    public string Size(int node) => _sizes.TryGetValue(node, out var size) ? size : _sizes[node] = Size(_shapes.NodeDims[node]);

    /// <summary>A node's shape as a C# collection expression: <c>[n0, 3]</c>.</summary>
    public string Lengths(int node) => "[" + string.Join(", ", _shapes.NodeDims[node].Select(Dim)) + "]";
}
