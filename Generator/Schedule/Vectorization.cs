using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// Whether a kernel takes the <c>Vector&lt;T&gt;</c> loop, decided from the op registry's data: a kernel
/// computes in one float dtype T (its bools as masks), and each op in it has a vector form for what it
/// computes on (<see cref="VectorForm.Has"/>). The reason a kernel runs one element at a time is kept
/// on the kernel and printed in its remarks.
/// </summary>
internal static class Vectorization
{
    /// <summary>The float dtype a kernel would compute in: the one float dtype among its values, if there is exactly one.</summary>
    public static DType? ComputeType(TensorGraph graph, IEnumerable<int> nodes)
    {
        var floats = nodes.Select(n => graph[n].DType).Where(d => d != DType.Bool).Distinct().ToList();
        return floats.Count == 1 && floats[0].IsFloat() ? floats[0] : null;
    }

    /// <summary>The dtype of an element-wise node's value operands (the second for switch and second, else the first).</summary>
    public static DType OperandType(TensorGraph graph, Node node) => graph[node.Inputs[OpInfo.ValueOperand(node.Op)]].DType;

    /// <summary>Why a kernel cannot use the vector loop, or null when it can.</summary>
    public static string? WhyNot(TensorGraph graph, IEnumerable<int> body, IEnumerable<int> leaves, int rank)
    {
        if (rank == 0) return "it computes a single element";
        return WhyNot(graph, body, body.Concat(leaves));
    }

    /// <summary>Why a reduction kernel cannot use the vector loop, or null when it can.</summary>
    public static string? WhyNotReduce(TensorGraph graph, Node reduction, IEnumerable<int> body, IEnumerable<int> leaves)
    {
        if (!reduction.DType.IsFloat()) return $"it reduces {reduction.DType.NumPy()} values";
        return WhyNot(graph, body, body.Concat(leaves)) ?? (ComputeType(graph, body.Concat(leaves)) == reduction.DType ? null : "it reduces in another dtype than it computes");
    }

    /// <summary>
    /// Whether a vectorized element-wise kernel also gets a <c>Vector512</c> loop: each op's form compiles at every
    /// width (<see cref="VectorForm.EveryWidth"/>) and no value is a bool (masks are <c>Vector&lt;long&gt;</c>, whose
    /// comparisons have no one-to-one <c>Vector512</c> spelling), and it computes at most <see cref="MaxWideNodes"/> nodes. <c>Vector&lt;T&gt;</c> stays 256 bits on an AVX-512
    /// machine, so this doubles the lanes of compute-bound kernels such as <c>exp</c> and <c>sigmoid</c>.
    /// </summary>
    public static bool HasWideLoop(TensorGraph graph, Kernel kernel) => WhyNoWideLoop(graph, kernel) is null;

    /// <summary>A kernel of more nodes has only its <c>Vector&lt;T&gt;</c> loop, so generated code stays within twice a loop's size.</summary>
    public const int MaxWideNodes = 64;

    /// <summary>Why a vectorized kernel has no <c>Vector512</c> loop (see <see cref="HasWideLoop"/>), or null when it has one.</summary>
    public static string? WhyNoWideLoop(TensorGraph graph, Kernel kernel)
    {
        if (kernel.NotVectorized is not null) return kernel.NotVectorized;
        if (kernel.IsReduction) return "it is a reduction";
        if (kernel.Body.Count > MaxWideNodes) return $"it computes more than {MaxWideNodes} nodes (a second loop would double its code)";
        if (kernel.Body.Concat(kernel.Leaves).Concat(kernel.Roots).Any(id => graph[id].DType == DType.Bool)) return "it computes bools as masks";
        foreach (var node in kernel.Body.Select(b => graph[b]))
            if (!OpRegistry.Elementwise(node.Op).Vector.EveryWidth) return $"{OpInfo.Name(node.Op)} has a Vector<T> form only";
        return null;
    }

    private static string? WhyNot(TensorGraph graph, IEnumerable<int> body, IEnumerable<int> values)
    {
        var t = ComputeType(graph, values);
        if (t is null)
            return "it mixes dtypes or computes in integers (" + string.Join(", ", values.Select(b => graph[b].DType.NumPy()).Distinct()) + ")";
        foreach (var node in body.Select(b => graph[b]))
        {
            var form = OpRegistry.Elementwise(node.Op).Vector;
            bool onMasks = VectorSite.IsMasks(OperandType(graph, node), node.DType);
            if (!form.Has(onMasks)) return $"{OpInfo.Name(node.Op)} has no vector form ({form.WhyNot(onMasks)})";
        }
        return null;
    }
}
