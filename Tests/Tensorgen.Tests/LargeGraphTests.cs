using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// Graphs built by long loops go through the generator: no stage recurses as deep as the graph (each run
/// here is on a thread with a 1 MB stack, so a recursion per node would overflow it), and a graph beyond
/// the generator's limits is TG0109 at the method, not a hang. Timings are measured by the scaling
/// harness (Tests/Tensorgen.Benchmarks, --generator-scaling), not here.
/// </summary>
public sealed class LargeGraphTests
{
    /// <summary>Runs the generator in memory on a thread with a 1 MB stack.</summary>
    private static GeneratorRun RunOnSmallStack(string source, IReadOnlyDictionary<string, string>? options = null)
    {
        GeneratorRun? run = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { run = GeneratorHarness.Run(source, "Large.cs", options: options); }
            catch (Exception e) { error = e; }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (error is not null) throw new InvalidOperationException("the generator run threw", error);
        return run!;
    }

    private static string Generated(GeneratorRun run) => run.Result.Results.Single().GeneratedSources.Single().SourceText.ToString();

    /// <summary>
    /// The generated file has no syntax errors, every kernel method is of bounded size (128 nodes: a vector
    /// and a scalar statement each, and for a result a parameter, a length check, a ref and two stores), and
    /// the graph in the remarks is an excerpt.
    /// </summary>
    private static void AssertWellFormed(GeneratorRun run)
    {
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.Empty(tree.GetDiagnostics());
        // Members only: the types hold the methods, whose bodies need no walk.
        var kernels = tree.GetRoot().DescendantNodes(n => n is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Where(m => m.Identifier.Text.StartsWith("Kernel", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kernels);
        foreach (var kernel in kernels)
        {
            var span = kernel.GetLocation().GetLineSpan();
            int lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            Assert.True(lines < 800, $"{kernel.Identifier.Text} has {lines} lines");
        }
        var text = Generated(run);
        Assert.Contains("nodes not shown ...", text);
        Assert.True(text.Split("/// %").Length < 250);
    }

    [Fact]
    public void A_loop_of_50000_iterations_builds()
    {
        var run = RunOnSmallStack(LargeGraphs.Chain(50_000));
        Assert.Empty(run.Diagnostics);
        Assert.Equal(200_002, run.Specs.Single().Graph.Count);
        AssertWellFormed(run);
        // The chain is cut into many kernels, each computing at most 128 nodes.
        Assert.True(Generated(run).Split("private static void Kernel").Length > 1_000);
    }

    [Fact]
    public void A_loop_of_10000_tensor_products_builds()
    {
        var run = RunOnSmallStack(LargeGraphs.Products(10_000));
        Assert.Empty(run.Diagnostics);
        Assert.True(run.Specs.Single().Graph.Count >= 30_000, $"{run.Specs.Single().Graph.Count} nodes");
        AssertWellFormed(run);
    }

    [Fact]
    public void A_loop_of_10000_iterations_with_grad_builds()
    {
        var run = RunOnSmallStack(LargeGraphs.Grad(10_000));
        Assert.Empty(run.Diagnostics);
        AssertWellFormed(run);
    }

    [Fact]
    public void Rewrites_of_every_node_of_a_long_chain_stay_shallow()
    {
        // Each iteration is rewritten twice over (1/(1+exp(-a)) → sigmoid, log(sigmoid) → -softplus(-a)), and
        // the rewrites add helper nodes: their recursion is bounded by the rules, not by the chain.
        var run = RunOnSmallStack(LargeGraphs.Wrap("Stable", """
                    var x = DVector("x");
                    var acc = x;
                    for (int i = 0; i < 10000; i++) acc = Log(1 / (1 + Exp(-acc))) + x;
                    return Function([x], acc);
            """));
        Assert.Empty(run.Diagnostics);
        Assert.Contains("local_exp_over_1_plus_exp (x10000), local_log_sigmoid (x10000)", Generated(run));
        AssertWellFormed(run);
    }

    [Fact]
    public void A_deep_chain_through_givens_builds()
    {
        // y is not an input: were it not replaced everywhere, TG0403 would say the outputs need it.
        var run = RunOnSmallStack(LargeGraphs.ThroughGivens(20_000));
        Assert.Empty(run.Diagnostics);
        AssertWellFormed(run);
    }

    [Fact]
    public void A_chain_cut_into_kernels_computes_what_the_loop_says()
    {
        // 300 fused nodes: more than one kernel may compute, so values pass between kernels through buffers.
        const int Iterations = 100;
        var run = GeneratorHarness.Run(LargeGraphs.ThroughGivens(Iterations) + Caller("GivensGraph"), "Large.cs");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.True(Generated(run).Split("private static void Kernel").Length > 2);
        var x = new double[] { -1.5, 0, 0.25, 1, 2, 3, 4, 5, 6, 7, 8 }; // not a multiple of the vector width
        var result = (double[])run.Load().GetType("Caller")!.GetMethod("Run")!.Invoke(null, [x])!;
        for (int k = 0; k < x.Length; k++)
        {
            double y = x[k] * 2, acc = y;
            for (int i = 0; i < Iterations; i++) acc = acc * 0.5 + y * i;
            Assert.Equal(acc, result[k], 1e-12 * Math.Abs(acc));
        }
    }

    /// <summary>
    /// A graph of products, reductions and element-wise chains. Compiling its 400,000 generated lines would
    /// take a minute, so the graph below, of the same kind, is compiled and run instead.
    /// </summary>
    [Fact]
    public void A_graph_of_100000_nodes_goes_through()
    {
        var run = RunOnSmallStack(LargeGraphs.Source("mixed", 100_000));
        Assert.Empty(run.Diagnostics);
        Assert.InRange(run.Specs.Single().Graph.Count, 100_000, 120_000);
        AssertWellFormed(run);
    }

    [Fact]
    public void Products_reductions_and_cut_chains_compute_what_the_reference_evaluator_does()
    {
        // 400 iterations, about 2,000 nodes: kernels cut and merged, values shared between kernels, buffers reused.
        var run = GeneratorHarness.Run(LargeGraphs.Mixed(400) + """

            public static class Caller
            {
                public static double[] Run(double[] x, double[,] w)
                {
                    var result = new Large.MixedGraphFunction().Invoke(x, w);
                    var data = new double[result.FlattenedLength];
                    result.FlattenTo(data);
                    return data;
                }
            }
            """, "Large.cs");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("takes over the buffer of", Generated(run));
        const int N = 13;
        var random = new Random(7);
        var x = TensorData.Random(random, [N]);
        var w = TensorData.Random(random, [N, N]);
        var expected = ReferenceEvaluator.Run(run.Specs.Single(), [x, w]).Single();
        var matrix = new double[N, N];
        for (int i = 0; i < N * N; i++) matrix[i / N, i % N] = w.Data[i];
        var actual = (double[])run.Load().GetType("Caller")!.GetMethod("Run")!.Invoke(null, [x.Data, matrix])!;
        Assert.Equal(N, actual.Length);
        for (int i = 0; i < N; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual[i]) <= 1e-12 * (1 + Math.Abs(expected.Data[i])), $"element {i}: reference {expected.Data[i]:R}, compiled {actual[i]:R}");
    }

    [Fact]
    public void A_value_more_kernels_need_than_merging_considers_is_kept_and_computed_once()
    {
        // 70 outputs of one shape all read e: merging would put them in one kernel, but no node offers
        // more than 64 kernels as candidates, so e is kept and read by them all.
        var outputs = string.Join(", ", Enumerable.Range(2, 70).Select(i => $"e * {i}"));
        var run = GeneratorHarness.Run(LargeGraphs.Wrap("Crowded", $$"""
                    var x = DVector("x");
                    var e = Exp(x) + 1;
                    return Function([x], [{{outputs}}]);
            """) + """

            public static class Caller
            {
                public static double Run(double[] x)
                {
                    var result = new Large.CrowdedFunction().Invoke(x);
                    double total = 0;
                    foreach (var item in new System.Runtime.CompilerServices.ITuple[] { result })
                        for (int i = 0; i < item.Length; i++) total += Sum((System.Numerics.Tensors.Tensor<double>)item[i]!);
                    return total;
                }

                private static double Sum(System.Numerics.Tensors.Tensor<double> t)
                {
                    var data = new double[t.FlattenedLength];
                    t.FlattenTo(data);
                    return System.Linq.Enumerable.Sum(data);
                }
            }
            """, "Large.cs");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("ArrayPool<double>.Shared.Rent", Generated(run)); // e, in a buffer of its own
        var x = new double[] { -1, 0, 0.5, 2, 3 };
        double expected = Enumerable.Range(2, 70).Sum(i => x.Sum(v => (Math.Exp(v) + 1) * i));
        double actual = (double)run.Load().GetType("Caller")!.GetMethod("Run")!.Invoke(null, [x])!;
        Assert.Equal(expected, actual, 1e-9 * expected);
    }

    [Fact]
    public void A_graph_beyond_the_node_limit_is_TG0109_at_the_method()
    {
        var source = LargeGraphs.Chain(1_000) + Caller("ChainGraph");
        var run = RunOnSmallStack(source, new Dictionary<string, string> { ["tensorgen_max_nodes"] = "3000" });
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TG0109", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("ChainGraph", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.StartsWith("In 'Large.ChainGraph': the graph has more than 3,000 nodes, the generator's limit (tensorgen_max_nodes)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        AssertThrowingInvoke(run, "ChainGraph", "more than 3,000 nodes");
    }

    [Fact]
    public void Generated_code_beyond_the_length_limit_is_TG0109_at_the_method()
    {
        var source = LargeGraphs.Chain(100) + Caller("ChainGraph");
        var run = RunOnSmallStack(source, new Dictionary<string, string> { ["tensorgen_max_source_length"] = "20000" });
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TG0109", diagnostic.Id);
        Assert.Equal("ChainGraph", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.StartsWith("In 'Large.ChainGraph': the generated code would be longer than 20,000 characters, the generator's limit (tensorgen_max_source_length)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        AssertThrowingInvoke(run, "ChainGraph", "longer than 20,000 characters");
    }

    [Fact]
    public void Gradients_that_multiply_the_graph_past_the_limit_are_TG0109_during_evaluation()
    {
        // Each Grad of a gradient roughly doubles the graph: without a limit, a hang.
        var source = LargeGraphs.Wrap("Nested", """
                    var x = DVector("x");
                    var g = x;
                    for (int i = 0; i < 64; i++) g = Grad((g * g).Sum(), x);
                    return Function([x], g);
            """);
        var run = RunOnSmallStack(source);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TG0109", diagnostic.Id);
        // At the code that grew the graph past the limit.
        Assert.StartsWith("Grad(", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains("more than 500,000 nodes", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>C# that calls <c>Large.{method}Function</c> on a vector and returns the result's elements (Invoke takes a ref struct, which reflection cannot pass).</summary>
    private static string Caller(string method) => $$"""

        public static class Caller
        {
            public static double[] Run(double[] x)
            {
                var result = new Large.{{method}}Function().Invoke(x);
                var data = new double[result.FlattenedLength];
                result.FlattenTo(data);
                return data;
            }
        }
        """;

    /// <summary>The function class is still emitted, with an Invoke that throws the limit's message.</summary>
    private static void AssertThrowingInvoke(GeneratorRun run, string method, string message)
    {
        Assert.Empty(run.CompileErrors);
        var error = Assert.Throws<TargetInvocationException>(() =>
            run.Load().GetType("Caller")!.GetMethod("Run")!.Invoke(null, [new double[] { 1 }]));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains(message, error.InnerException!.Message);
    }
}
