using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Joins;

/// <summary>Joins and products whose static shapes do not fit: TG0206 (with both shapes) or TG0207 (an axis), at the call or the argument.</summary>
public sealed class JoinDiagnosticTests
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

    /// <summary>The one diagnostic, at the span marked <c>[|...|]</c>, naming the function and containing <paramref name="parts"/>.</summary>
    private static void Expect(string body, string id, params string[] parts)
    {
        var (source, spans) = Markup.Parse(Source(body));
        var run = GeneratorHarness.Run(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
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
    public void Joining_3_columns_with_4_is_TG0206_with_both_shapes() => Expect("""
                var a = Tensor("a", DType.Float64, [null, 3]);
                var b = Tensor("b", DType.Float64, [2, 4]);
                return Function([a, b], Concatenate([|[a, b]|]));
        """, "TG0206", "'a' float64(?, 3)", "'b' float64(2, 4)", "axis 1");

    [Fact]
    public void Joining_along_an_axis_out_of_range_is_TG0207() => Expect("""
                var a = DMatrix("a");
                return Function([a], Concatenate([a, a], [|2|]));
        """, "TG0207", "axis 2", "2 dimensions");

    [Fact]
    public void A_negative_axis_past_the_rank_is_TG0207() => Expect("""
                var a = DMatrix("a");
                return Function([a], Stack([a, a], axis: [|-4|]));
        """, "TG0207", "axis -4", "3 dimensions");

    [Fact]
    public void Joining_ranks_that_differ_is_TG0206() => Expect("""
                var a = DMatrix("a");
                var v = DVector("v");
                return Function([a, v], Concatenate([|[a, v]|]));
        """, "TG0206", "float64(?, ?)", "float64(?,)");

    [Fact]
    public void Joining_0_d_tensors_is_TG0207() => Expect("""
                var s = DScalar("s");
                return Function([s], Concatenate([|[s, s]|]));
        """, "TG0207", "Stack");

    [Fact]
    public void Stacking_shapes_that_differ_is_TG0206() => Expect("""
                var a = Tensor("a", DType.Float64, [2, 3]);
                var b = Tensor("b", DType.Float64, [3, 2]);
                return Function([a, b], Stack([|[a, b]|]));
        """, "TG0206", "(2, 3)", "(3, 2)");

    [Fact]
    public void Split_sizes_that_do_not_add_up_are_TG0206() => Expect("""
                var x = Tensor("x", DType.Float64, [5, 2]);
                var (p, q) = Split(x, [|[2, 2]|]);
                return Function([x], [p, q]);
        """, "TG0206", "(5, 2)", "add up to 4, not 5");

    [Fact]
    public void A_batched_product_of_2_3_4_and_2_5_6_is_TG0206_with_both_shapes() => Expect("""
                var a = Tensor("a", DType.Float64, [2, 3, 4]);
                var b = Tensor("b", DType.Float64, [2, 5, 6]);
                return Function([a, b], [|Matmul(a, b)|]);
        """, "TG0206", "(2, 3, 4)", "(2, 5, 6)", "inner sizes 4 and 5");

    [Fact]
    public void Batch_shapes_that_do_not_broadcast_are_TG0206() => Expect("""
                var a = Tensor("a", DType.Float32, [2, 3, 4]);
                var b = Tensor("b", DType.Float32, [3, 4, 5]);
                return Function([a, b], [|Matmul(a, b)|]);
        """, "TG0206", "(2, 3, 4)", "(3, 4, 5)", "batch");

    [Fact]
    public void Dot_of_tensors_whose_inner_sizes_differ_is_TG0206() => Expect("""
                var a = Tensor("a", DType.Float64, [2, 3, 4]);
                var b = Tensor("b", DType.Float64, [5, 3, 6]);
                return Function([a, b], [|Dot(a, b)|]);
        """, "TG0206", "'a' float64(2, 3, 4)", "'b' float64(5, 3, 6)", "inner sizes 4 and 3");

    [Fact]
    public void Matmul_of_a_scalar_is_TG0206() => Expect("""
                var a = DScalar("a");
                var b = DTensor3("b");
                return Function([a, b], [|Matmul(a, b)|]);
        """, "TG0206", "rank 1 or more");

    [Fact]
    public void Tensordot_of_axes_whose_sizes_differ_is_TG0206() => Expect("""
                var a = Tensor("a", DType.Float64, [2, 3]);
                var b = Tensor("b", DType.Float64, [2, 3]);
                return Function([a, b], Tensordot(a, b, [[1], [1]]) + Tensordot(a, b, [[0], [0]]).Sum() + Tensordot(a, b, [|[[1, 0], [0, 1]]|]));
        """, "TG0206", "axis 1 of a has size 3 and axis 0 of b 2");

    [Fact]
    public void Tensordot_over_axes_out_of_range_is_TG0207() => Expect("""
                var a = DMatrix("a");
                var b = DMatrix("b");
                return Function([a, b], Tensordot(a, b, [|3|]));
        """, "TG0207", "3 axes");
}
