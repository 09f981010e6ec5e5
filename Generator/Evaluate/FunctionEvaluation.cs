using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// The Evaluate step's result: the spec (null when nothing can be emitted), the diagnostics, placed relative to
/// the function's declarations, and the places the differentiate stage reports at (<see cref="SiteTable"/>),
/// kept beside the spec so that moving code inside the method leaves the spec equal.
/// </summary>
internal sealed record EvaluatedFunction(string HintName, EvaluatedSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<RelativeLocation> Sites = default);

/// <summary>
/// The Evaluate step: runs a lowered function's body (unrolling loops, building the graph, recording a request
/// where it asks for Grad) and checks the signature it returns, on plain data. Never throws: a budget or
/// the node limit ends in TG0105/TG0109, an internal failure in TG9999 and a spec whose Invoke throws it.
/// </summary>
internal static class FunctionEvaluation
{
    public static EvaluatedFunction Run(LoweredFunction function, CancellationToken cancellation) =>
        StackGuard.OnFreshStack(() => RunCore(function, cancellation), StackGuard.EvaluationStackBytes);

    private static EvaluatedFunction RunCore(LoweredFunction function, CancellationToken cancellation)
    {
        var header = function.Header;
        var diagnostics = new List<DiagnosticInfo>(function.Diagnostics);
        FunctionSpec Broken(string? failure) => new(header.Namespace, header.ContainingTypes, header.MethodName, header.Accessibility,
            new GraphBuilder().Freeze(), EquatableArray<InputSpec>.Empty, EquatableArray<OutputSpec>.Empty, false,
            EquatableArray<SharedSpec>.Empty, EquatableArray<UpdateSpec>.Empty, EquatableArray<RandomSpec>.Empty, false, header.OwnerType, failure, header.Profiled);
        var sites = EquatableArray<RelativeLocation>.Empty;
        EvaluatedFunction Result(FunctionSpec? spec) => Evaluated(spec is null ? null : new EvaluatedSpec(spec, EquatableArray<GivenSpec>.Empty, SiteDiagnostic.Method, HasErrors: true, EquatableArray<int>.Empty, 0));
        EvaluatedFunction Evaluated(EvaluatedSpec? spec) => new(header.HintName, spec, diagnostics.ToEquatableArray(), sites);
        void Report(DiagnosticDescriptor descriptor, params string[] args) =>
            diagnostics.Add(DiagnosticInfo.Create(descriptor, header.Identifier, [header.MethodName, .. args]));

        if (function.Failure is { } lowering)
        {
            Report(Diagnostics.Internal, lowering);
            return Result(Broken(lowering));
        }
        // A class can only be added to a usable (partial, non-generic) enclosing type.
        if (diagnostics.Count > 0) return Result(header.CanEmit ? Broken(null) : null);
        if (function.Body < 0)
        {
            Report(Diagnostics.NoBody);
            return Result(Broken(null));
        }

        try
        {
            var evaluator = new GraphEvaluator(function, cancellation);
            var result = evaluator.Run(function.Body);
            if (result is not FunctionValue value)
            {
                diagnostics.AddRange(evaluator.Diagnostics);
                if (result is not ErrorValue) Report(Diagnostics.NoFunction);
                // The Grad requests still go on, for what differentiating finds; not past the node limit.
                sites = evaluator.Sites.ToArray();
                bool limit = diagnostics.Any(d => d.Id == Diagnostics.GeneratorLimit.Id);
                return Result(limit ? Broken(null) : Broken(null) with { Graph = evaluator.Graph.Freeze() });
            }

            var signature = FunctionSignature.Check(evaluator, value, value.Location);
            int functionSite = evaluator.Sites.Add(evaluator.Relative(value.Location));
            var inputSites = signature.InputLocations.Select(l => evaluator.Sites.Add(evaluator.Relative(l))).ToEquatableArray();
            diagnostics.AddRange(evaluator.Diagnostics);
            sites = evaluator.Sites.ToArray();
            bool errors = diagnostics.Any(d => DiagnosticInfo.Descriptor(d.Id).DefaultSeverity == DiagnosticSeverity.Error);
            var spec = new FunctionSpec(header.Namespace, header.ContainingTypes, header.MethodName, header.Accessibility, evaluator.Graph.Freeze(),
                signature.Inputs.ToEquatableArray(), signature.Outputs.ToEquatableArray(), value.ManyOutputs,
                signature.Shared.ToEquatableArray(), signature.Updates.ToEquatableArray(), signature.Randoms.ToEquatableArray(),
                value.NoDefaultUpdates, header.OwnerType, null, header.Profiled, evaluator.Printed.ToEquatableArray());
            return Evaluated(new EvaluatedSpec(spec, signature.Givens.ToEquatableArray(), functionSite, errors, inputSites, value.OnUnusedInput));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (GeneratorLimitException e)
        {
            Report(Diagnostics.GeneratorLimit, e.Message);
            return Result(Broken(null));
        }
        catch (Exception e)
        {
            var message = $"{e.GetType().Name}: {e.Message}";
            Report(Diagnostics.Internal, message);
            return Result(Broken(message));
        }
    }
}
