using System;
using System.Linq;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// Graph code means what C# means. Each accepted form is compiled by the generator in memory and its
/// compiled function run, and the result compared with what the same C# computes (worked out in the
/// test, or run as plain C# in the same assembly). Each of these gave a different graph, silently,
/// before the evaluator kept variables in cells and did C#'s arithmetic by type.
/// </summary>
public sealed class EvaluationSemanticsTests
{
    private const string Usings = "using System;\nusing Tensorgen;\nusing static Tensorgen.Pt;\n";

    /// <summary>Compiles <paramref name="source"/> (no diagnostics allowed) and runs <c>G.{method}Function.Invoke(args)</c>.</summary>
    internal static object Run(string source, string method, params object[] args)
    {
        var run = GeneratorHarness.Run(Usings + source);
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        return Invoke(run.Load(), method, args);
    }

    internal static object Invoke(Assembly assembly, string method, params object[] args)
    {
        var type = assembly.GetType("G+" + method + "Function", throwOnError: true)!;
        var function = Activator.CreateInstance(type)!;
        var invoke = type.GetMethod("Invoke")!;
        return invoke.Invoke(function, args)!;
    }

    [Fact]
    public void A_local_function_writes_the_local_it_captures()
    {
        // C#: AddOne runs twice on the same variable, so acc is x + 2.
        var result = Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    var acc = x;
                    void AddOne() { acc = acc + 1; }
                    AddOne();
                    AddOne();
                    return Function([x], acc);
                }
            }
            """, "F", 3.0);
        Assert.Equal(5.0, result);
    }

    [Fact]
    public void A_local_function_counts_in_a_captured_int()
    {
        var result = Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    int calls = 0;
                    TensorVariable Twice(TensorVariable v) { calls++; return v * 2; }
                    var y = Twice(Twice(Twice(x)));
                    return Function([x], y + calls);
                }
            }
            """, "F", 1.0);
        Assert.Equal(8.0 + 3.0, result);
    }

    [Fact]
    public void A_ref_parameter_writes_the_callers_variable()
    {
        // C#: AddTo(ref y, x) makes y = y + x.
        var result = Run("""
            public static partial class G
            {
                static void AddTo(ref TensorVariable target, TensorVariable value) => target = target + value;

                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    var y = x;
                    AddTo(ref y, x);
                    return Function([x], y);
                }
            }
            """, "F", 4.0);
        Assert.Equal(8.0, result);
    }

    [Fact]
    public void Out_parameters_and_ref_through_two_helpers()
    {
        var result = Run("""
            public static partial class G
            {
                static void Split(TensorVariable v, out TensorVariable twice, out TensorVariable square) { twice = v * 2; square = v * v; }
                static void Bump(ref int n) => n += 10;
                static void BumpTwice(ref int n) { Bump(ref n); Bump(ref n); }

                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    Split(x, out var twice, out var square);
                    int n = 1;
                    BumpTwice(ref n);
                    return Function([x], twice + square + n);
                }
            }
            """, "F", 3.0);
        Assert.Equal(6.0 + 9.0 + 21.0, result);
    }

    [Fact]
    public void An_int64_constant_above_two_to_the_53_is_exact()
    {
        const long big = (1L << 53) + 1;
        var run = GeneratorHarness.Run(Usings + """
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = LScalar("x");
                    return Function([x], x + 9007199254740993L);
                }

                [TensorFunction]
                public static FunctionGraph C() => Function([LScalar("x")], Constant(9007199254740993L, DType.Int64) - 1, onUnusedInput: OnUnusedInput.Ignore);

                [TensorFunction]
                public static FunctionGraph Folded()
                {
                    var x = LScalar("x");
                    return Function([x], x * 0 + (Constant(9007199254740993L, DType.Int64) * 3 - 2));
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        var assembly = run.Load();
        Assert.Equal(big, Invoke(assembly, "F", 0L));
        Assert.Equal(big + 5, Invoke(assembly, "F", 5L));
        Assert.Equal(big - 1, Invoke(assembly, "C", 0L));
        Assert.Equal(unchecked(big * 3 - 2), Invoke(assembly, "Folded", 7L));
    }

    [Fact]
    public void An_int_literal_too_large_for_int32_widens_to_int64()
    {
        // NumPy and PyTensor give int32 + 3_000_000_000 the dtype int64, not a wrapped int32.
        var result = Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var i = IScalar("i");
                    return Function([i], i + 3_000_000_000L);
                }
            }
            """, "F", 5);
        Assert.Equal(3_000_000_005L, result);
    }

    /// <summary>PyTensor 2.24.2's dtypes for the same expressions (Data/pytensor_literal_dtypes.py prints them).</summary>
    [Theory]
    [InlineData("FVector", "f * 0.5", "float32")]
    [InlineData("FVector", "f * 0.1", "float64")]
    [InlineData("FVector", "f * 0.1f", "float32")]
    [InlineData("FVector", "f + 1000", "float32")]
    [InlineData("FVector", "f + 32767", "float32")]
    [InlineData("FVector", "f + 40000", "float64")]
    [InlineData("FVector", "f * 1e300", "float64")]
    [InlineData("DVector", "f + 40000", "float64")]
    [InlineData("IVector", "f + 1", "int32")]
    [InlineData("IVector", "f + 2147483647", "int32")]
    [InlineData("IVector", "f + 3000000000", "int64")]
    [InlineData("IVector", "f * 1.5", "float64")]
    [InlineData("IVector", "f * 0.5f", "float64")]
    [InlineData("LVector", "f + 1.5", "float64")]
    public void Literals_take_the_dtype_PyTensor_gives_them(string input, string expression, string dtype)
    {
        var run = GeneratorHarness.Run(Usings + $$"""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var f = {{input}}("f");
                    return Function([f], {{expression}});
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        var spec = run.Specs.Single();
        Assert.Equal(dtype, spec.Graph[spec.Outputs[0].Node].DType.ToString().ToLowerInvariant());
    }

    [Fact]
    public void Negative_zero_stays_negative_zero()
    {
        var result = (double)Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    // Merging equal constants must not merge -0.0 with the 0.0 here.
                    return Function([x], x * 0.0 + 1 / Constant(-0.0));
                }
            }
            """, "F", 2.0);
        Assert.Equal(double.NegativeInfinity, result);
    }

    [Fact]
    public void Arguments_are_evaluated_in_the_order_written()
    {
        // Named arguments out of parameter order run as written: b takes n = 0 first, then a takes 1.
        var result = Run("""
            public static partial class G
            {
                static TensorVariable Difference(TensorVariable a, TensorVariable b) => a - b;

                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    int n = 0;
                    var d = Difference(b: Constant(10.0 * n++), a: Constant(10.0 * n++));
                    return Function([x], x + d);
                }
            }
            """, "F", 0.0);
        Assert.Equal(10.0, result);
    }

    [Fact]
    public void Loops_break_continue_and_array_lengths_run_as_in_CSharp()
    {
        // The same statements over doubles: acc = x; i = 1, 3 add i * acc; the while loop stops at 40.
        var result = Run("""
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    var acc = x;
                    for (int i = 0; i < 10; i++)
                    {
                        if (i % 2 == 0) continue;
                        if (i > 4) break;
                        acc = acc + i * acc;
                    }
                    int n = 1;
                    while (true) { n *= 3; if (n > 40) break; }
                    do { n--; } while (n > 75);
                    TensorVariable[] parts = [acc, x, x * 2];
                    foreach (var p in parts) acc = acc + p;
                    var (first, second) = (parts.Length, n);
                    (first, second) = (second, first);
                    return Function([x], acc + first * 1000 + second);
                }
            }
            """, "F", 1.0);
        double acc = 1.0;
        for (int i = 0; i < 10; i++)
        {
            if (i % 2 == 0) continue;
            if (i > 4) break;
            acc = acc + i * acc;
        }
        int n = 1;
        while (true) { n *= 3; if (n > 40) break; }
        do { n--; } while (n > 75);
        double[] parts = [acc, 1.0, 2.0];
        foreach (var p in parts) acc += p;
        Assert.Equal(acc + n * 1000 + 3, result);
    }

    [Fact]
    public void String_names_are_built_culture_invariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        var odd = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NegativeSign = "\u2212";
        System.Globalization.CultureInfo.CurrentCulture = odd;
        try
        {
            var run = GeneratorHarness.Run(Usings + """
                public static partial class G
                {
                    [TensorFunction]
                    public static FunctionGraph F()
                    {
                        double scale = 1.5;
                        int minus = -2;
                        var x = DScalar($"x_{minus}_" + scale + "_" + (scale > 1) + "_" + 'c' + $"|{3,3}|{1.5:F2}|{255:X}|{-7,-4}|");
                        return Function([In(x, name: "x")], x * 2);
                    }
                }
                """);
            Assert.Empty(run.Diagnostics);
            Assert.Contains("x_-2_1.5_True_c|  3|1.50|FF|-7  |", run.Files.Values.Single());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
