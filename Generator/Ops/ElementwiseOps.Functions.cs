using System.Collections.Generic;
using Tensorgen.Generator.Differentiate;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

internal static partial class ElementwiseOps
{
    private const double Ln2 = 0.6931471805599453;
    private const double Ln10 = 2.302585092994046;
    private const string Series = "it sums a series whose length depends on the element (a shift up to x ≥ 10), with no vector form";

    /// <summary>
    /// Issue 13's element-wise functions, with PyTensor's dtypes and gradients: clip, rounding (float results;
    /// integers go to float64, round refuses them as PyTensor does), isnan/isinf (bool), reciprocal, exp2, log2,
    /// log10, the trigonometric and hyperbolic functions and their inverses, and the gamma family.
    /// </summary>
    private static IEnumerable<ElementwiseOp> Functions() =>
    [
        new(OpCode.Clip, "clip", 3, ResultRule.Promoted)
        {
            // NumPy's clip is minimum(maximum(x, lo), hi): NaN anywhere gives NaN, and lo > hi gives hi.
            Fold = Fold.Numbers(a => System.Math.Min(System.Math.Max(a[0], a[1]), a[2]),
                a => double.IsNaN(a[0]) || double.IsNaN(a[1]) || double.IsNaN(a[2]) ? double.NaN : System.Math.Min(System.Math.Max(a[0], a[1]), a[2])),
            Scalar = s => $"global::System.Math.Min(global::System.Math.Max({s[0]}, {s[1]}), {s[2]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Clip({v[0]}, {v[1]}, {v[2]})"),
            // PyTensor's Clip.L_op: x gets the adjoint where min <= x <= max, each bound where it was applied.
            Pullback = p =>
            [
                p.To(p.Mul(p.G, p.Mask(p.Ew(OpCode.And, p.Ew(OpCode.Ge, p.X, p.Y), p.Ew(OpCode.Le, p.X, p.Operand(2))))), p.X),
                p.To(p.Mul(p.G, p.Mask(p.Ew(OpCode.Lt, p.X, p.Y))), p.Y),
                p.To(p.Mul(p.G, p.Mask(p.Ew(OpCode.Gt, p.X, p.Operand(2)))), p.Operand(2)),
            ],
        },
        new(OpCode.Floor, "floor", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Floor(a[0])),
            Scalar = s => $"{s.Math}.Floor({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Floor({v[0]})").AtEveryWidth(),
            // Piecewise constant: zeros, as PyTensor's.
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.Ceil, "ceil", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Ceiling(a[0])),
            Scalar = s => $"{s.Math}.Ceiling({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Ceiling({v[0]})").AtEveryWidth(),
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.RoundHalfToEven, "round_half_to_even", 1, ResultRule.FloatMath)
        {
            Refuse = RefuseIntegers,
            Fold = Fold.Real(a => ScalarOps.RoundHalfToEven(a[0])),
            Scalar = s => $"{s.Ops}.RoundHalfToEven({s[0]})",
            // Vector.Round rounds halves to even, as the scalar form.
            Vector = VectorForm.Numbers(v => $"{v.V}.Round({v[0]})").AtEveryWidth(),
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.Trunc, "trunc", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Truncate(a[0])),
            Scalar = s => $"{s.Math}.Truncate({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.V}.Truncate({v[0]})").AtEveryWidth(),
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.IsNan, "isnan", 1, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Values(a => ScalarValue.Bool(double.IsNaN(a[0].Double))),
            // An integer or a bool is never NaN.
            Scalar = s => s.IsFloat ? $"{s.Operand.CSharp()}.IsNaN({s[0]})" : "false",
            Vector = VectorForm.Masks(v => $"~{v.V}.Equals({v[0]}, {v[0]})", BoolResult),
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.IsInf, "isinf", 1, ResultRule.Comparison)
        {
            TakesBools = true,
            Fold = Fold.Values(a => ScalarValue.Bool(double.IsInfinity(a[0].Double))),
            Scalar = s => s.IsFloat ? $"{s.Operand.CSharp()}.IsInfinity({s[0]})" : "false",
            Vector = VectorForm.Masks(v => $"{v.V}.Equals({v.V}.Abs({v[0]}), new global::System.Numerics.Vector<{v.T.CSharp()}>({v.T.CSharp()}.PositiveInfinity))", BoolResult),
            Pullback = p => [PullbackSite.None],
        },
        new(OpCode.Reciprocal, "reciprocal", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => 1 / a[0]),
            Scalar = s => $"({s.Literal(1)} / {s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.One} / {v[0]}").AtEveryWidth(),
            // -g / x², as PyTensor's.
            Pullback = p => [p.Neg(p.Div(p.G, p.Mul(p.X, p.X)))],
        },
        new(OpCode.Exp2, "exp2", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Exp2(a[0])),
            Scalar = s => $"{s.Ops}.Exp2({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Exp2({v[0]})"),
            Pullback = p => [p.Mul(p.Mul(p.G, p.Z), p.C(Ln2))],
        },
        new(OpCode.Log2, "log2", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Log2(a[0])),
            Scalar = s => $"{s.Ops}.Log2({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Log2({v[0]})"),
            Pullback = p => [p.Div(p.G, p.Mul(p.X, p.C(Ln2)))],
        },
        new(OpCode.Log10, "log10", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Log10(a[0])),
            Scalar = s => $"{s.Ops}.Log10({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Log10({v[0]})"),
            Pullback = p => [p.Div(p.G, p.Mul(p.X, p.C(Ln10)))],
        },
        Unary(OpCode.Tan, "tan", "Tan", a => System.Math.Tan(a),
            // 1 + tan², as PyTensor's g / cos².
            p => [p.Div(p.G, p.Ew(OpCode.Sqr, p.Ew(OpCode.Cos, p.X)))]),
        Unary(OpCode.Arcsin, "arcsin", "Arcsin", a => System.Math.Asin(a),
            p => [p.Div(p.G, p.Ew(OpCode.Sqrt, p.Sub(p.C(1), p.Ew(OpCode.Sqr, p.X))))]),
        Unary(OpCode.Arccos, "arccos", "Arccos", a => System.Math.Acos(a),
            p => [p.Neg(p.Div(p.G, p.Ew(OpCode.Sqrt, p.Sub(p.C(1), p.Ew(OpCode.Sqr, p.X)))))]),
        Unary(OpCode.Arctan, "arctan", "Arctan", a => System.Math.Atan(a),
            p => [p.Div(p.G, p.Add(p.C(1), p.Ew(OpCode.Sqr, p.X)))]),
        new(OpCode.Arctan2, "arctan2", 2, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => System.Math.Atan2(a[0], a[1])),
            Scalar = s => $"{s.Ops}.Arctan2({s[0]}, {s[1]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.Arctan2({v[0]}, {v[1]})"),
            // z = arctan2(y, x): dz/dy = x / (x² + y²), dz/dx = -y / (x² + y²).
            Pullback = p =>
            {
                int r2 = p.Add(p.Ew(OpCode.Sqr, p.X), p.Ew(OpCode.Sqr, p.Y));
                return [p.To(p.Div(p.Mul(p.G, p.Y), r2), p.X), p.To(p.Neg(p.Div(p.Mul(p.G, p.X), r2)), p.Y)];
            },
        },
        Unary(OpCode.Sinh, "sinh", "Sinh", a => System.Math.Sinh(a), p => [p.Mul(p.G, p.Ew(OpCode.Cosh, p.X))]),
        Unary(OpCode.Cosh, "cosh", "Cosh", a => System.Math.Cosh(a), p => [p.Mul(p.G, p.Ew(OpCode.Sinh, p.X))]),
        Unary(OpCode.Arcsinh, "arcsinh", "Arcsinh", ScalarOps.Arcsinh,
            p => [p.Div(p.G, p.Ew(OpCode.Sqrt, p.Add(p.Ew(OpCode.Sqr, p.X), p.C(1))))]),
        Unary(OpCode.Arccosh, "arccosh", "Arccosh", ScalarOps.Arccosh,
            p => [p.Div(p.G, p.Ew(OpCode.Sqrt, p.Sub(p.Ew(OpCode.Sqr, p.X), p.C(1))))]),
        Unary(OpCode.Arctanh, "arctanh", "Arctanh", ScalarOps.Arctanh,
            p => [p.Div(p.G, p.Sub(p.C(1), p.Ew(OpCode.Sqr, p.X)))]),
        new(OpCode.Gammaln, "gammaln", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Gammaln(a[0])),
            Scalar = s => $"{s.Ops}.Gammaln({s[0]})",
            Vector = VectorForm.None(Series),
            Pullback = p => [p.Mul(p.G, p.Ew(OpCode.Digamma, p.X))],
        },
        new(OpCode.Digamma, "psi", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.Digamma(a[0])),
            Scalar = s => $"{s.Ops}.Digamma({s[0]})",
            Vector = VectorForm.None(Series),
            Pullback = p => [p.Mul(p.G, p.Ew(OpCode.TriGamma, p.X))],
        },
        new(OpCode.TriGamma, "tri_gamma", 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => ScalarOps.TriGamma(a[0])),
            Scalar = s => $"{s.Ops}.TriGamma({s[0]})",
            Vector = VectorForm.None(Series),
            // PyTensor's is polygamma(2, x), which Tensorgen does not have: a build error (TG0222), never zeros.
            Pullback = p => throw new GradientNotImplementedException("tri_gamma", "polygamma(2, x)"),
        },
    ];

    /// <summary>A float function of one operand whose scalar and vector forms are the runtime's <paramref name="method"/>.</summary>
    private static ElementwiseOp Unary(OpCode op, string name, string method, System.Func<double, double> fold, System.Func<PullbackSite, int[]> pullback) =>
        new(op, name, 1, ResultRule.FloatMath)
        {
            Fold = Fold.Real(a => fold(a[0])),
            Scalar = s => $"{s.Ops}.{method}({s[0]})",
            Vector = VectorForm.Numbers(v => $"{v.M}.{method}({v[0]})"),
            Pullback = pullback,
        };

    /// <summary>PyTensor's round refuses integers (TypeError): there is nothing to round.</summary>
    private static string? RefuseIntegers(IReadOnlyList<DType> dtypes) =>
        dtypes[0].IsFloat() ? null : "is defined for float operands only, as in PyTensor (cast an integer to a float first)";
}
