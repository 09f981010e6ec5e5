using System;
using System.Collections.Generic;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

internal static partial class ElementwiseOps
{
    /// <summary>Arithmetic: integers stay integers (wrapping, as NumPy), except true division.</summary>
    private static IEnumerable<ElementwiseOp> Arithmetic() =>
    [
        new(OpCode.Add, "add", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => unchecked(a[0] + a[1]), a => a[0] + a[1]),
            Scalar = s => $"({s[0]} + {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v[0]} + {v[1]}").AtEveryWidth(),
            Pullback = p => [p.To(p.G, p.X), p.To(p.G, p.Y)],
        },
        new(OpCode.Sub, "sub", 2, ResultRule.Promoted)
        {
            Fold = Fold.Numbers(a => unchecked(a[0] - a[1]), a => a[0] - a[1]),
            Scalar = s => $"({s[0]} - {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v[0]} - {v[1]}").AtEveryWidth(),
            Pullback = p => [p.To(p.G, p.X), p.To(p.Neg(p.G), p.Y)],
        },
        new(OpCode.Mul, "mul", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => unchecked(a[0] * a[1]), a => a[0] * a[1]),
            Scalar = s => $"({s[0]} * {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v[0]} * {v[1]}").AtEveryWidth(),
            Pullback = p => [p.To(p.Mul(p.G, p.Y), p.X), p.To(p.Mul(p.G, p.X), p.Y)],
        },
        new(OpCode.TrueDiv, "true_div", 2, ResultRule.TrueDivision)
        {
            Fold = Fold.Real(a => a[0] / a[1]),
            Scalar = s => $"({s[0]} / {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v[0]} / {v[1]}").AtEveryWidth(),
            // z = x / y: dz/dy = -z / y.
            Pullback = p => [p.To(p.Div(p.G, p.Y), p.X), p.To(p.Neg(p.Div(p.Mul(p.G, p.Z), p.Y)), p.Y)],
        },
        new(OpCode.IntDiv, "int_div", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => ScalarOps.FloorDiv(a[0], a[1]), a => ScalarOps.FloorDiv(a[0], a[1])),
            Scalar = s => $"{s.Ops}.FloorDiv({s[0]}, {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.FloorDiv({v[0]}, {v[1]})"),
            // Piecewise constant: no gradient (zeros), as PyTensor's.
            Pullback = p => [PullbackSite.None, PullbackSite.None],
        },
        new(OpCode.Mod, "mod", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => ScalarOps.Mod(a[0], a[1]), a => ScalarOps.Mod(a[0], a[1])),
            Scalar = s => $"{s.Ops}.Mod({s[0]}, {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Mod({v[0]}, {v[1]})"),
            // x mod y = x - floor(x / y) y.
            Pullback = p => [p.To(p.G, p.X), p.To(p.Neg(p.Mul(p.G, p.Ew(OpCode.IntDiv, p.X, p.Y))), p.Y)],
        },
        new(OpCode.Pow, "pow", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Int8,
            Fold = Fold.Numbers(a => ScalarOps.Pow(a[0], a[1]), a => System.Math.Pow(a[0], a[1])),
            Scalar = s => s.IsFloat ? $"{s.Math}.Pow({s[0]}, {s[1]})" : $"{s.Ops}.Pow({s[0]}, {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Pow({v[0]}, {v[1]})"),
            // z = x ** y: dz/dx = y x^(y-1), dz/dy = log(x) z.
            Pullback = p =>
            [
                p.To(p.Mul(p.G, p.Mul(p.Y, p.Ew(OpCode.Pow, p.X, p.Sub(p.Y, p.C(1))))), p.X),
                p.To(p.Mul(p.G, p.Mul(p.Ew(OpCode.Log, p.X), p.Z)), p.Y),
            ],
        },
        new(OpCode.Maximum, "maximum", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => System.Math.Max(a[0], a[1]), a => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : System.Math.Max(a[0], a[1])),
            Scalar = s => $"global::System.Math.Max({s[0]}, {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Max({v[0]}, {v[1]})").AtEveryWidth(),
            Pullback = Extremum,
        },
        new(OpCode.Minimum, "minimum", 2, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => System.Math.Min(a[0], a[1]), a => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : System.Math.Min(a[0], a[1])),
            Scalar = s => $"global::System.Math.Min({s[0]}, {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Min({v[0]}, {v[1]})").AtEveryWidth(),
            Pullback = Extremum,
        },
        new(OpCode.Neg, "neg", 1, ResultRule.Promoted)
        {
            Fold = Fold.Numbers(a => unchecked(-a[0]), a => -a[0]),
            Scalar = s => $"(-{s[0]})",
            Vector = VectorForm.Numbers(v => $"-{v[0]}").AtEveryWidth(),
            Pullback = p => [p.Neg(p.G)],
        },
        new(OpCode.Abs, "abs", 1, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => ScalarOps.Abs(a[0]), a => System.Math.Abs(a[0])),
            Scalar = s => s.IsFloat ? $"{s.Math}.Abs({s[0]})" : $"{s.Ops}.Abs({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Abs({v[0]})").AtEveryWidth(),
            Pullback = p => [p.Mul(p.G, p.Ew(OpCode.Sign, p.X))],
        },
        new(OpCode.Sqr, "sqr", 1, ResultRule.Promoted)
        {
            OnBools = BoolOperands.Bool,
            Fold = Fold.Numbers(a => unchecked(a[0] * a[0]), a => a[0] * a[0]),
            Scalar = s => $"({s[0]} * {s[0]})",
            Vector = VectorForm.Numbers(v => $"{v[0]} * {v[0]}").AtEveryWidth(),
            Pullback = p => [p.Mul(p.G, p.Mul(p.C(2), p.X))],
        },
        new(OpCode.Sign, "sign", 1, ResultRule.Promoted)
        {
            // NaN is its own sign; both zeros give 0 (NumPy: sign(-0.0) is 0.0).
            Fold = Fold.Numbers(a => System.Math.Sign(a[0]), a => double.IsNaN(a[0]) ? a[0] : a[0] > 0 ? 1 : a[0] < 0 ? -1 : 0),
            Scalar = s => s.IsFloat
                ? $"({s[0]} > 0 ? {s.Literal(1)} : {s[0]} < 0 ? {s.Literal(-1)} : {s[0]} == 0 ? {s.Literal(0)} : {s[0]})"
                : $"(({s.DType.CSharp()})global::System.Math.Sign({s[0]}))",
            Vector = VectorForm.Numbers(v => $"{v.M}.Sign({v[0]})"),
            Pullback = p => [PullbackSite.None],
        },
    ];

    /// <summary>Maximum and minimum: ties share the gradient, as PyTensor's do.</summary>
    private static int[] Extremum(PullbackSite p) =>
        [p.To(p.Mul(p.G, p.Mask(p.Ew(OpCode.Eq, p.Z, p.X))), p.X), p.To(p.Mul(p.G, p.Mask(p.Ew(OpCode.Eq, p.Z, p.Y))), p.Y)];
}
