using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The <c>Vector&lt;T&gt;</c> expression computing a vector of elements of an op. <c>Vector&lt;T&gt;</c>
/// takes the widest width the machine (JIT) or the publish target (NativeAOT) offers, so one loop
/// serves AVX2, SSE and Arm64 alike. Ops with no SIMD form in .NET call <c>VectorMath</c>.
/// </summary>
internal static class VectorCode
{
    public const string V = "global::System.Numerics.Vector";
    private const string M = "global::Tensorgen.VectorMath";

    public static string Type(DType dtype) => $"global::System.Numerics.Vector<{dtype.CSharp()}>";

    public static string? Of(Node node, string[] a)
    {
        string one = $"{Type(node.DType)}.One";
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
            OpCode.Second => a[1],
            OpCode.ZeroGrad => a[0],
            _ => null,
        };
    }

    /// <summary>Why a reduction kernel cannot use the vector loop, or null when it can.</summary>
    public static string? WhyNotReduce(TensorGraph graph, Node reduction, IEnumerable<int> body, IEnumerable<int> leaves)
    {
        var dtypes = body.Concat(leaves).Select(b => graph[b].DType).Append(reduction.DType).Distinct().ToList();
        if (dtypes.Count != 1 || !dtypes[0].IsFloat())
            return "it mixes dtypes or computes in integers or bools (" + string.Join(", ", dtypes.Select(d => d.NumPy())) + ")";
        var scalarOnly = body.Select(b => graph[b]).FirstOrDefault(n => Of(n, new[] { "a", "b", "c" }) is null);
        return scalarOnly is null ? null : $"{OpInfo.Name(scalarOnly.Op)} has no vector form";
    }

    /// <summary>Why a kernel cannot use the vector loop, or null when it can.</summary>
    public static string? WhyNot(TensorGraph graph, IEnumerable<int> body, IEnumerable<int> leaves, int rank)
    {
        if (rank == 0) return "it computes a single element";
        var dtypes = body.Concat(leaves).Select(b => graph[b].DType).Distinct().ToList();
        if (dtypes.Count != 1 || !dtypes[0].IsFloat())
            return "it mixes dtypes or computes in integers or bools (" + string.Join(", ", dtypes.Select(d => d.NumPy())) + ")";
        var scalarOnly = body.Select(b => graph[b]).FirstOrDefault(n => Of(n, new[] { "a", "b", "c" }) is null);
        return scalarOnly is null ? null : $"{OpInfo.Name(scalarOnly.Op)} has no vector form";
    }
}
