using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>The Evaluate step's result: the spec (null when nothing can be emitted) and the diagnostics, placed relative to the function's declarations.</summary>
internal sealed record EvaluatedFunction(string HintName, FunctionSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// The Evaluate step: runs a lowered function's body (unrolling loops, building the graph, differentiating
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
            EquatableArray<SharedSpec>.Empty, EquatableArray<UpdateSpec>.Empty, EquatableArray<RandomSpec>.Empty, false, header.OwnerType, failure);
        EvaluatedFunction Result(FunctionSpec? spec) => new(header.HintName, spec, diagnostics.ToEquatableArray());
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
                return Result(Broken(null));
            }

            var signature = FunctionSignature.Check(evaluator, value, value.Location);
            diagnostics.AddRange(evaluator.Diagnostics);
            if (diagnostics.Any(d => DiagnosticInfo.Descriptor(d.Id).DefaultSeverity == DiagnosticSeverity.Error)) return Result(Broken(null));
            return Result(new FunctionSpec(header.Namespace, header.ContainingTypes, header.MethodName, header.Accessibility, evaluator.Graph.Freeze(),
                signature.Inputs.ToEquatableArray(), signature.Outputs.ToEquatableArray(), value.ManyOutputs,
                signature.Shared.ToEquatableArray(), signature.Updates.ToEquatableArray(), signature.Randoms.ToEquatableArray(),
                value.NoDefaultUpdates, header.OwnerType, null));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (GeneratorLimitException e)
        {
            // Grad can multiply the nodes a few steps of evaluation make.
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
