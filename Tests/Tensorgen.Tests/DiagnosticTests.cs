using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// Each TG diagnostic, at the exact span marked <c>[|...|]</c> in the source. The generator never
/// throws: every run here must end with diagnostics, not with an exception (the harness would see it
/// as a CS8785 "generator failed" warning, which these tests also rule out).
/// </summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System;\nusing Tensorgen;\nusing static Tensorgen.Pt;\n";

    /// <summary>Wraps a graph body in a valid [TensorFunction] method.</summary>
    private static string Body(string body) => Usings + $$"""
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    private static void Expect(string markup, params string[] ids)
    {
        var (source, spans) = Markup.Parse(markup);
        var run = GeneratorHarness.Run(source);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        var actual = run.Diagnostics.Where(d => d.Id.StartsWith("TG")).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.True(ids.Length == actual.Count, "expected " + string.Join(", ", ids) + " but got:\n" + string.Join("\n", actual));
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], actual[i].Id);
            Assert.Equal(DiagnosticSeverity.Error, actual[i].Severity);
            Assert.True(spans[i] == actual[i].Location.SourceSpan,
                $"{ids[i]} expected at '{source.Substring(spans[i].Start, spans[i].Length)}' but is at '{source.Substring(actual[i].Location.SourceSpan.Start, actual[i].Location.SourceSpan.Length)}': {actual[i].GetMessage()}");
            Assert.Contains("'F'", actual[i].GetMessage());
        }
    }

    [Fact]
    public void TG0001_type_not_partial() => Expect(Usings + """
        public static class G
        {
            [TensorFunction]
            public static FunctionGraph [|F|]() => Function([DScalar("x")], DScalar("y"));
        }
        """, "TG0001");

    [Fact]
    public void TG0002_wrong_return_type() => Expect(Usings + """
        public static partial class G
        {
            [TensorFunction]
            public static [|int|] F() => 0;
        }
        """, "TG0002");

    [Fact]
    public void TG0003_no_body() => Expect(Usings + """
        public static partial class G
        {
            [TensorFunction]
            public static partial FunctionGraph [|F|]();
        }
        """, "TG0003");

    [Fact]
    public void TG0004_generic_method() => Expect(Usings + """
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F[|<T>|]() => Function([], 1.0);
        }
        """, "TG0004");

    [Fact]
    public void TG0005_parameters() => Expect(Usings + """
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F([|int n|]) => Function([], 1.0);
        }
        """, "TG0005");

    [Fact]
    public void TG0006_instance_method_of_a_struct() => Expect(Usings + """
        public partial struct G
        {
            [TensorFunction]
            public FunctionGraph [|F|]() => Function([], 1.0);
        }
        """, "TG0006");

    [Fact]
    public void TG0101_try_statement() => Expect(Body("""
                var x = DScalar("x");
                [|try { x = x + 1; } finally { }|]
                return Function([x], x);
        """), "TG0101");

    [Fact]
    public void TG0102_call_outside_the_graph_language() => Expect(Body("""
                var x = DScalar("x");
                [|Console.WriteLine("hello")|];
                return Function([x], x * 2);
        """), "TG0102");

    [Fact]
    public void TG0103_async_lambda() => Expect(Body("""
                var x = DScalar("x");
                Func<System.Threading.Tasks.Task<int>> f = [|async () => 1|];
                return Function([x], x * 2);
        """), "TG0103");

    [Fact]
    public void TG0501_scan_fn_takes_other_parameters_than_scan_passes() => Expect(Body("""
                var x = DVector("x");
                var (r, _) = Scan([|(a, b) => a + b|], sequences: [x]);
                return Function([x], r);
        """), "TG0501");

    [Fact]
    public void TG0501_scan_state_of_another_dtype() => Expect(Body("""
                var x = DVector("x");
                var (r, _) = Scan((v, total) => total + v, sequences: [x], outputsInfo: [|[Constant(0, DType.Int32)]|]);
                return Function([x], r);
        """), "TG0501");

    [Fact]
    public void TG0501_scan_over_a_scalar() => Expect(Body("""
                var s = DScalar("s");
                var (r, _) = Scan(v => v * 2, sequences: [|[s]|]);
                return Function([s], r);
        """), "TG0501");

    [Fact]
    public void TG0501_scan_without_steps() => Expect(Body("""
                var x = DVector("x");
                var (r, _) = Scan([|() => x * 2|]);
                return Function([x], r);
        """), "TG0501");

    [Fact]
    public void TG0501_scan_results_and_outputs_info_differ_in_number() => Expect(Body("""
                var x = DVector("x");
                var (r, _) = Scan((v, total) => [total + v, v], sequences: [x], outputsInfo: [|[Constant(0.0)]|]);
                return Function([x], r[0]);
        """), "TG0501");

    [Fact]
    public void TG0501_taps_reaching_further_back_than_the_initial_values_hold() => Expect(Body("""
                var x = DVector("x0");
                var x0 = SpecifyShape(x, [2]);
                var (r, _) = Scan((a, b) => a + b, outputsInfo: [|[Taps(x0, -3, -1)]|], nSteps: 4);
                return Function([x], r);
        """), "TG0501");

    [Fact]
    public void TG0501_taps_of_a_result_that_are_not_negative() => Expect(Body("""
                var x0 = DVector("x0");
                var (r, _) = Scan((a, b) => a + b, outputsInfo: [|[Taps(x0, -1, 0)]|], nSteps: 4);
                return Function([x0], r);
        """), "TG0501");

    [Fact]
    public void TG0501_taps_repeated() => Expect(Body("""
                var x = DVector("x");
                var (r, _) = Scan((a, b) => a + b, sequences: [[|Taps(x, 1, 1)|]]);
                return Function([x], r);
        """), "TG0501");

    [Fact]
    public void TG0501_scan_updating_a_variable_that_is_not_shared() => Expect(Body("""
                var x = DVector("x");
                var n = IScalar("n");
                var (_, updates) = Scan([|() => [(x, x + 1)]|], nSteps: n);
                return Function([x, n], x, updates: updates);
        """), "TG0501");

    [Fact]
    public void TG0222_gradient_through_the_stacked_results_of_a_scan_that_stops_early() => Expect(Body("""
                var m = DScalar("m");
                var (powers, _) = Scan((p, limit) => [p * limit, Until(p > 100)], outputsInfo: [Constant(1.0)], nonSequences: [m], nSteps: 50);
                return Function([m], [|Grad(powers[0].Sum(), m)|]);
        """), "TG0222");

    [Fact]
    public void TG0222_gradient_through_a_scan_that_stops_early() => Expect(Body("""
                var m = DScalar("m");
                var (powers, _) = Scan((p, limit) => [p * limit, Until(p > 100)], outputsInfo: [Constant(1.0)], nonSequences: [m], nSteps: 50);
                return Function([m], [|Grad(powers[0][-1], m)|]);
        """), "TG0222");

    [Fact]
    public void TG0501_until_not_last() => Expect(Body("""
                var m = DScalar("m");
                var (powers, _) = Scan([|p => [Until(p > 1), p * 2]|], outputsInfo: [Constant(1.0)], nSteps: 4);
                return Function([m], powers[0] + m);
        """), "TG0501");

    [Fact]
    public void TG0502_scan_body_running_a_scan() => Expect(Body("""
                var x = DMatrix("x");
                var (r, _) = Scan([|v =>
                {
                    var (inner, _) = Scan((e, s) => s + e, sequences: [v], outputsInfo: [Constant(0.0)]);
                    return inner;
                }|], sequences: [x]);
                return Function([x], r);
        """), "TG0502");

    [Fact]
    public void TG0502_scan_body_drawing_with_parameters_from_the_step() => Expect(Usings + """
        public static partial class G
        {
            public static readonly RandomStream Stream = new(seed: 1);

            [TensorFunction]
            public static FunctionGraph F()
            {
                var (walk, updates) = Scan([|p => Stream.Normal(p, 1.0)|], outputsInfo: [Constant(0.0)], nSteps: 5);
                return Function([], walk, updates: updates);
            }
        }
        """, "TG0502");

    [Fact]
    public void TG0502_scan_that_stops_early_drawing() => Expect(Usings + """
        public static partial class G
        {
            public static readonly RandomStream Stream = new(seed: 1);

            [TensorFunction]
            public static FunctionGraph F()
            {
                var (walk, updates) = Scan([|p => [p + Stream.Normal(0, 1.0), Until(p > 3)]|], outputsInfo: [Constant(0.0)], nSteps: 50);
                return Function([], walk[0], updates: updates);
            }
        }
        """, "TG0502");

    [Fact]
    public void TG0104_tensor_condition() => Expect(Body("""
                var x = DScalar("x");
                if ([|x > 0|]) x = x + 1;
                return Function([x], x * 2);
        """), "TG0104");

    [Fact]
    public void TG0104_tensor_as_default_value() => Expect(Body("""
                var (x, y) = DScalars("x", "y");
                return Function([x, In(y, value: [|x|])], x + y);
        """), "TG0104");

    [Fact]
    public void TG0103_property_outside_the_graph_language() => Expect(Body("""
                var name = [|Environment.MachineName|];
                var x = DScalar(name);
                return Function([x], x * 2);
        """), "TG0103");

    [Fact]
    public void TG0105_unbounded_recursion() => Expect(Usings + """
        public static partial class G
        {
            static TensorVariable Twice(TensorVariable x) => [|Twice(x * 2)|];

            [TensorFunction]
            public static FunctionGraph F()
            {
                var x = DScalar("x");
                return Function([x], Twice(x));
            }
        }
        """, "TG0105");

    [Fact]
    public void TG0107_long_min_value_divided_by_minus_one() => Expect(Body("""
                long n = long.MinValue;
                long d = -1;
                long q = [|n / d|];
                var x = LScalar("x");
                return Function([x], x + q);
        """), "TG0107");

    [Fact]
    public void TG0107_checked_overflow_and_division_by_zero() => Expect(Body("""
                int big = int.MaxValue;
                int zero = 0;
                int a = checked([|big + 1|]);
                int b = [|big % zero|];
                var x = IScalar("x");
                return Function([x], x + a + b);
        """), "TG0107", "TG0107");

    [Fact]
    public void TG0107_unspecified_float_to_int_conversion() => Expect(Body("""
                double huge = 3e9;
                int n = [|(int)huge|];
                var x = IScalar("x");
                return Function([x], x + n);
        """), "TG0107");

    [Fact]
    public void TG0107_index_outside_a_list() => Expect(Body("""
                var x = DScalar("x");
                TensorVariable[] items = [x, x * 2];
                int k = 2;
                return Function([x], [|items[k]|]);
        """), "TG0107");

    [Fact]
    public void TG0108_write_to_a_field() => Expect(Usings + """
        public static partial class G
        {
            static int calls;

            [TensorFunction]
            public static FunctionGraph F()
            {
                [|calls|] = 1;
                var x = DScalar("x");
                return Function([x], x);
            }
        }
        """, "TG0108");

    [Fact]
    public void TG0108_write_to_an_array_element() => Expect(Body("""
                var x = DScalar("x");
                TensorVariable[] items = [x, x];
                [|items[0]|] = x * 3;
                return Function([x], items[0]);
        """), "TG0108");

    [Fact]
    public void TG0108_ref_to_an_array_element() => Expect(Usings + """
        public static partial class G
        {
            static void Double(ref TensorVariable v) => v = v * 2;

            [TensorFunction]
            public static FunctionGraph F()
            {
                var x = DScalar("x");
                TensorVariable[] items = [x];
                Double(ref [|items[0]|]);
                return Function([x], x);
            }
        }
        """, "TG0108");

    [Fact]
    public void TG0108_ref_local() => Expect(Body("""
                var x = DScalar("x");
                var y = x;
                ref var [|alias = ref y|];
                return Function([x], y);
        """), "TG0108");

    [Fact]
    public void TG0106_no_function_returned() => Expect(Usings + """
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph [|F|]()
            {
                return null!;
            }
        }
        """, "TG0106");

    [Fact]
    public void TG0201_logic_on_floats() => Expect(Body("""
                var x = DVector("x");
                return Function([x], [|x & x|]);
        """), "TG0201");

    [Fact]
    public void TG0202_static_shapes_do_not_broadcast() => Expect(Body("""
                var a = Tensor("a", DType.Float64, [3]);
                var b = Tensor("b", DType.Float64, [4]);
                return Function([a, b], [|a + b|]);
        """), "TG0202");

    [Fact]
    public void TG0203_default_does_not_fit_dtype() => Expect(Body("""
                var i = IScalar("i");
                return Function([[|In(i, value: 1.5)|]], i * 2);
        """), "TG0203");

    [Fact]
    public void TG0204_constant_that_does_not_fit() => Expect(Body("""
                var x = LScalar("x");
                var half = Constant([|2.5|], DType.Int64);
                var big = Constant([|9007199254740993L|], DType.Float64);
                return Function([x], x + half + big);
        """), "TG0204", "TG0204");

    [Fact]
    public void TG0401_expression_as_input() => Expect(Body("""
                var x = DScalar("x");
                return [|Function([[|x + 1|]], x * 2)|];
        """), "TG0403", "TG0401");

    [Fact]
    public void TG0402_default_for_a_tensor() => Expect(Body("""
                var v = DVector("v");
                return Function([[|In(v, value: 1.0)|]], v * 2);
        """), "TG0402");

    [Fact]
    public void TG0403_missing_input() => Expect(Body("""
                var (x, y) = DScalars("x", "y");
                return [|Function([x], x + y)|];
        """), "TG0403");

    [Fact]
    public void TG0404_duplicate_input() => Expect(Body("""
                var x = DScalar("x");
                return Function([x, [|x|]], x * 2);
        """), "TG0404");

    [Fact]
    public void TG0405_default_before_required() => Expect(Body("""
                var (x, y) = DScalars("x", "y");
                return Function([In(x, value: 1.0), [|y|]], x + y);
        """), "TG0405");

    [Fact]
    public void TG0406_name_is_not_an_identifier() => Expect(Body("""
                var x = DScalar("x");
                return Function([[|In(x, name: "not valid")|]], x * 2);
        """), "TG0406");

    [Fact]
    public void All_problems_of_a_method_show_in_one_build() => Expect(Body("""
                var x = DVector("x");
                [|Console.WriteLine("a")|];
                [|lock (new object()) { }|]
                var y = [|x & x|];
                return Function([x], x * 2);
        """), "TG0102", "TG0101", "TG0201");

    [Fact]
    public void Code_that_does_not_compile_gets_no_second_error()
    {
        var run = GeneratorHarness.Run(Body("""
                var x = DScalar("x");
                var y = x + undefinedThing;
                return Function([x], y);
        """));
        Assert.Contains(run.CompileErrors, d => d.Id == "CS0103");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("TG01"));
    }

    private static string State(string body) => Usings + $$"""
        public static partial class G
        {
            public static readonly Shared<double> W = Shared(new double[] { 1.0 }, name: "w");
            public static readonly Shared<long> N = Shared(0);

            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public void TG0407_update_of_something_not_shared() => Expect(State("""
                var x = DVector("x");
                return Function([x], x, updates: [[|(x, x + 1)|]]);
        """), "TG0407");

    [Fact]
    public void TG0408_update_of_another_dtype() => Expect(State("""
                var x = DVector("x");
                return Function([x], x, updates: [[|(N, N + 0.5)|]]);
        """), "TG0408");

    [Fact]
    public void TG0408_update_of_another_rank() => Expect(State("""
                var x = DMatrix("x");
                return Function([x], x, updates: [[|(W, x)|]]);
        """), "TG0408");

    [Fact]
    public void TG0409_updated_twice() => Expect(State("""
                return Function([], W, updates: [(W, W + 1), [|(W, W * 2)|]]);
        """), "TG0409");

    [Fact]
    public void TG0410_given_replaces_an_input() => Expect(State("""
                var (x, y) = DVectors("x", "y");
                return Function([x, y], x + y, givens: [[|(x, y)|]]);
        """), "TG0410");

    [Fact]
    public void TG0411_given_of_another_type() => Expect(State("""
                var x = DMatrix("x");
                return Function([x], W + 1, givens: [[|(W, x)|]]);
        """), "TG0411");

    [Fact]
    public void TG0412_shared_variable_created_in_graph_code() => Expect(State("""
                var s = [|Shared(1.0)|];
                return Function([], W);
        """), "TG0412");

    [Fact]
    public void TG0412_shared_variable_without_readable_initializer() => Expect(Usings + """
        public static partial class G
        {
            public static readonly Shared<double> W;
            static G() { W = Shared(1.0); }

            [TensorFunction]
            public static FunctionGraph F() => Function([], [|W|] * 2);
        }
        """, "TG0412");

    [Fact]
    public void TG0412_tensor_initializer_needs_a_shape() => Expect(Usings + """
        public static partial class G
        {
            public static readonly Shared<double> W = Shared(System.Numerics.Tensors.Tensor.Create(new double[] { 1.0 }), shape: null!);

            [TensorFunction]
            public static FunctionGraph F() => Function([], [|W|] * 2);
        }
        """, "TG0412");

    [Fact]
    public void TG0301_cost_is_not_a_scalar() => Expect(Body("""
                var x = DVector("x");
                return Function([x], Grad([|Exp(x)|], x));
        """), "TG0301");

    [Fact]
    public void TG0302_cost_does_not_depend_on_a_variable() => Expect(Body("""
                var (x, y) = DVectors("x", "y");
                var (gx, gy) = Grad(Exp(x).Sum(), [x, [|y|]]);
                return Function([x, y], gx + gy);
        """), "TG0302");

    [Fact]
    public void TG0303_integer_variable() => Expect(Body("""
                var (x, i) = (DVector("x"), IVector("i"));
                return Function([x, i], Grad((x * i).Sum(), [|i|]));
        """), "TG0303");

    [Fact]
    public void TG0202_dot_of_mismatched_static_sizes() => Expect(Body("""
                var a = Tensor("a", DType.Float64, [2, 3]);
                var v = Tensor("v", DType.Float64, [4]);
                return Function([a, v], [|Dot(a, v)|]);
        """), "TG0202");

    [Fact]
    public void TG0413_random_parameter_that_is_a_tensor() => Expect(Usings + """
        public static partial class G
        {
            public static readonly RandomStream Stream = new(seed: 1);

            [TensorFunction]
            public static FunctionGraph F()
            {
                var mu = DVector("mu");
                return Function([mu], Stream.Normal([|mu|], 1.0, size: [3]));
            }
        }
        """, "TG0413");

    [Fact]
    public void TG0413_random_variable_member_without_initializer() => Expect(Usings + """
        public static partial class G
        {
            public static readonly RandomVariable U;
            static G() { U = new RandomStream(1).Uniform(); }

            [TensorFunction]
            public static FunctionGraph F() => Function([], [|U|] * 2);
        }
        """, "TG0413");
}
