using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Shapes;

/// <summary>
/// A size read from a value whose size is computed (the length of <c>x[..1] * 10</c> in a concatenation) is that
/// computed value, so no step reads it before it exists (a new user's graph did not compile: n7 used before declared).
/// Values from NumPy 1.24 for the same expressions, with x a strided view.
/// </summary>
public sealed class ComputedSizeTests
{
    [Fact]
    public void Sizes_of_slices_joined_and_gathered_are_read_after_they_are_computed()
    {
        var run = GeneratorHarness.Run("""
            using Tensorgen;
            using static Tensorgen.Pt;
            using System.Linq;

            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph Use()
                {
                    var x = DMatrix("x");
                    var idx = LVector("idx");
                    var n = LScalar("n");
                    var rev = x[Slice(null, null, -1), ..n];
                    var joined = Concatenate([x, x[..1] * 10.0]);
                    var inc = IncSubtensor(x[idx], 1.0);
                    return Function([x, idx, n], [rev, joined, inc, (rev.Shape[0] + joined.Shape[0]) * 1L]);
                }

                public static object Call(double[,] x, long[] idx, long n)
                {
                    var (a, b, c, d) = new UseFunction().Invoke(x, idx, n);
                    return (a.ToArray(), b.ToArray(), c.ToArray(), d);
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        // x = np.arange(24.).reshape(4, 6)[1:4, 1:5]
        var x = new double[,] { { 7, 8, 9, 10 }, { 13, 14, 15, 16 }, { 19, 20, 21, 22 } };
        var (rev, joined, inc, sizes) = ((double[], double[], double[], long))run.Load().GetType("G", throwOnError: true)!.GetMethod("Call")!.Invoke(null, [x, new long[] { 2, 0, -1 }, 2L])!;
        Assert.Equal([19.0, 20, 13, 14, 7, 8], rev);                                                  // x[::-1, :2]
        Assert.Equal([7.0, 8, 9, 10, 13, 14, 15, 16, 19, 20, 21, 22, 70, 80, 90, 100], joined);       // np.concatenate([x, x[:1] * 10])
        Assert.Equal([8.0, 9, 10, 11, 13, 14, 15, 16, 21, 22, 23, 24], inc);                          // np.add.at(x, [2, 0, -1], 1)
        Assert.Equal(7L, sizes);
    }
}
