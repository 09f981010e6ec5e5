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
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;

namespace Tensorgen.Tests.Shapes;

/// <summary>One input of a shape case: an int scalar (<c>LScalar</c>) or a float tensor declared with <c>DTYPE</c> in it.</summary>
internal sealed record ShapeInput(string Name, string Declaration)
{
    public bool IsInt => Declaration.StartsWith("LScalar", StringComparison.Ordinal);
}

/// <summary>A graph function <c>Function([inputs], expression)</c>, run on NumPy's inputs and compared with NumPy's values.</summary>
internal sealed record ShapeCase(string Name, ShapeInput[] Inputs, string Expression);

/// <summary>
/// Compiles every case in one generator run per dtype (float64, float32: <c>DTYPE</c> in declarations and
/// expressions), runs it on the inputs of each NumPy run in shapes_expected.json (made by shapes_reference.py),
/// and compares the generated code's values, and the reference evaluator's, with NumPy's.
/// </summary>
internal sealed class ShapeCases
{
    /// <summary>NumPy's values of this folder's cases; other families keep theirs beside their tests.</summary>
    public const string ShapesFile = "Tests/Tensorgen.Tests/Shapes/shapes_expected.json";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonDocument> Expected = new();

    private readonly Assembly _assembly;
    private readonly Dictionary<string, FunctionSpec> _specs;
    private readonly IReadOnlyList<ShapeCase> _cases;
    private readonly bool _single;
    private readonly string _file;

    /// <param name="file">The repository path of the JSON file with NumPy's runs of these cases.</param>
    public ShapeCases(IReadOnlyList<ShapeCase> cases, bool single, string file = ShapesFile)
    {
        _cases = cases;
        _single = single;
        _file = file;
        var run = GeneratorHarness.Run(Source(cases, single), single ? "ShapeCases32.cs" : "ShapeCases64.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        _assembly = run.Load();
        _specs = run.Specs.ToDictionary(s => s.MethodName);
    }

    /// <summary>NumPy's inputs of <paramref name="name"/>'s runs: shapes or ints.</summary>
    public static IEnumerable<(Array[] Inputs, Array Output)> Runs(string name, string file = ShapesFile)
    {
        var expected = Expected.GetOrAdd(file, f => JsonDocument.Parse(Repo.Read(f)));
        foreach (var run in expected.RootElement.GetProperty(name).EnumerateArray())
        {
            var inputs = run.GetProperty("inputs").EnumerateArray().Select(i => i.TryGetProperty("int", out var n)
                ? Array.Scalar(n.GetInt64()) : Values(i.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray())).ToArray();
            var output = new Array(run.GetProperty("data").EnumerateArray().Select(d => d.GetDouble()).ToArray(),
                run.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray());
            yield return (inputs, output);
        }
    }

    /// <summary>v(i) = ((7 i) % 11 - 5) / 4, as shapes_reference.py makes them.</summary>
    public static Array Values(int[] shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        return new Array(Enumerable.Range(0, size).Select(i => ((7 * i) % 11 - 5) / 4.0).ToArray(), shape);
    }

    /// <summary>Runs the case's generated function.</summary>
    public Array Run(string name, Array[] inputs)
    {
        var method = _assembly.GetType("ShapeCases")!.GetMethod("Run" + name)!;
        try
        {
            var result = (object[])method.Invoke(null, [inputs.Select(a => a.Data).ToArray(), inputs.Select(a => a.Shape).ToArray()])!;
            return new Array((double[])result[0], (int[])result[1]);
        }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    /// <summary>The generated code and the reference evaluator against every NumPy run of the case.</summary>
    public void Verify(string name)
    {
        var @case = _cases.Single(c => c.Name == name);
        int count = 0;
        foreach (var (inputs, expected) in Runs(name, _file))
        {
            string what = $"{name} ({(_single ? "float32" : "float64")}) on {string.Join(", ", inputs.Select(i => "(" + string.Join(", ", i.Shape) + ")"))}";
            Compare(expected, Run(name, inputs), what + ", generated");
            var reference = ReferenceEvaluator.Run(_specs["Case" + name], inputs)[0];
            Compare(expected, reference, what + ", reference evaluator");
            count++;
        }
        Assert.True(count > 0, $"no NumPy runs of {name}");
    }

    private void Compare(Array expected, Array actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape ({string.Join(", ", actual.Shape)}), NumPy's ({string.Join(", ", expected.Shape)})");
        double tolerance = _single ? 1e-5 : 1e-12;
        for (int i = 0; i < expected.Size; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= tolerance * (1 + Math.Abs(expected.Data[i])),
                $"{what}: element {i} is {actual.Data[i]:R}, NumPy's {expected.Data[i]:R}");
    }

    private static string Source(IReadOnlyList<ShapeCase> cases, bool single)
    {
        string dtype = single ? "DType.Float32" : "DType.Float64", t = single ? "float" : "double";
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class ShapeCases");
        s.AppendLine("{");
        foreach (var c in cases)
        {
            s.AppendLine("    [TensorFunction]");
            s.AppendLine($"    public static FunctionGraph Case{c.Name}()");
            s.AppendLine("    {");
            foreach (var input in c.Inputs) s.AppendLine($"        var {input.Name} = {input.Declaration.Replace("NAME", $"\"{input.Name}\"").Replace("DTYPE", dtype)};");
            s.AppendLine($"        return Function([{string.Join(", ", c.Inputs.Select(i => i.Name))}], {c.Expression.Replace("DTYPE", dtype)});");
            s.AppendLine("    }");
            s.AppendLine($"    public static object[] Run{c.Name}(double[][] v, int[][] s)");
            s.AppendLine("    {");
            var args = c.Inputs.Select((input, k) => input.IsInt ? $"(long)v[{k}][0]" : $"T(v[{k}], s[{k}])");
            s.AppendLine($"        return Out(new Case{c.Name}Function().Invoke({string.Join(", ", args)}));");
            s.AppendLine("    }");
        }
        s.AppendLine($"    private static System.Numerics.Tensors.Tensor<{t}> T(double[] v, int[] shape) => System.Numerics.Tensors.Tensor.Create(v.Select(x => ({t})x).ToArray(), shape.Select(d => (nint)d).ToArray());");
        s.AppendLine("    private static object[] Out<T>(System.Numerics.Tensors.Tensor<T> x) { var a = new T[x.FlattenedLength]; x.FlattenTo(a); return [a.Select(e => Convert.ToDouble(e)).ToArray(), x.Lengths.ToArray().Select(d => (int)d).ToArray()]; }");
        s.AppendLine("    private static object[] Out(double x) => [new[] { x }, new int[0]];");
        s.AppendLine("    private static object[] Out(float x) => [new[] { (double)x }, new int[0]];");
        s.AppendLine("    private static object[] Out(long x) => [new[] { (double)x }, new int[0]];");
        s.AppendLine("}");
        return s.ToString();
    }
}
