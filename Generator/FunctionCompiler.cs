using System;
using System.Threading;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Rewrite;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator;

/// <summary>
/// The stages after evaluation, run on plain data: rewrite → schedule → emit. Never throws: an
/// internal failure gives a class whose Invoke throws the message, which is also reported as TG9999.
/// </summary>
internal static class FunctionCompiler
{
    public static GeneratedFile Compile(FunctionSpec spec, string? faultInjection, CancellationToken cancellation)
    {
        if (spec.Failure is { } failure)
            return new GeneratedFile(spec.HintName, FunctionEmitter.EmitFailure(spec, failure), null);
        try
        {
            FaultInjection.At(faultInjection, "rewrite", spec.MethodName);
            var optimized = Rewriter.Run(spec);
            cancellation.ThrowIfCancellationRequested();
            FaultInjection.At(faultInjection, "schedule", spec.MethodName);
            var plan = Scheduler.Run(optimized);
            cancellation.ThrowIfCancellationRequested();
            FaultInjection.At(faultInjection, "emit", spec.MethodName);
            return new GeneratedFile(spec.HintName, FunctionEmitter.Emit(plan), null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            var message = $"{e.GetType().Name}: {e.Message}";
            return new GeneratedFile(spec.HintName, FunctionEmitter.EmitFailure(spec, message), message);
        }
    }
}
