using System.Collections.Generic;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

internal static partial class ElementwiseOps
{
    /// <summary>Ops that pass values on: a cast, the identities, and <c>second</c> (a value broadcast to another's shape).</summary>
    private static IEnumerable<ElementwiseOp> Conversion() =>
    [
        new(OpCode.Cast, "cast", 1, ResultRule.Target)
        {
            TakesBools = true,
            Fold = Fold.Values(a => a[0]),
            Scalar = s => s.Operand == DType.Bool ? $"({s[0]} ? {s.Literal(1)} : {s.Literal(0)})"
                : s.DType == DType.Bool ? $"({s[0]} != 0)"
                // A float goes to a narrow integer through int32 (wrapping), as constant folding does (ScalarValue.To).
                : s.DType.IsSmallInteger() && s.Operand.IsFloat() ? $"(({s.DType.CSharp()})(int){s[0]})"
                : $"(({s.DType.CSharp()}){s[0]})",
            // A kernel computes in one float dtype, so the only casts inside one are to and from bool masks.
            Vector = VectorForm.Masks(
                v => v.Operand == DType.Bool ? $"{v.V}.ConditionalSelect({v[0]}, {v.One}, {v.Zero})" : $"~{v.V}.Equals({v[0]}, {v.Zero})",
                "it converts between number dtypes"),
            // Only a float operand gets a gradient, in its own dtype.
            Pullback = p => [p.DTypeOf(p.X).IsFloat() ? p.Convert(p.G, p.DTypeOf(p.X)) : PullbackSite.None],
        },
        new(OpCode.Identity, "identity", 1, ResultRule.Promoted)
        {
            TakesBools = true,
            Fold = Fold.Values(a => a[0]),
            Scalar = s => s[0],
            Vector = VectorForm.Both(v => v[0]).AtEveryWidth(),
            Pullback = p => [p.G],
        },
        new(OpCode.ZeroGrad, "zerograd", 1, ResultRule.Promoted)
        {
            TakesBools = true,
            Fold = Fold.Values(a => a[0]),
            Scalar = s => s[0],
            Vector = VectorForm.Both(v => v[0]).AtEveryWidth(),
            // PyTensor's zero_grad: the value passes, its gradient does not.
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.Second, "second", 2, ResultRule.Promoted)
        {
            ValueOperand = 1,
            TakesBools = true,
            Fold = Fold.Values(a => a[1]),
            Scalar = s => s[1],
            Vector = VectorForm.Both(v => v[1]).AtEveryWidth(),
            // The first operand gives only the shape.
            Pullback = p => [PullbackSite.None, p.To(p.G, p.Y)],
        },
    ];
}
