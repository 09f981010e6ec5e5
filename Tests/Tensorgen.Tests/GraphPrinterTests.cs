using System.Linq;
using System.Text.RegularExpressions;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>The printed optimized graph (the <c>Graph</c> property and the remarks) shows every op's parameters.</summary>
public sealed class GraphPrinterTests
{
    private static string Graph(string body)
    {
        var run = GeneratorHarness.Run("using Tensorgen;\nusing static Tensorgen.Pt;\npublic static partial class G\n{\n    [TensorFunction]\n    public static FunctionGraph F()\n    {\n" + body + "\n    }\n}\n");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var file = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToString();
        return Regex.Unescape(Regex.Match(file, "public override string Graph => \"(.*)\";").Groups[1].Value);
    }

    [Fact]
    public void A_product_of_transposes_prints_them()
    {
        // Was "dot(a, a)": the transpose is a flag of the product, and the printer dropped it.
        var graph = Graph("""var a = DMatrix("a"); return Function([a], [Dot(a.T, a), Dot(a, a.T)]);""");
        Assert.Contains("dot(a.T, a)", graph);
        Assert.Contains("dot(a, a.T)", graph);
    }

    [Fact]
    public void Reductions_print_their_axes_and_dimshuffles_their_order()
    {
        var graph = Graph("""var a = DMatrix("a"); var t = Tensor3("t", DType.Float64); return Function([a, t], [a.Sum(1, keepdims: true), Max(a, 0), Sum(t, [0, 2]), a.T * Sum(a, 1)]);""");
        Assert.Contains("sum{axis=(1,), keepdims}(a)", graph);
        Assert.Contains("max{axis=(0,)}(a)", graph);
        Assert.Contains("sum{axis=(0,2)}(t)", graph);
        Assert.Contains("dimshuffle{1,0}(a)", graph);
    }
}
