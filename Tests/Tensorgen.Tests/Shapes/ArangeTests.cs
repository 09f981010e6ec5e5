using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Shapes;

/// <summary>Arange: a size computed at run time from values (NumPy's length rule), bound before buffers are taken.</summary>
public sealed class ArangeTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;
        using System.Linq;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Count()
            {
                var n = LScalar("n");
                return Function([n], Arange(n));
            }

            [TensorFunction]
            public static FunctionGraph Stepped()
            {
                var a = LScalar("a");
                var b = LScalar("b");
                var s = LScalar("s");
                return Function([a, b, s], Arange(a, b, s));
            }

            [TensorFunction]
            public static FunctionGraph Floats()
            {
                var a = DScalar("a");
                var b = DScalar("b");
                var s = DScalar("s");
                return Function([a, b, s], Arange(a, b, s) * 2.0);
            }

            [TensorFunction]
            public static FunctionGraph Static() => Function([], Arange(2, 11, 3));

            /// <summary>A computed size meets an input's: checked once the length is known.</summary>
            [TensorFunction]
            public static FunctionGraph Added()
            {
                var n = LScalar("n");
                var x = DVector("x");
                return Function([n, x], Arange(n) + x);
            }

            public static long[] CallCount(long n) => new CountFunction().Invoke(n).ToArray();
            public static long[] CallStepped(long a, long b, long s) => new SteppedFunction().Invoke(a, b, s).ToArray();
            public static double[] CallFloats(double a, double b, double s) => new FloatsFunction().Invoke(a, b, s).ToArray();
            public static long[] CallStatic() => new StaticFunction().Invoke().ToArray();
            public static double[] CallAdded(long n, double[] x) => new AddedFunction().Invoke(n, x).ToArray();
        }
        """);

    private static object Call(string name, params object[] args)
    {
        try { return Run.Load().GetType("G", throwOnError: true)!.GetMethod(name)!.Invoke(null, args)!; }
        catch (System.Reflection.TargetInvocationException e) { throw e.InnerException!; }
    }

    [Fact]
    public void Builds_without_diagnostics()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(-3)]
    public void Counts_from_zero(long n) =>
        Assert.Equal(Enumerable.Range(0, (int)System.Math.Max(0, n)).Select(i => (long)i), (long[])Call("CallCount", n));

    // NumPy: np.arange(1, 8, 2) = [1 3 5 7]; np.arange(10, 1, -3) = [10 7 4]; np.arange(5, 5, 1) = []; np.arange(-7, 0, 3) = [-7 -4 -1].
    [Theory]
    [InlineData(1, 8, 2, new long[] { 1, 3, 5, 7 })]
    [InlineData(10, 1, -3, new long[] { 10, 7, 4 })]
    [InlineData(5, 5, 1, new long[0])]
    [InlineData(-7, 0, 3, new long[] { -7, -4, -1 })]
    public void Steps_as_numpy(long a, long b, long s, long[] expected) => Assert.Equal(expected, (long[])Call("CallStepped", a, b, s));

    // NumPy: np.arange(0.0, 1.0, 0.25) * 2 = [0. 0.5 1. 1.5]; np.arange(1.0, 0.0, -0.3) * 2 = [2. 1.4 0.8 0.2] (4 elements).
    [Fact]
    public void Float_ranges_have_numpys_length()
    {
        Assert.Equal([0.0, 0.5, 1.0, 1.5], (double[])Call("CallFloats", 0.0, 1.0, 0.25));
        var down = (double[])Call("CallFloats", 1.0, 0.0, -0.3);
        Assert.Equal(4, down.Length);
        Assert.Equal(0.2, down[3], 12);
    }

    [Fact]
    public void Constant_bounds_give_a_static_range() => Assert.Equal([2L, 5, 8], (long[])Call("CallStatic"));

    [Fact]
    public void A_computed_size_is_checked_against_an_input()
    {
        Assert.Equal([1.0, 2.0, 3.0], (double[])Call("CallAdded", 3L, new[] { 1.0, 1.0, 1.0 }));
        var e = Assert.ThrowsAny<System.Exception>(() => Call("CallAdded", 4L, new[] { 1.0, 1.0, 1.0 }));
        Assert.Contains("Added", e.Message);
        Assert.Contains("a size of the arange is 4", e.Message);
        Assert.Contains("'x' has shape (3,)", e.Message);
    }
}
