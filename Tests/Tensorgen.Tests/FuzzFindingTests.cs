extern alias generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using GraphBuilder = generator::Tensorgen.Generator.Graph.GraphBuilder;
using GDType = generator::Tensorgen.DType;
using GOpCode = generator::Tensorgen.OpCode;
using LocalRewrite = generator::Tensorgen.Generator.Rewrite.LocalRewrite;
using Node = generator::Tensorgen.Generator.Graph.Node;
using RewriteResult = generator::Tensorgen.Generator.Rewrite.RewriteResult;
using Rewriter = generator::Tensorgen.Generator.Rewrite.Rewriter;

namespace Tensorgen.Tests;

/// <summary>
/// Regression tests for defects the graph fuzz (<see cref="GraphFuzzTests"/>) found, each reduced to
/// the smallest graph or call that showed it.
/// </summary>
public sealed class FuzzFindingTests
{
    /// <summary>Compiles <paramref name="body"/> as graph F and returns what <paramref name="call"/> (C# over FFunction) gives.</summary>
    private static object Run(string body, string call, params object[] arguments) => RunWith("", body, call, arguments);

    /// <summary><see cref="Run"/>, with <paramref name="members"/> (shared variables) declared in the class.</summary>
    private static object RunWith(string members, string body, string call, params object[] arguments)
    {
        var source = $$"""
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class G
            {
                {{members}}

                [TensorFunction]
                public static FunctionGraph F()
                {
                    {{body}}
                }

                public static object Call(object[] a) => {{call}};
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Diagnostics);
        return run.Load().GetType("G", throwOnError: true)!.GetMethod("Call")!.Invoke(null, [arguments])!;
    }

    /// <summary>Switch(c, 1.0, 2.5): every value a literal. The generator failed with TG9999 (no tensor to take a dtype from).</summary>
    [Fact]
    public void Switch_between_two_literals_takes_their_dtype()
    {
        var result = (Tensor<double>)Run("var x = DVector(\"x\"); return Function([x], Switch(x > 0, 1.0, 2.5));",
            "new FFunction().Invoke((double[])a[0])", new double[] { -1, 0, 3 });
        Assert.Equal([2.5, 2.5, 1.0], result.ToArray());
        var ints = (Tensor<long>)Run("var x = DVector(\"x\"); return Function([x], Switch(x > 0, 1, 2));",
            "new FFunction().Invoke((double[])a[0])", new double[] { -1, 5 });
        Assert.Equal([2L, 1L], ints.ToArray());
    }

    /// <summary>A zero remainder has the divisor's sign, as NumPy's (npy_divmod): -0.0 % 0.5 and -1.0 % 0.5 were -0.0, so 1 // (x % 0.5) gave -∞.</summary>
    [Fact]
    public void A_zero_remainder_takes_the_divisor_sign()
    {
        Assert.True(double.IsPositive(ScalarOps.Mod(-0.0, 0.5)));
        Assert.True(double.IsPositive(ScalarOps.Mod(-1.0, 0.5)));
        Assert.True(double.IsNegative(ScalarOps.Mod(1.0, -0.5)));
        Assert.True(float.IsPositive(ScalarOps.Mod(-0.0f, 0.5f)));
        Assert.Equal(0.25, ScalarOps.Mod(-0.75, 0.5));
        Assert.Equal(-0.25, ScalarOps.Mod(0.75, -0.5));
        Assert.True(double.IsNaN(ScalarOps.Mod(1.0, 0.0)));
    }

    /// <summary>log1p(∞) is ∞ (NumPy's); the scalar and vector forms gave NaN (∞·∞/∞).</summary>
    [Fact]
    public void Log1p_of_infinity_is_infinity()
    {
        Assert.Equal(double.PositiveInfinity, ScalarOps.Log1p(double.PositiveInfinity));
        Assert.Equal(float.PositiveInfinity, ScalarOps.Log1p(float.PositiveInfinity));
        Assert.Equal(-1e-20, ScalarOps.Log1p(-1e-20));
        var v = VectorMath.Log1p(new Vector<double>(double.PositiveInfinity));
        Assert.All(Enumerable.Range(0, Vector<double>.Count), i => Assert.Equal(double.PositiveInfinity, v[i]));
        var w = VectorMath.Log1p(new Vector<float>(float.PositiveInfinity));
        Assert.All(Enumerable.Range(0, Vector<float>.Count), i => Assert.Equal(float.PositiveInfinity, w[i]));
        Assert.Equal(double.NegativeInfinity, VectorMath.Log1p(new Vector<double>(-1))[0]);
        Assert.Equal(double.PositiveInfinity, VectorMath.Softplus(new Vector<double>(double.PositiveInfinity))[0]);
    }

    /// <summary>
    /// Constant folding computes what the loops compute: it calls the same <c>ScalarOps</c>. It had copies
    /// of its own that missed the fixes above: log1p(∞) folded to NaN and -0.0 % 0.5 to -0.0 (so 1 / it was -∞).
    /// </summary>
    [Fact]
    public void Folded_constants_are_what_the_loops_compute()
    {
        var result = (ValueTuple<double, double, double>)Run("""
            var x = DScalar("x");
            var inf = Constant(double.PositiveInfinity, DType.Float64);
            var negativeZero = Constant(-0.0, DType.Float64);
            return Function([x], [x + Log1p(inf), x + 1 / (negativeZero % 0.5), x + Softplus(Constant(800.0, DType.Float64))]);
            """, "new FFunction().Invoke((double)a[0])", 0.0);
        Assert.Equal(double.PositiveInfinity, result.Item1);
        Assert.Equal(double.PositiveInfinity, result.Item2);
        Assert.Equal(800.0, result.Item3);
    }

    /// <summary>
    /// The gradient of a sum with respect to a Min over an empty axis needs only the Min's shape, which PyTensor
    /// takes from the input's (Shape_i), so its compiled function returns ones and raises nothing (checked with
    /// PyTensor 2.24.2 for a static and a dynamic first axis). The reference evaluator raised (graph fuzz seed
    /// 1000340843, graph 4192), and with a dynamic axis so did the compiled function: its check of empty axes
    /// covered every max and min, not only those whose values are read.
    /// </summary>
    [Theory]
    [InlineData("[1, null, null]")]
    [InlineData("[null, null, null]")]
    public void A_gradient_needing_only_the_shape_of_an_empty_min_raises_nothing(string shape)
    {
        var result = (Tensor<double>)Run($$"""
            var x = Tensor("x", DType.Float64, {{shape}});
            var m = Min(x, [1, 2]);
            return Function([x], Grad(Sum(m), m));
            """, "new FFunction().Invoke((double[,,])a[0])", new double[1, 0, 3]);
        Assert.Equal(1, result.Lengths.Length);
        Assert.Equal(1, (int)result.Lengths[0]);
        Assert.Equal([1.0], result.ToArray());
    }

    /// <summary>
    /// The same through a broadcast (min(x1) + x2 has x2's shape) and through a mean (its count is a size of
    /// the max): PyTensor 2.24.2 gives ones (3, 1) and [0.25, 0.25, 0.25, 0.25] and raises nothing. The compiled
    /// function raised (graph fuzz seeds 1858706062 graph 1306, 737944138 graph 959).
    /// </summary>
    [Fact]
    public void Gradients_needing_only_sizes_of_empty_extremes_raise_nothing()
    {
        var broadcast = (Tensor<double>)Run("""
            var x1 = FVector("x1");
            var x2 = DCol("x2");
            var v = Min(x1) + x2;
            return Function([x1, x2], Grad(v.Sum(), v));
            """, "new FFunction().Invoke((float[])a[0], (double[,])a[1])", new float[0], new double[,] { { 5 }, { 6 }, { 7 } });
        Assert.Equal([3, 1], result(broadcast.Lengths));
        Assert.Equal([1.0, 1.0, 1.0], broadcast.ToArray());
        var mean = (Tensor<double>)Run("""
            var x = DMatrix("x");
            var m = Max(x, 0);
            return Function([x], Grad(m.Mean(), m));
            """, "new FFunction().Invoke((double[,])a[0])", new double[0, 4]);
        Assert.Equal([0.25, 0.25, 0.25, 0.25], mean.ToArray());

        static int[] result(ReadOnlySpan<nint> lengths) => lengths.ToArray().Select(l => (int)l).ToArray();
    }

    /// <summary>
    /// A constant that is a variable of its own (a constant gradient, <c>Constant(...)</c>) upcast to meet a
    /// float64 tensor is cast by a node: it was replaced by a new float64 constant, so a Grad with respect to it
    /// found the cost disconnected (TG0302; graph fuzz seed 1280707206, graph 1679). d(sum(x + g + g + g))/dg is
    /// 3 per element of x.
    /// </summary>
    [Fact]
    public void A_gradient_reaches_a_constant_variable_through_an_upcast()
    {
        var result = Run("""
            var s = FScalar("s");
            var x = DVector("x");
            var g = Grad(s, s);
            TensorVariable v = x;
            for (int i = 0; i < 3; i++) v = v + g;
            return Function([s, x], Grad(Sum(v), g));
            """, "new FFunction().Invoke((float)a[0], (double[])a[1])", 2.0f, new double[] { 1, 2 });
        Assert.Equal(6.0f, result);
    }

    /// <summary>
    /// A computed 0-d value given size-1 dimensions as an output (the gradient with respect to a static (1,)
    /// value): the emitted code copied the scalar local as if it were an array and did not compile (graph fuzz
    /// seed 1013884128, graph 2362). d(tanh(sum(sqrt(x))) * y)/d(sqrt(x)) = y (1 - tanh²(sqrt(3))) at x = [3], y = 2.
    /// </summary>
    [Fact]
    public void A_scalar_given_size_1_dimensions_is_an_output()
    {
        var result = (Tensor<double>)Run("""
            var x = Tensor("x", DType.Float64, [1]);
            var y = DScalar("y");
            var r = Sqrt(x);
            return Function([x, y], Grad(Tanh(Sum(r)) * y, r));
            """, "new FFunction().Invoke((double[])a[0], (double)a[1])", new double[] { 3 }, 2.0);
        double t = Math.Tanh(Math.Sqrt(3));
        Assert.Equal(1, (int)result.Lengths[0]);
        Assert.Equal(2 * (1 - t * t), result.ToArray()[0], 14);
    }

    /// <summary>
    /// Max and Min of bools: NumPy's max is any (logical or) and min is all (logical and), and the dtype stays
    /// bool. The emitted code did not compile (<c>bool.MinValue</c>, <c>Math.Max(bool, bool)</c>).
    /// </summary>
    [Fact]
    public void Max_and_min_of_bools_are_any_and_all()
    {
        var (max, min, maxRows, minRows, maxColumns, minColumns) = ((bool, bool, Tensor<bool>, Tensor<bool>, Tensor<bool>, Tensor<bool>))Run(
            "var x = DMatrix(\"x\"); var b = x > 0; return Function([x], [Max(b), Min(b), Max(b, 1), b.Min(1), Max(b, [0]), Min(b, 0, keepdims: true)]);",
            "new FFunction().Invoke((double[,])a[0])", new double[,] { { 1, -1, 2 }, { 3, -2, -4 } });
        // numpy: b = x > 0; b.max(), b.min(), b.max(1), b.min(1), b.max(0), b.min(0, keepdims=True)
        Assert.True(max);
        Assert.False(min);
        Assert.Equal([true, true], maxRows.ToArray());
        Assert.Equal([false, false], minRows.ToArray());
        Assert.Equal([true, false, true], maxColumns.ToArray());
        Assert.Equal([true, false, false], minColumns.ToArray());
        Assert.Equal([1, 3], minColumns.Lengths.ToArray());

        // A bool input read directly, and a bool result used by later work.
        var (anyTrue, allTrue, picked) = ((bool, bool, Tensor<double>))Run(
            "var c = Vector(\"c\", DType.Bool); var x = DVector(\"x\"); return Function([c, x], [Max(c), Min(c), Switch(Min(c), x, -x)]);",
            "new FFunction().Invoke((bool[])a[0], (double[])a[1])", new[] { true, false, true }, new double[] { 1, 2 });
        Assert.True(anyTrue);
        Assert.False(allTrue);
        Assert.Equal([-1.0, -2.0], picked.ToArray());
    }

    /// <summary>Max and Min of bools over an empty axis raise, as NumPy's do (no identity), before anything is computed.</summary>
    [Fact]
    public void Max_and_min_of_bools_over_an_empty_axis_raise()
    {
        const string body = "var x = DVector(\"x\"); return Function([x], [Max(x > 0), Min(x > 0)]);";
        var (max, min) = ((bool, bool))Run(body, "new FFunction().Invoke((double[])a[0])", new double[] { -1, 2 });
        Assert.True(max);
        Assert.False(min);
        var failure = Assert.Throws<TargetInvocationException>(() => Run(body, "new FFunction().Invoke((double[])a[0])", new double[0]));
        var error = Assert.IsType<TensorShapeException>(failure.InnerException);
        Assert.Contains("zero-size array to reduction operation maximum", error.Message);
    }

    /// <summary>
    /// Bools are not differentiable: a gradient of a bool cost or with respect to a bool is a build error. (With
    /// respect to x through a max of bools, the cost depends on x with a zero gradient: zeros, as PyTensor's.)
    /// </summary>
    [Theory]
    [InlineData("Grad(Max(b), x)", "TG0303")]
    [InlineData("Grad(Cast(Max(b), DType.Float64), b)", "TG0303")]
    public void Gradients_through_max_of_bools_are_build_errors(string gradient, string id)
    {
        var source = $$"""
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DVector("x");
                    var b = x > 0;
                    return Function([x], {{gradient}});
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Equal([id], run.Diagnostics.Select(d => d.Id).Distinct());
    }

    /// <summary>
    /// A cost that depends on x only through ops whose gradient is zero (sign, int_div, a comparison, a max of
    /// comparisons, zero_grad) has a gradient of zeros, as PyTensor 2.24.2 gives ([0, 0] for each); it was TG0302
    /// ("the cost does not depend on x"), which the README's own rule contradicts.
    /// </summary>
    [Theory]
    [InlineData("Sign(x).Sum()")]
    [InlineData("IntDiv(x, y).Sum()")]
    [InlineData("Cast(x > 0, DType.Float64).Sum()")]
    [InlineData("Cast(Max(x > 0), DType.Float64)")]
    [InlineData("ZeroGrad(x).Sum()")]
    public void Zero_gradients_are_zeros_not_disconnected(string cost)
    {
        var result = (Tensor<double>)Run($$"""
            var x = DVector("x");
            var y = DVector("y");
            return Function([x, y], Grad({{cost}}, x), onUnusedInput: OnUnusedInput.Ignore);
            """, "new FFunction().Invoke((double[])a[0], (double[])a[1])", new double[] { 1.5, -2.0 }, new double[] { 2.0, 3.0 });
        Assert.Equal([0.0, 0.0], result.ToArray());
    }

    /// <summary>
    /// Ordering comparisons of bools: NumPy orders False &lt; True. The scalar code did not compile
    /// (<c>bool &lt; bool</c>), and the vector loop compared masks as signed integers (true is -1 there).
    /// Ten elements: a vector loop over the first eight and a scalar tail, whatever the vector width.
    /// </summary>
    [Fact]
    public void Bools_are_ordered_false_before_true()
    {
        var r = ((Tensor<bool>, Tensor<bool>, Tensor<bool>, Tensor<bool>, Tensor<bool>, Tensor<bool>, Tensor<bool>, Tensor<bool>))Run(
            "var x = DVector(\"x\"); var y = DVector(\"y\"); var b = x > 0; var c = y > 0; " +
            "return Function([x, y], [b < c, b <= c, b > c, b >= c, b < true, false < b, b <= false, Ge(true, b)]);",
            "new FFunction().Invoke((double[])a[0], (double[])a[1])",
            new double[] { 1, -1, 1, -1, 1, -1, 1, -1, 2, -2 }, new double[] { 1, 1, -1, -1, -1, 1, 1, -1, -2, 2 });
        // numpy: b = x > 0; c = y > 0; b < c, b <= c, b > c, b >= c, b < True, False < b, b <= False, True >= b
        Assert.Equal([false, true, false, false, false, true, false, false, false, true], r.Item1.ToArray());
        Assert.Equal([true, true, false, true, false, true, true, true, false, true], r.Item2.ToArray());
        Assert.Equal([false, false, true, false, true, false, false, false, true, false], r.Item3.ToArray());
        Assert.Equal([true, false, true, true, true, false, true, true, true, false], r.Item4.ToArray());
        Assert.Equal([false, true, false, true, false, true, false, true, false, true], r.Item5.ToArray());
        Assert.Equal([true, false, true, false, true, false, true, false, true, false], r.Item6.ToArray());
        Assert.Equal([false, true, false, true, false, true, false, true, false, true], r.Item7.ToArray());
        Assert.Equal([true, true, true, true, true, true, true, true, true, true], r.Item8.ToArray());
    }

    /// <summary>The same for 0-d bools (computed inside Invoke) and for bool constants folded at build time.</summary>
    [Fact]
    public void Scalar_and_constant_bools_are_ordered_false_before_true()
    {
        var results = (object[])Run(
            "var p = Scalar(\"p\", DType.Bool); var q = Scalar(\"q\", DType.Bool); return Function([p, q], [p < q, p <= q, p > q, p >= q]);",
            "new object[] { new FFunction().Invoke(false, false), new FFunction().Invoke(false, true), new FFunction().Invoke(true, false), new FFunction().Invoke(true, true) }");
        // numpy: np.bool_(p) < np.bool_(q) ... for (p, q) in (F, F), (F, T), (T, F), (T, T)
        Assert.Equal((false, true, false, true), ((bool, bool, bool, bool))results[0]);
        Assert.Equal((true, true, false, false), ((bool, bool, bool, bool))results[1]);
        Assert.Equal((false, false, true, true), ((bool, bool, bool, bool))results[2]);
        Assert.Equal((false, true, false, true), ((bool, bool, bool, bool))results[3]);

        // Grad(s, s) is the constant 1, so each comparison folds to a constant at build time.
        var folded = ((bool, bool, bool, bool))Run(
            "var s = DScalar(\"s\"); var one = Grad(s, s); var t = one > 0; var f = one > 2; return Function([s], [t < f, f < t, t <= f, f >= t]);",
            "new FFunction().Invoke(0.0)");
        Assert.Equal((false, true, false, false), folded);
    }

    /// <summary>
    /// Values that fold to a constant of a static shape of ones keep that shape: the gradient of a mean over
    /// a static (1,) input is [1.0]. Such an output failed with TG9999 (a constant has no buffer to copy), and
    /// work on it (g * 2, casts, comparisons) folded to a 0-d constant, so Invoke returned scalars.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Constants_of_static_shape_keep_their_shape(bool borrow)
    {
        var (g, twice, cast, positive, sum, max) = ((Tensor<double>, Tensor<double>, Tensor<int>, Tensor<bool>, double, double))Run(
            "var x = Tensor(\"x\", DType.Float64, [1]); var g = Grad(x.Mean(), x); " +
            "return Function([x], [g, g * 2, Cast(g, DType.Int32), g > 0, g.Sum(), g.Max()]);",
            $"new FFunction {{ BorrowOutputs = {(borrow ? "true" : "false")} }}.Invoke((double[])a[0])", new double[] { 5 });
        // pytensor: g = grad(x.mean(), x); [g, g * 2, cast(g, 'int32'), g > 0, g.sum(), g.max()] at x = [5.0]
        Assert.Equal([1.0], g.ToArray());
        Assert.Equal([1], g.Lengths.ToArray());
        Assert.Equal([2.0], twice.ToArray());
        Assert.Equal([1], twice.Lengths.ToArray());
        Assert.Equal([1], cast.ToArray());
        Assert.Equal([true], positive.ToArray());
        Assert.Equal(1.0, sum);
        Assert.Equal(1.0, max);

        // Rank 2 (float32), transposed, in products, twice the same output, and zeros for a disconnected input.
        var (h, transposed, square, again, zeros) = ((Tensor<float>, Tensor<float>, Tensor<float>, Tensor<float>, Tensor<float>))Run(
            "var x = Tensor(\"x\", DType.Float32, [1, 1]); var y = Tensor(\"y\", DType.Float32, [1, 1]); " +
            "var (h, z) = Grad(x.Sum(), [x, y], disconnectedInputs: DisconnectedInputs.Ignore); return Function([x, y], [h, h.T, Dot(h, h), h, z]);",
            $"new FFunction {{ BorrowOutputs = {(borrow ? "true" : "false")} }}.Invoke((float[,])a[0], (float[,])a[1])", new float[,] { { 5 } }, new float[,] { { 7 } });
        foreach (var t in new[] { h, transposed, square, again })
        {
            Assert.Equal([1f], t.ToArray());
            Assert.Equal([1, 1], t.Lengths.ToArray());
        }
        Assert.Equal([0f], zeros.ToArray());
        var product = (Tensor<double>)Run(
            "var x = Tensor(\"x\", DType.Float64, [1]); var m = DMatrix(\"m\"); return Function([x, m], Dot(Grad(x.Mean(), x), m));",
            "new FFunction().Invoke((double[])a[0], (double[,])a[1])", new double[] { 5 }, new double[,] { { 1, 2, 3 } });
        Assert.Equal([1.0, 2.0, 3.0], product.ToArray());

        // 0-d: the constant itself.
        Assert.Equal(3.0, (double)Run("var s = DScalar(\"s\"); return Function([s], Grad(s * 3, s));", "new FFunction().Invoke(2.0)"));
    }

    /// <summary>A rewrite that would give a value another type (a 0-d constant for a (1,) vector, as constant folding did) is an internal error.</summary>
    [Fact]
    public void A_rewrite_that_changes_a_type_is_an_internal_error()
    {
        var graph = new GraphBuilder();
        int x = graph.Input("x", GDType.Float64, [1], 0);
        int zero = graph.Constant(0.0, GDType.Float64);
        var product = Node.Apply(GOpCode.Mul, GDType.Float64, graph[x].Shape, x, zero);
        var fired = new Dictionary<string, int>();
        LocalRewrite toScalar = (g, node, add) => new RewriteResult("to_scalar", zero, null);
        var error = Assert.Throws<InvalidOperationException>(() => Rewriter.Simplify(graph, product, fired, [toScalar]));
        Assert.Contains("to_scalar replaced a value of type float64(1) by one of type float64()", error.Message);
        LocalRewrite toInput = (g, node, add) => new RewriteResult("to_input", x, null);
        Assert.Equal(x, Rewriter.Simplify(graph, product, fired, [toInput]));
    }

    /// <summary>An update to a constant of static shape (the gradient of a mean over a static (1,) input) writes it.</summary>
    [Fact]
    public void A_constant_of_static_shape_is_an_update()
    {
        var (output, stored) = ((Tensor<double>, double[]))RunWith(
            "public static readonly Shared<double> W = Shared(new double[] { 5 }, name: \"W\", shape: [1]);",
            "var x = Tensor(\"x\", DType.Float64, [1]); var g = Grad(x.Mean(), x); return Function([x], g * 3, updates: [(W, g)]);",
            "(new FFunction().Invoke((double[])a[0]), W.Data.ToArray())", new double[] { 2 });
        Assert.Equal([3.0], output.ToArray());
        Assert.Equal([1.0], stored);
    }

    /// <summary>
    /// A gradient that is a constant (Grad(x, x) is 1) is a variable of its own, as in PyTensor: Grad with
    /// respect to it differentiated through every equal literal of the graph (the constant node they share),
    /// so Grad(g * x + (x + 1.0), g) gave 1 rather than x, or folded it away and found the cost disconnected (TG0302).
    /// </summary>
    [Fact]
    public void A_constant_gradient_is_a_variable_of_its_own()
    {
        // pytensor: g = grad(x, x); grad(g * x + (x + 1.0), g), grad(exp(g) * x + (x + 1.0), g) at x = 3
        var (g, linear, exponential) = ((double, double, double))Run(
            "var x = DScalar(\"x\"); var g = Grad(x, x); return Function([x], [g, Grad(g * x + (x + 1.0), g), Grad(Exp(g) * x + (x + 1.0), g)]);",
            "new FFunction().Invoke(3.0)");
        Assert.Equal(1.0, g);
        Assert.Equal(3.0, linear);
        Assert.Equal(3 * Math.E, exponential, 1e-12);

        // The fuzz's graph: d/dg (g^g * 1.5) at g = 1 is 1.5 (pytensor, float32).
        var power = (float)Run(
            "var x = FScalar(\"x\"); var g = Grad(x, x); TensorVariable v = Pow(g, g); foreach (var c in new[] { 0.5, 1.5, 2.0 }) v = v * c; return Function([x], Grad(Sum(v), g));",
            "new FFunction().Invoke(3f)");
        Assert.Equal(1.5f, power);

        // A static (1,) shape: the gradient of a mean is [1.0], and the gradient with respect to it is v.
        var (h, hv) = ((Tensor<double>, Tensor<double>))Run(
            "var v = Tensor(\"v\", DType.Float64, [1]); var h = Grad(v.Mean(), v); return Function([v], [h, Grad((h * v + (v + 1.0)).Sum(), h)]);",
            "new FFunction().Invoke((double[])a[0])", new double[] { 3 });
        Assert.Equal([1.0], h.ToArray());
        Assert.Equal([3.0], hv.ToArray());

        // Grad with respect to a Constant(...): constant folding before differentiating folded it away (TG0302).
        // pytensor: c = pt.constant(2.0); grad(c * c, c), grad(c * 2 * x, c) at x = 3
        var (square, scaled) = ((double, double))Run(
            "var x = DScalar(\"x\"); var c = Constant(2.0); return Function([x], [Grad(c * c, c), Grad(c * 2 * x, c)]);",
            "new FFunction().Invoke(3.0)");
        Assert.Equal(4.0, square);
        Assert.Equal(6.0, scaled);
    }
}
