using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Schedule;

/// <summary>A run-time size: a static constant, or read from one input's dimension.</summary>
/// <param name="Static">The size when known at build time, else -1.</param>
/// <param name="Input">Which source (input in signature order, then shared variable) defines it, when not static.</param>
/// <param name="Axis">Which dimension of that source.</param>
/// <param name="Value">Otherwise, the int scalar whose value it is: a random variable's symbolic size, a slice's length.</param>
/// <param name="Computed">Whether that scalar is computed by a step (a slice's length) rather than read from a source: it is bound once that step has run.</param>
internal sealed record Dim(int Index, int Static, int Input, int Axis, int Value = -1, bool Computed = false)
{
    public bool IsStatic => Static >= 0;
}

/// <summary>A run-time check that a source's dimension equals a <see cref="Dim"/>.</summary>
/// <param name="Value">For a size given by a value (a random variable's size): that scalar node, checked instead of a dimension.</param>
internal sealed record DimCheck(int Input, int Axis, int Dim, int Value = -1);

/// <summary>
/// Symbolic shapes. Every dimension of every node is one of a few run-time sizes: dimensions that
/// broadcasting forces equal are unified (union-find), each class is bound to a constant or to the
/// first input dimension in it, and every other input dimension in the class becomes a check. Only a
/// dimension of static size 1 broadcasts (PyTensor's rule), so a run-time 1 elsewhere is a mismatch.
/// </summary>
internal sealed class ShapeAnalysis
{
    private ShapeAnalysis(int[][] nodeDims, List<Dim> dims, List<DimCheck> checks)
    {
        NodeDims = nodeDims;
        Dims = dims;
        Checks = checks;
    }

    /// <summary>For each node, the <see cref="Dim"/> index of each of its dimensions.</summary>
    public int[][] NodeDims { get; }

    public List<Dim> Dims { get; }

    public List<DimCheck> Checks { get; }

    public bool SameShape(int a, int b) => NodeDims[a].SequenceEqual(NodeDims[b]);

    /// <summary>Whether a check can only run once a step has computed a value: its own value's, or its size's.</summary>
    public bool IsComputed(DimCheck check) => Dims[check.Dim].Computed || (check.Value >= 0 && !Graph[check.Value].IsSource);

    private TensorGraph Graph { get; set; } = null!;

    public static ShapeAnalysis Run(TensorGraph graph, IReadOnlyList<int> sources)
    {
        // One atom per (node, axis), related as each op says; some atoms are sizes given by values.
        var sizes = new SizeRelations(graph);
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (node.IsLeaf) continue;
            sizes.At(id);
            if (OpInfo.IsElementwise(node.Op)) sizes.Broadcast();
            else OpInfo.Structural(node.Op).RelateSizes(node, sizes);
        }
        var values = sizes.Values;
        int Find(int atom) => sizes.Find(atom);
        int Atom(int node, int axis) => sizes.Of(node, axis);

        // Bind each class: a static size if any member has one, else the first input dimension. What each
        // class offers is gathered in one pass over the atoms, so binding is linear in the graph.
        var staticSize = new Dictionary<int, int>();
        for (int id = 0; id < graph.Count; id++)
            for (int k = 0; k < graph[id].Rank; k++)
                if (graph[id].Shape[k] >= 0 && !staticSize.ContainsKey(Find(Atom(id, k)))) staticSize[Find(Atom(id, k))] = graph[id].Shape[k];
        var firstInput = new Dictionary<int, (int Input, int Axis)>();
        for (int i = 0; i < sources.Count; i++)
            for (int k = 0; k < graph[sources[i]].Rank; k++)
                if (!firstInput.ContainsKey(Find(Atom(sources[i], k)))) firstInput[Find(Atom(sources[i], k))] = (i, k);
        // A value read from a source binds before one a step computes; then the first.
        var smallestValue = new Dictionary<int, int>();
        (bool, int) Rank(int value) => (!graph[value].IsSource, value);
        foreach (var pair in values)
        {
            int root = Find(pair.Key);
            smallestValue[root] = smallestValue.TryGetValue(root, out int v) && Rank(v).CompareTo(Rank(pair.Value)) <= 0 ? v : pair.Value;
        }
        var classDim = new Dictionary<int, int>();
        var dims = new List<Dim>();
        var checks = new List<DimCheck>();
        int DimOf(int atom, int node, int axis)
        {
            int root = Find(atom);
            if (classDim.TryGetValue(root, out int d)) return d;
            // Any static size in the class wins; broadcasting already proved they agree.
            int size = graph[node].Shape[axis];
            if (size < 0 && staticSize.TryGetValue(root, out int known)) size = known;
            var (input, inputAxis) = size < 0 && firstInput.TryGetValue(root, out var at) ? at : (-1, -1);
            int value = size >= 0 || input >= 0 ? -1 : smallestValue.TryGetValue(root, out int v) ? v : -1;
            d = dims.Count;
            dims.Add(new Dim(d, size, input, inputAxis, value, value >= 0 && !graph[value].IsSource));
            classDim[root] = d;
            return d;
        }

        var nodeDims = new int[graph.Count][];
        // Inputs first, in signature order, so dims are numbered as the caller sees them.
        foreach (var source in sources)
        {
            var node = graph[source];
            nodeDims[source] = new int[node.Rank];
            for (int k = 0; k < node.Rank; k++) nodeDims[source][k] = DimOf(Atom(source, k), source, k);
        }
        for (int id = 0; id < graph.Count; id++)
        {
            if (nodeDims[id] is not null) continue;
            nodeDims[id] = new int[graph[id].Rank];
            for (int k = 0; k < graph[id].Rank; k++) nodeDims[id][k] = DimOf(Atom(id, k), id, k);
        }

        // Every input dimension that does not define its size is checked against it.
        for (int i = 0; i < sources.Count; i++)
        {
            int node = sources[i];
            for (int k = 0; k < graph[node].Rank; k++)
            {
                var dim = dims[nodeDims[node][k]];
                if (dim.Input != i || dim.Axis != k) checks.Add(new DimCheck(i, k, dim.Index));
            }
        }
        // Every size given by a value that does not define its dimension is checked against it.
        foreach (var pair in values.OrderBy(v => v.Key))
        {
            var dim = dims[classDim[Find(pair.Key)]];
            if (dim.Value != pair.Value) checks.Add(new DimCheck(-1, -1, dim.Index, pair.Value));
        }
        return new ShapeAnalysis(nodeDims, dims, checks) { Graph = graph };
    }
}
