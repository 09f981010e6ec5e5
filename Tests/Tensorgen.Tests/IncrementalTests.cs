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
/// The pipeline is incremental: edits that do not change a graph leave the Emit step cached, and the
/// models that flow between steps are plain values with no Roslyn objects in them.
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

    [Fact]
    public void Adding_a_comment_leaves_emit_cached()
    {
        var (driver, compilation) = First();
        driver = driver.RunGenerators(Replace(compilation, "Graphs.cs", "// a comment that moves every line\n" + Graphs));
        Assert.All(Reasons(driver, TensorGenerator.SpecStep), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(Reasons(driver, TensorGenerator.EmitStep), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.Equal(2, Reasons(driver, TensorGenerator.EmitStep).Length);
    }

    [Fact]
    public void Editing_unrelated_code_leaves_emit_cached()
    {
        var (driver, compilation) = First();
        driver = driver.RunGenerators(Replace(compilation, "Other.cs", Other.Replace("42", "43")));
        Assert.All(Reasons(driver, TensorGenerator.EmitStep), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
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
    public void Specs_hold_no_roslyn_objects()
    {
        foreach (var spec in GeneratorHarness.Run(Graphs).Specs)
            AssertPlain(spec, "spec", new HashSet<object>(ReferenceEqualityComparer.Instance));
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
    /// Each stage after evaluation is a step of its own (differentiate, rewrite, schedule, emit), a pure function
    /// of the step before: an edit elsewhere leaves every one cached, and so does a comment that moves every
    /// location of the graphs (a Grad among them, whose diagnostics' places travel beside the spec).
    /// </summary>
    [Fact]
    public void Every_stage_is_a_step_and_stays_cached_when_the_graphs_do_not_change()
    {
        const string withGrad = """
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class H
            {
                [TensorFunction]
                public static FunctionGraph Slope()
                {
                    var x = DVector("x");
                    return Function([x], Grad((x * x).Sum(), x));
                }
            }
            """;
        string[] stages = [TensorGenerator.DifferentiateStep, TensorGenerator.RewriteStep, TensorGenerator.ScheduleStep, TensorGenerator.EmitStep];
        var compilation = GeneratorHarness.Compilation(("Graphs.cs", Graphs), ("Other.cs", Other), ("Grad.cs", withGrad));
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        foreach (var step in stages.Prepend(TensorGenerator.SpecStep))
            Assert.True(Reasons(driver, step).Length == 3, $"{step}: {Reasons(driver, step).Length} outputs");
        Assert.Empty(driver.GetRunResult().Diagnostics);

        driver = driver.RunGenerators(Replace(compilation, "Other.cs", Other.Replace("42", "43")));
        foreach (var step in stages.Prepend(TensorGenerator.SpecStep))
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        driver = driver.RunGenerators(Replace(compilation, "Grad.cs", "// a comment that moves every line\n" + withGrad));
        Assert.All(Reasons(driver, TensorGenerator.SpecStep), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        foreach (var step in stages)
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
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
