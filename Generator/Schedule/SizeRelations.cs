using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// What each op says about its run-time sizes, for <see cref="ShapeAnalysis"/>: which of its dimensions
/// equal which of its operands' (union-find over one atom per node and axis), and which are given by a
/// value (a random variable's size). An op states its relations for one node at a time (<see cref="At"/>).
/// </summary>
internal sealed class SizeRelations
{
    // Dense (the whole graph's analysis): atoms numbered node by node, parents in an array. Sparse (one node's
    // relations while the graph is being built): atoms numbered as they are first named, so a question about one node
    // costs its operands, not the graph (a body's thousands of products each ask one).
    private readonly int[]? _first;
    private readonly List<int> _parent;
    private readonly Dictionary<(int Node, int Axis), int>? _atoms;
    private int _node;

    public SizeRelations(TensorGraph graph)
    {
        Graph = graph.Nodes;
        _first = new int[graph.Count + 1];
        for (int id = 0; id < graph.Count; id++) _first[id + 1] = _first[id] + graph[id].Rank;
        _parent = Enumerable.Range(0, _first[graph.Count]).ToList();
    }

    private SizeRelations(IReadOnlyList<Node> nodes)
    {
        Graph = nodes;
        _parent = new List<int>();
        _atoms = new Dictionary<(int, int), int>();
    }

    public IReadOnlyList<Node> Graph { get; }

    /// <summary>Whether these are a whole graph's relations (the schedule's), not one node's while a graph is built.</summary>
    public bool IsWholeGraph => _first is not null;

    /// <summary>Sizes given by values: atom → the int scalar node whose value it is.</summary>
    public Dictionary<int, int> Values { get; } = new();

    /// <summary>Makes <paramref name="node"/> the node whose relations are stated next.</summary>
    public void At(int node) => _node = node;

    /// <summary>Dimension <paramref name="axis"/> of the current node.</summary>
    public int Output(int axis) => Of(_node, axis);

    /// <summary>Dimension <paramref name="axis"/> of the current node's operand <paramref name="k"/>.</summary>
    public int Operand(int k, int axis) => Of(Graph[_node].Inputs[k], axis);

    /// <summary>Dimension <paramref name="axis"/> of any node.</summary>
    public int Of(int node, int axis)
    {
        if (_first is not null) return _first[node] + axis;
        if (!_atoms!.TryGetValue((node, axis), out int atom))
        {
            _atoms[(node, axis)] = atom = _parent.Count;
            _parent.Add(atom);
        }
        return atom;
    }

    /// <summary>The two dimensions have one size.</summary>
    public void Same(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a != b) _parent[System.Math.Max(a, b)] = System.Math.Min(a, b);
    }

    /// <summary>
    /// The dimension's size is the value of the int scalar <paramref name="value"/>: another tensor's dimension
    /// when the value measures one (<c>x.Shape[0]</c>), nothing more when it is a constant (the static shape says it).
    /// </summary>
    public void GivenBy(int atom, int value)
    {
        var node = Graph[value];
        if (node.IsConstant) return;
        if (node.Params is DimSizeParams measured) Same(atom, Of(node.Inputs[0], measured.Axis));
        else Values[atom] = value;
    }

    /// <summary>
    /// NumPy broadcasting of the current node's operands into it: dimensions aligned from the right are equal
    /// unless the operand's has static size 1 (PyTensor's rule: only a static 1 broadcasts).
    /// </summary>
    public void Broadcast()
    {
        var node = Graph[_node];
        foreach (var operand in node.Inputs)
        {
            var o = Graph[operand];
            for (int k = 0; k < o.Rank; k++)
                if (o.Shape[k] != 1) Same(Output(node.Rank - o.Rank + k), Of(operand, k));
        }
    }

    /// <summary>
    /// The value giving dimension <paramref name="axis"/> of <paramref name="node"/> when its op states one (a slice's length,
    /// a range's), else -1: the size of that dimension is that value, so reading it needs no step of its own.
    /// </summary>
    public static int GivenValue(IReadOnlyList<Node> nodes, int node, int axis)
    {
        var sizes = new SizeRelations(nodes);
        sizes.At(node);
        OpInfo.Structural(nodes[node].Op).RelateSizes(nodes[node], sizes);
        return sizes.Values.TryGetValue(sizes.Output(axis), out int value) ? value : -1;
    }

    /// <summary>The class an atom is in (path halving, iteratively: a long chain of unions is as deep as the graph).</summary>
    public int Find(int a)
    {
        while (_parent[a] != a) a = _parent[a] = _parent[_parent[a]];
        return a;
    }
}
