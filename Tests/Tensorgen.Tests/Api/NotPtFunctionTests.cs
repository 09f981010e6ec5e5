using System.Linq;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Api;

/// <summary>
/// TG0217: in graph code, a call spelled like a Pt function whose name reaches something else says so, at the call,
/// beside the compiler's own error; nothing is added where the compiler's error already names what was meant.
/// </summary>
public sealed class NotPtFunctionTests
{
    private static (Diagnostic[] Tg0217, string[] CompilerIds, GeneratorRun Run) Build(string usings, string members, string body)
    {
        string graphs = $$"""
            {{usings}}

            public static partial class G
            {
            {{members}}
                [TensorFunction]
                public static FunctionGraph F()
                {
            {{body}}
                }
            }
            """;
        var run = OrdinaryProject.Build(("Program.cs", "System.Console.WriteLine();"), ("Graphs.cs", graphs));
        var compiler = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().ToArray();
        return (run.Diagnostics.Where(d => d.Id == "TG0217").ToArray(), compiler, run);
    }

    private static string At(GeneratorRun run, Diagnostic d) =>
        run.Output.SyntaxTrees.Single(t => t.FilePath == d.Location.GetLineSpan().Path).GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void Stack_in_a_file_without_the_import_names_the_generic_Stack()
    {
        var (tg, compiler, run) = Build("using Tensorgen;", "", """
                    var x = Pt.DVector("x");
                    return Pt.Function([x], Stack([x, x]));
            """);
        Assert.Contains("CS0305", compiler);
        var d = Assert.Single(tg);
        Assert.Equal("Stack([x, x])", At(run, d));
        Assert.Equal("In 'F': 'Stack' here means the type 'System.Collections.Generic.Stack<T>', not Tensorgen.Pt.Stack; import Pt in this file (using static Tensorgen.Pt;) or write Pt.Stack", d.GetMessage());
    }

    [Fact]
    public void A_function_in_a_file_without_the_import_says_Pt_is_not_imported()
    {
        var (tg, compiler, run) = Build("using Tensorgen;", "", """
                    var x = Pt.DVector("x");
                    return Pt.Function([x], Exp(x));
            """);
        Assert.Contains("CS0103", compiler);
        var d = Assert.Single(tg);
        Assert.Equal("Exp(x)", At(run, d));
        Assert.Contains("'Exp' here means nothing: this file does not import Tensorgen.Pt", d.GetMessage());
    }

    [Fact]
    public void A_closer_declaration_hiding_the_function_is_named()
    {
        // C# skips a field that cannot be invoked (Pt's Sqr is still found past it), but not a local.
        var (tg, compiler, run) = Build("using Tensorgen;\nusing static Tensorgen.Pt;", "", """
                    var x = DVector("x");
                    var Exp = 3;
                    return Function([x], Exp(x));
            """);
        Assert.Contains("CS0149", compiler);
        var d = Assert.Single(tg);
        Assert.Equal("Exp(x)", At(run, d));
        Assert.Contains("'Exp' here means the variable 'Exp', not Tensorgen.Pt.Exp", d.GetMessage());
    }

    [Fact]
    public void Wrong_arguments_to_Pt_or_to_a_method_of_the_same_name_are_left_to_the_compiler()
    {
        var (tg, compiler, run) = Build("using Tensorgen;\nusing static Tensorgen.Pt;", "", """
                    var x = DVector("x");
                    return Function([x], Stack(x, x));
            """);
        Assert.Contains("CS1503", compiler);
        Assert.Empty(tg);

        (tg, compiler, _) = Build("using Tensorgen;", "    static TensorVariable Exp(TensorVariable x, int times) => x;", """
                    var x = Pt.DVector("x");
                    return Pt.Function([x], Exp(x));
            """);
        Assert.Contains("CS7036", compiler);
        Assert.Empty(tg);
    }

    [Fact]
    public void Every_Pt_call_in_a_graph_file_under_implicit_usings_is_free_of_it()
    {
        var run = OrdinaryProject.Build(("Program.cs", "System.Console.WriteLine();"), ("Graphs.cs", """
            using System.Collections;
            using System.Diagnostics;
            using Tensorgen;
            using static Tensorgen.Pt;

            public static partial class G
            {
                [TensorFunction]
                public static FunctionGraph F()
                {
                    var x = DVector("x");
                    var m = DMatrix("m");
                    return Function([x, m], [Stack([x, x]), Switch(x > 0, x, -x), Trace(m)]);
                }
            }
            """));
        Assert.Empty(run.CompileErrors);
        Assert.Empty(run.Diagnostics);
    }
}
