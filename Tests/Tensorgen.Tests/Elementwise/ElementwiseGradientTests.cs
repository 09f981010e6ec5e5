using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Elementwise;

/// <summary>
/// Gradients of issue 13's differentiable element-wise ops and of the stabilized expressions against finite differences
/// (PyTensor's verify_grad), float64 and float32; arguments are kept inside each domain and away from the kinks.
/// </summary>
public sealed class ElementwiseGradientTests
{
    private static GradInput V(string name, bool positive = false) => new(name, "Vector", [5], positive);

    private static readonly GradInput P = new("p", "Vector", [5]);

    private static readonly GradCase[] Cases =
    [
        new("Reciprocal", [V("x", positive: true)], "Reciprocal(x)", P),
        new("Exp2", [V("x")], "Exp2(x)", P),
        new("Log2", [V("x", positive: true)], "Log2(x)", P),
        new("Log10", [V("x", positive: true)], "Log10(x)", P),
        new("Tan", [V("x")], "Tan(x * 0.5)", P),
        new("Arcsin", [V("x")], "Arcsin(x * 0.4)", P),
        new("Arccos", [V("x")], "Arccos(x * 0.4)", P),
        new("Arctan", [V("x")], "Arctan(x)", P),
        new("Arctan2", [V("y"), V("x", positive: true)], "Arctan2(y, x)", P),
        new("Arctan2Broadcast", [new("y", "Matrix", [3, 5]), new("x", "Row", [1, 5], Positive: true)], "Arctan2(y, x)", new("p", "Matrix", [3, 5])),
        new("Sinh", [V("x")], "Sinh(x)", P),
        new("Cosh", [V("x")], "Cosh(x)", P),
        new("Arcsinh", [V("x")], "Arcsinh(x)", P),
        new("Arccosh", [V("x", positive: true)], "Arccosh(x + 1.0)", P),
        new("Arctanh", [V("x")], "Arctanh(x * 0.4)", P),
        new("Gammaln", [V("x", positive: true)], "Gammaln(x)", P),
        new("Digamma", [V("x", positive: true)], "Digamma(x)", P),
        new("Psi", [V("x", positive: true)], "Psi(x + 1.5)", P),
        // x in (-2, 2) against [-1, 1.5]: the kinks are met with probability zero.
        new("Clip", [V("x")], "Clip(x, -1.0, 1.5) * x", P),
        new("ClipBounds", [V("x"), V("lo"), V("hi")], "Clip(x, lo * 0.5 - 1.0, hi * 0.5 + 1.0)", P),
        new("Where", [V("x"), V("y")], "Where(x > y, x * y, Sinh(y))", P),
        new("Rounding", [V("x")], "Floor(x) * x + Round(x * 2.0) + Trunc(x) * Sin(x) + Ceil(x) + Sign(x) * x", P),
        // Stabilized: the rewrites fire before differentiating, so the gradients are the stable ones.
        new("LogOnePlusExp", [V("x")], "Log(1 + Exp(x * 3.0))", P),
        new("Log1pExp", [V("x")], "Log1p(Exp(x))", P),
        new("ExpMinusOne", [V("x")], "Exp(x) - 1", P),
        new("LogOnePlus", [V("x", positive: true)], "Log(1 + x)", P),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.Length * 7919);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
