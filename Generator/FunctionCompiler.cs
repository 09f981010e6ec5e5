using System;
using System.Threading;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Rewrite;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator;

/// <summary>
/// The stages after evaluation, run on plain data: rewrite → schedule → emit. Never throws: an
/// internal failure gives a class whose Invoke throws the message, which is also reported as TG9999;
/// a graph beyond the <see cref="GeneratorLimits"/> gives the same with TG0109.
/// </summary>
/// <remarks>
/// Every stage is linear in the graph, with no recursion as deep as the graph: a loop over a large constant
/// makes chains of hundreds of thousands of nodes, far deeper than a thread's stack.
/// </remarks>
internal static class FunctionCompiler
{
    public static GeneratedFile Compile(FunctionSpec spec, string? faultInjection, GeneratorLimits limits, CancellationToken cancellation)
    {
        if (spec.Failure is { } failure)
            return new GeneratedFile(spec.HintName, FunctionEmitter.EmitFailure(spec, failure), null);
        try
        {
            if (spec.Graph.Count > limits.MaxNodes) throw GeneratorLimitException.Nodes(limits.MaxNodes);
            FaultInjection.At(faultInjection, "rewrite", spec.MethodName);
            var optimized = Rewriter.Run(spec, limits.MaxNodes);
            cancellation.ThrowIfCancellationRequested();
            FaultInjection.At(faultInjection, "schedule", spec.MethodName);
            var plan = Scheduler.Run(optimized);
            cancellation.ThrowIfCancellationRequested();
            FaultInjection.At(faultInjection, "emit", spec.MethodName);
            return new GeneratedFile(spec.HintName, FunctionEmitter.Emit(plan, limits.MaxSourceLength), null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (GeneratorLimitException e)
        {
            return new GeneratedFile(spec.HintName, FunctionEmitter.EmitFailure(spec, e.Message, "TG0109"), e.Message, LimitReached: true);
        }
        catch (Exception e)
        {
            var message = $"{e.GetType().Name}: {e.Message}";
            return new GeneratedFile(spec.HintName, FunctionEmitter.EmitFailure(spec, message), message);
        }
    }
}
