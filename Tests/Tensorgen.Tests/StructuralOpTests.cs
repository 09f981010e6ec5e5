using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>Structural ops end to end: what each op's emission gives compiles and computes.</summary>
public sealed class StructuralOpTests
{
    /// <summary>
    /// An output that views another output's exact array (a gradient given a leading size-1 axis) is copied from
    /// it: an array has no CopyTo(Span), so the copy goes through MemoryExtensions (graph fuzz, graph 1552).
    /// </summary>
    [Fact]
    public void An_output_viewing_another_outputs_array_is_copied()
    {
        var run = GeneratorHarness.Run("""
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DRow("x");
                    var m = Mean(x, [0]);
                    var (gx, gm) = Grad(m.Mean(), [x, m]);
                    return Function([x], [gx, gm]);
                }

                public static object Call(double[,] x)
                {
                    var (gx, gm) = new FFunction().Invoke(x);
                    return new[] { System.Linq.Enumerable.ToArray(gx), System.Linq.Enumerable.ToArray(gm) };
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var result = (double[][])run.Load().GetType("G", throwOnError: true)!.GetMethod("Call")!.Invoke(null, [new double[,] { { 1, 2, 3, 4 } }])!;
        Assert.Equal([0.25, 0.25, 0.25, 0.25], result[0]);
        Assert.Equal([0.25, 0.25, 0.25, 0.25], result[1]);
    }
}
