using System.Collections.Generic;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// A fused element-wise loop (PyTensor's <c>Composite</c> inside one <c>Elemwise</c>): it computes
/// every root from the leaves in one pass, with the intermediate values kept in registers.
/// </summary>
internal sealed class Kernel
{
    public Kernel(int index, List<int> roots, List<int> body, List<int> leaves, int[] dims, string? notVectorized)
    {
        Index = index;
        Roots = roots;
        Body = body;
        Leaves = leaves;
        Dims = dims;
        NotVectorized = notVectorized;
    }

    /// <summary>Position in the schedule; names the emitted method.</summary>
    public int Index { get; }

    /// <summary>The nodes it writes out, in id order.</summary>
    public List<int> Roots { get; }

    /// <summary>Every op node computed in the loop, in topological order (roots included).</summary>
    public List<int> Body { get; }

    /// <summary>Nodes the loop reads: inputs and values other kernels wrote. Constants are inlined instead.</summary>
    public List<int> Leaves { get; }

    /// <summary>The iteration space: one <see cref="Dim"/> index per dimension (all roots share it).</summary>
    public int[] Dims { get; }

    /// <summary>Why the loop runs one element at a time, or null when it is vectorized.</summary>
    public string? NotVectorized { get; }

    public int Rank => Dims.Length;
}
