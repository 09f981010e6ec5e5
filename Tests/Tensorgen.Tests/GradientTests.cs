using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// The gradient of every differentiable op, checked with <see cref="GradientChecker"/> (PyTensor's
/// <c>verify_grad</c>) in float64 and float32, on shapes that broadcast: a (3, 4) matrix x, a row r
/// (1, 4), a column c (3, 1), a vector v (4,), a scalar s.
/// </summary>
public sealed class GradientTests
{
    private static GradInput X(bool positive = false) => new("x", "Matrix", [3, 4], positive);
    private static GradInput R(bool positive = false) => new("r", "Row", [1, 4], positive);
    private static GradInput C(bool positive = false) => new("c", "Col", [3, 1], positive);
    private static GradInput S(bool positive = false) => new("s", "Scalar", [], positive);
    private static GradInput P(params int[] shape) => new("p", shape.Length switch { 0 => "Scalar", 1 => "Vector", _ => "Matrix" }, shape);
    private static GradInput Vec(string name, int n, bool positive = false) => new(name, "Vector", [n], positive);
    private static GradInput Mat(string name, int m, int n) => new(name, "Matrix", [m, n]);

    private static readonly GradCase[] Cases =
    [
        new("Neg", [X()], "-x", P(3, 4)),
        new("Exp", [X()], "Exp(x)", P(3, 4)),
        new("Log", [X(true)], "Log(x)", P(3, 4)),
        new("Log1p", [X(true)], "Log1p(x)", P(3, 4)),
        new("Expm1", [X()], "Expm1(x)", P(3, 4)),
        new("Tanh", [X()], "Tanh(x)", P(3, 4)),
        new("Sigmoid", [X()], "Sigmoid(x)", P(3, 4)),
        new("Softplus", [X()], "Softplus(x)", P(3, 4)),
        new("Sqr", [X()], "Sqr(x)", P(3, 4)),
        new("Sqrt", [X(true)], "Sqrt(x)", P(3, 4)),
        new("Abs", [X()], "Abs(x)", P(3, 4)),
        new("Sin", [X()], "Sin(x)", P(3, 4)),
        new("Cos", [X()], "Cos(x)", P(3, 4)),
        new("Erf", [X()], "Erf(x)", P(3, 4)),
        new("Erfc", [X()], "Erfc(x)", P(3, 4)),
        new("ErfcTail", [X(true)], "Erfc(x * 3) * Erf(-x)", P(3, 4)),
        new("SignTimes", [X()], "Sign(x) * Sqr(x)", P(3, 4)),
        new("AddRow", [X(), R()], "x + r", P(3, 4)),
        new("SubColumn", [X(), C()], "x - c", P(3, 4)),
        new("MulRowScalar", [X(), R(), S()], "x * r * s", P(3, 4)),
        new("DivColumn", [X(), C(true)], "x / c", P(3, 4)),
        new("DivByMatrix", [R(), X(true)], "r / x", P(3, 4)),
        new("PowRow", [X(true), R()], "Pow(x, r)", P(3, 4)),
        new("PowConstant", [X()], "Pow(x, 3)", P(3, 4)),
        new("MaximumRow", [X(), R()], "Maximum(x, r)", P(3, 4)),
        new("MinimumColumn", [X(), C()], "Minimum(x, c)", P(3, 4)),
        new("ModColumn", [X(), C(true)], "Mod(x, c)", P(3, 4)),
        new("Switch", [X(), R(), C()], "Switch(x > 0, x * r, x * c)", P(3, 4)),
        new("SumAll", [X()], "x.Sum()", P()),
        new("SumAxis0", [X()], "x.Sum(0)", P(4)),
        new("SumAxis1KeepDims", [X()], "x.Sum(1, keepdims: true)", new("p", "Col", [3, 1])),
        new("MeanAll", [X()], "x.Mean()", P()),
        new("MeanAxis1", [X()], "Mean(x, 1)", P(3)),
        new("MaxAxis0", [X()], "x.Max(0)", P(4)),
        new("MaxAll", [X()], "x.Max()", P()),
        new("MinAxis1", [X()], "x.Min(1)", P(3)),
        new("MatrixVector", [Mat("a", 3, 4), Vec("v", 4)], "Dot(a, v)", P(3)),
        new("VectorMatrix", [Vec("v", 3), Mat("a", 3, 4)], "Dot(v, a)", P(4)),
        new("MatrixMatrix", [Mat("a", 3, 4), Mat("b", 4, 2)], "Dot(a, b)", P(3, 2)),
        new("VectorVector", [Vec("u", 4), Vec("v", 4)], "Dot(u, v)", P()),
        new("TransposedMatrixVector", [Mat("a", 3, 4), Vec("u", 3)], "Dot(a.T, u)", P(4)),
        new("MatrixTransposed", [Mat("a", 3, 4), Mat("b", 2, 4)], "Dot(a, b.T)", P(3, 2)),
        new("TransposedMatrix", [Mat("a", 3, 4), Mat("b", 3, 2)], "Dot(a.T, b)", P(4, 2)),
        new("BothTransposed", [Mat("a", 3, 4), Mat("b", 2, 3)], "Dot(a.T, b.T)", P(4, 2)),
        new("Transpose", [X()], "x.T * 2", P(4, 3)),
        new("CrossEntropy", [Mat("a", 3, 4), Vec("w", 4), S()],
            "(-Log(1 / (1 + Exp(-Dot(a, w) - s))) - Log(1 - 1 / (1 + Exp(-Dot(a, w) - s))))", P(3)),
        new("Composite", [X(), R(), C(true)], "Tanh(x * r) / c + Sqr(Sigmoid(x - r)).Sum(1, keepdims: true)", P(3, 4)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.GetHashCode(StringComparison.Ordinal) & 0xffff);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
