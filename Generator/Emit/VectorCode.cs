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

    /// <summary>The class of a width's static methods: <c>Vector</c> for 0 (<c>Vector&lt;T&gt;</c>), else <c>Vector512</c> and so on.</summary>
    public static string Static(int width) => width == 0 ? V : $"global::System.Runtime.Intrinsics.Vector{width}";

    /// <summary>The vector type of <paramref name="dtype"/> at a width (0: <c>Vector&lt;T&gt;</c>).</summary>
    public static string Type(DType dtype, int width) => $"{Static(width)}<{dtype.CSharp()}>";

    /// <summary>A vector with every lane <paramref name="value"/> (of the kernel's dtype <paramref name="t"/>) at a width.</summary>
    public static string Splat(string value, DType t, int width) => width == 0 ? $"new {Type(t)}({value})" : $"{Static(width)}.Create<{t.CSharp()}>({value})";

    /// <summary>The vector type holding values of <paramref name="dtype"/> in a kernel computing in <paramref name="t"/>.</summary>
    public static string Type(DType dtype, DType t) => dtype == DType.Bool ? MaskType(t) : Type(dtype);

    public static string MaskType(DType t) => t == DType.Float32 ? $"{V}<int>" : $"{V}<long>";

    /// <summary>A vector of the bool <paramref name="value"/>, as a mask.</summary>
    public static string Mask(string value, DType t) => $"({value} ? {MaskType(t)}.AllBitsSet : {MaskType(t)}.Zero)";

    /// <param name="node">The op.</param>
    /// <param name="a">The operands' vector expressions.</param>
    /// <param name="operand">The dtype of the op's value operands (the second for switch).</param>
    /// <param name="t">The float dtype the kernel computes in.</param>
    /// <param name="width">The loop's width: 0 for <c>Vector&lt;T&gt;</c>, 512 for <c>Vector512&lt;T&gt;</c>.</param>
    public static string Of(Node node, string[] a, DType operand, DType t, int width = 0) =>
        OpRegistry.Elementwise(node.Op).Vector.Code(new VectorSite(a, operand, node.DType, t, width));

    /// <summary>The dtype of an op's value operands: the second for switch and second, else the first.</summary>
    public static DType OperandType(TensorGraph graph, Node node) => Vectorization.OperandType(graph, node);

    /// <summary>The float dtype a kernel computes in (see <see cref="Vectorization.ComputeType"/>).</summary>
    public static DType? ComputeType(TensorGraph graph, IEnumerable<int> nodes) => Vectorization.ComputeType(graph, nodes);
}
