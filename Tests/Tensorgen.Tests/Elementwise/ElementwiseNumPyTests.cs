using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;

namespace Tensorgen.Tests.Elementwise;

/// <summary>
/// Issue 13's element-wise ops and stabilizations against PyTensor 2.24.2's own values (elementwise_reference.py →
/// elementwise_expected.json): special values (NaN, ±∞, ±0, halves for round, domain edges), the result dtype, the
/// sign of zero results of the rounding family, and the gradients of the stabilized expressions at x = ±800.
/// </summary>
public sealed class ElementwiseNumPyTests
{
    private const string File = "Tests/Tensorgen.Tests/Elementwise/elementwise_expected.json";

    private static readonly Dictionary<string, string> Expressions = new()
    {
        ["Floor"] = "Floor(x)", ["Ceil"] = "Ceil(x)", ["Round"] = "Round(x)", ["Trunc"] = "Trunc(x)", ["Sign"] = "Sign(x)",
        ["IsNan"] = "IsNan(x)", ["IsInf"] = "IsInf(x)", ["Reciprocal"] = "Reciprocal(x)", ["Exp2"] = "Exp2(x)", ["Log2"] = "Log2(x)",
        ["Log10"] = "Log10(x)", ["Tan"] = "Tan(x)", ["Arcsin"] = "Arcsin(x)", ["Arccos"] = "Arccos(x)", ["Arctan"] = "Arctan(x)",
        ["Sinh"] = "Sinh(x)", ["Cosh"] = "Cosh(x)", ["Arcsinh"] = "Arcsinh(x)", ["Arccosh"] = "Arccosh(x)", ["Arctanh"] = "Arctanh(x)",
        ["Gammaln"] = "Gammaln(x)", ["Digamma"] = "Digamma(x)", ["TriGamma"] = "TriGamma(x)", ["ClipUnit"] = "Clip(x, -1.0, 1.0)",
        ["LogOnePlusExp"] = "Log(1 + Exp(x))", ["Log1pExp"] = "Log1p(Exp(x))", ["ExpMinusOne"] = "Exp(x) - 1", ["LogOnePlus"] = "Log(1 + x)",
    };

    /// <summary>Ops whose zero results must have NumPy's sign.</summary>
    private static readonly HashSet<string> SignedZeros = ["Floor", "Ceil", "Round", "Trunc", "Sign", "ClipUnit"];

    private static readonly HashSet<string> WithGradient = ["LogOnePlusExp", "Log1pExp", "ExpMinusOne", "LogOnePlus"];

    private static readonly ElementwiseCase[] Cases = Expressions
        .SelectMany(e => new[] { new ElementwiseCase(e.Key, [new("x", "Vector(NAME, DTYPE)", Domain.Real)], e.Value, []) }
            .Concat(WithGradient.Contains(e.Key) ? [new ElementwiseCase(e.Key + "Grad", [new("x", "Vector(NAME, DTYPE)", Domain.Real)], $"Grad(({e.Value}).Sum(), x)", [])] : []))
        .ToArray();

    private static readonly Lazy<ElementwiseCases> Float64 = new(() => new ElementwiseCases(Cases, single: false));
    private static readonly Lazy<ElementwiseCases> Float32 = new(() => new ElementwiseCases(Cases, single: true));

    private static readonly Lazy<JsonDocument> Expected = new(() => JsonDocument.Parse(Repo.Read(File)));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expressions.Keys) data.Add(name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_matches_pytensor(string name) => Verify(Float64.Value, name, "float64");

    [Theory, MemberData(nameof(Names))]
    public void Float32_matches_pytensor(string name) => Verify(Float32.Value, name, "float32");

    private static void Verify(ElementwiseCases cases, string name, string dtype)
    {
        var entry = Expected.Value.RootElement.GetProperty($"{name}/{dtype}");
        var input = Read(entry.GetProperty("input"));
        var inputs = new[] { new Array(input, [input.Length]) };
        Compare(cases, name, dtype, Read(entry.GetProperty("output")), cases.Run(name, inputs), input, "value");
        // The reference evaluator agrees with PyTensor too, except where only the rewrite makes the value finite (it
        // runs the graph as written: log(1 + exp(800)) is ∞ there).
        if (!WithGradient.Contains(name))
            Compare(cases, name, dtype, Read(entry.GetProperty("output")), cases.Reference(name, inputs), input, "reference evaluator's value");
        if (entry.TryGetProperty("grad", out var grad))
            Compare(cases, name, dtype, Read(grad), cases.Run(name + "Grad", inputs), input, "gradient");
    }

    private static void Compare(ElementwiseCases cases, string name, string dtype, double[] expected, Array actual, double[] input, string what)
    {
        Assert.Equal(expected.Length, actual.Size);
        // Near the zeros of log Γ (1, 2) and ψ, and where float32 PyTensor computes in float32, an absolute slack.
        bool gamma = name is "Gammaln" or "Digamma" or "TriGamma";
        double absolute = dtype == "float32" ? 1e-6 : gamma ? 1e-14 : 1e-300;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual.Data[i];
            string at = $"{name} ({dtype}) {what} at x = {input[i].ToString("R", CultureInfo.InvariantCulture)}: {a:R}, PyTensor's {e:R}";
            if (double.IsNaN(e) || double.IsInfinity(e)) Assert.True(e.Equals(a), at);
            else Assert.True(Math.Abs(e - a) <= cases.Relative * Math.Abs(e) + absolute, at);
            if (e == 0 && SignedZeros.Contains(name)) Assert.True(double.IsNegative(e) == double.IsNegative(a), at + " (the sign of zero)");
        }
    }

    private static double[] Read(JsonElement values) =>
        values.EnumerateArray().Select(v => double.Parse(v.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}
