extern alias generator;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using TensorGenerator = generator::Tensorgen.Generator.TensorGenerator;
using FoundFunction = generator::Tensorgen.Generator.Lower.FoundFunction;

namespace Tensorgen.Tests;

/// <summary>
/// The attribute transform reuses its previous lowering, without binding, when neither the method, nor the
/// declarations it lowered (helpers, initializers), nor the declarations of the compilation changed; and lowers
/// again when any of them did, wherever the change is.
/// </summary>
/// <remarks>
/// The memo is process-wide and keyed by file, type and method names, which other tests' compilations share
/// ("Graphs.cs", class G), and it empties when full; so these tests run alone, not beside the suite's other
/// compilations, which would replace or clear an entry between an edit and the run that should reuse it.
/// </remarks>
[Collection(nameof(LoweringReuseTests))]
public sealed class LoweringReuseTests
{
    private const string Graphs = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class G
        {
            [TensorFunction]
            public static FunctionGraph Scaled()
            {
                var x = DVector("x");
                var y = x;
                for (int i = 0; i < Limits.Steps; i++) y = Helpers.Scale(y);
                return Function([x], y + State.Offset);
            }
        }
        """;

    private const string Helpers = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class Helpers
        {
            public static TensorVariable Scale(TensorVariable v, double k = 2.0) => v * k;

            public static int Unrelated() => 1;
        }

        public static class Limits
        {
            public const int Steps = 2;
        }

        public static class State
        {
            public static readonly Shared<double> Offset = Shared(1.0, name: "offset");
        }
        """;

    private sealed class Session
    {
        private CSharpCompilation _compilation = GeneratorHarness.Compilation(("Graphs.cs", Graphs), ("Helpers.cs", Helpers));
        private GeneratorDriver _driver = GeneratorHarness.Driver();

        public Session() => Run();

        public object Lowered { get; private set; } = null!;

        public GeneratorDriverRunResult Result => _driver.GetRunResult();

        public void Edit(string path, string text)
        {
            var old = _compilation.SyntaxTrees.SingleOrDefault(t => t.FilePath == path);
            var tree = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path);
            _compilation = old is null ? _compilation.AddSyntaxTrees(tree) : _compilation.ReplaceSyntaxTree(old, tree);
            Run();
        }

        private void Run()
        {
            _driver = _driver.RunGenerators(_compilation);
            Assert.Empty(Result.Diagnostics);
            Lowered = ((FoundFunction)Result.Results[0].TrackedSteps[TensorGenerator.LowerStep].SelectMany(s => s.Outputs).First().Value).Function;
        }

        public IncrementalStepRunReason Reason(string step) => Result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).First().Reason;

        public string Source => Result.Results[0].GeneratedSources.First().SourceText.ToString();
    }

    [Theory]
    [InlineData("public static int Unrelated() => 1;", "public static int Unrelated() => 2 + 3;")]
    [InlineData("public static partial class Helpers", "// a comment\npublic static partial class Helpers")]
    [InlineData("public const int Steps = 2;", "public const int Steps = 2; // still two")]
    public void An_edit_that_changes_no_declaration_the_graph_reads_reuses_the_lowering(string from, string to)
    {
        var session = new Session();
        var before = session.Lowered;
        session.Edit("Helpers.cs", Helpers.Replace(from, to));
        // Reuse is a memo, so a miss (the memo emptied) lowers again to an equal function: equality is the contract.
        Assert.Equal(before, session.Lowered);
        Assert.Equal(IncrementalStepRunReason.Cached, session.Reason(TensorGenerator.EvaluateStep));
    }

    [Fact]
    public void Editing_another_graph_method_in_the_file_reuses_this_ones_lowering()
    {
        string two = Graphs.Replace("    }\n}", """
                }

                [TensorFunction]
                public static FunctionGraph Other()
                {
                    var x = DScalar("x");
                    return Function([x], x * 2);
                }
            }
            """);
        var session = new Session();
        session.Edit("Graphs.cs", two);
        var scaled = session.Result.Results[0].TrackedSteps[TensorGenerator.LowerStep].SelectMany(s => s.Outputs).First().Value;
        session.Edit("Graphs.cs", two.Replace("x * 2", "x * 4"));
        var outputs = session.Result.Results[0].TrackedSteps[TensorGenerator.LowerStep].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(((FoundFunction)scaled).Function, ((FoundFunction)outputs[0].Value).Function);
        Assert.Equal(IncrementalStepRunReason.Modified, outputs[1].Reason);
    }

    [Theory]
    [InlineData("=> v * k;", "=> v * k * 3.0;")] // a helper's body
    [InlineData("public const int Steps = 2;", "public const int Steps = 3;")] // a constant it reads
    [InlineData("Shared(1.0, name: \"offset\")", "Shared(new double[2], name: \"offset\")")] // a shared variable's initializer: now a vector
    public void An_edit_of_a_declaration_the_graph_reads_lowers_again(string from, string to)
    {
        var session = new Session();
        var (before, source) = (session.Lowered, session.Source);
        session.Edit("Helpers.cs", Helpers.Replace(from, to));
        Assert.NotSame(before, session.Lowered);
        Assert.Equal(IncrementalStepRunReason.Modified, session.Reason(TensorGenerator.EmitStep));
        Assert.NotEqual(source, session.Source);
    }

    [Fact]
    public void A_better_overload_declared_in_another_file_lowers_again()
    {
        var session = new Session();
        var before = session.Lowered;
        // Nothing the graph lowered changed, but Helpers.Scale(y) now binds to the new method.
        session.Edit("More.cs", """
            using Tensorgen;

            public static partial class Helpers
            {
                public static TensorVariable Scale(TensorVariable v) => v * 7.0;
            }
            """);
        Assert.NotSame(before, session.Lowered);
        Assert.Contains("7.0", session.Source);
    }
}

[CollectionDefinition(nameof(LoweringReuseTests), DisableParallelization = true)]
public sealed class LoweringReuseCollection;
