using System;
using System.Collections.Generic;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The structural ops (<see cref="IStructuralOp"/>), one class each: every op that is not element-wise. The
/// registry's descriptions of them are made from these; asking for the class of an op that has none is a
/// compiler defect, reported as such (a test checks that every op is either element-wise or here).
/// </summary>
internal static class StructuralOps
{
    public static readonly IReadOnlyList<IStructuralOp> All =
    [
        LeafOp.Input, LeafOp.Constant, LeafOp.Shared,
        SumOp.Instance, ExtremumOp.Max, ExtremumOp.Min, MeanOp.Instance,
        DotOp.Instance, DimShuffleOp.Instance, DimSizeOp.Instance, RandomOp.Instance, GradOp.Instance,
        // Basic indexing
        SubtensorOp.Instance, IncSubtensorOp.Instance,
        // Advanced indexing
        CheckIndexOp.Instance, NonzeroOp.Instance, AdvancedSubtensorOp.Instance, AdvancedIncSubtensorOp.Instance,
        // Shapes and constructors
        ArangeOp.Instance, ReshapeOp.Instance, ReshapeSizeOp.Instance, SpecifyShapeOp.Instance, AllocOp.Instance, MakeVectorOp.Instance,
        DiagonalOp.Instance, DiagonalGradOp.Instance,
        // Joins
        JoinOp.Instance, AxisSliceOp.Instance, AxisPadOp.Instance,
        // Products
        BatchedMatmulOp.Instance,
        // reductions (issue 13)
        ProdOp.Instance, LogicalReductionOp.All, LogicalReductionOp.Any, ArgExtremumOp.Argmax, ArgExtremumOp.Argmin, CumOp.Sum, CumOp.Product,
        // softmax (issue 13)
        SoftmaxOp.Softmax, SoftmaxOp.LogSoftmax, SoftmaxOp.LogSumExp,
        // loops (issue 15)
        ScanOp.Instance, ScanRequestOp.Instance, ScanLengthOp.Instance,
    ];

    public static IStructuralOp Of(OpCode op) =>
        OpRegistry.Of(op).Structural ?? throw new InvalidOperationException($"{op} is not a structural op");

    /// <summary>An op that reduces over axes (sum, max, min, mean).</summary>
    public static IAxisReduction Reduction(OpCode op) =>
        Of(op) as IAxisReduction ?? throw new InvalidOperationException($"{op} does not reduce over axes");

    /// <summary>A fold (sum, max, min): what a reduction kernel computes.</summary>
    public static ReductionOp Fold(OpCode op) =>
        Of(op) as ReductionOp ?? throw new InvalidOperationException($"{op} is not a fold");
}
