using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Tensorgen.Samples.LogisticRegression;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Inspection;

/// <summary>DebugPrint, ToDot and ToMermaid of compiled functions: the views the generator writes at build time.</summary>
public sealed class GraphViewTests
{
    private static Model.TrainFunction Train() => new(new Model(new double[] { 0.1, -0.2, 0.3 }));

    /// <summary>Every compiled function of every sample, its view read from the data its class was generated with.</summary>
    public static IEnumerable<object[]> SampleFunctions()
    {
        var data = typeof(CompiledFunction).GetProperty("GraphData", BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in SampleAssemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsSubclassOf(typeof(CompiledFunction)) && !t.Name.StartsWith("ScanBody", StringComparison.Ordinal)).OrderBy(t => t.FullName))
        {
            // An object without its constructor run: only its generated view data is read.
            var function = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            yield return [type.FullName!, (string)data.GetValue(function)!];
        }
    }

    [Fact]
    public void Every_sample_has_functions_to_draw() => Assert.True(SampleFunctions().Count() >= 30, $"{SampleFunctions().Count()} sample functions");

    [Theory]
    [MemberData(nameof(SampleFunctions))]
    public void Every_sample_function_prints_and_draws(string name, string data)
    {
        var view = GraphView.Parse(name, data);
        Assert.Null(view.Omitted);
        Assert.NotEmpty(view.Nodes);
        // Every node a step computes exists, every input comes before its reader, every output and update is a node.
        Assert.All(view.Steps.SelectMany(s => s.Nodes), n => Assert.Equal(n, view[n].Id));
        Assert.All(view.Nodes, n => Assert.All(n.Inputs, i => Assert.True(i < n.Id, $"%{n.Id} reads %{i}")));
        Assert.All(view.Outputs.Select(o => o.Node).Concat(view.Updates.Select(u => u.Node)), n => Assert.Equal(n, view[n].Id));

        var printed = view.DebugPrint();
        var roots = printed.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ')).TakeWhile(l => l != "Steps:").ToList();
        Assert.Equal(view.Outputs.Count + view.Updates.Count, roots.Count(r => r.Contains("[id ")));
        DotChecks.AssertParses(view.ToDot(), name);
        MermaidChecks.AssertWellFormed(view.ToMermaid(), view);

        // A profile of it (before any call: the summary's header and no steps yet).
        var function = (CompiledFunction)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(Type.GetType(name + ", " + SampleAssembly(name))!);
        function.Profiling = true;
        var summary = function.Profile!.Summary();
        Assert.StartsWith("Function profiling\n", summary);
        Assert.Contains("  Time in 0 calls to Invoke: 0.000000s", summary);
    }

    private static string SampleAssembly(string type) => SampleAssemblies.First(a => a.GetType(type) is not null).GetName().Name!;

    private static readonly Assembly[] SampleAssemblies =
        new[] { typeof(Model), typeof(Samples.Digits.Perceptron), typeof(Samples.Tutorial.Graphs), typeof(Samples.Loop.Graphs), typeof(Samples.Rnn.Model) }.Select(t => t.Assembly).ToArray();

    [Fact]
    public void The_training_steps_tree_as_PyTensor_prints_it() => Snapshot.Verify(Train().DebugPrint(), "train");

    [Fact]
    public void The_training_steps_Mermaid_flowchart() => Snapshot.Verify(Train().ToMermaid(), "train");

    [Fact]
    public void The_training_steps_DOT() => Snapshot.Verify(Train().ToDot(), "train");

    [Fact]
    public void A_tree_names_each_node_once_and_elides_what_it_printed_before()
    {
        var printed = Train().DebugPrint();
        var lines = printed.Split('\n');
        // Ids run A, B, ..., Z, BA, ... in order of first appearance.
        var ids = lines.Select(l => Regex.Match(l, @"\[id ([A-Z]+)\]")).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        string Letters(int n) => n < 26 ? ((char)('A' + n)).ToString() : Letters(n / 26) + (char)('A' + n % 26);
        Assert.Equal(Enumerable.Range(0, ids.Count).Select(Letters), ids);
        // A node with inputs is expanded once: met again, it shows ··· under it.
        var view = Train().View;
        int expandable = view.Nodes.Count(n => n.Inputs.Count > 0 && printed.Contains($"{(n.Role == GraphNodeRole.Shared ? n.Name + "*" : n.Op)} [id "));
        Assert.Contains(" └─ ···", printed);
        Assert.Contains("w* [id ", printed);
        Assert.Contains("\nSteps:\n", printed);
        Assert.Contains("\nUpdates:\n w <- [id ", printed);
        Assert.Contains("\nRewrites: ", printed);
        Assert.True(expandable > 10);
    }

    [Fact]
    public void A_view_parses_what_the_generator_writes_and_says_when_a_graph_was_too_large()
    {
        var view = GraphView.Parse("G.F", "s|0|elementwise kernel|2\nn|0|i|x|x|float64|?,3||-1\nn|1|c|2||float64|||-1\nn|2|a|mul||float64|?,3|0,1|0\no|2|y");
        Assert.Equal("mul [id A] <Matrix(float64, shape=(?, 3))> 0\n ├─ x [id B] <Matrix(float64, shape=(?, 3))>\n └─ 2 [id C] <Scalar(float64, shape=())>\n\nSteps:\n 0 elementwise kernel: mul [id A]\n",
            view.DebugPrint());
        Assert.Equal("(?, 3)", view[0].ShapeText);
        var large = GraphView.Parse("G.F", "x|the graph has 9,000 nodes");
        Assert.Equal("G.F: the graph has 9,000 nodes\n", large.DebugPrint());
        DotChecks.AssertParses(large.ToDot(), "large");
    }

    [Fact]
    public void DebugPrint_in_graph_code_prints_the_graph_as_built_into_the_remarks_and_is_the_value()
    {
        Assert.Equal(Math.Exp(1) * 2 + 1 + Math.Exp(2) * 2 + 2, new ProfileGraphs.PrintedFunction().Invoke(new double[] { 1, 2 }), 1e-12);
        const string Source = """
            using Tensorgen;
            using static Tensorgen.Pt;
            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DVector("x");
                    var y = DebugPrint(Exp(x) * 2 + x, "y");
                    return Function([x], DebugPrint(y.Sum()));
                }
            }
            """;
        var run = Infrastructure.GeneratorHarness.Run(Source);
        Assert.Empty(run.CompileErrors);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id.StartsWith("TG", StringComparison.Ordinal));
        string file = run.Files["G.F.g.cs"];
        var lines = file.Split('\n').Select(l => l.Trim()).ToList();
        int at = lines.IndexOf("/// DebugPrint of <c>y</c>, as built (before rewriting):");
        Assert.True(at > 0, file);
        Assert.Equal(new[]
        {
            "/// <code>",
            "/// add [id A] &lt;Vector(float64, shape=(?,))&gt;",
            "///  ├─ mul [id B] &lt;Vector(float64, shape=(?,))&gt;",
            "///  │  ├─ exp [id C] &lt;Vector(float64, shape=(?,))&gt;",
            "///  │  │  └─ x [id D] &lt;Vector(float64, shape=(?,))&gt;",
            "///  │  └─ 2 [id E] &lt;Scalar(float64, shape=())&gt;",
            "///  └─ x [id D] &lt;Vector(float64, shape=(?,))&gt;",
            "/// </code>",
        }, lines.Skip(at + 1).Take(8));
        Assert.Contains("/// DebugPrint of <c>DebugPrint(y.Sum())</c>, as built (before rewriting):", file);
        Assert.Contains("/// sum{axis=(0,)} [id A] &lt;Scalar(float64, shape=())&gt;", file);
    }
}
