using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Indexing;

/// <summary>Indexing mistakes known at build time, each at the span marked <c>[|...|]</c>.</summary>
public sealed class IndexingDiagnosticTests
{
    private static string Body(string body) => "using System;\nusing Tensorgen;\nusing static Tensorgen.Pt;\n" + $$"""
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    private static void Expect(string markup, params (string Id, string Text)[] expected)
    {
        var (source, spans) = Markup.Parse(Body(markup));
        var run = GeneratorHarness.Run(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        var actual = run.Diagnostics.Where(d => d.Id.StartsWith("TG")).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(expected.Length == actual.Count, "expected " + string.Join(", ", expected.Select(e => e.Id)) + " but got:\n" + string.Join("\n", actual));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(DiagnosticSeverity.Error, actual[i].Severity);
            Assert.True(spans[i] == actual[i].Location.SourceSpan,
                $"{expected[i].Id} expected at '{source.Substring(spans[i].Start, spans[i].Length)}' but is at '{source.Substring(actual[i].Location.SourceSpan.Start, actual[i].Location.SourceSpan.Length)}': {actual[i].GetMessage()}");
            Assert.Contains("'F'", actual[i].GetMessage());
            Assert.Contains(expected[i].Text, actual[i].GetMessage());
        }
    }

    [Fact]
    public void TG0205_constant_position_past_a_static_size() => Expect("""
                var x = Tensor("x", DType.Float64, [3, 4]);
                return Function([x], x[[|3|]]);
        """, ("TG0205", "index 3 is out of range for axis 0 of 'x' float64(3, 4), whose size is 3"));

    [Fact]
    public void TG0205_from_the_end_past_a_static_size() => Expect("""
                var x = Tensor("x", DType.Float64, [3, 4]);
                return Function([x], x[.., [|^5|]] + x[2, ^4]);
        """, ("TG0205", "index ^5 is out of range for axis 1 of 'x' float64(3, 4), whose size is 4"));

    [Fact]
    public void TG0205_negative_position_past_a_static_size() => Expect("""
                var x = Tensor("x", DType.Float64, [3]);
                return Function([x], x[[|-4|]]);
        """, ("TG0205", "index -4 is out of range for axis 0"));

    [Fact]
    public void TG0205_from_the_end_zero_is_past_the_end_whatever_the_size() => Expect("""
                var x = DVector("x");
                return Function([x], x[[|^0|]]);
        """, ("TG0205", "index ^0 is out of range"));

    [Fact]
    public void TG0205_too_many_indices() => Expect("""
                var x = DVector("x");
                return Function([x], [|x[0, 1]|]);
        """, ("TG0205", "too many indices for 'x' float64(?,): 2 given for rank 1"));

    [Fact]
    public void Unknown_sizes_are_checked_at_call_time_not_build_time() => Expect("""
                var x = DMatrix("x");
                return Function([x], x[100, ^7]);
        """);

    [Fact]
    public void TG0207_zero_step_and_two_ellipses() => Expect("""
                var x = Tensor3("x");
                return Function([x], [x[[|Slice(null, null, 0)|]], x[Ellipsis, 0, [|Ellipsis|]]]);
        """, ("TG0207", "the step of a slice must be a nonzero int, not 0"), ("TG0207", "only one Ellipsis"));

    [Fact]
    public void TG0104_step_given_at_run_time() => Expect("""
                var x = DVector("x");
                var s = LScalar("s");
                return Function([x, s], x[[|Slice(null, null, s)|]]);
        """, ("TG0104", "the step of a slice"));

    [Fact]
    public void TG0103_float_position() => Expect("""
                var x = DVector("x");
                var f = DScalar("f");
                return Function([x, f], x[[|f|]]);
        """, ("TG0103", "an index must be an int or an int scalar tensor"));

    [Fact]
    public void TG0103_write_into_something_not_an_index() => Expect("""
                var x = DVector("x");
                var y = DVector("y");
                return Function([x, y], [SetSubtensor([|x * 2|], y), [|x.Inc(y)|]]);
        """, ("TG0103", "SetSubtensor writes into an index of a tensor"), ("TG0103", "IncSubtensor writes into an index of a tensor"));

    [Fact]
    public void TG0206_written_value_does_not_fit_the_region() => Expect("""
                var x = Tensor("x", DType.Float64, [3, 4]);
                var y = Tensor("y", DType.Float64, [5]);
                var z = Tensor("z", DType.Float64, [2, 2, 4]);
                return Function([x, y, z], [x[1..].Set([|y|]), x[1..].Inc([|z|])]);
        """, ("TG0206", "cannot write 'y' float64(5,) into a region of shape (2, 4)"), ("TG0206", "'z' float64(2, 2, 4)"));

    [Fact]
    public void TG0201_written_value_would_lose_precision() => Expect("""
                var x = FVector("x");
                var y = DVector("y");
                return Function([x, y], x[1..].Set([|y|]));
        """, ("TG0201", "cannot write 'y' float64(?,) into 'x' float32(?,) without losing precision"));
}
