using System;
using System.Threading;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Rewrite;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator;

/// <summary>Why a function cannot be compiled: its class is emitted with an Invoke that throws <paramref name="Message"/>.</summary>
/// <param name="Spec">The function, which gives the class its shape.</param>
/// <param name="Reported">
/// Whether the failure was reported where it happened (evaluation, differentiation); otherwise it is reported
/// at the method, as TG0109 for a limit and TG9999 for anything else.
/// </param>
internal sealed record StageFailure(FunctionSpec Spec, string Message, bool LimitReached, bool Reported);

/// <summary>What a step after differentiation hands the next: its result, or the failure the function ends in.</summary>
internal sealed record StageResult<T>(T? Value, StageFailure? Failure) where T : class;

/// <summary>
/// The schedule step's result. A plan is a pure function of the optimized function it was made from, so
/// plans compare as those do: cheaply, and correctly.
/// </summary>
internal sealed class ScheduledFunction(OptimizedFunction function, Plan plan) : IEquatable<ScheduledFunction>
{
    public OptimizedFunction Function => function;

    public Plan Plan => plan;

    public bool Equals(ScheduledFunction? other) => other is not null && function.Equals(other.Function);

    public override bool Equals(object? obj) => Equals(obj as ScheduledFunction);

    public override int GetHashCode() => function.GetHashCode();
}

/// <summary>
/// The steps after differentiation, each on plain data: rewrite → schedule → emit. None throws: an internal
/// failure gives a class whose Invoke throws the message, which is also reported as TG9999; a graph beyond
/// the <see cref="GeneratorLimits"/> gives the same with TG0109. A step given a failure passes it on.
/// </summary>
/// <remarks>
/// Every stage is linear in the graph, with no recursion as deep as the graph: a loop over a large constant
/// makes chains of hundreds of thousands of nodes, far deeper than a thread's stack.
/// </remarks>
internal static class FunctionCompiler
{
    public static StageResult<OptimizedFunction> Rewrite(FunctionSpec spec, string? faultInjection, GeneratorLimits limits, CancellationToken cancellation)
    {
        if (spec.Failure is { } failure) return new(null, new StageFailure(spec, failure, LimitReached: false, Reported: true));
        return Run(spec, cancellation, () =>
        {
            if (spec.Graph.Count > limits.MaxNodes) throw GeneratorLimitException.Nodes(limits.MaxNodes);
            FaultInjection.At(faultInjection, "rewrite", spec.MethodName);
            return Rewriter.Run(spec, limits.MaxNodes);
        });
    }

    public static StageResult<ScheduledFunction> Schedule(StageResult<OptimizedFunction> rewritten, string? faultInjection, CancellationToken cancellation) =>
        rewritten.Value is not { } function ? new(null, rewritten.Failure) : Run(function.Source, cancellation, () =>
        {
            FaultInjection.At(faultInjection, "schedule", function.Source.MethodName);
            return new ScheduledFunction(function, Scheduler.Run(function));
        });

    public static GeneratedFile Emit(StageResult<ScheduledFunction> scheduled, string? faultInjection, GeneratorLimits limits, CancellationToken cancellation)
    {
        var emitted = scheduled.Value is not { } s ? new(null, scheduled.Failure) : Run(s.Function.Source, cancellation, () =>
        {
            FaultInjection.At(faultInjection, "emit", s.Function.Source.MethodName);
            return FunctionEmitter.Emit(s.Plan, limits.MaxSourceLength);
        });
        if (emitted.Failure is not { } failure) return new GeneratedFile(scheduled.Value!.Function.Source.HintName, emitted.Value!, null);
        var text = FunctionEmitter.EmitFailure(failure.Spec, failure.Message, failure.LimitReached ? "TG0109" : "TG9999");
        return new GeneratedFile(failure.Spec.HintName, text, failure.Reported ? null : failure.Message, failure.LimitReached);
    }

    private static StageResult<T> Run<T>(FunctionSpec spec, CancellationToken cancellation, Func<T> work) where T : class
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            return new(work(), null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (GeneratorLimitException e)
        {
            return new(null, new StageFailure(spec, e.Message, LimitReached: true, Reported: false));
        }
        catch (Exception e)
        {
            return new(null, new StageFailure(spec, $"{e.GetType().Name}: {e.Message}", LimitReached: false, Reported: false));
        }
    }
}
