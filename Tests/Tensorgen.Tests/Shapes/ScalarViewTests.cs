using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Shapes;

/// <summary>
/// Views of 0-d values: a scalar lives in a local, not a buffer, so a reshape or flatten of it is read as the local
/// itself (malformed-body fuzz, seed 20261202 body 1791: <c>Repeat(x1 &lt; 2, 3)</c> indexed a bool local).
/// </summary>
public sealed class ScalarViewTests
{
    [Fact]
    public void Views_of_a_scalar_read_its_local()
    {
        var run = GeneratorHarness.Run("""
            using Tensorgen;
            using static Tensorgen.Pt;
            using System.Linq;

            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph R()
                {
                    var x1 = DScalar("x1");
                    return Function([x1], [Repeat(x1 < 2, 3), (x1 * 2).Reshape([1]), Concatenate([(x1 + 1).Reshape([1]), x1.Flatten()])]);
                }

                public static object Call(double x)
                {
                    var (a, b, c) = new RFunction().Invoke(x);
                    return (a.ToArray(), b.ToArray(), c.ToArray());
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        var (a, b, c) = ((bool[], double[], double[]))run.Load().GetType("G", throwOnError: true)!.GetMethod("Call")!.Invoke(null, [1.0])!;
        // NumPy: np.repeat(True, 3), np.reshape(2.0, (1,)), np.concatenate([[2.0], np.ravel(1.0)])
        Assert.Equal([true, true, true], a);
        Assert.Equal([2.0], b);
        Assert.Equal([2.0, 1.0], c);
    }
}
