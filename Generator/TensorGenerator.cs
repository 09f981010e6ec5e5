using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    public const string EvaluateStep = "Evaluate", SpecStep = "Spec", EmitStep = "Emit";

    // When each stage runs:
    //  * ForAttributeWithMetadataName's predicate runs on every edited syntax node, so it only looks at
    //    the node's kind. Its transform runs for methods that carry [TensorFunction] in a changed file;
    //    it is the one place that touches Roslyn symbols: it validates the declaration and evaluates the
    //    body over symbolic values into a FunctionSpec (plain equatable data) plus diagnostics.
    //  * The diagnostics leave on their own branch. The spec is split off by value, so an edit that only
    //    moves the method (a comment above it, code elsewhere in the file) changes the diagnostics'
    //    locations but leaves the spec equal, and the Emit step stays cached.
    //  * Emit (differentiate → rewrite → schedule → write) runs only for a spec that changed. It never
    //    throws: an internal failure becomes TG9999 and a class whose Invoke throws the same message.
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

        var files = results
            .Select(static (r, _) => r.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(SpecStep)
            .Combine(options)
            .Select(static (pair, cancellation) => FunctionCompiler.Compile(pair.Left!, pair.Right.Faults, pair.Right.Limits, cancellation))
            .WithTrackingName(EmitStep);

        // Failures found after evaluation are reported at the method; the anchors are looked up here,
        // outside the Emit step, so moving a method never re-runs Emit.
        var anchors = results.Select(static (r, _) => (r.Spec?.HintName, r.Anchor)).Collect();
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
