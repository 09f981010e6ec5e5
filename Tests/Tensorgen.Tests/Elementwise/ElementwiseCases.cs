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

namespace Tensorgen.Tests.Elementwise;

/// <summary>Where an input's values lie: the generated values spread over the domain, and its special values.</summary>
internal enum Domain
{
    /// <summary>-4 to 4 in quarter steps (halves included), then NaN, ±∞, ±0.</summary>
    Real,
    /// <summary>-1 to 1 (both included), then NaN, ±∞, ±0 and values beyond ±1.</summary>
    Unit,
    /// <summary>Above 0, to 8, then NaN, +∞, ±0, -1, and a subnormal.</summary>
    Positive,
    /// <summary>1 to 9, then NaN, +∞, 1, 0.5.</summary>
    AboveOne,
    /// <summary>Integers, negatives and values past 2^32 included.</summary>
    Int,
    /// <summary>int32 values, the extremes included.</summary>
    Int32,
    /// <summary>False and true.</summary>
    Bool,
}

/// <summary>One input: its name, its declaration in graph code (<c>DTYPE</c> for the case's float dtype), its C# element type (null: the float dtype), its values.</summary>
internal sealed record ElementwiseInput(string Name, string Declaration, Domain Domain, string? Element = null);

/// <summary>A graph function <c>Function([inputs], expression)</c> and the input shapes it runs on.</summary>
internal sealed record ElementwiseCase(string Name, ElementwiseInput[] Inputs, string Expression, int[][][] Shapes);

/// <summary>
/// Compiles every case in one generator run per float dtype and runs it on each of its shape sets, comparing the
/// generated code with the reference evaluator element by element: NaN where NaN, infinities exactly, the rest
/// within a tolerance per dtype. The inputs carry each domain's special values once they have room for them.
/// </summary>
internal sealed class ElementwiseCases
{
    private readonly Assembly _assembly;
    private readonly Dictionary<string, FunctionSpec> _specs;
    private readonly IReadOnlyList<ElementwiseCase> _cases;
    private readonly bool _single;

    public ElementwiseCases(IReadOnlyList<ElementwiseCase> cases, bool single)
    {
        _cases = cases;
        _single = single;
        var run = GeneratorHarness.Run(Source(cases, single), single ? "ElementwiseCases32.cs" : "ElementwiseCases64.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        _assembly = run.Load();
        _specs = run.Specs.ToDictionary(s => s.MethodName);
        Files = run.Files;
    }

    /// <summary>The generated files, by name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>float64: 1e-13 relative; float32 (computed in float64 and rounded once): 1e-6 relative, as one float32 ulp is 6e-8.</summary>
    public double Relative => _single ? 1e-6 : 1e-13;

    /// <summary>Absolute slack near zeros of the function (log Γ at 1 and 2): 1e-13 in float64, 1e-6 in float32.</summary>
    public double Absolute => _single ? 1e-6 : 1e-13;

    public static Array Values(Domain domain, int[] shape, int salt)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        var data = new double[size];
        for (int i = 0; i < size; i++) data[i] = Value(domain, i + salt);
        double[] specials = domain switch
        {
            Domain.Real => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 2.5, -2.5, 0.5, -0.5],
            Domain.Unit => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1, -1, 1.5, -1.5],
            Domain.Positive => [double.NaN, double.PositiveInfinity, 0.0, -0.0, -1, 1e-310, 1, 2],
            Domain.AboveOne => [double.NaN, double.PositiveInfinity, 1, 0.5],
            Domain.Int => [0, -1, 1L << 40, -(1L << 40) - 3],
            Domain.Int32 => [0, -1, int.MaxValue, int.MinValue],
            _ => [],
        };
        // Specials at the end of sizes 17 and more, so the vector loop and the scalar tail both meet some.
        if (size >= 17)
            for (int k = 0; k < specials.Length; k++) data[size - 1 - 2 * k] = specials[k];
        return new Array(data, shape);
    }

    private static double Value(Domain domain, int i) => domain switch
    {
        Domain.Real => ((i * 7) % 33 - 16) / 4.0,
        Domain.Unit => ((i * 7) % 21 - 10) / 10.0,
        Domain.Positive => ((i * 7) % 32 + 1) / 4.0,
        Domain.AboveOne => 1 + ((i * 5) % 17) / 2.0,
        Domain.Int or Domain.Int32 => (i * 37) % 201 - 100,
        _ => (i * 5) % 3 == 0 ? 1 : 0,
    };

    /// <summary>Runs the case's generated function.</summary>
    public Array Run(string name, Array[] inputs)
    {
        var method = _assembly.GetType("ElementwiseCases")!.GetMethod("Run" + name)!;
        try
        {
            var result = (object[])method.Invoke(null, [inputs.Select(a => a.Data).ToArray(), inputs.Select(a => a.Shape).ToArray()])!;
            return new Array((double[])result[0], (int[])result[1]);
        }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    /// <summary>The reference evaluator's values of the case.</summary>
    public Array Reference(string name, Array[] inputs) => ReferenceEvaluator.Run(_specs["Case" + name], inputs)[0];

    /// <summary>The generated code against the reference evaluator on every shape set of the case.</summary>
    public void Verify(string name)
    {
        var @case = _cases.Single(c => c.Name == name);
        foreach (var shapes in @case.Shapes)
        {
            var inputs = @case.Inputs.Select((input, k) => Values(input.Domain, shapes[k], 3 * k)).ToArray();
            string what = $"{name} ({(_single ? "float32" : "float64")}) on {string.Join(", ", shapes.Select(s => "(" + string.Join(", ", s) + ")"))}";
            Compare(Reference(name, inputs), Run(name, inputs), what);
        }
    }

    public void Compare(Array expected, Array actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape ({string.Join(", ", actual.Shape)}), expected ({string.Join(", ", expected.Shape)})");
        for (int i = 0; i < expected.Size; i++)
        {
            double e = expected.Data[i], a = actual.Data[i];
            bool same = double.IsNaN(e) ? double.IsNaN(a)
                : double.IsInfinity(e) ? a == e
                : Math.Abs(e - a) <= Relative * Math.Abs(e) + Absolute;
            Assert.True(same, $"{what}: element {i} is {a:R}, expected {e:R}");
        }
    }

    private static string Source(IReadOnlyList<ElementwiseCase> cases, bool single)
    {
        string dtype = single ? "DType.Float32" : "DType.Float64", t = single ? "float" : "double";
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class ElementwiseCases");
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
            var args = c.Inputs.Select((input, k) => $"T<{input.Element ?? t}>(v[{k}], s[{k}])");
            s.AppendLine($"        return Out(new Case{c.Name}Function().Invoke({string.Join(", ", args)}));");
            s.AppendLine("    }");
        }
        s.AppendLine("    private static System.Numerics.Tensors.Tensor<E> T<E>(double[] v, int[] shape) => System.Numerics.Tensors.Tensor.Create(v.Select(x => typeof(E) == typeof(bool) ? (E)(object)(x != 0) : (E)Convert.ChangeType(x, typeof(E))).ToArray(), shape.Select(d => (nint)d).ToArray());");
        s.AppendLine("    private static object[] Out<E>(System.Numerics.Tensors.Tensor<E> x) { var a = new E[x.FlattenedLength]; x.FlattenTo(a); return [a.Select(e => Convert.ToDouble(e)).ToArray(), x.Lengths.ToArray().Select(d => (int)d).ToArray()]; }");
        s.AppendLine("}");
        return s.ToString();
    }
}
