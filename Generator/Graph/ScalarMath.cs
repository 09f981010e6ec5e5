using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// Evaluates one element of an element-wise op at build time (constant folding), exactly as the emitted
/// code computes it: the op's <see cref="Fold"/> in the registry.
/// </summary>
internal static class ScalarMath
{
    /// <param name="op">An element-wise op.</param>
    /// <param name="dtype">The result's dtype.</param>
    /// <param name="operandType">The dtype the operands are computed in (for a switch, its values').</param>
    /// <param name="a">The operands.</param>
    public static ScalarValue Evaluate(OpCode op, DType dtype, DType operandType, ScalarValue[] a) =>
        OpRegistry.Elementwise(op).Fold.Evaluate(dtype, operandType, a);
}
