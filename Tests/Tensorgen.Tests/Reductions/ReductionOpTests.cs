extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;
using GDType = generator::Tensorgen.DType;

namespace Tensorgen.Tests.Reductions;

/// <summary>
/// Prod, All, Any, Argmax, Argmin, Var, Std, CumSum and CumProd: the generated code against the reference evaluator on
/// empty, size-1 and odd sizes past the vector width (17, 33), ranks 1 to 3, several axes, float64 and float32, int and
/// bool inputs; an empty reduced axis of Argmax/Argmin must raise in both. Then PyTensor 2.24.2's values and dtypes
/// (reductions_reference.py → reductions_expected.json).
/// </summary>
public sealed class ReductionOpTests
{
    private const string V = "Vector(NAME, DTYPE)", M = "Matrix(NAME, DTYPE)", T3 = "Tensor3(NAME, DTYPE)";

    private static readonly int[][] R1 = [[0], [1], [17], [33]];
    private static readonly int[][] R2 = [[0, 3], [1, 1], [3, 17], [33, 2], [5, 0]];
    private static readonly int[][] R3 = [[2, 3, 17], [1, 33, 2], [0, 2, 3], [3, 1, 5], [2, 0, 4]];

    private static ReductionCase F(string name, string declaration, string expression, int[][] shapes) => new(name, InputKind.Float, declaration, expression, shapes);

    internal static readonly ReductionCase[] Cases =
    [
        // Prod: a fold, fused with the work before it
        F("ProdAll1", V, "Prod(x)", R1),
        F("ProdAll2", M, "Prod(x)", R2),
        F("ProdAll3", T3, "x.Prod()", R3),
        F("ProdRows", M, "x.Prod(1)", R2),
        F("ProdCols", M, "Prod(x, 0)", R2),
        F("ProdLast", T3, "Prod(x, -1)", R3),
        F("ProdLeading", T3, "Prod(x, [0, 1])", R3),
        F("ProdOuterKeep", T3, "Prod(x, [0, 2], keepdims: true)", R3),
        F("ProdFused", M, "Prod(x * 2.0 + 1.0, 1)", R2),
        F("ProdShifted", M, "Prod(x + 2.0, 1)", R2),
        F("ProdShiftedCols", T3, "Prod(x + 2.0, 0)", R3),
        new("ProdIntShifted", InputKind.Int, M, "Prod(x + 3, -1)", R2),
        new("ProdInt", InputKind.Int, M, "Prod(x, 1)", R2),
        new("ProdIntAll", InputKind.Int, V, "Prod(x)", R1),
        new("ProdBool", InputKind.Bool, M, "Prod(x, 0)", R2),
        // All, Any
        F("AllRows", M, "All(x, 1)", R2),
        F("AllNaN", M, "All(Log(x), 1)", R2),
        F("AnyNaN", M, "Any(Log(x) * 0.0, 0)", R2),
        F("AnyCols", M, "x.Any(0)", R2),
        F("AnyAll", V, "Any(x)", R1),
        F("AllCompared", M, "All(x > -1.0, -1)", R2),
        new("AllBool", InputKind.Bool, T3, "All(x, [1, 2])", R3),
        new("AnyInt", InputKind.Int, T3, "Any(x, -1, keepdims: true)", R3),
        new("AllIntAll", InputKind.Int, M, "x.All()", R2),
        // Argmax, Argmin (ties: first; NaN: first NaN; empty axis raises)
        F("ArgmaxAll1", V, "Argmax(x)", R1),
        F("ArgmaxAll2", M, "Argmax(x)", R2),
        F("ArgmaxAll3", T3, "x.Argmax()", R3),
        F("ArgmaxRows", M, "x.Argmax(1)", R2),
        F("ArgminCols", M, "Argmin(x, 0)", R2),
        F("ArgmaxLeadingNaN", T3, "Argmax(Log(x), [0, 1])", R3),
        F("ArgminLeadingNaN", M, "Argmin(Log(x + 0.5), 0)", R2),
        F("ArgmaxLastKeep", T3, "Argmax(x, -1, keepdims: true)", R3),
        F("ArgmaxOuter", T3, "Argmax(x, [0, 2])", R3),
        F("ArgminMiddle", T3, "x.Argmin(1)", R3),
        F("ArgminLeading", T3, "Argmin(x, [0, 1])", R3),
        F("ArgmaxAllKeep", M, "Argmax(x, keepdims: true)", R2),
        F("ArgmaxNaN", M, "Argmax(Log(x), 1)", R2),
        F("ArgminNaN", M, "Argmin(Log(x), 0)", R2),
        F("ArgmaxFused", M, "Argmax(x * x, 1)", R2),
        new("ArgmaxInt", InputKind.Int, M, "Argmax(x, 1)", R2),
        new("ArgminInt", InputKind.Int, T3, "Argmin(x, 0)", R3),
        new("ArgminBool", InputKind.Bool, M, "Argmin(x, 1)", R2),
        new("ArgmaxBool", InputKind.Bool, V, "Argmax(x)", R1),
        // Var, Std (PyTensor's two passes; ddof divides per axis; corrected)
        F("VarAll1", V, "Var(x)", R1),
        F("VarAll2", M, "x.Var()", R2),
        F("VarRows", M, "x.Var(1)", R2),
        F("VarLast", T3, "Var(x, -1)", R3),
        F("VarDdof", M, "Var(x, 0, ddof: 1)", R2),
        F("VarAxesDdof", T3, "Var(x, [0, 2], ddof: 1, keepdims: true)", R3),
        F("VarDdofStatic", "Tensor(NAME, DTYPE, [3, 17])", "Var(x, 1, ddof: 1)", [[3, 17]]),
        F("VarCorrected", M, "Var(x, 1, corrected: true)", R2),
        F("StdLast", M, "Std(x, -1)", R2),
        F("StdDdofCorrected", T3, "x.Std(1, ddof: 1, corrected: true)", R3),
        new("VarInt", InputKind.Int, M, "Var(x, 1)", R2),
        // CumSum, CumProd (no axis: the flattened tensor)
        F("CumSumFlat1", V, "CumSum(x)", R1),
        F("CumSumFlat3", T3, "x.CumSum()", R3),
        F("CumSumCols", M, "x.CumSum(0)", R2),
        F("CumSumLast", T3, "CumSum(x, -1)", R3),
        F("CumSumMiddle", T3, "CumSum(x, 1)", R3),
        F("CumProdRows", M, "CumProd(x, 1)", R2),
        F("CumProdLeading", T3, "CumProd(x, 0)", R3),
        F("CumProdFlat", M, "x.CumProd()", R2),
        new("CumSumInt", InputKind.Int, M, "CumSum(x, 1)", R2),
        new("CumSumBool", InputKind.Bool, M, "CumSum(x, 0)", R2),
        new("CumProdInt", InputKind.Int, M, "CumProd(x, 0)", R2),
    ];

    private static readonly Lazy<ReductionCases> Float64 = new(() => new ReductionCases(Cases, single: false));
    private static readonly Lazy<ReductionCases> Float32 = new(() => new ReductionCases(Cases, single: true));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_generated_matches_reference(string name) => Verify(Float64.Value, name);

    [Theory, MemberData(nameof(Names))]
    public void Float32_generated_matches_reference(string name) => Verify(Float32.Value, name);

    /// <summary>Every shape of the case: the same values (or the same NumPy error) from the generated code and the reference evaluator.</summary>
    private static void Verify(ReductionCases cases, string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        foreach (var shape in @case.Shapes)
        {
            var input = ReductionCases.Values(@case.Kind, shape);
            string what = $"{name} ({(cases.Single ? "float32" : "float64")}) on ({string.Join(", ", shape)})";
            Array expected;
            try
            {
                expected = ReferenceEvaluator.Run(cases.Spec(name), [input])[0];
            }
            catch (EmptyReductionException e)
            {
                var error = Assert.Throws<TensorShapeException>(() => cases.Run(name, input));
                Assert.Contains(e.Message, error.Message);
                Assert.Contains("'x'", error.Message);
                continue;
            }
            cases.Compare(expected, cases.Run(name, input), what);
        }
    }

    /// <summary>PyTensor 2.24.2's values and result dtypes (float64 inputs where the case's input is a float).</summary>
    [Theory, MemberData(nameof(PyTensorNames))]
    public void Values_and_dtypes_match_PyTensor(string name)
    {
        var expected = Expected.Value.RootElement.GetProperty(name);
        foreach (var cases in new[] { Float64.Value, Float32.Value })
        {
            var @case = Cases.Single(c => c.Name == name);
            var spec = cases.Spec(name);
            var dtype = spec.Graph[spec.Outputs[0].Node].DType;
            string key = cases.Single ? "dtype32" : "dtype64";
            Assert.True(expected.GetProperty(key).GetString() == Name(dtype), $"{name}: dtype {Name(dtype)}, PyTensor's {expected.GetProperty(key).GetString()}");
            foreach (var run in expected.GetProperty("runs").EnumerateArray())
            {
                var shape = run.GetProperty("input").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                var values = new Array(run.GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.String ? double.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : d.GetDouble()).ToArray(),
                    run.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray());
                cases.Compare(values, cases.Run(name, ReductionCases.Values(@case.Kind, shape)), $"{name} on ({string.Join(", ", shape)}) against PyTensor");
            }
        }
    }

    public static TheoryData<string> PyTensorNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in Expected.Value.RootElement.EnumerateObject()) data.Add(p.Name);
        return data;
    }

    private static readonly Lazy<JsonDocument> Expected = new(() => JsonDocument.Parse(Repo.Read("Tests/Tensorgen.Tests/Reductions/reductions_expected.json")));

    private static string Name(GDType dtype) => dtype.ToString().ToLowerInvariant();
}
