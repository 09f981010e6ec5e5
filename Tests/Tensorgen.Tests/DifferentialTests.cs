extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Tests.Graphs;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using static Tensorgen.Tests.Infrastructure.TensorData;
using Array = Tensorgen.Tests.Infrastructure.Array;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;
using GenDType = generator::Tensorgen.DType;

namespace Tensorgen.Tests;

/// <summary>
/// Every function in Graphs/TestGraphs.cs, as the real build compiled it, against the reference
/// evaluator run on the same graph before optimization, on random inputs of many shapes: empty,
/// single elements, and lengths that are not a multiple of the vector width; each tensor input given
/// as a dense tensor, an offset slice, a strided view, a transposed view and a broadcast view.
/// Tolerances: float64 |Δ| ≤ 1e-12 + 1e-12·|ref|; float32 |Δ| ≤ 1e-5 + 1e-5·|ref|; ints and bools exact.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly Lazy<Dictionary<string, FunctionSpec>> Specs = new(() =>
    {
        var run = GeneratorHarness.Run(Repo.Read("Tests/Tensorgen.Tests/Graphs/TestGraphs.cs"), "TestGraphs.cs");
        Assert.Empty(run.Diagnostics);
        return run.Specs.ToDictionary(s => s.MethodName);
    });

    // (rows, columns) of the matrices the cases build; vectors use rows * columns elements.
    public static TheoryData<int, int> Sizes => new()
    {
        { 0, 3 }, { 3, 0 }, { 1, 1 }, { 2, 3 }, { 3, 5 }, { 4, 4 }, { 5, 7 }, { 7, 13 }, { 16, 33 },
    };

    [Theory, MemberData(nameof(Sizes))]
    public void RowColumn(int m, int n) => Compare(nameof(RowColumn), m * 31 + n,
        [[m, n], [1, n], [m, 1]], [false, false, false],
        (a, v) => [FromTensor(new TestGraphs.RowColumnFunction().Invoke(v.Tensor<double>(a[0]), v.Tensor<double>(a[1]), v.Tensor<double>(a[2])))]);

    [Theory, MemberData(nameof(Sizes))]
    public void VectorMath(int m, int n) => Compare(nameof(VectorMath), m * 31 + n,
        [[m * n], []], [false, false],
        (a, v) => [FromTensor(new TestGraphs.VectorMathFunction().Invoke(v.Tensor<double>(a[0]), a[1].Data[0]))]);

    [Theory, MemberData(nameof(Sizes))]
    public void Float32Math(int m, int n) => Compare(nameof(Float32Math), m * 31 + n,
        [[m, n]], [false],
        (a, v) => [FromTensor(new TestGraphs.Float32MathFunction().Invoke(v.Tensor<float>(a[0])))]);

    [Theory, MemberData(nameof(Sizes))]
    public void ErrorFunctions(int m, int n) => Compare(nameof(ErrorFunctions), m * 31 + n,
        [[m * n], []], [false, false],
        (a, v) =>
        {
            var (erf, erfc, fused) = new TestGraphs.ErrorFunctionsFunction().Invoke(v.Tensor<double>(a[0]), a[1].Data[0]);
            return [FromTensor(erf), FromTensor(erfc), FromTensor(fused)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void ErrorFunctions32(int m, int n) => Compare(nameof(ErrorFunctions32), m * 31 + n,
        [[m, n], [m, n]], [false, true],
        (a, v) =>
        {
            var (erf, erfc, integers) = new TestGraphs.ErrorFunctions32Function().Invoke(v.Tensor<float>(a[0]), v.Tensor<int>(a[1]));
            return [FromTensor(erf), FromTensor(erfc), FromTensor(integers)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void Tensor3Broadcast(int m, int n) => Compare(nameof(Tensor3Broadcast), m * 31 + n,
        [[2, 1, n], [m, n]], [false, false],
        (a, v) => [FromTensor(new TestGraphs.Tensor3BroadcastFunction().Invoke(v.Tensor<double>(a[0]), v.Tensor<double>(a[1])))]);

    [Theory, MemberData(nameof(Sizes))]
    public void SharedWork(int m, int n) => Compare(nameof(SharedWork), m * 31 + n,
        [[m, n], [n]], [false, false],
        (a, v) =>
        {
            var (e, scaled, difference, square) = new TestGraphs.SharedWorkFunction().Invoke(v.Tensor<double>(a[0]), v.Tensor<double>(a[1]));
            return [FromTensor(e), FromTensor(scaled), FromTensor(difference), FromTensor(square)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void MixedDTypes(int m, int n) => Compare(nameof(MixedDTypes), m * 31 + n,
        [[m, n], [m, n]], [true, false],
        (a, v) =>
        {
            var r = new TestGraphs.MixedDTypesFunction().Invoke(v.Tensor<int>(a[0]), v.Tensor<float>(a[1]));
            return [FromTensor(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4), FromTensor(r.Item5)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void IntegerMath(int m, int n) => Compare(nameof(IntegerMath), m * 31 + n,
        [[m * n], [m * n]], [true, true],
        (a, v) =>
        {
            var r = new TestGraphs.IntegerMathFunction().Invoke(v.Tensor<long>(a[0]), v.Tensor<long>(a[1]));
            return [FromTensor(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void Helpers(int m, int n) => Compare(nameof(Helpers), m * 31 + n,
        [[m * n]], [false],
        (a, v) => [FromTensor(new TestGraphs.HelpersFunction().Invoke(v.Tensor<double>(a[0])))]);

    [Theory, MemberData(nameof(Sizes))]
    public void Reductions(int m, int n) => Compare(nameof(Reductions), m * 31 + n,
        [[m, 3, n]], [false],
        (a, v) =>
        {
            var r = new TestGraphs.ReductionsFunction().Invoke(v.Tensor<double>(a[0]));
            return [Array.Scalar(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4), FromTensor(r.Item5), FromTensor(r.Item6), FromTensor(r.Item7), Array.Scalar(r.Item8)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void LongChains(int m, int n) => Compare(nameof(LongChains), m * 31 + n,
        [[m, n], [], [m, n]], [false, false, false],
        (a, v) =>
        {
            var (acc, sum, t, g) = new TestGraphs.LongChainsFunction().Invoke(v.Tensor<double>(a[0]), a[1].Data[0], v.Tensor<float>(a[2]));
            return [FromTensor(acc), Array.Scalar(sum), Array.Scalar(t), FromTensor(g)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void Sums(int m, int n) => Compare(nameof(Sums), m * 31 + n,
        [[m, 3, n]], [false],
        (a, v) =>
        {
            var r = new TestGraphs.SumsFunction().Invoke(v.Tensor<double>(a[0]));
            return [Array.Scalar(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4), FromTensor(r.Item5)];
        });

    /// <summary>a is (m, n) and b is (n, m), so every product below has matching inner sizes.</summary>
    [Theory, MemberData(nameof(Sizes))]
    public void Products(int m, int n) => Compare(nameof(Products), m * 31 + n,
        [[m, n], [n, m], [m], [n]], [false, false, false, false],
        (a, v) =>
        {
            var r = new TestGraphs.ProductsFunction().Invoke(v.Tensor<double>(a[0]), v.Tensor<double>(a[1]), v.Tensor<double>(a[2]), v.Tensor<double>(a[3]));
            return [FromTensor(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4), FromTensor(r.Item5), FromTensor(r.Item6), Array.Scalar(r.Item7), FromTensor(r.Item8)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void Masks(int m, int n) => Compare(nameof(Masks), m * 31 + n,
        [[m, n], [1, n], [m, n], []], [false, false, true, true],
        (a, v) =>
        {
            var r = new TestGraphs.MasksFunction().Invoke(v.Tensor<double>(a[0]), v.Tensor<double>(a[1]), v.Tensor<bool>(a[2]), a[3].Data[0] != 0);
            return [FromTensor(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4), FromTensor(r.Item5), FromTensor(r.Item6)];
        });

    [Theory, MemberData(nameof(Sizes))]
    public void Masks32(int m, int n) => Compare(nameof(Masks32), m * 31 + n,
        [[m, n], [1, n], [m, n]], [false, false, true],
        (a, v) =>
        {
            var r = new TestGraphs.Masks32Function().Invoke(v.Tensor<float>(a[0]), v.Tensor<float>(a[1]), v.Tensor<bool>(a[2]));
            return [FromTensor(r.Item1), FromTensor(r.Item2), FromTensor(r.Item3), FromTensor(r.Item4)];
        });

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.5, -2.0)]
    [InlineData(-3.25, 7.0)]
    public void ScalarOnly(double x, double y)
    {
        var spec = Specs.Value[nameof(ScalarOnly)];
        var expected = ReferenceEvaluator.Run(spec, [Array.Scalar(x), Array.Scalar(y)])[0].Data[0];
        Assert.Equal(expected, new TestGraphs.ScalarOnlyFunction().Invoke(x, y), 12);
        Assert.Equal(ReferenceEvaluator.Run(spec, [Array.Scalar(x), Array.Scalar(0.5)])[0].Data[0], new TestGraphs.ScalarOnlyFunction().Invoke(x), 12);
    }

    /// <summary>
    /// Runs the compiled function once per <see cref="InputLayout"/>: its tensor inputs given as dense
    /// tensors, offset slices, strided views, transposed views and broadcast views, each compared with
    /// the reference evaluator on the inputs' logical values.
    /// </summary>
    private static void Compare(string name, int seed, int[][] shapes, bool[] integers, Func<Array[], TensorViews, Array[]> compiled)
    {
        var spec = Specs.Value[name];
        foreach (var layout in Enum.GetValues<InputLayout>())
        {
            var views = new TensorViews(layout);
            var inputs = views.Inputs(new Random(seed), shapes, integers);
            Array[] expected;
            try
            {
                expected = ReferenceEvaluator.Run(spec, inputs);
            }
            catch (EmptyReductionException reference)
            {
                // Where NumPy raises, the compiled function raises too, before any work, saying what NumPy says.
                var e = Assert.Throws<TensorShapeException>(() => compiled(inputs, views));
                Assert.Contains(reference.Message, e.Message);
                Assert.StartsWith($"TestGraphs.{name}: ", e.Message);
                continue;
            }
            var actual = compiled(inputs, views);
            Assert.Equal(expected.Length, actual.Length);
            for (int o = 0; o < expected.Length; o++)
            {
                Assert.Equal(expected[o].Shape, actual[o].Shape);
                var dtype = spec.Graph[spec.Outputs[o].Node].DType;
                double tolerance = dtype switch { GenDType.Float64 => 1e-12, GenDType.Float32 => 1e-5, _ => 0 };
                for (int i = 0; i < expected[o].Size; i++)
                {
                    double e = expected[o].Data[i], a = actual[o].Data[i];
                    bool same = (double.IsNaN(e) && double.IsNaN(a)) || e == a || Math.Abs(e - a) <= tolerance * (1 + Math.Abs(e));
                    Assert.True(same, $"{name}, {layout} inputs, output {o} element {i} of shape ({string.Join(", ", expected[o].Shape)}): reference {e:R}, compiled {a:R}");
                }
            }
        }
    }
}
