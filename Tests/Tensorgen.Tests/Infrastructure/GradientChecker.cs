using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>One input of a gradient check: its declaration in graph code, its run-time shape, its values' domain.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Declaration">The graph-code constructor, without the dtype: <c>Matrix</c>, <c>Row</c>, <c>Tensor(..., [null, 1])</c>.</param>
/// <param name="Shape">The shape of the values the check uses.</param>
/// <param name="Positive">Values in (0.5, 2) instead of (-2, 2), for log, sqrt, division, powers.</param>
internal sealed record GradInput(string Name, string Declaration, int[] Shape, bool Positive = false);

/// <summary>A gradient check: <c>cost = Sum(expression * p)</c> for a random projection <c>p</c> of the expression's shape.</summary>
internal sealed record GradCase(string Name, GradInput[] Inputs, string Expression, GradInput Projection);

/// <summary>
/// PyTensor's <c>verify_grad</c>: compiles, for every case, a function returning a random projection of
/// the expression (a scalar cost) and its symbolic gradient with respect to every input, and compares
/// the gradient's derivative along a random direction with a central finite difference of the cost.
/// Passes when |analytic - numeric| ≤ tol or |analytic - numeric| / (|analytic| + |numeric|) ≤ tol, with
/// PyTensor's tolerances: 1e-4 in float64 (step 1e-7), 1e-2 in float32 (step 3e-4).
/// All cases of a dtype are compiled in one in-memory compilation; each is run through a small
/// generated adapter, since the typed Invoke takes ref struct arguments reflection cannot pass.
/// </summary>
internal sealed class GradientChecker
{
    private readonly Assembly _assembly;
    private readonly bool _single;

    public GradientChecker(IReadOnlyList<GradCase> cases, bool single)
    {
        _single = single;
        var source = Source(cases, single);
        var run = GeneratorHarness.Run(source, single ? "GradCases32.cs" : "GradCases64.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        _assembly = run.Load();
    }

    public double Tolerance => _single ? 1e-2 : 1e-4;

    private double Step => _single ? 3e-4 : 1e-7;

    /// <summary>Runs a case: cost and gradients for the given input values (projection last).</summary>
    public double[][] Run(string name, double[][] inputs)
    {
        var method = _assembly.GetType("GradCases")!.GetMethod("Run" + name)!;
        return (double[][])method.Invoke(null, new object[] { inputs })!;
    }

    public void Verify(GradCase @case, int seed)
    {
        var random = new Random(seed);
        var all = @case.Inputs.Append(@case.Projection).ToArray();
        var values = all.Select(i => Values(random, i)).ToArray();
        var direction = @case.Inputs.Select(i => Values(random, i with { Positive = false })).ToArray();

        var result = Run(@case.Name, values);
        double analytic = 0;
        for (int k = 0; k < @case.Inputs.Length; k++)
        {
            Assert.Equal(values[k].Length, result[k + 1].Length);
            for (int i = 0; i < direction[k].Length; i++) analytic += result[k + 1][i] * direction[k][i];
        }
        double Cost(double sign)
        {
            var moved = values.Select((v, k) => k < direction.Length ? v.Select((x, i) => x + sign * Step * direction[k][i]).ToArray() : v).ToArray();
            return Run(@case.Name, moved)[0][0];
        }
        double numeric = (Cost(1) - Cost(-1)) / (2 * Step);
        double abs = Math.Abs(analytic - numeric), rel = abs / (Math.Abs(analytic) + Math.Abs(numeric) + double.Epsilon);
        Assert.True(abs <= Tolerance || rel <= Tolerance,
            $"{@case.Name} ({(_single ? "float32" : "float64")}): analytic directional derivative {analytic:R}, finite difference {numeric:R} (abs {abs:E2}, rel {rel:E2})");
    }

    private static double[] Values(Random random, GradInput input)
    {
        int size = input.Shape.Aggregate(1, (a, b) => a * b);
        return Enumerable.Range(0, size).Select(_ => input.Positive ? 0.5 + 1.5 * random.NextDouble() : 4 * random.NextDouble() - 2).ToArray();
    }

    private static string Source(IReadOnlyList<GradCase> cases, bool single)
    {
        string dtype = single ? "DType.Float32" : "DType.Float64", t = single ? "float" : "double";
        var s = new StringBuilder();
        s.AppendLine("using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;");
        s.AppendLine("public static partial class GradCases");
        s.AppendLine("{");
        foreach (var c in cases)
        {
            var all = c.Inputs.Append(c.Projection).ToArray();
            s.AppendLine("    [TensorFunction]");
            s.AppendLine($"    public static FunctionGraph Case{c.Name}()");
            s.AppendLine("    {");
            foreach (var input in all) s.AppendLine($"        var {input.Name} = {Declare(input, dtype)};");
            s.AppendLine($"        var cost = (({c.Expression}) * {c.Projection.Name}).Sum();");
            var grads = string.Join(", ", c.Inputs.Select(i => $"Grad(cost, {i.Name})"));
            s.AppendLine($"        return Function([{string.Join(", ", all.Select(i => i.Name))}], [cost, {grads}]);");
            s.AppendLine("    }");
            s.AppendLine($"    public static double[][] Run{c.Name}(double[][] v)");
            s.AppendLine("    {");
            var args = all.Select((input, k) => input.Shape.Length == 0 ? $"({t})v[{k}][0]" : $"T(v[{k}], {string.Join(", ", input.Shape)})");
            var outs = Enumerable.Range(0, c.Inputs.Length + 1).Select(k => "o" + k).ToArray();
            s.AppendLine($"        var ({string.Join(", ", outs)}) = new Case{c.Name}Function().Invoke({string.Join(", ", args)});");
            var back = outs.Select((o, k) => k == 0 || c.Inputs[k - 1].Shape.Length == 0 ? $"new double[] {{ (double){o} }}" : $"D({o})");
            s.AppendLine($"        return new double[][] {{ {string.Join(", ", back)} }};");
            s.AppendLine("    }");
        }
        s.AppendLine($"    private static System.Numerics.Tensors.Tensor<{t}> T(double[] v, params int[] shape) => System.Numerics.Tensors.Tensor.Create(v.Select(x => ({t})x).ToArray(), shape.Select(d => (nint)d).ToArray());");
        s.AppendLine($"    private static double[] D(System.Numerics.Tensors.Tensor<{t}> x) {{ var a = new {t}[x.FlattenedLength]; x.FlattenTo(a); return a.Select(e => (double)e).ToArray(); }}");
        s.AppendLine("}");
        return s.ToString();
    }

    private static string Declare(GradInput input, string dtype) => input.Declaration switch
    {
        "Scalar" or "Vector" or "Matrix" or "Row" or "Col" or "Tensor3" => $"{input.Declaration}(\"{input.Name}\", {dtype})",
        var d when d.StartsWith("Tensor(", StringComparison.Ordinal) => d.Replace("DTYPE", dtype).Replace("NAME", $"\"{input.Name}\""),
        var d => throw new ArgumentException(d),
    };
}
