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

namespace Tensorgen.Tests.Reductions;

/// <summary>The element type of a case's input: the float dtype under test, int32 or bool.</summary>
internal enum InputKind { Float, Int, Bool }

/// <summary>
/// A graph <c>Function([x], expression)</c> of one input <c>x</c> declared as <paramref name="Declaration"/> (with
/// NAME and DTYPE), run on every shape of <paramref name="Shapes"/>.
/// </summary>
internal sealed record ReductionCase(string Name, InputKind Kind, string Declaration, string Expression, int[][] Shapes);

/// <summary>
/// Compiles every case in one generator run per float dtype and runs it on deterministic values with ties, zeros and
/// negative numbers: floats ((7 i) % 11 - 5) / 4, ints (7 i) % 5 - 2, bools (7 i) % 3 == 0 (as reductions_reference.py).
/// </summary>
internal sealed class ReductionCases
{
    private readonly Assembly _assembly;
    private readonly Dictionary<string, FunctionSpec> _specs;
    private readonly bool _single;

    public ReductionCases(IReadOnlyList<ReductionCase> cases, bool single)
    {
        _single = single;
        var run = GeneratorHarness.Run(Source(cases, single), single ? "ReductionCases32.cs" : "ReductionCases64.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        _assembly = run.Load();
        _specs = run.Specs.ToDictionary(s => s.MethodName);
    }

    public bool Single => _single;

    public FunctionSpec Spec(string name) => _specs["Case" + name];

    public static Array Values(InputKind kind, int[] shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        return new Array(Enumerable.Range(0, size).Select(i => kind switch
        {
            InputKind.Float => ((7 * i) % 11 - 5) / 4.0,
            InputKind.Int => (7 * i) % 5 - 2,
            _ => (7 * i) % 3 == 0 ? 1.0 : 0.0,
        }).ToArray(), shape);
    }

    /// <summary>Runs the case's generated function on <paramref name="input"/>.</summary>
    public Array Run(string name, Array input)
    {
        var method = _assembly.GetType("ReductionCases")!.GetMethod("Run" + name)!;
        try
        {
            var result = (object[])method.Invoke(null, [input.Data, input.Shape])!;
            return new Array((double[])result[0], (int[])result[1]);
        }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    /// <summary>Relative tolerance of a comparison: float32 sums and products are folded in another order (vector lanes).</summary>
    public double Tolerance => _single ? 2e-5 : 1e-12;

    public void Compare(Array expected, Array actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape ({string.Join(", ", actual.Shape)}), expected ({string.Join(", ", expected.Shape)})");
        for (int i = 0; i < expected.Size; i++)
        {
            double e = expected.Data[i], a = actual.Data[i];
            bool same = double.IsNaN(e) ? double.IsNaN(a) : e == a || Math.Abs(e - a) <= Tolerance * (1 + Math.Abs(e));
            Assert.True(same, $"{what}: element {i} is {a:R}, expected {e:R}");
        }
    }

    private static string Source(IReadOnlyList<ReductionCase> cases, bool single)
    {
        string dtype = single ? "DType.Float32" : "DType.Float64", t = single ? "float" : "double";
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class ReductionCases");
        s.AppendLine("{");
        foreach (var c in cases)
        {
            string inputType = c.Kind switch { InputKind.Float => dtype, InputKind.Int => "DType.Int32", _ => "DType.Bool" };
            s.AppendLine("    [TensorFunction]");
            s.AppendLine($"    public static FunctionGraph Case{c.Name}()");
            s.AppendLine("    {");
            s.AppendLine($"        var x = {c.Declaration.Replace("NAME", "\"x\"").Replace("DTYPE", inputType)};");
            s.AppendLine($"        return Function([x], {c.Expression.Replace("DTYPE", dtype)});");
            s.AppendLine("    }");
            string make = c.Kind switch { InputKind.Float => $"({t})e", InputKind.Int => "(int)e", _ => "e != 0" };
            s.AppendLine($"    public static object[] Run{c.Name}(double[] v, int[] s) => Out(new Case{c.Name}Function().Invoke(System.Numerics.Tensors.Tensor.Create(v.Select(e => {make}).ToArray(), s.Select(d => (nint)d).ToArray())));");
        }
        s.AppendLine("    private static object[] Out<T>(System.Numerics.Tensors.Tensor<T> x) { var a = new T[x.FlattenedLength]; x.FlattenTo(a); return [a.Select(e => Convert.ToDouble(e)).ToArray(), x.Lengths.ToArray().Select(d => (int)d).ToArray()]; }");
        foreach (var scalar in new[] { "double", "float", "long", "int", "bool" })
            s.AppendLine($"    private static object[] Out({scalar} x) => [new[] {{ Convert.ToDouble(x) }}, new int[0]];");
        s.AppendLine("}");
        return s.ToString();
    }
}
