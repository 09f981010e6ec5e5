using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Reductions;

/// <summary>
/// Gradients of Prod, Var, Std, CumSum and CumProd against finite differences (PyTensor's verify_grad), float64 and
/// float32; Argmax in a cost passes no gradient. Then the gradients of Prod with zeros in a group (one zero, two zeros)
/// and of CumProd with zeros against PyTensor 2.24.2's (gradients_reference.py → gradients_expected.json).
/// </summary>
public sealed class ReductionGradientTests
{
    private static GradInput M(string name, params int[] shape) => new(name, shape.Length switch { 1 => "Vector", 2 => "Matrix", 3 => "Tensor3", _ => "Scalar" }, shape);

    private static readonly GradCase[] Cases =
    [
        new("ProdRows", [M("x", 3, 5)], "Prod(x, 1)", M("p", 3)),
        new("ProdAll", [M("x", 2, 3)], "x.Prod() * 1.0", M("p")),
        new("ProdOuterKeep", [M("x", 2, 3, 4)], "Prod(x, [0, 2], keepdims: true)", M("p", 1, 3, 1) with { Declaration = "Tensor(NAME, DTYPE, [1, null, 1])" }),
        new("ProdFused", [M("x", 4, 3)], "Prod(Sin(x), 0)", M("p", 3)),
        new("VarRows", [M("x", 3, 5)], "x.Var(1)", M("p", 3)),
        new("VarDdof", [M("x", 2, 3, 4)], "Var(x, [0, 2], ddof: 1)", M("p", 3)),
        new("StdCorrected", [M("x", 4, 3)], "Std(x, 0, ddof: 1, corrected: true)", M("p", 3)),
        new("StdAll", [M("x", 5)], "x.Std() * 1.0", M("p")),
        new("CumSumRows", [M("x", 3, 4)], "CumSum(x, 1)", M("p", 3, 4)),
        new("CumSumFlat", [M("x", 2, 3)], "x.CumSum()", M("p", 6)),
        new("CumSumLeading", [M("x", 3, 2, 4)], "CumSum(x * x, 0)", M("p", 3, 2, 4)),
        new("CumProdCols", [M("x", 4, 3)], "CumProd(x, 0)", M("p", 4, 3)),
        new("CumProdFlat", [M("x", 5)], "x.CumProd()", M("p", 5)),
        new("ArgmaxInCost", [M("x", 3, 4)], "Max(x, 1) * Argmax(x, 1)", M("p", 3)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.Length * 7919);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);

    private const string Source = """
        using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;
        public static partial class ZeroGrads
        {
            [TensorFunction] public static FunctionGraph ProdRows() { var x = Matrix("x"); return Function([x], Grad(Sum(Prod(x, 1) * Arange(1, 5)), x)); }
            [TensorFunction] public static FunctionGraph ProdAll() { var x = Matrix("x"); return Function([x], Grad(Prod(x), x)); }
            [TensorFunction] public static FunctionGraph ProdCols() { var x = Matrix("x"); return Function([x], Grad(Sum(x.Prod(0)), x)); }
            [TensorFunction] public static FunctionGraph CumProdRows() { var x = Matrix("x"); return Function([x], Grad(Sum(CumProd(x, 1)), x)); }
            [TensorFunction] public static FunctionGraph ArgmaxOnly() { var x = Matrix("x"); return Function([x], Grad(Sum(Argmax(x, 1) * 1.0) + Sum(Cast(Any(x, 0), DType.Float64)), x)); }
            [TensorFunction] public static FunctionGraph CumProdZero() { var x = Matrix("x"); return Function([x], Grad(Sum(CumProd(x, 1)), x)); }
            public static double[] Run(string name, double[] v, int[] s)
            {
                var x = System.Numerics.Tensors.Tensor.Create(v, s.Select(d => (nint)d).ToArray());
                System.Numerics.Tensors.Tensor<double> g = name switch
                {
                    "ProdRows" => new ProdRowsFunction().Invoke(x),
                    "ProdAll" => new ProdAllFunction().Invoke(x),
                    "ProdCols" => new ProdColsFunction().Invoke(x),
                    "CumProdRows" => new CumProdRowsFunction().Invoke(x),
                    "ArgmaxOnly" => new ArgmaxOnlyFunction().Invoke(x),
                    _ => new CumProdZeroFunction().Invoke(x),
                };
                var a = new double[g.FlattenedLength];
                g.FlattenTo(a);
                return a;
            }
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source, "ZeroGrads.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        return run.Load();
    });

    /// <summary>One zero in a group (ArgmaxOnly: a cost reaching x only through Argmax and Any has PyTensor's zero gradient): that element gets the product of the others; two zeros: every element 0 (PyTensor's values, exactly).</summary>
    [Theory]
    [InlineData("ProdRows")]
    [InlineData("ProdAll")]
    [InlineData("ProdCols")]
    [InlineData("CumProdRows")]
    [InlineData("CumProdZero")]
    [InlineData("ArgmaxOnly")]
    public void Gradient_with_zeros_matches_PyTensor(string name)
    {
        var expected = JsonDocument.Parse(Repo.Read("Tests/Tensorgen.Tests/Reductions/gradients_expected.json")).RootElement.GetProperty(name);
        double[] Numbers(string key) => expected.GetProperty(key).EnumerateArray()
            .Select(d => d.ValueKind == JsonValueKind.String ? double.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : d.GetDouble()).ToArray();
        var shape = expected.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        var method = Compiled.Value.GetType("ZeroGrads")!.GetMethod("Run")!;
        var actual = (double[])method.Invoke(null, [name, Numbers("input"), shape])!;
        var want = Numbers("grad");
        Assert.Equal(want.Length, actual.Length);
        for (int i = 0; i < want.Length; i++)
            Assert.True(double.IsNaN(want[i]) ? double.IsNaN(actual[i]) : Math.Abs(want[i] - actual[i]) <= 1e-12 * (1 + Math.Abs(want[i])),
                $"{name}: gradient element {i} is {actual[i]:R}, PyTensor's {want[i]:R}");
    }
}
