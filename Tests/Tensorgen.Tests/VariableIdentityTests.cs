using System.Linq;
using Xunit;
using static Tensorgen.Tests.EvaluationSemanticsTests;

namespace Tensorgen.Tests;

/// <summary>
/// Each call of the symbolic API makes a variable of its own, as in PyTensor, even when it equals another:
/// <c>Grad</c> with respect to one, and givens replacing one, leave its equal twins alone. Expected values
/// are PyTensor 2.24.2's for the same graphs. Before variables kept their identity, equal expressions were
/// one node from the start, and each of these gave another number without an error.
/// </summary>
public sealed class VariableIdentityTests
{
    [Fact]
    public void Grad_with_respect_to_one_of_two_equal_expressions_leaves_the_other_alone()
    {
        // pytensor: a = x * 2; b = x * 2; grad(a * b, a) at x = 3 is b = 6 (12 is grad(a * a, a)).
        var result = Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    var a = x * 2;
                    var b = x * 2;
                    return Function([x], [Grad(a * b, a), Grad(a * a, a)]);
                }
            }
            """, "F", 3.0);
        var (separate, same) = ((double, double))result;
        Assert.Equal(6.0, separate);
        Assert.Equal(12.0, same);
    }

    [Fact]
    public void A_helper_called_twice_makes_two_variables()
    {
        // pytensor: c = exp(v); d = exp(v); grad(c * d, c) is d = exp(v): e at v = 1 (2e would be grad(c * c, c)).
        var result = Run("""
            public static partial class G
            {
                static TensorVariable Activation(TensorVariable v) => Exp(v);

                [TensorFunction]
                public static FunctionGraph F()
                {
                    var v = DScalar("v");
                    var c = Activation(v);
                    var d = Activation(v);
                    return Function([v], Grad(c * d, c));
                }
            }
            """, "F", 1.0);
        Assert.Equal(System.Math.E, (double)result, 15);
    }

    [Fact]
    public void Givens_replace_only_the_variable_named()
    {
        // pytensor: function([x, y], a + b, givens=[(a, y)]) with a, b = x * 2 at (3, 10) is 10 + 6 = 16.
        var result = Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var (x, y) = DScalars("x", "y");
                    var a = x * 2;
                    var b = x * 2;
                    return Function([x, y], a + b, givens: [(a, y)]);
                }
            }
            """, "F", 3.0, 10.0);
        Assert.Equal(16.0, result);
    }

    [Fact]
    public void Equal_expressions_are_still_computed_once()
    {
        // Identity keeps variables apart while the graph is built; the rewriter merges them for the kernels.
        var run = Tensorgen.Tests.Infrastructure.GeneratorHarness.Run("using Tensorgen;\nusing static Tensorgen.Pt;\n" + """
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var v = DVector("v");
                    return Function([v], Exp(v) * Exp(v));
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        var graph = System.Text.RegularExpressions.Regex.Match(run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToString(),
            "public override string Graph => \"(.*)\";").Groups[1].Value;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(graph, @"= exp\("));
    }
}
