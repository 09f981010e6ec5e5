using System.Collections.Generic;

namespace Tensorgen.Generator.Ops;

internal static partial class ElementwiseOps
{
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>Float math: integer operands are converted to float64 first, as PyTensor upcasts them.</summary>
    private static IEnumerable<ElementwiseOp> Math() =>
    [
        new(OpCode.Exp, "exp", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Exp(a[0])),
            Scalar = s => $"{s.Math}.Exp({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Exp({v[0]})").AtEveryWidth(),
            Pullback = p => [p.Mul(p.G, p.Z)],
        },
        new(OpCode.Expm1, "expm1", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Expm1(a[0])),
            Scalar = s => $"{s.Ops}.Expm1({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Expm1({v[0]})"),
            Pullback = p => [p.Mul(p.G, p.Add(p.Z, p.C(1)))],
        },
        new(OpCode.Log, "log", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Log(a[0])),
            Scalar = s => $"{s.Math}.Log({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Log({v[0]})").AtEveryWidth(),
            Pullback = p => [p.Div(p.G, p.X)],
        },
        new(OpCode.Log1p, "log1p", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Log1p(a[0])),
            Scalar = s => $"{s.Ops}.Log1p({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Log1p({v[0]})"),
            Pullback = p => [p.Div(p.G, p.Add(p.X, p.C(1)))],
        },
        new(OpCode.Tanh, "tanh", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Tanh(a[0])),
            Scalar = s => $"{s.Math}.Tanh({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Tanh({v[0]})"),
            Pullback = p => [p.Mul(p.G, p.Sub(p.C(1), p.Mul(p.Z, p.Z)))],
        },
        new(OpCode.Sigmoid, "sigmoid", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Sigmoid(a[0])),
            Scalar = s => $"{s.Ops}.Sigmoid({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.One} / ({v.One} + {v.V}.Exp(-{v[0]}))").AtEveryWidth(),
            Pullback = p => [p.Mul(p.G, p.Mul(p.Z, p.Sub(p.C(1), p.Z)))],
        },
        new(OpCode.Softplus, "softplus", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Softplus(a[0])),
            Scalar = s => $"{s.Ops}.Softplus({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Softplus({v[0]})"),
            Pullback = p => [p.Mul(p.G, p.Ew(OpCode.Sigmoid, p.X))],
        },
        new(OpCode.Sqrt, "sqrt", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Sqrt(a[0])),
            Scalar = s => $"{s.Math}.Sqrt({s[0]})",
            // Vector spells it SquareRoot, Vector512 Sqrt.
            Vector = VectorForm.Numbers(v => $"{v.V}.{(v.Width == 0 ? "SquareRoot" : "Sqrt")}({v[0]})").AtEveryWidth(),
            Pullback = p => [p.Div(p.Mul(p.G, p.C(0.5)), p.Z)],
        },
        new(OpCode.Sin, "sin", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Sin(a[0])),
            Scalar = s => $"{s.Math}.Sin({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Sin({v[0]})").AtEveryWidth(),
            Pullback = p => [p.Mul(p.G, p.Ew(OpCode.Cos, p.X))],
        },
        new(OpCode.Cos, "cos", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Cos(a[0])),
            Scalar = s => $"{s.Math}.Cos({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Cos({v[0]})").AtEveryWidth(),
            Pullback = p => [p.Neg(p.Mul(p.G, p.Ew(OpCode.Sin, p.X)))],
        },
        new(OpCode.Erf, "erf", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Erf(a[0])),
            Scalar = s => $"{s.Ops}.Erf({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Erf({v[0]})"),
            // d erf(x)/dx = 2/√π e^(-x²), as PyTensor's: g · 2/√π · exp(-x·x).
            Pullback = p => [p.Mul(p.Mul(p.G, p.C(TwoOverSqrtPi)), p.Ew(OpCode.Exp, p.Neg(p.Mul(p.X, p.X))))],
        },
        new(OpCode.Erfc, "erfc", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Erfc(a[0])),
            Scalar = s => $"{s.Ops}.Erfc({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Erfc({v[0]})"),
            // The negative of erf's.
            Pullback = p => [p.Mul(p.Mul(p.Neg(p.G), p.C(TwoOverSqrtPi)), p.Ew(OpCode.Exp, p.Neg(p.Mul(p.X, p.X))))],
        },
    ];
}
