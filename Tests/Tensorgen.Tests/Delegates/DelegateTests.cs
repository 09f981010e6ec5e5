using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Delegates;

/// <summary>Lambdas and method groups in graph code mean what C# means: against the same arithmetic on doubles.</summary>
public sealed class DelegateTests
{
    private static readonly double[] X = [-1.5, 0, 0.25, 2];

    [Fact]
    public void Lambdas_capture_variables_as_csharp_closures_do()
    {
        var (scaled, added, counted, perPass, powers) = new DelegateGraphs.ClosuresFunction().Invoke(X);
        Assert.Equal(X.Select(v => v * 3), scaled.ToArray());
        Assert.Equal(X.Select(v => v + v), added.ToArray());
        Assert.Equal(X.Select(v => v * 2), counted.ToArray());
        Assert.Equal(X.Select(v => v * 1 + v * 2 * 10), perPass.ToArray());
        Assert.Equal(X.Select(v => v * v + v * v * v), powers.ToArray());
    }

    [Fact]
    public void Delegates_passed_to_and_returned_from_helpers_run()
    {
        var (twice, adder) = new DelegateGraphs.PassedFunction().Invoke(X);
        var expected = X.Select(v => Math.Exp(Math.Exp(v) - 1) - 1).ToArray();
        var actual = twice.ToArray();
        for (int i = 0; i < X.Length; i++) Assert.Equal(expected[i], actual[i], Math.Abs(expected[i]) * 1e-15 + 1e-15);
        Assert.Equal(X.Select(v => v + v * 2), adder.ToArray());
    }

    [Fact]
    public void A_delegate_graph_code_did_not_make_is_a_diagnostic()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class G
            {
                public static Func<TensorVariable, TensorVariable> External = v => v;

                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DVector("x");
                    Func<TensorVariable, TensorVariable> g = External;
                    return Function([x], g(x));
                }
            }
            """);
        Assert.Equal("TG0103", Assert.Single(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Id);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "TG9999");
    }
}
