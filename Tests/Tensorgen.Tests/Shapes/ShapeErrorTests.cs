using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Shapes;

/// <summary>Shape errors: TG0206/TG0207 at the call or argument when static shapes tell, otherwise a call-time error naming the function and both shapes.</summary>
public sealed class ShapeErrorTests
{
    private static string Source(string body) => $$"""
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    /// <summary>The diagnostics at the spans marked <c>[|...|]</c>, each naming the function and containing <paramref name="parts"/>.</summary>
    private static void Expect(string body, string id, params string[] parts)
    {
        var (source, spans) = Markup.Parse(Source(body));
        var run = GeneratorHarness.Run(source);
        var actual = run.Diagnostics.Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal)).ToList();
        Assert.True(actual.Count == 1, "expected one " + id + " but got:\n" + string.Join("\n", actual));
        Assert.Equal(id, actual[0].Id);
        Assert.Equal(DiagnosticSeverity.Error, actual[0].Severity);
        Assert.True(spans[0] == actual[0].Location.SourceSpan,
            $"{id} expected at '{source.Substring(spans[0].Start, spans[0].Length)}' but is at '{source.Substring(actual[0].Location.SourceSpan.Start, actual[0].Location.SourceSpan.Length)}': {actual[0].GetMessage()}");
        var message = actual[0].GetMessage();
        Assert.Contains("'F'", message);
        foreach (var part in parts) Assert.Contains(part, message);
    }

    [Fact]
    public void Reshaping_6_elements_to_4_is_TG0206_with_both_shapes() => Expect("""
                var x = Tensor("x", DType.Float64, [2, 3]);
                return Function([x], x.Reshape([|[4]|]));
        """, "TG0206", "(2, 3)", "(4,)");

    [Fact]
    public void A_minus_one_that_does_not_divide_is_TG0206() => Expect("""
                var x = Tensor("x", DType.Float64, [2, 3]);
                return Function([x], Reshape(x, [|[-1, 4]|]));
        """, "TG0206", "(2, 3)", "(-1, 4)");

    [Fact]
    public void Two_minus_ones_are_TG0206() => Expect("""
                var x = DMatrix("x");
                return Function([x], x.Reshape([|[-1, -1]|]));
        """, "TG0206", "(-1, -1)");

    [Fact]
    public void Flatten_past_the_rank_is_TG0207() => Expect("""
                var x = DMatrix("x");
                return Function([x], x.Flatten([|3|]));
        """, "TG0207", "(?, ?)");

    [Fact]
    public void Dimshuffle_dropping_a_dimension_not_of_size_1_is_TG0207() => Expect("""
                var x = DMatrix("x");
                return Function([x], x.Dimshuffle(1));
        """.Replace("x.Dimshuffle(1)", "[|x.Dimshuffle(1)|]"), "TG0207", "(?, ?)", "drops dimension 0");

    [Fact]
    public void Squeeze_of_an_axis_not_of_size_1_is_TG0207() => Expect("""
                var x = DMatrix("x");
                return Function([x], Squeeze(x, [|[1]|]));
        """, "TG0207", "(?, ?)");

    [Fact]
    public void Transpose_by_a_wrong_permutation_is_TG0207() => Expect("""
                var x = DTensor3("x");
                return Function([x], Transpose(x, [|[0, 0, 1]|]));
        """, "TG0207", "(?, ?, ?)");

    [Fact]
    public void SpecifyShape_against_a_different_static_size_is_TG0206() => Expect("""
                var x = Tensor("x", DType.Float64, [2, null]);
                return Function([x], SpecifyShape(x, [|[3, null]|]));
        """, "TG0206", "(2, ?)", "(3, ?)");

    [Fact]
    public void A_negative_constant_size_is_TG0206() => Expect("""
                return Function([], Zeros([|[2, -3]|]));
        """, "TG0206", "(2, -3)");

    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;
        using System.Linq;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Fours()
            {
                var x = DMatrix("x");
                return Function([x], x.Reshape([-1, 4]));
            }

            [TensorFunction]
            public static FunctionGraph Given()
            {
                var x = DVector("x");
                var n = LScalar("n");
                return Function([x, n], x.Reshape([n, 3]) + 1.0);
            }

            [TensorFunction]
            public static FunctionGraph Specified()
            {
                var x = DMatrix("x");
                return Function([x], SpecifyShape(x * 2.0, [3, null]));
            }

            public static double[] CallSpecified(double[] x, int m, int n) =>
                new SpecifiedFunction().Invoke(System.Numerics.Tensors.Tensor.Create(x, [m, n])).ToArray();
            public static double[] CallFours(double[] x, int m, int n) =>
                new FoursFunction().Invoke(System.Numerics.Tensors.Tensor.Create(x, [m, n])).ToArray();
            public static double[] CallGiven(double[] x, long n) => new GivenFunction().Invoke(x, n).ToArray();
        }
        """);

    private static object Call(string name, params object[] args)
    {
        try { return Run.Load().GetType("G", throwOnError: true)!.GetMethod(name)!.Invoke(null, args)!; }
        catch (System.Reflection.TargetInvocationException e) { throw e.InnerException!; }
    }

    [Fact]
    public void Builds_without_diagnostics()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
    }

    [Fact]
    public void A_reshape_that_does_not_fit_throws_at_call_time_with_both_shapes()
    {
        Assert.Equal(8, ((double[])Call("CallFours", new double[8], 2, 4)).Length);
        var e = Assert.Throws<TensorShapeException>(() => Call("CallFours", new double[6], 2, 3));
        Assert.Contains("Fours", e.Message);
        Assert.Contains("(2, 3)", e.Message);
        Assert.Contains("(-1, 4)", e.Message);
    }

    [Fact]
    public void Sizes_from_inputs_are_checked_against_the_element_count()
    {
        Assert.Equal(6, ((double[])Call("CallGiven", new double[6], 2L)).Length);
        var e = Assert.Throws<TensorShapeException>(() => Call("CallGiven", new double[6], 3L));
        Assert.Contains("Given", e.Message);
        Assert.Contains("(6,)", e.Message);
        Assert.Contains("(3, 3)", e.Message);
    }

    [Fact]
    public void SpecifyShape_is_checked_at_call_time()
    {
        Assert.Equal(6, ((double[])Call("CallSpecified", new double[6], 3, 2)).Length);
        var e = Assert.Throws<TensorShapeException>(() => Call("CallSpecified", new double[4], 2, 2));
        Assert.Contains("Specified", e.Message);
        Assert.Contains("(2, 2)", e.Message);
        Assert.Contains("3", e.Message);
    }
}
