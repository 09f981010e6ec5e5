extern alias generator;
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using TensorGenerator = generator::Tensorgen.Generator.TensorGenerator;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;

namespace Tensorgen.Tests;

/// <summary>
/// The pipeline is incremental: the attribute transform (Lower) re-runs after every edit, but an edit that does
/// not change a graph gives an equal lowered function, so every step after it (Evaluate, Spec, Emit) stays
/// cached; and the models that flow between steps are plain values with no Roslyn objects in them.
/// </summary>
public sealed class IncrementalTests
{
    private const string Graphs = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Scale()
            {
                var x = DVector("x");
                return Function([x], x * 2);
            }

            [TensorFunction]
            public static FunctionGraph Shift()
            {
                var x = DVector("x");
                return Function([x], x + 1);
            }
        }
        """;

    private const string Other = """
        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    /// <summary>Graph code that reaches most of the lowered forms: helpers, a local function, shared and random members, loops, strings.</summary>
    private const string Rich = """
        using System.Collections.Generic;
        using Tensorgen;
        using static Tensorgen.Pt;

        public partial class R
        {
            public static readonly Shared<double> W = Shared(new double[3], name: "w");
            public static readonly RandomStream Stream = new(7);
            public static readonly RandomVariable Noise = Stream.Normal(0.0, 1.0, size: [3]);
            private const int Layers = 3;

            private static TensorVariable Layer(TensorVariable x, int i, ref int count)
            {
                count++;
                return Tanh(x * W + i * 0.5);
            }

            [TensorFunction]
            public static FunctionGraph Net()
            {
                var x = DVector("x");
                var y = DVector("y");
                var h = x;
                int count = 0;
                for (int i = 0; i < Layers; i++) h = Layer(h, i, ref count);
                foreach (var scale in new[] { 1.0, -0.0, 2.5f })
                    if (scale > 0 && count == Layers) h = h * scale;
                TensorVariable Twice(TensorVariable v) => v + v;
                var (a, b) = (Twice(h), h.Sum());
                string name = $"x{count:D2}";
                var cost = (a * Noise).Sum() + b + (y * y).Sum();
                var g = Grad(cost, W);
                return Function([In(x, name: name)], [a, g], updates: [(W, W - 0.1 * g)],
                    givens: new Dictionary<TensorVariable, TensorVariable> { [y] = x * Constant(2.0) });
            }
        }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) First()
    {
        var compilation = GeneratorHarness.Compilation(("Graphs.cs", Graphs), ("Other.cs", Other));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }

    /// <summary>The steps after the transform: each ran for every function and found nothing changed.</summary>
    private static readonly string[] AfterLowering = [TensorGenerator.EvaluateStep, TensorGenerator.SpecStep, TensorGenerator.EmitStep];

    private static void AssertCachedAfterLowering(GeneratorDriver driver, int functions)
    {
        foreach (var step in AfterLowering)
        {
            var reasons = Reasons(driver, step);
            Assert.Equal(functions, reasons.Length);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Fact]
    public void Adding_a_comment_above_the_graph_methods_leaves_every_step_after_lowering_cached()
    {
        var (driver, compilation) = First();
        driver = driver.RunGenerators(Replace(compilation, "Graphs.cs", "// a comment that moves every line\n" + Graphs));
        // The transform ran again and its anchors moved; what it lowered is equal.
        Assert.All(Reasons(driver, TensorGenerator.LowerStep), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        AssertCachedAfterLowering(driver, 2);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_after_lowering_cached()
    {
        var (driver, compilation) = First();
        driver = driver.RunGenerators(Replace(compilation, "Other.cs", Other.Replace("42", "43")));
        Assert.All(Reasons(driver, TensorGenerator.LowerStep), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        AssertCachedAfterLowering(driver, 2);
    }

    [Fact]
    public void Moving_helpers_and_members_in_another_file_leaves_evaluation_cached()
    {
        var compilation = GeneratorHarness.Compilation(("Rich.cs", Rich), ("Other.cs", Other));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        // The helper, the initializers and the graph all move down two lines; none changes.
        driver = driver.RunGenerators(Replace(compilation, "Rich.cs", Rich.Replace("public partial class R\n{", "public partial class R\n{\n    // moved\n")));
        AssertCachedAfterLowering(driver, 1);
    }

    [Fact]
    public void A_moved_method_reports_its_diagnostics_at_the_new_place_without_evaluating_again()
    {
        string broken = Graphs.Replace("x * 2", "x & x");
        var compilation = GeneratorHarness.Compilation(("Graphs.cs", broken), ("Other.cs", Other));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var before = Assert.Single(driver.GetRunResult().Diagnostics);

        const string comment = "// two lines\n// above\n";
        driver = driver.RunGenerators(Replace(compilation, "Graphs.cs", comment + broken));
        AssertCachedAfterLowering(driver, 2);
        var after = Assert.Single(driver.GetRunResult().Diagnostics);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.GetMessage(), after.GetMessage());
        Assert.Equal(before.Location.SourceSpan.Start + comment.Length, after.Location.SourceSpan.Start);
        Assert.Equal(before.Location.SourceSpan.Length, after.Location.SourceSpan.Length);
        var (was, now) = (before.Location.GetLineSpan().Span, after.Location.GetLineSpan().Span);
        Assert.Equal((was.Start.Line + 2, was.Start.Character, was.End.Line + 2, was.End.Character),
            (now.Start.Line, now.Start.Character, now.End.Line, now.End.Character));
        Assert.Equal("x & x", (comment + broken).Substring(after.Location.SourceSpan.Start, after.Location.SourceSpan.Length));
    }

    [Fact]
    public void Changing_one_graph_re_emits_only_that_graph()
    {
        var (driver, compilation) = First();
        driver = driver.RunGenerators(Replace(compilation, "Graphs.cs", Graphs.Replace("x * 2", "x * 3")));
        var reasons = Reasons(driver, TensorGenerator.EmitStep);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("3.0", driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == "G.Scale.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Equal_source_gives_equal_specs()
    {
        var a = GeneratorHarness.Run(Graphs).Specs;
        var b = GeneratorHarness.Run("// different trivia\n" + Graphs).Specs;
        Assert.Equal(a, b);
        Assert.Equal(a.Select(s => s.GetHashCode()), b.Select(s => s.GetHashCode()));
    }

    [Fact]
    public void Equal_source_gives_equal_lowered_functions()
    {
        var a = Lowered(GeneratorHarness.Run(Rich));
        var b = Lowered(GeneratorHarness.Run("// different trivia\n\n" + Rich));
        Assert.Equal(a, b);
        Assert.Equal(a.Select(s => s.GetHashCode()), b.Select(s => s.GetHashCode()));
        Assert.NotEqual(a, Lowered(GeneratorHarness.Run(Rich.Replace("-0.0", "0.0"))));
    }

    private static List<object> Lowered(GeneratorRun run) =>
        run.Result.Results[0].TrackedSteps[TensorGenerator.LowerStep].SelectMany(s => s.Outputs)
            .Select(o => o.Value.GetType().GetProperty("Function")!.GetValue(o.Value)!).ToList();

    [Fact]
    public void Specs_hold_no_roslyn_objects()
    {
        foreach (var spec in GeneratorHarness.Run(Graphs).Specs)
            AssertPlain(spec, "spec", new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void Lowered_functions_and_their_evaluation_hold_no_roslyn_objects()
    {
        var run = GeneratorHarness.Run(Rich);
        Assert.Empty(run.Diagnostics);
        foreach (var step in new[] { TensorGenerator.LowerStep, TensorGenerator.EvaluateStep })
            foreach (var output in run.Result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs))
                AssertPlain(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertPlain(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        var ns = value.GetType().Namespace ?? "";
        Assert.False(ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), $"{path} is a {value.GetType().FullName}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) AssertPlain(item, $"{path}[{i++}]", seen);
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 && property.DeclaringType != typeof(object))
                AssertPlain(property.GetValue(value), $"{path}.{property.Name}", seen);
    }

    /// <summary>
    /// An IDE-style session: one driver through a series of edits, as the compiler server keeps it
    /// between keystrokes. After each edit: the files produced, and which functions were re-emitted.
    /// </summary>
    [Fact]
    public void An_editing_session_re_emits_only_what_changed()
    {
        var compilation = GeneratorHarness.Compilation(("Graphs.cs", Graphs), ("Other.cs", Other));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        Assert.Equal(["G.Scale.g.cs", "G.Shift.g.cs"], Hints(driver));

        // 1. Whitespace and a comment inside a body: nothing re-emitted.
        compilation = Replace(compilation, "Graphs.cs", Graphs.Replace("var x = DVector(\"x\");", "var x = DVector(\"x\"); // the input\n"));
        driver = driver.RunGenerators(compilation);
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, Reasons(driver, TensorGenerator.EmitStep));

        // 2. A new graph method after the others: one new output, the others cached. (Roslyn matches
        //    outputs by position, so a method inserted before others re-emits those after it.)
        string withThird = Graphs.Substring(0, Graphs.LastIndexOf('}')) + """
                [TensorFunction]
                public static FunctionGraph Third()
                {
                    var x = DVector("x");
                    return Function([x], Exp(x));
                }
            }
            """;
        compilation = Replace(compilation, "Graphs.cs", withThird);
        driver = driver.RunGenerators(compilation);
        Assert.Equal(["G.Scale.g.cs", "G.Shift.g.cs", "G.Third.g.cs"], Hints(driver));
        var reasons = Reasons(driver, TensorGenerator.EmitStep);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.New));
        Assert.Equal(0, reasons.Count(r => r == IncrementalStepRunReason.Modified));

        // 3. A typo: a diagnostic, the broken function still has a class (no cascade of errors elsewhere).
        compilation = Replace(compilation, "Graphs.cs", withThird.Replace("Exp(x)", "Exp(x) & x"));
        driver = driver.RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == "TG0201");
        Assert.Equal(3, Hints(driver).Length);

        // 4. Fixed again, and the graph changed: only Third is re-emitted.
        compilation = Replace(compilation, "Graphs.cs", withThird.Replace("Exp(x)", "Exp(x) * 2"));
        driver = driver.RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        reasons = Reasons(driver, TensorGenerator.EmitStep);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Contains("2.0", Source(driver, "G.Third.g.cs"));

        // 5. The method removed: its file goes away.
        compilation = Replace(compilation, "Graphs.cs", Graphs);
        driver = driver.RunGenerators(compilation);
        Assert.Equal(["G.Scale.g.cs", "G.Shift.g.cs"], Hints(driver));
    }

    private static string[] Hints(GeneratorDriver driver) =>
        driver.GetRunResult().Results[0].GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToArray();

    private static string Source(GeneratorDriver driver, string hint) =>
        driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();
}
