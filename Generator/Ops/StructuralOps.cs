using System;
using System.Collections.Generic;
using System.Linq;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The structural ops (<see cref="IStructuralOp"/>), one class each, by <see cref="OpCode"/>. Every op that is
/// not element-wise is here; asking for one that is not is a compiler defect, reported as such (a test checks
/// that every op is either element-wise or here, with every facet).
/// </summary>
internal static class StructuralOps
{
    public static readonly IReadOnlyList<IStructuralOp> All =
    [
        LeafOp.Input, LeafOp.Constant, LeafOp.Shared,
        SumOp.Instance, ExtremumOp.Max, ExtremumOp.Min, MeanOp.Instance,
        DotOp.Instance, DimShuffleOp.Instance, DimSizeOp.Instance, RandomOp.Instance,
    ];

    private static readonly Dictionary<OpCode, IStructuralOp> Table = All.ToDictionary(o => o.Op);

    public static IStructuralOp Of(OpCode op) =>
        Table.TryGetValue(op, out var structural) ? structural : throw new InvalidOperationException($"{op} is not a structural op");

    /// <summary>An op that reduces over axes (sum, max, min, mean).</summary>
    public static IAxisReduction Reduction(OpCode op) =>
        Of(op) as IAxisReduction ?? throw new InvalidOperationException($"{op} does not reduce over axes");

    /// <summary>A fold (sum, max, min): what a reduction kernel computes.</summary>
    public static ReductionOp Fold(OpCode op) =>
        Of(op) as ReductionOp ?? throw new InvalidOperationException($"{op} is not a fold");
}
