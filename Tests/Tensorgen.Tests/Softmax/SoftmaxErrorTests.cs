using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.SoftmaxFamily;

/// <summary>Bad static input to the softmax family: TG0207 (an axis that does not fit) and TG0201 (a dtype) at the argument.</summary>
public sealed class SoftmaxErrorTests
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

    /// <summary>One diagnostic, at the span marked <c>[|...|]</c>, naming the function and containing <paramref name="parts"/>.</summary>
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
    public void Softmax_along_an_axis_past_the_rank_is_TG0207() => Expect("""
                var x = DMatrix("x");
                return Function([x], Softmax(x, [|2|]));
        """, "TG0207", "Softmax", "axis 2", "rank 2");

    [Fact]
    public void LogSoftmax_along_a_negative_axis_past_the_rank_is_TG0207() => Expect("""
                var x = DMatrix("x");
                return Function([x], LogSoftmax(x, axis: [|-3|]));
        """, "TG0207", "LogSoftmax", "axis -3");

    [Fact]
    public void LogSumExp_over_a_repeated_axis_is_TG0207() => Expect("""
                var x = DTensor3("x");
                return Function([x], LogSumExp(x, [|[0, -3]|]));
        """, "TG0207", "LogSumExp", "(0, -3)", "repeated");

    [Fact]
    public void LogSumExp_over_an_axis_past_the_rank_is_TG0207() => Expect("""
                var x = DVector("x");
                return Function([x], LogSumExp(x, [|1|], keepdims: true));
        """, "TG0207", "LogSumExp", "(1)");

    [Fact]
    public void Softmax_of_ints_is_TG0201() => Expect("""
                var x = LMatrix("x");
                return Function([x], Softmax([|x|], 1));
        """, "TG0201", "Softmax", "float");

    [Fact]
    public void ToOneHot_of_a_matrix_is_TG0201() => Expect("""
                var y = LMatrix("y");
                return Function([y], ToOneHot([|y|], 3));
        """, "TG0201", "int vector");

    [Fact]
    public void CategoricalCrossEntropy_of_classes_beside_a_3d_tensor_is_TG0201() => Expect("""
                var p = DTensor3("p");
                var y = LVector("y");
                return Function([p, y], CategoricalCrossEntropy(p, [|y|]));
        """, "TG0201", "int vector");

    [Fact]
    public void CategoricalCrossEntropy_of_static_shapes_that_differ_is_TG0206() => Expect("""
                var p = Tensor("p", DType.Float64, [2, 3]);
                var t = Tensor("t", DType.Float64, [2, 4]);
                return Function([p, t], CategoricalCrossEntropy(p, [|t|]));
        """, "TG0206", "(2, 3)", "(2, 4)");
}
