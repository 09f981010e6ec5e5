using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tensorgen.Generator.Differentiate;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Find;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator;

/// <summary>
/// The Tensorgen source generator: compiles each <c>[TensorFunction]</c> graph method into a class
/// of specialized, fused, vectorized C#.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TensorGenerator : IIncrementalGenerator
{
    /// <summary>Names of the tracked pipeline steps, asserted by the incremental tests.</summary>
    public const string EvaluateStep = "Evaluate", SpecStep = "Spec", DifferentiateStep = "Differentiate", RewriteStep = "Rewrite",
        ScheduleStep = "Schedule", EmitStep = "Emit";

    // When each stage runs:
    //  * ForAttributeWithMetadataName's predicate runs on every edited syntax node, so it only looks at
    //    the node's kind. Its transform runs for methods that carry [TensorFunction] in a changed file;
    //    it is the one place that touches Roslyn symbols: it validates the declaration and evaluates the
    //    body over symbolic values into an EvaluatedFunction (plain equatable data: the graph, with each
    //    Grad recorded as a request) plus diagnostics.
    //  * The diagnostics leave on their own branch. The evaluated function is split off by value, so an edit
    //    that only moves the method (a comment above it, code elsewhere in the file) changes the diagnostics'
    //    locations but leaves it equal, and every later step stays cached.
    //  * Then one step per stage, each a pure function of the step before, run only for a value that changed:
    //    Differentiate (Grad requests become gradients, givens are applied) → Rewrite (the rule sets) →
    //    Schedule (fusion, buffers) → Emit (C#). None throws: an internal failure becomes TG9999 and a class
    //    whose Invoke throws the same message.
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider.ForAttributeWithMetadataName(
                FunctionFinder.AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                FunctionFinder.Transform)
            .WithTrackingName(EvaluateStep);

        var options = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) =>
        {
            string? Option(string name) => provider.GlobalOptions.TryGetValue(name, out var value) ? value : null;
            return (Faults: Option(FaultInjection.OptionName), Limits: GeneratorLimits.From(Option));
        });

        context.RegisterSourceOutput(results.Select(static (r, _) => r.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        var differentiated = results
            .Select(static (r, _) => r.Function)
            .Where(static function => function is not null)
            .WithTrackingName(SpecStep)
            .Combine(options)
            .Select(static (pair, cancellation) => DifferentiateStage.Run(pair.Left!, pair.Right.Faults, cancellation))
            .WithTrackingName(DifferentiateStep);

        // Failures found after evaluation are reported at the method, or at a site evaluation recorded; the
        // places are looked up here, outside the steps, so moving a method never re-runs them.
        var anchors = results.Select(static (r, _) => (r.Spec?.HintName, r.Anchor, r.Sites)).Collect();
        context.RegisterSourceOutput(differentiated.Select(static (d, _) => (d.Spec.HintName, d.Diagnostics)).Combine(anchors), static (spc, pair) =>
        {
            var ((hintName, diagnostics), all) = pair;
            if (diagnostics.Count == 0) return;
            var (_, anchor, sites) = all.FirstOrDefault(a => a.HintName == hintName);
            foreach (var diagnostic in diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic(sites, anchor));
        });

        var files = differentiated
            .Select(static (d, _) => d.Spec)
            .Combine(options)
            .Select(static (pair, cancellation) => FunctionCompiler.Rewrite(pair.Left, pair.Right.Faults, pair.Right.Limits, cancellation))
            .WithTrackingName(RewriteStep)
            .Combine(options)
            .Select(static (pair, cancellation) => FunctionCompiler.Schedule(pair.Left, pair.Right.Faults, cancellation))
            .WithTrackingName(ScheduleStep)
            .Combine(options)
            .Select(static (pair, cancellation) => FunctionCompiler.Emit(pair.Left, pair.Right.Faults, pair.Right.Limits, cancellation))
            .WithTrackingName(EmitStep);

        context.RegisterSourceOutput(files.Combine(anchors), static (spc, pair) =>
        {
            var (file, all) = pair;
            spc.AddSource(file.HintName, file.Text);
            if (file.Failure is null) return;
            var anchor = all.FirstOrDefault(a => a.HintName == file.HintName).Anchor;
            spc.ReportDiagnostic(Diagnostic.Create(file.LimitReached ? Diagnostics.GeneratorLimit : Diagnostics.Internal, anchor?.ToLocation() ?? Location.None,
                file.HintName.Substring(0, file.HintName.Length - ".g.cs".Length), file.Failure));
        });
    }
}
