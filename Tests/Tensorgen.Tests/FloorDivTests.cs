using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// Float floor division as NumPy's <c>floor_divide</c> (npy_divmod), in the vector loop, the scalar loop and constant
/// folding, float64 and float32 (graph fuzz seed 622130243 graph 1082: 2 // -inf was -0, NumPy gives -1).
/// </summary>
public sealed class FloorDivTests
{
    // NumPy 1.24: np.floor_divide(a, b) for these pairs, float64 and float32 alike:
    // [nan, inf, -4.0, -14.0, -1.0, -0.0, inf, -1.0, 0.0, 3.0, nan, -inf, 2.0, -3.0, 2.0, -1.0, nan]
    private static readonly double[] A = [double.PositiveInfinity, 2, -7.5, 7, 2, 0, 1e308, -2, 2, 7, double.NaN, -1, 5, -5, 0.5, -0.5, 0];
    private static readonly double[] B = [2, 0, 2, -0.5, double.NegativeInfinity, -3, 1e-308, double.PositiveInfinity, double.PositiveInfinity, 2, 1, 0, 2.5, 2, 0.25, 0.75, 0];
    private static readonly double[] Expected = [double.NaN, double.PositiveInfinity, -4, -14, -1, -0.0, double.PositiveInfinity, -1, 0, 3, double.NaN, double.NegativeInfinity, 2, -3, 2, -1, double.NaN];

    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;
        using System.Linq;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Div64()
            {
                var a = DVector("a");
                var b = DVector("b");
                return Function([a, b], IntDiv(a, b));
            }

            [TensorFunction]
            public static FunctionGraph Div32()
            {
                var a = FVector("a");
                var b = FVector("b");
                return Function([a, b], IntDiv(a, b));
            }

            [TensorFunction]
            public static FunctionGraph Scalar64()
            {
                var a = DScalar("a");
                var b = DScalar("b");
                return Function([a, b], IntDiv(a, b));
            }

            [TensorFunction]
            public static FunctionGraph Folded() => Function([], IntDiv(Constant(2.0), Constant(double.NegativeInfinity)));

            public static double[] Call64(double[] a, double[] b) => new Div64Function().Invoke(a, b).ToArray();
            public static float[] Call32(float[] a, float[] b) => new Div32Function().Invoke(a, b).ToArray();
            public static double CallScalar(double a, double b) => new Scalar64Function().Invoke(a, b);
            public static double CallFolded() => new FoldedFunction().Invoke();
        }
        """);

    private static object Call(string name, params object[] args) => Run.Load().GetType("G", throwOnError: true)!.GetMethod(name)!.Invoke(null, args)!;

    private static void Same(double expected, double actual, int i)
    {
        Assert.True(expected.Equals(actual) && double.IsNegative(expected) == double.IsNegative(actual), $"element {i}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Float64_vector_loop_as_numpy()
    {
        Assert.Empty(Run.Diagnostics);
        var result = (double[])Call("Call64", A, B);
        for (int i = 0; i < A.Length; i++) Same(Expected[i], result[i], i);
    }

    [Fact]
    public void Float32_vector_loop_as_numpy()
    {
        var result = (float[])Call("Call32", A.Select(v => (float)v).ToArray(), B.Select(v => (float)v).ToArray());
        // 1e308 and 1e-308 are inf and 0 in float32, and inf // 0 is inf: NumPy's float32 values are the same list.
        for (int i = 0; i < A.Length; i++) Same(Expected[i], result[i], i);
    }

    [Fact]
    public void Scalar_loop_and_folding_as_numpy()
    {
        for (int i = 0; i < A.Length; i++) Same(Expected[i], (double)Call("CallScalar", A[i], B[i]), i);
        Same(-1, (double)Call("CallFolded"), 0);
    }
}
