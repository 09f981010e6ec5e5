using System.Collections.Generic;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// A fused loop (PyTensor's <c>Composite</c> inside one <c>Elemwise</c>, or inside a <c>CAReduce</c>): it
/// computes every root from the leaves in one pass, with intermediate values kept in registers. A
/// reduction kernel has one root, the reduction, and its body computes the reduced values on the fly,
/// so <c>(w ** 2).sum()</c> never stores <c>w ** 2</c>.
/// </summary>
internal sealed class Kernel : Step
{
    public Kernel(List<int> roots, List<int> body, List<int> leaves, int[] dims, string? notVectorized, int reduction = -1, int reduced = -1)
    {
        Roots = roots;
        Body = body;
        Leaves = leaves;
        Dims = dims;
        NotVectorized = notVectorized;
        Reduction = reduction;
        Reduced = reduced;
        Reads.AddRange(leaves);
    }

    /// <summary>The nodes it writes out, in id order.</summary>
    public List<int> Roots { get; }

    public override IReadOnlyList<int> Writes => Roots;

    /// <summary>Every element-wise node computed in the loop, in topological order (roots included, the reduction not).</summary>
    public List<int> Body { get; }

    /// <summary>Nodes the loop reads: inputs, shared variables and values other steps wrote. Constants are inlined instead.</summary>
    public List<int> Leaves { get; }

    /// <summary>The iteration space: one <see cref="Dim"/> index per dimension (the roots', or the reduced value's).</summary>
    public int[] Dims { get; }

    /// <summary>Why the loop runs one element at a time, or null when it is vectorized.</summary>
    public string? NotVectorized { get; }

    /// <summary>For a reduction kernel: the reduction node (its only root); else -1.</summary>
    public int Reduction { get; }

    /// <summary>For a reduction kernel: the node whose values are reduced (in the body, or a leaf); else -1.</summary>
    public int Reduced { get; }

    public bool IsReduction => Reduction >= 0;

    public int Rank => Dims.Length;
}
