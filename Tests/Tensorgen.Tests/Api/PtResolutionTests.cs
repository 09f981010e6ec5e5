using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Api;

/// <summary>
/// Every public <see cref="Pt"/> member is callable in an ordinary project (<c>ImplicitUsings</c> and
/// <c>Nullable</c> on), in both documented styles, with <c>System.Numerics.Tensors.Tensor.Create</c> usable
/// in the same project. The members are enumerated by reflection, so a new op is checked without editing this test.
/// </summary>
public sealed class PtResolutionTests
{
    // The calling code of a project: the static class Tensor, and Stack<T> from the implicit usings.
    private const string CallingCode = """
        using System.Numerics.Tensors;
        using Tensorgen;

        Tensor<double> values = Tensor.Create(new double[] { 1, 2 }, [2]);
        var stack = new Stack<int>();
        stack.Push(1);
        Console.WriteLine(NumPy.Repr(values) + stack.Count);
        """;

    [Fact]
    public void Every_member_binds_to_Pt_by_simple_name_in_a_graph_file()
    {
        // Namespaces whose types share names with Pt functions (Stack, Switch, Trace, Vector, Tensor), imported
        // on purpose: in a file with `using static Tensorgen.Pt;` a call still means Pt's function.
        string graphs = $$"""
            using System.Collections;
            using System.Diagnostics;
            using System.Numerics;
            using System.Numerics.Tensors;
            using Tensorgen;
            using static Tensorgen.Pt;

            public static class Uses
            {
                public static void EveryMember({{PtSurface.Parameters}})
                {
                    {{string.Join("\n        ", PtSurface.Statements(""))}}
                }
            }
            """;
        AssertEveryMemberBinds(OrdinaryProject.Build(("Program.cs", CallingCode), ("Graphs.cs", graphs)), "Graphs.cs");
    }

    [Fact]
    public void Every_member_binds_to_Pt_qualified_beside_Tensor_Create_in_one_file()
    {
        // One Program.cs, PyTensor's `pt.exp(x)` written Pt.Exp(x): Tensor.Create stays the System.Numerics.Tensors one.
        string program = $$"""
            {{CallingCode}}

            public static class Uses
            {
                public static void EveryMember({{PtSurface.Parameters}})
                {
                    {{string.Join("\n        ", PtSurface.Statements("Pt."))}}
                }
            }
            """;
        AssertEveryMemberBinds(OrdinaryProject.Build(("Program.cs", program)), "Program.cs");
    }

    private static void AssertEveryMemberBinds(GeneratorRun run, string path)
    {
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors));
        Assert.True(PtSurface.Methods.Count > 150 && PtSurface.Properties.Count >= 2, "reflection found Pt's members");

        // Each overload reached by its own call, and nothing else named like a Pt member taken instead.
        var calls = OrdinaryProject.Invocations(run, path, inside: "Uses").ToList();
        var pt = run.Output.GetTypeByMetadataName("Tensorgen.Pt")!;
        foreach (var (call, method) in calls)
            Assert.True(SymbolEqualityComparer.Default.Equals(method?.ContainingType, pt), $"{call} binds to {method?.ToDisplayString() ?? "nothing"}");
        Assert.Equal(PtSurface.Methods.Count, calls.Count);
        var shared = calls.GroupBy(c => c.Method!.OriginalDefinition, SymbolEqualityComparer.Default).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key!.ToDisplayString()} <- {string.Join(" and ", g.Select(c => c.Call))}");
        Assert.Empty(shared);

        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath == path);
        var model = run.Output.GetSemanticModel(tree);
        foreach (var property in PtSurface.Properties)
        {
            var use = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>()
                .Last(n => n.Identifier.Text == property.Name);
            Assert.True(SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(use).Symbol?.ContainingType, pt), $"{property.Name} is not Pt.{property.Name}");
        }
    }
}
