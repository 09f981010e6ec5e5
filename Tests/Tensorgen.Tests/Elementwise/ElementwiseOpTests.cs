using System;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.Elementwise;

/// <summary>
/// Issue 13's element-wise ops, bitwise ops and stabilizing rewrites: generated code against the reference evaluator on
/// empty, size-1 and odd sizes past the vector width (17, 33, with NaN, ±∞, ±0 and domain edges in them), and with
/// broadcasting, in float64 and float32.
/// </summary>
public sealed class ElementwiseOpTests
{
    private static ElementwiseInput X(Domain domain) => new("x", "Vector(NAME, DTYPE)", domain);

    private static readonly int[][][] VectorShapes = [[[0]], [[1]], [[17]], [[33]]];

    private static ElementwiseCase Unary(string name, string expression, Domain domain) => new(name, [X(domain)], expression, VectorShapes);

    /// <summary>A matrix and a row broadcast against it: (0, 5) and (1, 5), (3, 17) and (1, 17), (1, 1) and (1, 1).</summary>
    private static readonly int[][][] Broadcast = [[[0, 5], [1, 5]], [[3, 17], [1, 17]], [[1, 1], [1, 1]], [[2, 33], [1, 33]]];

    internal static readonly ElementwiseCase[] Cases =
    [
        Unary("Floor", "Floor(x)", Domain.Real),
        Unary("Ceil", "Ceil(x)", Domain.Real),
        Unary("Round", "Round(x)", Domain.Real),
        Unary("RoundHalfToEven", "RoundHalfToEven(x * 0.5)", Domain.Real),
        Unary("Trunc", "Trunc(x)", Domain.Real),
        Unary("Sign", "Sign(x)", Domain.Real),
        Unary("IsNan", "IsNan(x)", Domain.Real),
        Unary("IsInf", "IsInf(x)", Domain.Real),
        Unary("IsNanOrInf", "IsNan(x) | IsInf(x)", Domain.Real),
        Unary("Reciprocal", "Reciprocal(x)", Domain.Real),
        Unary("Exp2", "Exp2(x)", Domain.Real),
        Unary("Log2", "Log2(x)", Domain.Positive),
        Unary("Log10", "Log10(x)", Domain.Positive),
        Unary("Tan", "Tan(x)", Domain.Real),
        Unary("Arcsin", "Arcsin(x)", Domain.Unit),
        Unary("Arccos", "Arccos(x)", Domain.Unit),
        Unary("Arctan", "Arctan(x)", Domain.Real),
        Unary("Sinh", "Sinh(x)", Domain.Real),
        Unary("Cosh", "Cosh(x)", Domain.Real),
        Unary("Arcsinh", "Arcsinh(x)", Domain.Real),
        Unary("Arccosh", "Arccosh(x)", Domain.AboveOne),
        Unary("Arctanh", "Arctanh(x)", Domain.Unit),
        Unary("Gammaln", "Gammaln(x)", Domain.Real),
        Unary("GammalnPositive", "Gammaln(x)", Domain.Positive),
        Unary("Digamma", "Digamma(x)", Domain.Real),
        Unary("Psi", "Psi(x)", Domain.Positive),
        Unary("TriGamma", "TriGamma(x)", Domain.Real),
        // Fused with vectorized ops around them: a kernel with a lane-by-lane op, one with no vector form.
        Unary("FusedTrig", "Sinh(x) * 0.5 + Floor(x) - Arctan(x * 2.0)", Domain.Real),
        Unary("FusedGamma", "Exp(x) + Gammaln(x) * 2.0", Domain.Positive),
        Unary("ClipScalars", "Clip(x, -1.5, 2.0)", Domain.Real),
        Unary("Methods", "x.Clip(-1.5, 2.0) + (x * 0.5).Round() * 4.0", Domain.Real),
        Unary("WhereScalar", "Where(x > 0, x, 0.0)", Domain.Real),
        // Broadcasting
        new("Arctan2", [new("y", "Matrix(NAME, DTYPE)", Domain.Real), new("x", "Row(NAME, DTYPE)", Domain.Real)], "Arctan2(y, x)", Broadcast),
        new("Clip", [new("x", "Matrix(NAME, DTYPE)", Domain.Real), new("lo", "Row(NAME, DTYPE)", Domain.Unit)], "Clip(x, lo, lo + 1.0)", Broadcast),
        new("Where", [new("x", "Matrix(NAME, DTYPE)", Domain.Real), new("y", "Row(NAME, DTYPE)", Domain.Real)], "Where(x < y, x, y * 2.0)", Broadcast),
        // Integer operands: float results, int dtypes kept where PyTensor keeps them.
        new("FloorOfInt", [new("i", "LVector(NAME)", Domain.Int, "long")], "Floor(i) + Exp2(i * 0) + Sign(i)", VectorShapes),
        new("IsNanOfInt", [new("i", "LVector(NAME)", Domain.Int, "long")], "IsNan(i) | IsInf(i)", VectorShapes),
        new("ClipInt", [new("i", "LVector(NAME)", Domain.Int, "long")], "Clip(i, -7, 40)", VectorShapes),
        // Bitwise on ints and bools
        new("BitwiseInts", [new("i", "LVector(NAME)", Domain.Int, "long"), new("j", "LRow(NAME)", Domain.Int, "long")],
            "(i & j) + (i | 12) * 2 - (i ^ j) + ~i + BitwiseNot(j) + BitwiseAnd(i, j) + BitwiseOr(i, j) + BitwiseXor(i, 5) + Invert(i)",
            [[[0], [1, 0]], [[17], [1, 17]], [[33], [1, 33]]]),
        new("BitwiseInt32", [new("i", "IVector(NAME)", Domain.Int32, "int")], "(i & 6) | (~i ^ 3)", VectorShapes),
        new("BitwiseBools", [new("b", "Vector(NAME, DType.Bool)", Domain.Bool, "bool"), new("c", "Vector(NAME, DType.Bool)", Domain.Bool, "bool")],
            "Where((b & c) | (b ^ ~c), 1.0, 0.0) + Cast(Xor(b, c), DTYPE)", [[[0], [0]], [[17], [17]], [[33], [33]]]),
        // The stabilizing rewrites, at ordinary values (StabilizationTests checks the extreme ones)
        Unary("LogOnePlusExp", "Log(1 + Exp(x))", Domain.Real),
        Unary("Log1pExp", "Log1p(Exp(x))", Domain.Real),
        Unary("ExpMinusOne", "Exp(x) - 1", Domain.Real),
        Unary("LogOnePlus", "Log(1 + x)", Domain.Unit),
        Unary("LogOneMinus", "Log(1 - x)", Domain.Unit),
        // PyTensor's rounding family has zero gradients (not disconnected, not an error)
        Unary("RoundingGradient", "Grad((Floor(x) + Ceil(x) + Round(x) + Trunc(x) + Sign(x) + x).Sum(), x)", Domain.Real),
    ];

    private static readonly Lazy<ElementwiseCases> Float64 = new(() => new ElementwiseCases(Cases, single: false));
    private static readonly Lazy<ElementwiseCases> Float32 = new(() => new ElementwiseCases(Cases, single: true));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Fact]
    public void Rounding_family_passes_zero_gradients()
    {
        var x = ElementwiseCases.Values(Domain.Real, [33], 0);
        var g = Float64.Value.Run("RoundingGradient", [x]);
        // Only the "+ x" term contributes: 1 everywhere (NaN and ±∞ inputs included: zeros, not NaN, from the rest).
        Assert.All(g.Data, v => Assert.Equal(1.0, v));
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_matches_reference(string name) => Float64.Value.Verify(name);

    [Theory, MemberData(nameof(Names))]
    public void Float32_matches_reference(string name) => Float32.Value.Verify(name);
}
