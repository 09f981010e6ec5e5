using System.Collections.Generic;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

internal static partial class ElementwiseOps
{
    private const string BoolResult = "its result is bool";
    private const string NotFloats = "it computes on bools or integers, and kernels vectorize floats";

    /// <summary>
    /// Comparisons, logic and switch. NumPy orders False &lt; True, which C# does not define for bools, so an
    /// ordering of bools is written with logic (a &lt; b is !a &amp; b); bool masks hold -1 for true, so they
    /// are not compared as numbers either.
    /// </summary>
    private static IEnumerable<ElementwiseOp> Logic() =>
    [
        new(OpCode.Lt, "lt", 2, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Compare((a, b) => a < b, (a, b) => a < b),
            Scalar = s => s.Operand == DType.Bool ? $"(!{s[0]} & {s[1]})" : $"({s[0]} < {s[1]})",
            Vector = VectorForm.Masks(v => v.Operand == DType.Bool ? $"~{v[0]} & {v[1]}" : $"{v.V}.LessThan({v[0]}, {v[1]})", BoolResult),
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        new(OpCode.Gt, "gt", 2, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Compare((a, b) => a > b, (a, b) => a > b),
            Scalar = s => s.Operand == DType.Bool ? $"({s[0]} & !{s[1]})" : $"({s[0]} > {s[1]})",
            Vector = VectorForm.Masks(v => v.Operand == DType.Bool ? $"{v[0]} & ~{v[1]}" : $"{v.V}.GreaterThan({v[0]}, {v[1]})", BoolResult),
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        new(OpCode.Le, "le", 2, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Compare((a, b) => a <= b, (a, b) => a <= b),
            Scalar = s => s.Operand == DType.Bool ? $"(!{s[0]} | {s[1]})" : $"({s[0]} <= {s[1]})",
            Vector = VectorForm.Masks(v => v.Operand == DType.Bool ? $"~{v[0]} | {v[1]}" : $"{v.V}.LessThanOrEqual({v[0]}, {v[1]})", BoolResult),
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        new(OpCode.Ge, "ge", 2, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Compare((a, b) => a >= b, (a, b) => a >= b),
            Scalar = s => s.Operand == DType.Bool ? $"({s[0]} | !{s[1]})" : $"({s[0]} >= {s[1]})",
            Vector = VectorForm.Masks(v => v.Operand == DType.Bool ? $"{v[0]} | ~{v[1]}" : $"{v.V}.GreaterThanOrEqual({v[0]}, {v[1]})", BoolResult),
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        new(OpCode.Eq, "eq", 2, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Compare((a, b) => a == b, (a, b) => a == b),
            Scalar = s => $"({s[0]} == {s[1]})",
            Vector = VectorForm.Masks(v => $"{v.V}.Equals({v[0]}, {v[1]})", BoolResult),
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        new(OpCode.Neq, "neq", 2, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Compare((a, b) => a != b, (a, b) => a != b),
            Scalar = s => $"({s[0]} != {s[1]})",
            Vector = VectorForm.Masks(v => $"~{v.V}.Equals({v[0]}, {v[1]})", BoolResult),
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        // Bitwise on integers, logical on bools, as PyTensor's and_/or_/xor/invert (NumPy's bitwise_*); a bool is one
        // bit, so the same C# operators serve both (an int8's are widened to int by C#, so the result is cast back).
        Bitwise(OpCode.And, "and", "&"),
        Bitwise(OpCode.Or, "or", "|"),
        Bitwise(OpCode.Xor, "xor", "^"),
        new(OpCode.Invert, "invert", 1, ResultRule.Promoted)
        {
            TakesBools = true,
            Refuse = RefuseNonBitwise,
            Fold = Fold.Bits((a, dtype) => dtype == DType.Bool ? a[0] ^ 1 : ~a[0]),
            Scalar = s => s.DType == DType.Bool ? $"(!{s[0]})" : $"(({s.DType.CSharp()})~{s[0]})",
            Vector = VectorForm.Masks(v => $"~{v[0]}", NotFloats),
            Pullback = p => [PullbackSite.None],
        },
        // C#'s ! stays logical: on an integer it would be a complement no C# reader expects.
        new(OpCode.Not, "not", 1, ResultRule.Comparison)
        {
            TakesBools = true,
            Refuse = d => d[0] == DType.Bool ? null : "needs a bool operand (~x is the bitwise complement of an integer; compare first, a > 0)",
            Fold = Fold.Values(a => ScalarValue.Bool(!a[0].IsTrue)),
            Scalar = s => $"(!{s[0]})",
            Vector = VectorForm.Masks(v => $"~{v[0]}", BoolResult),
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.Switch, "switch", 3, ResultRule.Promoted)
        {
            ValueOperand = 1,
            TakesBools = true,
            Fold = Fold.Values(a => a[0].IsTrue ? a[1] : a[2]),
            Scalar = s => $"({s[0]} ? {s[1]} : {s[2]})",
            Vector = VectorForm.Both(v => $"{v.V}.ConditionalSelect({v[0]}, {v[1]}, {v[2]})", v => $"({v[0]} & {v[1]}) | (~{v[0]} & {v[2]})"),
            // The condition gets none; each branch gets the adjoint where it was chosen.
            Pullback = p =>
            {
                int zero = p.C(0);
                return [PullbackSite.None, p.To(p.Ew(OpCode.Switch, p.X, p.G, zero), p.Y), p.To(p.Ew(OpCode.Switch, p.X, zero, p.G), p.Operand(2))];
            },
        },
    ];

    private static ElementwiseOp Bitwise(OpCode op, string name, string symbol) => new(op, name, 2, ResultRule.Promoted)
    {
        TakesBools = true,
        Refuse = RefuseNonBitwise,
        Fold = Fold.Bits((a, _) => symbol switch { "&" => a[0] & a[1], "|" => a[0] | a[1], _ => a[0] ^ a[1] }),
        Scalar = s => s.DType == DType.Bool ? $"({s[0]} {symbol} {s[1]})" : $"(({s.DType.CSharp()})({s[0]} {symbol} {s[1]}))",
        Vector = VectorForm.Masks(v => $"{v[0]} {symbol} {v[1]}", NotFloats),
        Pullback = p => [PullbackSite.None, PullbackSite.None],
    };

    /// <summary>PyTensor's BitOp: integer operands, or bool operands, not floats and not bools mixed with integers.</summary>
    private static string? RefuseNonBitwise(IReadOnlyList<DType> dtypes)
    {
        bool allBool = true, anyBool = false, anyFloat = false;
        foreach (var d in dtypes)
        {
            allBool &= d == DType.Bool;
            anyBool |= d == DType.Bool;
            anyFloat |= d.IsFloat();
        }
        return allBool || (!anyBool && !anyFloat) ? null
            : "needs integer operands or bool operands, not floats and not bools with integers (as PyTensor's bitwise ops)";
    }
}
