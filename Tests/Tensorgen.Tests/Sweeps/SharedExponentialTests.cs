using System;
using System.Linq;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Sweeps;

/// <summary>
/// <c>local_sigmoid_softplus_one_exp</c>: sigmoid(x), sigmoid(-x), softplus(x) and softplus(-x) written in terms of one
/// exp(-|x|). The values must be those of the ops it replaces, to a few units in the last place, everywhere: at zeros,
/// tiny and huge arguments, infinities and NaN. Tolerances: float64 1e-15 relative (a few units in the last place) plus 1e-300 absolute; float32 the
/// float32 rounding of the float64 value, 2e-7 relative.
/// </summary>
public sealed class SharedExponentialTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run("""
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class Family
        {
            [TensorFunction]
            public static FunctionGraph All()
            {
                var x = DVector("x");
                return Function([x], [Sigmoid(x), Sigmoid(-x), Softplus(x), Softplus(-x)]);
            }

            [TensorFunction]
            public static FunctionGraph AllSingle()
            {
                var x = FVector("x");
                return Function([x], [Sigmoid(x), Sigmoid(-x), Softplus(x), Softplus(-x)]);
            }

            [TensorFunction]
            public static FunctionGraph Alone()
            {
                var x = DVector("x");
                return Function([x], Sigmoid(x) * 2);
            }
        }

        public static class Calls
        {
            public static double[][] All(double[] x) { var (a, b, c, d) = new Family.AllFunction().Invoke(x); return [a.ToArray(), b.ToArray(), c.ToArray(), d.ToArray()]; }

            public static float[][] AllSingle(float[] x) { var (a, b, c, d) = new Family.AllSingleFunction().Invoke(x); return [a.ToArray(), b.ToArray(), c.ToArray(), d.ToArray()]; }

            private static T[] ToArray<T>(this System.Numerics.Tensors.Tensor<T> t) { var a = new T[t.FlattenedLength]; t.FlattenTo(a); return a; }
        }
        """);

    private static readonly Lazy<Type> Calls = new(() => Run.Load().GetType("Calls", throwOnError: true)!);

    private static object Call(string method, object arg)
    {
        try { return Calls.Value.GetMethod(method)!.Invoke(null, [arg])!; }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    private static readonly double[] Arguments =
    [
        0.0, -0.0, 1e-300, -1e-300, 1e-20, -1e-20, 0.5, -0.5, 1, -1, 3.75, -3.75, 17, -17, 36.5, -36.5, 40, -40,
        700, -700, 745, -745, 800, -800, 1e300, -1e300, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    [Fact]
    public void Fires_only_where_two_of_the_family_share_an_argument()
    {
        Assert.Empty(Run.Diagnostics);
        Assert.Empty(Run.CompileErrors);
        string Source(string f) => Run.Files.Single(p => p.Key.EndsWith("Family." + f + ".g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("local_sigmoid_softplus_one_exp (x4)", Source("All"));
        Assert.Contains("local_sigmoid_softplus_one_exp (x4)", Source("AllSingle"));
        Assert.DoesNotContain("local_sigmoid_softplus_one_exp", Source("Alone"));
    }

    [Fact]
    public void Float64_values_are_the_ops_values()
    {
        // Long enough that most arguments take the vector path, and each also at the scalar tail.
        var x = Arguments.Concat(Arguments).Concat(Arguments.Take(3)).ToArray();
        var result = (double[][])Call("All", x);
        for (int i = 0; i < x.Length; i++)
        {
            Close(Sigmoid(x[i]), result[0][i], $"sigmoid({x[i]:R})");
            Close(Sigmoid(-x[i]), result[1][i], $"sigmoid(-{x[i]:R})");
            Close(Softplus(x[i]), result[2][i], $"softplus({x[i]:R})");
            Close(Softplus(-x[i]), result[3][i], $"softplus(-{x[i]:R})");
        }
    }

    [Fact]
    public void Float32_values_are_the_ops_values()
    {
        var x = Arguments.Concat(Arguments).Select(v => (float)v).ToArray();
        var result = (float[][])Call("AllSingle", x);
        for (int i = 0; i < x.Length; i++)
        {
            Close32(Sigmoid(x[i]), result[0][i], $"sigmoid({x[i]:R})");
            Close32(Sigmoid(-x[i]), result[1][i], $"sigmoid(-{x[i]:R})");
            Close32(Softplus(x[i]), result[2][i], $"softplus({x[i]:R})");
            Close32(Softplus(-x[i]), result[3][i], $"softplus(-{x[i]:R})");
        }
    }

    // References written here from the definitions, in the stable forms a numerics text gives.
    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Softplus(double x) => double.IsNaN(x) ? x : Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>log(1 + e) for 0 ≤ e ≤ 1 as 2·atanh(e / (2 + e)), its series summed to convergence: accurate to an ulp or two.</summary>
    private static double Log1p(double e)
    {
        double t = e / (2 + e), t2 = t * t, term = t, sum = 0;
        for (int k = 0; k < 200 && term != 0; k++, term *= t2) sum += term / (2 * k + 1);
        return 2 * sum;
    }

    private static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: {actual:R}, expected NaN"); return; }
        Assert.True(expected == actual || Math.Abs(expected - actual) <= 1e-15 * Math.Abs(expected) + 1e-300, $"{what}: {actual:R}, expected {expected:R}");
    }

    private static void Close32(double expected, float actual, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(float.IsNaN(actual), $"{what}: {actual:R}, expected NaN"); return; }
        float rounded = (float)expected;
        Assert.True(rounded == actual || Math.Abs(rounded - actual) <= 2e-7 * Math.Abs(rounded) + 1e-44, $"{what}: {actual:R}, expected {rounded:R}");
    }
}
