using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The <c>Vector&lt;T&gt;</c> expression computing a vector of elements of an op: its registry entry's
/// <see cref="VectorForm"/>. <c>Vector&lt;T&gt;</c> takes the widest width the machine (JIT) or the publish
/// target (NativeAOT) offers, so one loop serves AVX2, SSE and Arm64 alike. Ops with no SIMD form in .NET
/// call <c>VectorMath</c>. A kernel computes in one float dtype T; its bool values (comparisons, conditions,
/// bool leaves and outputs) are masks: a <c>Vector&lt;long&gt;</c> beside doubles, a <c>Vector&lt;int&gt;</c>
/// beside floats, all bits set for true, as .NET's comparisons return them. Whether a kernel has a vector
/// loop at all is the scheduler's decision (<see cref="Vectorization"/>), from the same data.
/// </summary>
internal static class VectorCode
{
    public const string V = "global::System.Numerics.Vector";

    public static string Type(DType dtype) => $"global::System.Numerics.Vector<{dtype.CSharp()}>";

    /// <summary>The vector type holding values of <paramref name="dtype"/> in a kernel computing in <paramref name="t"/>.</summary>
    public static string Type(DType dtype, DType t) => dtype == DType.Bool ? MaskType(t) : Type(dtype);

    public static string MaskType(DType t) => t == DType.Float32 ? $"{V}<int>" : $"{V}<long>";

    /// <summary>A vector of the bool <paramref name="value"/>, as a mask.</summary>
    public static string Mask(string value, DType t) => $"({value} ? {MaskType(t)}.AllBitsSet : {MaskType(t)}.Zero)";

    /// <param name="node">The op.</param>
    /// <param name="a">The operands' vector expressions.</param>
    /// <param name="operand">The dtype of the op's value operands (the second for switch).</param>
    /// <param name="t">The float dtype the kernel computes in.</param>
    public static string Of(Node node, string[] a, DType operand, DType t) =>
        OpRegistry.Elementwise(node.Op).Vector.Code(new VectorSite(a, operand, node.DType, t));

    /// <summary>The dtype of an op's value operands: the second for switch and second, else the first.</summary>
    public static DType OperandType(TensorGraph graph, Node node) => Vectorization.OperandType(graph, node);

    /// <summary>The float dtype a kernel computes in (see <see cref="Vectorization.ComputeType"/>).</summary>
    public static DType? ComputeType(TensorGraph graph, IEnumerable<int> nodes) => Vectorization.ComputeType(graph, nodes);
}
