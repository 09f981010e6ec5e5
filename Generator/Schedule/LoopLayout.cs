using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// The loop nest of a kernel. Dimensions of static size 1 are dropped; neighbouring dimensions that
/// every leaf either spans or broadcasts alike are merged, because row-major data is contiguous across
/// them. The last group is the kernel's run; the others become outer loops around the kernel call.
/// So <c>matrix + scalar</c> is one flat run, <c>matrix + row</c> a loop over rows, each row one run.
/// </summary>
internal sealed class LoopLayout
{
    private LoopLayout(List<int[]> groups, Dictionary<int, bool[]> full, bool[] output)
    {
        Groups = groups;
        Full = full;
        Output = output;
        SpanLeaves = new HashSet<int>(full.Where(p => p.Value[p.Value.Length - 1]).Select(p => p.Key));
    }

    /// <summary>Each group: positions in the kernel's <see cref="Kernel.Dims"/>. Never empty: a size-1 space is one empty group.</summary>
    public List<int[]> Groups { get; }

    /// <summary>For each leaf of rank ≥ 1: whether it varies along each group (else it broadcasts there).</summary>
    public Dictionary<int, bool[]> Full { get; }

    /// <summary>
    /// Whether the written value varies along each group: always for element-wise kernels; for a
    /// reduction, along the kept axes only. A run it does not vary along is reduced to one value.
    /// </summary>
    public bool[] Output { get; }

    /// <summary>Leaves that vary along the run, passed to the kernel as spans.</summary>
    public HashSet<int> SpanLeaves { get; }

    public static LoopLayout Of(Plan plan, Kernel kernel)
    {
        var graph = plan.Function.Graph;
        var dims = plan.Shapes.Dims;
        var axes = Enumerable.Range(0, kernel.Rank).Where(a => dims[kernel.Dims[a]].Static != 1).ToList();
        var leaves = kernel.Leaves.Where(l => graph[l].Rank > 0).ToList();

        bool Varies(int leaf, int axis)
        {
            var node = graph[leaf];
            int k = axis - (kernel.Rank - node.Rank);
            return k >= 0 && node.Shape[k] != 1;
        }

        // A reduction's result varies along the axes it keeps, like a leaf.
        var reducedAxes = kernel.IsReduction ? graph[kernel.Reduction].Parameters<ReduceParams>().Axes.ToArray() : System.Array.Empty<int>();
        bool Kept(int axis) => System.Array.IndexOf(reducedAxes, axis) < 0;

        var groups = new List<List<int>>();
        string? previous = null;
        foreach (var axis in axes)
        {
            var pattern = (Kept(axis) ? "k" : "r") + new string(leaves.Select(l => Varies(l, axis) ? 'v' : 'b').ToArray());
            if (pattern != previous) groups.Add(new List<int>());
            groups[groups.Count - 1].Add(axis);
            previous = pattern;
        }
        if (groups.Count == 0) groups.Add(new List<int>());

        var full = new Dictionary<int, bool[]>();
        foreach (var leaf in leaves)
            full[leaf] = groups.Select(g => g.Count > 0 && Varies(leaf, g[0])).ToArray();
        var output = groups.Select(g => g.Count == 0 ? !kernel.IsReduction : Kept(g[0])).ToArray();
        return new LoopLayout(groups.Select(g => g.ToArray()).ToList(), full, output);
    }
}
