using System.Collections.Generic;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

// What the emitter asks of an op beyond its description: which operands it reads for their values,
// and whether its reduction may fold an empty axis.
internal static partial class OpInfo
{
    /// <summary>Operands read for their shape only: a <c>second</c>'s first (it only gives the broadcast shape), a size's.</summary>
    private static readonly Dictionary<OpCode, int[]> ShapeOnlyOperands = new()
    {
        [OpCode.Second] = [0],
        [OpCode.DimSize] = [0],
    };

    /// <summary>Whether a node of <paramref name="op"/> reads the value of its operand <paramref name="operand"/>, not only its shape.</summary>
    public static bool ReadsValueOf(OpCode op, int operand) =>
        !ShapeOnlyOperands.TryGetValue(op, out var shapeOnly) || System.Array.IndexOf(shapeOnly, operand) < 0;

    /// <summary>Whether a reduction has no identity, so reducing an axis of size 0 is an error (NumPy's max and min).</summary>
    public static bool EmptyAxisFails(OpCode op) =>
        OpRegistry.Of(op).Reduction is { } fold && (fold == ReductionFacet.Max || fold == ReductionFacet.Min);

    /// <summary>Whether a reduction keeps the largest value (for the message when an axis is empty).</summary>
    public static bool IsMaxReduction(OpCode op) => OpRegistry.Of(op).Reduction == ReductionFacet.Max;
}
