extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;

namespace Tensorgen.Tests.Joins;

/// <summary>
/// One graph function of a test: its body (statements ending in <c>return Function(...)</c>), the C# element type of
/// each input (<c>double</c>, <c>float</c>, <c>long</c>; a trailing <c>0</c> for a 0-d input: <c>long0</c>) and of
/// each output.
/// </summary>
internal sealed record JoinCase(string Name, string Body, string[] Inputs, string[] Outputs);

/// <summary>
/// Compiles cases in one generator run and runs each through a small adapter taking and giving flat doubles, so
/// tests compare the generated code with the reference evaluator (<see cref="ReferenceEvaluator"/>) or NumPy's values.
/// </summary>
internal sealed class JoinHarness
{
    private readonly Assembly _assembly;
    private readonly Dictionary<string, FunctionSpec> _specs;

    public JoinHarness(params JoinCase[] cases)
    {
        Run = GeneratorHarness.Run(Source(cases), "JoinCases.cs");
        Assert.True(Run.Diagnostics.IsEmpty, string.Join("\n", Run.Diagnostics));
        _specs = Run.Specs.ToDictionary(s => s.MethodName);
        _assembly = Run.Load();
    }

    public GeneratorRun Run { get; }

    /// <summary>The compiled function's outputs for <paramref name="inputs"/>.</summary>
    public Array[] Call(string name, params Array[] inputs)
    {
        var method = _assembly.GetType("JoinCases")!.GetMethod("Run" + name)!;
        try
        {
            var result = (double[][])method.Invoke(null, [inputs.Select(i => i.Data).ToArray(), inputs.Select(i => i.Shape).ToArray()])!;
            return Enumerable.Range(0, result.Length / 2).Select(o => new Array(result[2 * o], result[2 * o + 1].Select(d => (int)d).ToArray())).ToArray();
        }
        catch (TargetInvocationException e)
        {
            throw e.InnerException!;
        }
    }

    /// <summary>Random inputs of the given shapes through the compiled function and the reference evaluator, compared.</summary>
    public void Compare(string name, int seed, params int[][] shapes)
    {
        var spec = _specs[name];
        var random = new Random(seed);
        var inputs = shapes.Select((s, k) => TensorData.Random(random, s, integers: !spec.Graph[spec.Inputs[k].Node].DType.ToString().StartsWith("Float", StringComparison.Ordinal))).ToArray();
        Compare(name, inputs);
    }

    public void Compare(string name, params Array[] inputs)
    {
        var spec = _specs[name];
        Array[] expected;
        try
        {
            expected = ReferenceEvaluator.Run(spec, inputs);
        }
        catch (InvalidOperationException)
        {
            // Where the reference rejects the sizes (a split that does not fit), the compiled function throws too.
            var e = Assert.ThrowsAny<ArgumentException>(() => Call(name, inputs));
            Assert.Contains(name, e.Message);
            return;
        }
        var actual = Call(name, inputs);
        Assert.Equal(expected.Length, actual.Length);
        for (int o = 0; o < expected.Length; o++)
        {
            Assert.Equal(expected[o].Shape, actual[o].Shape);
            double tolerance = spec.Graph[spec.Outputs[o].Node].DType.ToString() switch { "Float64" => 1e-12, "Float32" => 1e-5, _ => 0 };
            for (int i = 0; i < expected[o].Size; i++)
            {
                double e = expected[o].Data[i], a = actual[o].Data[i];
                Assert.True(e == a || Math.Abs(e - a) <= tolerance * (1 + Math.Abs(e)),
                    $"{name}, output {o} element {i} of shape ({string.Join(", ", expected[o].Shape)}): reference {e:R}, compiled {a:R}");
            }
        }
    }

    private static string Source(JoinCase[] cases)
    {
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class JoinCases");
        s.AppendLine("{");
        foreach (var c in cases)
        {
            s.AppendLine("    [TensorFunction]");
            s.AppendLine($"    public static FunctionGraph {c.Name}()");
            s.AppendLine("    {");
            s.AppendLine("        " + c.Body);
            s.AppendLine("    }");
            s.AppendLine($"    public static double[][] Run{c.Name}(double[][] v, int[][] s)");
            s.AppendLine("    {");
            var args = c.Inputs.Select((t, k) => t.EndsWith('0') ? $"({t.TrimEnd('0')})v[{k}][0]" : $"T<{t}>(v[{k}], s[{k}])");
            var outs = c.Outputs.Select((_, k) => "o" + k).ToArray();
            string target = outs.Length == 1 ? "var o0" : $"var ({string.Join(", ", outs)})";
            s.AppendLine($"        {target} = new {c.Name}Function().Invoke({string.Join(", ", args)});");
            s.AppendLine($"        return new double[][] {{ {string.Join(", ", outs.Select(o => $"D({o}), S({o})"))} }};");
            s.AppendLine("    }");
        }
        s.AppendLine("    private static System.Numerics.Tensors.Tensor<T> T<T>(double[] v, int[] shape) => System.Numerics.Tensors.Tensor.Create(v.Select(x => (T)Convert.ChangeType(x, typeof(T))).ToArray(), shape.Select(d => (nint)d).ToArray());");
        s.AppendLine("    private static double[] D<T>(System.Numerics.Tensors.Tensor<T> x) { var a = new T[x.FlattenedLength]; x.FlattenTo(a); return a.Select(e => Convert.ToDouble(e)).ToArray(); }");
        s.AppendLine("    private static double[] S<T>(System.Numerics.Tensors.Tensor<T> x) => x.Lengths.ToArray().Select(d => (double)d).ToArray();");
        s.AppendLine("}");
        return s.ToString();
    }
}
