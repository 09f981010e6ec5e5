extern alias generator;
using System;
using System.Linq;
using System.Threading;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

using StackGuardProbe = generator::Tensorgen.Generator.Evaluate.StackGuard;

/// <summary>
/// The generator never takes the compiler down: sources that crashed <c>csc</c> with a stack overflow or
/// ran for minutes now build, or end in a TG0105 naming the limit, quickly. The generator runs here on a
/// thread with a 1 MB stack (less than the compiler's), so recursion that follows the source would show.
/// </summary>
public sealed class BoundedEvaluationTests
{
    private const string Usings = "using System;\nusing Tensorgen;\nusing static Tensorgen.Pt;\n";

    private static string Graph(string body) => Usings + $$"""
        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph F()
            {
        {{body}}
            }
        }
        """;

    /// <summary>Runs the generator on a thread with a 1 MB stack; a stack overflow would end the test process.</summary>
    internal static GeneratorRun RunOnSmallStack(string source)
    {
        GeneratorRun? run = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                run = GeneratorHarness.Run(source);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the generator threw", failure);
        Assert.DoesNotContain(run!.GeneratorDiagnostics, d => d.Id == "CS8785");
        return run;
    }

    [Fact]
    public void A_machine_written_sum_of_5000_terms_builds()
    {
        var terms = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => $"x * {i}"));
        var run = RunOnSmallStack(Graph($"var x = DScalar(\"x\");\nreturn Function([x], {terms});"));
        Assert.Empty(run.Diagnostics);
        // Every term is a node: the sum was evaluated, not cut short.
        Assert.True(run.Specs.Single().Graph.Count > 10_000);
    }

    [Fact]
    public void Calls_nested_3000_deep_build()
    {
        // The compiler parses and binds this on its own (large) stack; the generator must then not fall over.
        int depth = 3000;
        var nested = string.Concat(Enumerable.Repeat("Exp(", depth)) + "x" + new string(')', depth);
        var source = Graph($"var x = DScalar(\"x\");\nreturn Function([x], {nested});");
        GeneratorRun? run = null;
        int parseErrors = -1;
        var thread = new Thread(() =>
        {
            var compilation = GeneratorHarness.Compilation(("Test.cs", source));
            parseErrors = compilation.SyntaxTrees.Single().GetDiagnostics().Count();
            run = GeneratorHarness.Run(compilation);
        }, 16 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(0, parseErrors);
        Assert.DoesNotContain(run!.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(run.Diagnostics);
        Assert.Equal(depth + 1, run.Specs.Single().Graph.Count);
    }

    [Fact]
    public void Recursion_continues_on_a_fresh_stack_when_the_stack_runs_short()
    {
        // What the evaluator does at every nesting level: a million levels on a 256 KB stack.
        static int Depth(int n) => n == 0 ? 0 : 1 + (StackGuardProbe.HasRoom() ? Depth(n - 1) : StackGuardProbe.OnFreshStack(() => Depth(n - 1)));
        int result = 0;
        var thread = new Thread(() => result = Depth(1_000_000), 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(1_000_000, result);
    }

    [Fact]
    public void Appending_to_a_list_100000_times_builds()
    {
        var run = RunOnSmallStack(Graph("""
                var x = DScalar("x");
                TensorVariable[] xs = [];
                for (int i = 0; i < 100_000; i++) xs = [.. xs, x * (i % 3)];
                return Function([x], xs[99_999] + xs[50_000]);
            """));
        Assert.Empty(run.Diagnostics);
        var value = EvaluationSemanticsTests.Invoke(run.Load(), "F", 2.0);
        Assert.Equal(2.0 * (99_999 % 3) + 2.0 * (50_000 % 3), value);
    }

    [Fact]
    public void A_loop_over_a_constant_builds_its_graph()
    {
        var run = RunOnSmallStack(Graph("""
                var x = DScalar("x");
                var acc = x;
                for (int i = 0; i < 20_000; i++) acc = acc + x * i;
                return Function([x], acc);
            """));
        Assert.Empty(run.Diagnostics);
        Assert.True(run.Specs.Single().Graph.Count > 40_000);
    }

    [Fact]
    public void Fan_out_recursion_ends_at_the_step_budget()
    {
        // 2^40 calls: the budget ends it (once, at the call), instead of a minute of work.
        var run = RunOnSmallStack(Usings + """
            public static partial class G
            {
                static TensorVariable Tree(int depth, TensorVariable x) => depth == 0 ? x : Tree(depth - 1, x) + Tree(depth - 1, x * 2);

                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DScalar("x");
                    return Function([x], Tree(30, x));
                }
            }
            """);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TG0105", diagnostic.Id);
        Assert.Contains("4,000,000 steps", diagnostic.GetMessage());
    }

    [Fact]
    public void A_string_built_character_by_character_ends_at_the_budget()
    {
        var run = RunOnSmallStack(Graph("""
                string name = "";
                for (int i = 0; i < 1_000_000; i++) name = name + "x";
                var x = DScalar(name);
                return Function([x], x);
            """));
        Assert.Equal("TG0105", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void Gradients_of_gradients_in_a_loop_end_at_the_node_limit()
    {
        var run = RunOnSmallStack(Graph("""
                var x = DVector("x");
                var cost = (Exp(x) * Tanh(x)).Sum();
                for (int i = 0; i < 40; i++) cost = (Grad(cost, x) * Sin(x)).Sum();
                return Function([x], cost);
            """));
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("TG0109", diagnostic.Id);
        Assert.Contains("more than 500,000 nodes", diagnostic.GetMessage());
    }
}
