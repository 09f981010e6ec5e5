using System.Collections.Generic;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Schedule;

/// <summary>How a function runs: its sizes, the values kept in buffers, and the kernels in order.</summary>
internal sealed class Plan
{
    public Plan(OptimizedFunction function, ShapeAnalysis shapes, HashSet<int> materialized, List<Kernel> kernels)
    {
        Function = function;
        Shapes = shapes;
        Materialized = materialized;
        Kernels = kernels;
    }

    public OptimizedFunction Function { get; }

    public ShapeAnalysis Shapes { get; }

    /// <summary>Nodes whose values live in a buffer (or a local, for scalars) rather than a register.</summary>
    public HashSet<int> Materialized { get; }

    public List<Kernel> Kernels { get; }
}
