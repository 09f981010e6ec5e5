using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tensorgen.Generator.Differentiate;
using Tensorgen.Generator.Evaluate;
using Tensorgen.Generator.Find;
using Tensorgen.Generator.Lower;
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
    public const string LowerStep = "Lower", EvaluateStep = "Evaluate", SpecStep = "Spec", DifferentiateStep = "Differentiate",
        RewriteStep = "Rewrite", ScheduleStep = "Schedule", EmitStep = "Emit";

    // When each stage runs:
    //  * ForAttributeWithMetadataName's predicate runs on every edited syntax node, so it only looks at
    //    the node's kind. Its transform (Lower) runs for every [TensorFunction] method after every edit of the
    //    compilation, anywhere: it is the one place that touches Roslyn symbols, so it only does what needs
    //    them: it validates the declaration and lowers the body, the helpers it calls and the member
    //    initializers it reads into a LoweredFunction (plain equatable data, locations relative to those
    //    declarations), plus where the declarations are (the anchors, a separate branch). Binding the body
    //    is most of that cost; when neither the method, nor what it lowered, nor any declaration of the
    //    compilation changed, the previous lowering is returned without binding (LoweringCache).
    //  * Evaluate (unrolling, graph building, the signature's checks; Grad is recorded as a request) runs only for a lowered function
    //    that changed: an edit elsewhere, or one that only moves the method (a comment above it), gives an
    //    equal LoweredFunction and leaves Evaluate and everything after it cached.
    //  * The diagnostics leave on their own branch, placed with the anchors: moving a method moves them
    //    without re-running anything. The spec is split off by value (the places later stages report at stay
    //    beside it), and then each stage is a step of its own, a pure function of the step before, run only
    //    for a value that changed: Differentiate (requests become gradients, givens are applied) → Rewrite
    //    (the rule sets) → Schedule (fusion, buffers) → Emit (C#). Nothing throws: an internal failure
    //    becomes TG9999 and a class whose Invoke throws the same message.
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var found = context.SyntaxProvider.ForAttributeWithMetadataName(
                FunctionFinder.AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                FunctionFinder.Transform)
            .WithTrackingName(LowerStep);

        var evaluated = found
            .Select(static (f, _) => f.Function)
            .Select(static (function, cancellation) => FunctionEvaluation.Run(function, cancellation))
            .WithTrackingName(EvaluateStep);

        // Where each function's declarations are, by generated file: what places its diagnostics.
        var anchors = found.Select(static (f, _) => f.Anchors).Collect().Select(static (all, _) => new AnchorTable(all));

        var options = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) =>
        {
            string? Option(string name) => provider.GlobalOptions.TryGetValue(name, out var value) ? value : null;
            return (Faults: Option(FaultInjection.OptionName), Limits: GeneratorLimits.From(Option));
        });

        context.RegisterSourceOutput(evaluated.Select(static (e, _) => (e.HintName, e.Diagnostics)).Combine(anchors), static (spc, pair) =>
        {
            var ((hintName, diagnostics), table) = pair;
            var anchor = table[hintName];
            foreach (var diagnostic in diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic(anchor));
        });

        var differentiated = evaluated
            .Select(static (e, _) => e.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(SpecStep)
            .Combine(options)
            .Select(static (pair, cancellation) => DifferentiateStage.Run(pair.Left!, pair.Right.Faults, cancellation))
            .WithTrackingName(DifferentiateStep);

        // What differentiating finds is reported at the sites evaluation recorded, placed with the anchors.
        var sites = evaluated.Select(static (e, _) => (e.HintName, e.Sites)).Collect();
        var reported = differentiated.Where(static d => d.Diagnostics.Count > 0).Select(static (d, _) => (d.Spec.HintName, d.Diagnostics));
        context.RegisterSourceOutput(reported.Combine(sites).Combine(anchors), static (spc, pair) =>
        {
            var (((hintName, diagnostics), allSites), table) = pair;
            var places = allSites.FirstOrDefault(s => s.HintName == hintName).Sites;
            foreach (var diagnostic in diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic(places, table[hintName]));
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

        context.RegisterSourceOutput(files, static (spc, file) => spc.AddSource(file.HintName, file.Text));

        // Failures found after evaluation are reported at the method; the anchors are looked up here,
        // outside the Emit step, so moving a method never re-runs Emit nor adds its source again.
        var failures = files.Where(static f => f.Failure is not null).Select(static (f, _) => (f.HintName, f.Failure, f.LimitReached));
        context.RegisterSourceOutput(failures.Combine(anchors), static (spc, pair) =>
        {
            var ((hintName, failure, limitReached), table) = pair;
            var anchor = table[hintName]?.Identifier;
            var descriptor = limitReached ? Diagnostics.GeneratorLimit : Diagnostics.Internal;
            spc.ReportDiagnostic(Diagnostic.Create(descriptor, anchor?.ToLocation() ?? Location.None,
                hintName.Substring(0, hintName.Length - ".g.cs".Length), failure));
        });
    }
}
