using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.DTypes;

/// <summary>
/// Unused inputs as PyTensor 2.24.2's <c>function</c> reports them (<c>UnusedInputError</c>, checked with
/// /work/pyref: an input with a default is still unused, an input read only by an expression givens replace is
/// unused, an input read only by an update is used, and so are an input read only through its shape and one
/// whose gradient's graph reads it): TG0214 at the input in the Function call, TG0215 (a warning) with
/// <c>OnUnusedInput.Warn</c>, nothing with <c>OnUnusedInput.Ignore</c>.
/// </summary>
public sealed class UnusedInputTests
{
    private static string Graph(string body) => $$"""
        using Tensorgen;
        using static Tensorgen.Pt;
        public static partial class G
        {
            static readonly Shared<double> S = Shared(0.0);

            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    /// <summary>The TG diagnostics, each at the span marked in the markup, with their severities.</summary>
    private static GeneratorRun Expect(string body, params (string Id, DiagnosticSeverity Severity)[] expected)
    {
        var (source, spans) = Markup.Parse(Graph(body));
        var run = GeneratorHarness.Run(source);
        var actual = run.Diagnostics.Where(d => d.Id.StartsWith("TG")).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(expected.Length == actual.Count, "got:\n" + string.Join("\n", actual));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].Severity, actual[i].Severity);
            Assert.Equal(spans[i], actual[i].Location.SourceSpan);
            Assert.Contains("'F'", actual[i].GetMessage());
        }
        return run;
    }

    [Fact]
    public void An_unused_input_is_an_error_at_the_input_that_says_how_to_silence_it()
    {
        var run = Expect("""
                    var x = DScalar("x");
                    var y = DScalar("y");
                    return Function([x, [|y|]], x * 2);
            """, ("TG0214", DiagnosticSeverity.Error));
        var message = run.Diagnostics.Single().GetMessage();
        Assert.Contains("'y'", message);
        Assert.Contains("OnUnusedInput.Warn", message);
        Assert.Contains("OnUnusedInput.Ignore", message);
    }

    [Fact]
    public void Raise_said_explicitly_is_the_default() => Expect("""
                var x = DScalar("x");
                var y = DVector("y");
                return Function([[|y|], x], x * 2, onUnusedInput: OnUnusedInput.Raise);
        """, ("TG0214", DiagnosticSeverity.Error));

    [Fact]
    public void Every_unused_input_is_reported() => Expect("""
                var x = DScalar("x");
                var y = DScalar("y");
                var z = DScalar("z");
                return Function([[|x|], y, [|z|]], [y * 2, y + 1]);
        """, ("TG0214", DiagnosticSeverity.Error), ("TG0214", DiagnosticSeverity.Error));

    [Fact]
    public void A_default_value_does_not_make_an_input_used() => Expect("""
                var x = DScalar("x");
                var y = DScalar("y");
                return Function([x, [|In(y, value: 1.0)|]], x * 2);
        """, ("TG0214", DiagnosticSeverity.Error));

    [Fact]
    public void An_input_read_only_by_what_givens_replace_is_unused() => Expect("""
                var x = DScalar("x");
                var y = DScalar("y");
                var v = x * 2;
                return Function([[|x|], y], v + 1, givens: [(v, y)]);
        """, ("TG0214", DiagnosticSeverity.Error));

    [Fact]
    public void An_input_read_by_a_replacement_is_used() => Expect("""
                var x = DScalar("x");
                var z = DScalar("z");
                return Function([x], z + 1, givens: [(z, x * 3)]);
        """);

    [Fact]
    public void An_input_read_only_by_an_update_is_used() => Expect("""
                var x = DScalar("x");
                return Function([x], S * 2, updates: [(S, S + x)]);
        """);

    [Fact]
    public void An_input_read_only_through_its_shape_is_used() => Expect("""
                var a = DVector("a");
                return Function([a], a.Shape[0]);
        """);

    [Fact]
    public void An_input_read_by_a_gradient_is_used() => Expect("""
                var x = DScalar("x");
                var y = DScalar("y");
                return Function([x, y], Grad(x * y, y));
        """);

    [Fact]
    public void Warn_is_a_warning_and_the_function_is_compiled()
    {
        var run = Expect("""
                    var x = DScalar("x");
                    var y = DScalar("y");
                    return Function([x, [|y|]], x * 2, onUnusedInput: OnUnusedInput.Warn);
            """, ("TG0215", DiagnosticSeverity.Warning));
        Assert.Contains("'y'", run.Diagnostics.Single().GetMessage());
        Assert.Equal(7.0, Invoke(run, 3.5, 100.0));
    }

    [Fact]
    public void Ignore_says_nothing_and_the_function_takes_the_input()
    {
        var run = Expect("""
                    var x = DScalar("x");
                    var y = DScalar("y");
                    return Function([x, y], x * 2, onUnusedInput: OnUnusedInput.Ignore);
            """);
        Assert.Equal(-3.0, Invoke(run, -1.5, 8.0));
    }

    private static double Invoke(GeneratorRun run, double x, double y)
    {
        Assert.Empty(run.CompileErrors);
        var type = run.Load().GetType("G+FFunction")!;
        var f = System.Activator.CreateInstance(type)!;
        try { return (double)type.GetMethod("Invoke")!.Invoke(f, [x, y])!; }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }
}
