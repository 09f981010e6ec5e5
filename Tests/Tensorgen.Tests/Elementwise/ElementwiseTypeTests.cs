extern alias generator;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Elementwise;

using DType = generator::Tensorgen.DType;

/// <summary>
/// Issue 13's element-wise ops: result dtypes as PyTensor 2.24.2 gives them (checked with it: pt.floor of int64 is
/// float64, isnan is bool, clip and sign keep the dtype, bitwise ops keep it), the dtype errors PyTensor raises as
/// build errors at the call (TG0201), the gradient that does not exist (TG0222), and what the generated code says: the rewrites that fired and the kernels that run scalar, with why.
/// </summary>
public sealed class ElementwiseTypeTests
{
    private const string Usings = "using System;\nusing Tensorgen;\nusing static Tensorgen.Pt;\n";

    private static string Body(string body) => Usings + $$"""
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    private static void Expect(string markup, params string[] ids)
    {
        var (source, spans) = Markup.Parse(markup);
        var run = GeneratorHarness.Run(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        var actual = run.Diagnostics.Where(d => d.Id.StartsWith("TG")).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(ids.Length == actual.Count, "expected " + string.Join(", ", ids) + " but got:\n" + string.Join("\n", actual));
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], actual[i].Id);
            Assert.True(spans[i] == actual[i].Location.SourceSpan,
                $"{ids[i]} expected at '{source.Substring(spans[i].Start, spans[i].Length)}' but is at '{source.Substring(actual[i].Location.SourceSpan.Start, actual[i].Location.SourceSpan.Length)}': {actual[i].GetMessage()}");
        }
    }

    [Theory]
    [InlineData("Floor(i)", DType.Float64)]
    [InlineData("Ceil(j)", DType.Float64)]
    [InlineData("Trunc(i)", DType.Float64)]
    [InlineData("Floor(f)", DType.Float32)]
    [InlineData("Round(f)", DType.Float32)]
    [InlineData("Round(d)", DType.Float64)]
    [InlineData("Sign(i)", DType.Int64)]
    [InlineData("Sign(j)", DType.Int32)]
    [InlineData("IsNan(f)", DType.Bool)]
    [InlineData("IsInf(i)", DType.Bool)]
    [InlineData("IsNan(b)", DType.Bool)]
    [InlineData("Reciprocal(i)", DType.Float64)]
    [InlineData("Log2(j)", DType.Float64)]
    [InlineData("Gammaln(f)", DType.Float32)]
    [InlineData("Arctan2(f, f)", DType.Float32)]
    [InlineData("Arctan2(f, d)", DType.Float64)]
    [InlineData("Clip(i, 0, 1)", DType.Int64)]
    [InlineData("Clip(j, 0, 1)", DType.Int32)]
    [InlineData("Clip(f, 0, 1.5)", DType.Float32)]
    [InlineData("Clip(f, d, 1)", DType.Float64)]
    [InlineData("Where(b, j, 1.5)", DType.Float64)]
    [InlineData("i & i", DType.Int64)]
    [InlineData("j | j", DType.Int32)]
    [InlineData("i ^ j", DType.Int64)]
    [InlineData("~j", DType.Int32)]
    [InlineData("b & b", DType.Bool)]
    [InlineData("~b", DType.Bool)]
    [InlineData("BitwiseXor(b, b)", DType.Bool)]
    public void Result_dtype_is_pytensors(string expression, DType dtype)
    {
        var run = GeneratorHarness.Run(Body($"""
                    var i = LVector("i"); var j = IVector("j"); var f = FVector("f"); var d = DVector("d"); var b = Vector("b", DType.Bool);
                    return Function([i, j, f, d, b], {expression}, onUnusedInput: OnUnusedInput.Ignore);
            """));
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        var spec = run.Specs.Single();
        Assert.Equal(dtype, spec.Graph[spec.Outputs[0].Node].DType);
    }

    [Fact]
    public void Round_of_an_integer_is_a_dtype_error() => Expect(Body("""
                var i = LVector("i");
                return Function([i], [|Round(i)|]);
        """), "TG0201");

    [Fact]
    public void Bitwise_of_floats_is_a_dtype_error() => Expect(Body("""
                var x = DVector("x");
                return Function([x], ([|x ^ x|]) * 2.0);
        """), "TG0201");

    [Fact]
    public void Bitwise_of_bools_with_ints_is_a_dtype_error() => Expect(Body("""
                var b = Vector("b", DType.Bool);
                var i = LVector("i");
                return Function([b, i], [|BitwiseAnd(b, i)|]);
        """), "TG0201");

    [Fact]
    public void Logical_not_of_an_integer_is_a_dtype_error() => Expect(Body("""
                var i = LVector("i");
                return Function([i], [|!i|]);
        """), "TG0201");

    [Fact]
    public void Gradient_of_trigamma_is_not_implemented() => Expect(Body("""
                var x = DScalar("x");
                return Function([x], [|Grad(TriGamma(x), x)|]);
        """), "TG0222");

    [Fact]
    public void Second_derivative_of_gammaln_is_trigamma_third_is_an_error() => Expect(Body("""
                var x = DScalar("x");
                var g = Grad(Gammaln(x), x);
                var h = Grad(g, x);
                return Function([x], [g, h, [|Grad(h, x)|]]);
        """), "TG0222");

    [Fact]
    public void Readme_example_compiles()
    {
        var run = GeneratorHarness.Run(Body("""
                    var x = DVector("x");
                    var i = LVector("i");
                    var clipped = Clip(x, -1.0, 1.0);
                    var halves = Round(x * 2.0) / 2.0;
                    var finite = Where(IsNan(x) | IsInf(x), 0.0, x);
                    var bits = (i & 255) ^ ~i;
                    return Function([x, i], [clipped, halves, finite, Gammaln(Abs(x) + 1.0), bits]);
            """));
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Remarks_name_the_rewrites_and_the_scalar_kernels()
    {
        var run = GeneratorHarness.Run(Body("""
                    var x = DVector("x");
                    return Function([x], [Log(1 + Exp(x)), Exp(x) - 1, Log(1 + x * 2.0), Gammaln(x) + 1.0]);
            """));
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        string code = string.Join("\n", run.Files.Values);
        foreach (var rewrite in new[] { "local_log1p", "log1pexp_to_softplus", "local_expm1" }) Assert.Contains(rewrite, code);
        Assert.Contains("gammaln has no vector form", code);
    }

    [Fact]
    public void Lane_by_lane_and_whole_vector_forms_keep_a_kernel_vectorized()
    {
        var run = GeneratorHarness.Run(Body("""
                    var x = FVector("x");
                    return Function([x], Sinh(x) + Floor(x) * Clip(x, 0, 1) + Reciprocal(Round(x) + 3.0f));
            """));
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        string code = string.Join("\n", run.Files.Values);
        System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tensorgen-elementwise-vector.cs"), code);
        foreach (var form in new[] { "VectorMath.Sinh(", "Vector.Floor(", "VectorMath.Clip(", "Vector.Round(" }) Assert.Contains(form, code);
        Assert.DoesNotContain("no vector form", code);
    }
}
