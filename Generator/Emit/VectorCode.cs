using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The <c>Vector&lt;T&gt;</c> expression computing a vector of elements of an op. <c>Vector&lt;T&gt;</c>
/// takes the widest width the machine (JIT) or the publish target (NativeAOT) offers, so one loop
/// serves AVX2, SSE and Arm64 alike. Ops with no SIMD form in .NET call <c>VectorMath</c>.
/// A kernel computes in one float dtype T; its bool values (comparisons, conditions, bool leaves and
/// outputs) are masks: a <c>Vector&lt;long&gt;</c> beside doubles, a <c>Vector&lt;int&gt;</c> beside floats,
/// all bits set for true, as .NET's comparisons return them.
/// </summary>
internal static class VectorCode
{
    public const string V = "global::System.Numerics.Vector";
    private const string M = "global::Tensorgen.VectorMath";

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
    public static string? Of(Node node, string[] a, DType operand, DType t)
    {
        string zero = $"{Type(t)}.Zero", one = $"{Type(t)}.One";
        if (node.DType == DType.Bool || operand == DType.Bool)
        {
            return node.Op switch
            {
                // Masks of bools hold -1 for true, so they are not compared as numbers: NumPy orders
                // False < True, so a < b is ~a & b.
                OpCode.Lt when operand == DType.Bool => $"~{a[0]} & {a[1]}",
                OpCode.Gt when operand == DType.Bool => $"{a[0]} & ~{a[1]}",
                OpCode.Le when operand == DType.Bool => $"~{a[0]} | {a[1]}",
                OpCode.Ge when operand == DType.Bool => $"{a[0]} | ~{a[1]}",
                OpCode.Lt => $"{V}.LessThan({a[0]}, {a[1]})",
                OpCode.Gt => $"{V}.GreaterThan({a[0]}, {a[1]})",
                OpCode.Le => $"{V}.LessThanOrEqual({a[0]}, {a[1]})",
                OpCode.Ge => $"{V}.GreaterThanOrEqual({a[0]}, {a[1]})",
                OpCode.Eq => $"{V}.Equals({a[0]}, {a[1]})",
                OpCode.Neq => $"~{V}.Equals({a[0]}, {a[1]})",
                OpCode.And => $"{a[0]} & {a[1]}",
                OpCode.Or => $"{a[0]} | {a[1]}",
                OpCode.Not => $"~{a[0]}",
                OpCode.Cast when operand == DType.Bool => $"{V}.ConditionalSelect({a[0]}, {one}, {zero})",
                OpCode.Cast => $"~{V}.Equals({a[0]}, {zero})",
                OpCode.Switch when node.DType == DType.Bool => $"({a[0]} & {a[1]}) | (~{a[0]} & {a[2]})",
                OpCode.Identity or OpCode.ZeroGrad => a[0],
                OpCode.Second => a[1],
                _ => null,
            };
        }
        return node.Op switch
        {
            OpCode.Add => $"{a[0]} + {a[1]}",
            OpCode.Sub => $"{a[0]} - {a[1]}",
            OpCode.Mul => $"{a[0]} * {a[1]}",
            OpCode.TrueDiv => $"{a[0]} / {a[1]}",
            OpCode.Neg => $"-{a[0]}",
            OpCode.Identity => a[0],
            OpCode.Abs => $"{V}.Abs({a[0]})",
            OpCode.Sqrt => $"{V}.SquareRoot({a[0]})",
            OpCode.Sqr => $"{a[0]} * {a[0]}",
            OpCode.Exp => $"{V}.Exp({a[0]})",
            OpCode.Log => $"{V}.Log({a[0]})",
            OpCode.Sin => $"{V}.Sin({a[0]})",
            OpCode.Cos => $"{V}.Cos({a[0]})",
            OpCode.Maximum => $"{V}.Max({a[0]}, {a[1]})",
            OpCode.Minimum => $"{V}.Min({a[0]}, {a[1]})",
            OpCode.Sigmoid => $"{one} / ({one} + {V}.Exp(-{a[0]}))",
            OpCode.Log1p => $"{M}.Log1p({a[0]})",
            OpCode.Expm1 => $"{M}.Expm1({a[0]})",
            OpCode.Softplus => $"{M}.Softplus({a[0]})",
            OpCode.Tanh => $"{M}.Tanh({a[0]})",
            OpCode.Pow => $"{M}.Pow({a[0]}, {a[1]})",
            OpCode.Mod => $"{M}.Mod({a[0]}, {a[1]})",
            OpCode.IntDiv => $"{V}.Floor({a[0]} / {a[1]})",
            OpCode.Sign => $"{M}.Sign({a[0]})",
            OpCode.Switch => $"{V}.ConditionalSelect({a[0]}, {a[1]}, {a[2]})",
            OpCode.Second => a[1],
            OpCode.ZeroGrad => a[0],
            _ => null,
        };
    }

    /// <summary>The dtype of an op's value operands: the second for switch and second, else the first.</summary>
    public static DType OperandType(TensorGraph graph, Node node) =>
        graph[node.Inputs[node.Op is OpCode.Switch or OpCode.Second ? 1 : 0]].DType;

    /// <summary>The float dtype a kernel would compute in: the one float dtype among its values, if there is exactly one.</summary>
    public static DType? ComputeType(TensorGraph graph, IEnumerable<int> nodes)
    {
        var floats = nodes.Select(n => graph[n].DType).Where(d => d != DType.Bool).Distinct().ToList();
        return floats.Count == 1 && floats[0].IsFloat() ? floats[0] : null;
    }

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

    private static string? WhyNot(TensorGraph graph, IEnumerable<int> body, IEnumerable<int> values)
    {
        var t = ComputeType(graph, values);
        if (t is null)
            return "it mixes dtypes or computes in integers (" + string.Join(", ", values.Select(b => graph[b].DType.NumPy()).Distinct()) + ")";
        var scalarOnly = body.Select(b => graph[b]).FirstOrDefault(n => Of(n, new[] { "a", "b", "c" }, OperandType(graph, n), t.Value) is null);
        return scalarOnly is null ? null : $"{OpInfo.Name(scalarOnly.Op)} has no vector form";
    }
}
