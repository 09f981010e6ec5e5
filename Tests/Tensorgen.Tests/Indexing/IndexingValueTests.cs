using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Indexing;

/// <summary>One row of numpy_indexing.txt: a C# index expression and what NumPy computes for it.</summary>
public sealed record IndexCase(string Name, string CSharp, int[] X, int[]? Y, long? N, int[] Shape, double[] Values)
{
    public override string ToString() => Name;

    /// <summary>The table NumPy wrote (numpy_indexing.py, next to this file).</summary>
    public static IReadOnlyList<IndexCase> All { get; } = Repo.Read("Tests/Tensorgen.Tests/Indexing/numpy_indexing.txt")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();

    private static IndexCase Parse(string line)
    {
        var f = line.Split('|').Select(s => s.Trim()).ToArray();
        return new IndexCase(f[0], f[1], Dims(f[2])!, Dims(f[3]), f[4] == "-" ? null : long.Parse(f[4], CultureInfo.InvariantCulture), Dims(f[5])!,
            f[6].Length == 0 ? [] : f[6].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
    }

    private static int[]? Dims(string s) => s == "-" ? null : s == "()" ? [] : s.Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();

    public double[] XValues => Enumerable.Range(0, X.Aggregate(1, (a, b) => a * b)).Select(i => 0.5 * i - 3).ToArray();

    public double[] YValues => Enumerable.Range(0, Y!.Aggregate(1, (a, b) => a * b)).Select(i => 10.0 + i).ToArray();
}

/// <summary>
/// Basic indexing and writes into it, compiled and run, against NumPy's own values for the same expressions:
/// float64 and float32, x with unknown sizes (bounds computed at run time) and with static sizes (folded at build time).
/// </summary>
public sealed class IndexingValueTests
{
    private static readonly Lazy<GeneratorRun> DoubleRun = new(() => GeneratorHarness.Run(Source(single: false), "IndexCases64.cs"));
    private static readonly Lazy<Assembly> Double = new(() => Compile(DoubleRun.Value));
    private static readonly Lazy<Assembly> Single = new(() => Compile(GeneratorHarness.Run(Source(single: true), "IndexCases32.cs")));

    public static IEnumerable<object[]> Cases => IndexCase.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_matches_numpy(string name) => Check(Double.Value, name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_matches_numpy(string name) => Check(Single.Value, name);

    private static void Check(Assembly assembly, string name)
    {
        var c = IndexCase.All.Single(k => k.Name == name);
        foreach (var mode in new[] { "D", "S" })
        {
            var method = assembly.GetType("IndexCases")!.GetMethod("Run" + c.Name + mode)!;
            double[][] result;
            try { result = (double[][])method.Invoke(null, [c.XValues, c.Y is null ? System.Array.Empty<double>() : c.YValues, c.N ?? 0])!; }
            catch (TargetInvocationException e) { throw e.InnerException!; }
            Assert.Equal(c.Shape, result[1].Select(d => (int)d).ToArray());
            Assert.Equal(c.Values, result[0]);
        }
    }

    /// <summary>
    /// The test reference evaluator (NumPy's semantics written out, run on the unoptimized graph) gives NumPy's values too;
    /// with x's sizes static, the result's static shape is NumPy's shape.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_evaluator_and_static_shapes_match_numpy(string name)
    {
        var c = IndexCase.All.Single(k => k.Name == name);
        foreach (var mode in new[] { "D", "S" })
        {
            var spec = DoubleRun.Value.Specs.Single(s => s.MethodName == "Case" + c.Name + mode);
            var inputs = new List<Infrastructure.Array> { new(c.XValues, c.X) };
            if (c.Y is { } y) inputs.Add(new(c.YValues, y));
            if (c.N is { } n) inputs.Add(Infrastructure.Array.Scalar(n));
            var result = ReferenceEvaluator.Run(spec, inputs)[0];
            Assert.Equal(c.Shape, result.Shape);
            Assert.Equal(c.Values, result.Data);
            if (mode == "S" && c.N is null) Assert.Equal(c.Shape, spec.Graph[spec.Outputs[0].Node].Shape.ToArray());
        }
    }

    private static Assembly Compile(GeneratorRun run)
    {
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors.Take(10)));
        return run.Load();
    }

    private static string Source(bool single)
    {
        string dtype = single ? "DType.Float32" : "DType.Float64", t = single ? "float" : "double";
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class IndexCases");
        s.AppendLine("{");
        foreach (var c in IndexCase.All)
        {
            foreach (var mode in new[] { "D", "S" })
            {
                var xShape = string.Join(", ", c.X.Select(d => mode == "S" ? d.ToString(CultureInfo.InvariantCulture) : "null"));
                var inputs = new List<string> { "x" };
                s.AppendLine("    [TensorFunction]");
                s.AppendLine($"    public static FunctionGraph Case{c.Name}{mode}()");
                s.AppendLine("    {");
                s.AppendLine($"        var x = Tensor(\"x\", {dtype}, [{xShape}]);");
                if (c.Y is { } y)
                {
                    s.AppendLine($"        var y = Tensor(\"y\", {dtype}, [{string.Join(", ", y.Select(d => d == 1 ? "1" : "null"))}]);");
                    inputs.Add("y");
                }
                if (c.N is not null)
                {
                    s.AppendLine("        var n = LScalar(\"n\");");
                    inputs.Add("n");
                }
                s.AppendLine($"        return Function([{string.Join(", ", inputs)}], {c.CSharp});");
                s.AppendLine("    }");
                s.AppendLine($"    public static double[][] Run{c.Name}{mode}(double[] xv, double[] yv, long n)");
                s.AppendLine("    {");
                var args = new List<string> { $"T(xv, [{string.Join(", ", c.X)}])" };
                if (c.Y is { } ys) args.Add(ys.Length == 0 ? $"({t})yv[0]" : $"T(yv, [{string.Join(", ", ys)}])");
                if (c.N is not null) args.Add("n");
                s.AppendLine($"        var r = new Case{c.Name}{mode}Function().Invoke({string.Join(", ", args)});");
                s.AppendLine(c.Shape.Length == 0 ? "        return [[(double)r], []];" : "        return D(r);");
                s.AppendLine("    }");
            }
        }
        s.AppendLine($"    private static System.Numerics.Tensors.Tensor<{t}> T(double[] v, int[] shape) => System.Numerics.Tensors.Tensor.Create(v.Select(x => ({t})x).ToArray(), shape.Select(d => (nint)d).ToArray());");
        s.AppendLine($"    private static double[][] D(System.Numerics.Tensors.Tensor<{t}> x) {{ var a = new {t}[x.FlattenedLength]; x.FlattenTo(a); return [a.Select(e => (double)e).ToArray(), x.Lengths.ToArray().Select(d => (double)d).ToArray()]; }}");
        s.AppendLine("}");
        return s.ToString();
    }
}
