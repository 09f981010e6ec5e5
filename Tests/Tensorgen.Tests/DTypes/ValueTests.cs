extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;
using DTypesFacts = generator::Tensorgen.Generator.Graph.DTypes;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;

namespace Tensorgen.Tests.DTypes;

/// <summary>
/// Values in int8, int16, uint8 and bool against PyTensor 2.24.2's (values_expected.json, made by
/// values_reference.py with the same cases): NumPy's wrapping arithmetic (127 + 1 is -128 in int8), promotion
/// of mixed dtypes, bool arithmetic, casts, reductions and constant folding. Each case is compiled with the
/// generator and run; its output's dtype (the C# element type) and every element must be PyTensor's.
/// </summary>
public sealed class ValueTests
{
    private const string File = "Tests/Tensorgen.Tests/DTypes/values_expected.json";

    /// <summary>The C# graph of each case in values_reference.py; the inputs are declared from the JSON.</summary>
    private static readonly Dictionary<string, string> Cases = new()
    {
        ["I8AddOne"] = "x + 1",
        ["I8MulTwo"] = "x * 2",
        ["I8Neg"] = "-x",
        ["I8Abs"] = "Abs(x)",
        ["I8IntDivZero"] = "IntDiv(x, 0)",
        ["I8IntDiv"] = "IntDiv(x, 2)",
        ["I8Mod"] = "x % 3",
        ["U8SubOne"] = "u - 1",
        ["U8Neg"] = "-u",
        ["U8AddU8"] = "u + t",
        ["U8AddI8"] = "u + x",
        ["I16Sqr"] = "w * w",
        ["I16PlusLiteral"] = "w + 40000",
        ["I8PlusI16"] = "x + w",
        ["BoolAddOne"] = "b + 1",
        ["BoolAddBool"] = "b + c",
        ["BoolMulBool"] = "b * c",
        ["BoolPowBool"] = "Pow(b, c)",
        ["BoolMaxBool"] = "Maximum(b, c)",
        ["BoolTimesF32"] = "b * f",
        ["BoolDivBool"] = "b / c",
        ["CompareAddOne"] = "(x > 0) + 1",
        ["I8Exp"] = "Exp(x)",
        ["I8TrueDiv"] = "x / y",
        ["I8TimesHalf"] = "x * 0.5",
        ["I32PlusF32"] = "i + f",
        ["I8PlusF32"] = "x + f",
        ["CastF64ToI8"] = "Cast(d, DType.Int8)",
        ["CastI8ToU8"] = "Cast(x, DType.UInt8)",
        ["CastI16ToI8"] = "Cast(w, DType.Int8)",
        ["CastU8ToBool"] = "Cast(u, DType.Bool)",
        ["I8MaxU8"] = "Maximum(x, u)",
        ["I8Lt"] = "x < y",
        ["I8Sum"] = "x.Sum()",
        ["I8Max"] = "x.Max()",
        ["U8Min"] = "u.Min()",
        ["I8Pow"] = "Pow(x, y)",
        ["FoldedI8"] = "Constant(127L, DType.Int8) + Constant(1L, DType.Int8)",
    };

    private static readonly Dictionary<string, (string Enum, string CSharp)> Types = new()
    {
        ["bool"] = ("Bool", "bool"), ["int8"] = ("Int8", "sbyte"), ["int16"] = ("Int16", "short"), ["uint8"] = ("UInt8", "byte"),
        ["int32"] = ("Int32", "int"), ["int64"] = ("Int64", "long"), ["float32"] = ("Float32", "float"), ["float64"] = ("Float64", "double"),
    };

    private sealed record Input(string Name, string DType, double[] Data);

    private sealed record Expected(Input[] Inputs, string DType, int[] Shape, double[] Data);

    private static readonly Lazy<Dictionary<string, Expected>> Reference = new(() =>
        JsonDocument.Parse(Repo.Read(File)).RootElement.EnumerateObject().ToDictionary(c => c.Name, c => new Expected(
            c.Value.GetProperty("inputs").EnumerateArray().Select(i => new Input(i.GetProperty("name").GetString()!, i.GetProperty("dtype").GetString()!,
                i.GetProperty("data").EnumerateArray().Select(d => d.GetDouble()).ToArray())).ToArray(),
            c.Value.GetProperty("dtype").GetString()!,
            c.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray(),
            c.Value.GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.String ? double.Parse(d.GetString()!.Replace("inf", "Infinity"), System.Globalization.CultureInfo.InvariantCulture) : d.GetDouble()).ToArray())));

    private static readonly Lazy<(Assembly Assembly, Dictionary<string, string> DTypes, Dictionary<string, FunctionSpec> Specs)> Compiled = new(Compile);

    private static (Assembly, Dictionary<string, string>, Dictionary<string, FunctionSpec>) Compile()
    {
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class DTypeCases");
        s.AppendLine("{");
        foreach (var (name, expression) in Cases)
        {
            var inputs = Reference.Value[name].Inputs;
            s.AppendLine("    [TensorFunction]");
            s.AppendLine($"    public static FunctionGraph Case{name}()");
            s.AppendLine("    {");
            foreach (var i in inputs) s.AppendLine($"        var {i.Name} = Vector(\"{i.Name}\", DType.{Types[i.DType].Enum});");
            s.AppendLine($"        return Function([{string.Join(", ", inputs.Select(i => i.Name))}], {expression});");
            s.AppendLine("    }");
            s.AppendLine($"    public static double[] Run{name}(double[][] v)");
            s.AppendLine("    {");
            var args = inputs.Select((i, k) => $"v[{k}].Select(e => {(i.DType == "bool" ? "e != 0" : $"({Types[i.DType].CSharp})e")}).ToArray()");
            s.AppendLine($"        return Out(new Case{name}Function().Invoke({string.Join(", ", args)}));");
            s.AppendLine("    }");
        }
        s.AppendLine("    private static double[] Out<T>(System.Numerics.Tensors.Tensor<T> x) { var a = new T[x.FlattenedLength]; x.FlattenTo(a); return a.Select(e => e is bool b ? (b ? 1.0 : 0.0) : Convert.ToDouble(e)).ToArray(); }");
        foreach (var t in new[] { "sbyte", "short", "byte", "int", "long", "float", "double" })
            s.AppendLine($"    private static double[] Out({t} x) => [(double)x];");
        s.AppendLine("    private static double[] Out(bool x) => [x ? 1.0 : 0.0];");
        s.AppendLine("}");
        var run = GeneratorHarness.Run(s.ToString(), "DTypeCases.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        var dtypes = run.Specs.ToDictionary(spec => spec.MethodName, spec => DTypesFacts.NumPy(spec.Graph[spec.Outputs[0].Node].DType));
        return (run.Load(), dtypes, run.Specs.ToDictionary(spec => spec.MethodName));
    }

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Fact]
    public void Every_reference_case_is_run()
    {
        Assert.Equal(Reference.Value.Keys.OrderBy(k => k), Cases.Keys.OrderBy(k => k));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Values_and_dtype_are_PyTensors(string name)
    {
        var expected = Reference.Value[name];
        var (assembly, dtypes, specs) = Compiled.Value;
        Assert.Equal(expected.DType, dtypes["Case" + name]);
        var method = assembly.GetType("DTypeCases")!.GetMethod("Run" + name)!;
        double[] actual;
        try { actual = (double[])method.Invoke(null, [expected.Inputs.Select(i => i.Data).ToArray()])!; }
        catch (TargetInvocationException e) { throw e.InnerException!; }
        Assert.Equal(expected.Data.Length, actual.Length);
        // float32 results are compared at float32's precision (exp rounds differently in the last bit); every other
        // dtype exactly.
        double tolerance = expected.DType == "float32" ? 1e-6 : 0;
        for (int i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual[i]) <= tolerance * Math.Abs(expected.Data[i]),
                $"{name}: element {i} is {actual[i]:R}, PyTensor's {expected.Data[i]:R}");
        // The reference evaluator (independent of the generator's kernels) agrees.
        var reference = ReferenceEvaluator.Run(specs["Case" + name], expected.Inputs.Select(i => new Array(i.Data, [i.Data.Length])).ToArray())[0];
        Assert.Equal(expected.Data.Length, reference.Data.Length);
        for (int i = 0; i < reference.Data.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - reference.Data[i]) <= tolerance * Math.Abs(expected.Data[i]),
                $"{name}, reference evaluator: element {i} is {reference.Data[i]:R}, PyTensor's {expected.Data[i]:R}");
    }
}
