using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>Writes one action of Invoke's work with the writer of its step's kind; sizes and 0-d kernels are written here.</summary>
internal static class StepWriter
{
    public static void Write(EmitPlan plan, SourceWriter w, InvokeAction action)
    {
        if (action.Step is not { } step)
        {
            DrawWriter.Check(plan, w, action.CheckedDraw);
            return;
        }
        foreach (var id in step.Writes)
            if (plan.HasValue(id) && plan.Value(id) is { Kind: StorageKind.Reused } reused)
                w.Line($"// {plan.Display[id]} takes over the buffer of {plan.Display[reused.Buffer]}");
        switch (step)
        {
            case var _ when plan.Schedule.SweepOf(step) is { } sweep:
                // The sweep's three steps are written at its first; the other two are already done.
                if (step == sweep.Forward) SweepWriter.Write(plan, w, sweep);
                break;
            case Kernel { IsReduction: true } kernel:
                KernelCallWriter.Reduce(plan, w, kernel);
                break;
            case Kernel { Rank: 0 } kernel when KernelEmitter.IsInlined(kernel):
                Inline(plan, w, kernel);
                break;
            case Kernel { Rank: 0 } kernel:
                CallScalar(plan, w, kernel);
                break;
            case Kernel kernel:
                KernelCallWriter.Call(plan, w, kernel);
                break;
            case DotStep dot:
                ProductWriter.Write(plan, w, dot.Node);
                break;
            case CopyStep copy:
                CopyWriter.Write(plan, w, copy.Node);
                break;
            case DrawStep draw:
                DrawWriter.Draw(plan, w, draw.Node);
                break;
            case CallStep call:
                CallWriter.Write(plan, w, call.Node);
                break;
            case SizeStep size:
                var node = plan.Graph[size.Node];
                w.Line($"long {plan.Value(size.Node).Name} = {plan.Dim(plan.Shapes.NodeDims[node.Inputs[0]][node.Parameters<DimSizeParams>().Axis])};");
                break;
            default:
                throw new System.InvalidOperationException($"no writer for {step.GetType().Name}");
        }
        ProfileWriter.AfterStep(plan, w, step);
        SizeCheckWriter.AfterStep(plan, w, step);
        ViewOffsets.AfterStep(plan, w, step);
    }

    /// <summary>A small 0-d kernel is a few scalar statements; its roots become locals.</summary>
    private static void Inline(EmitPlan plan, SourceWriter w, Kernel kernel)
    {
        var graph = plan.Graph;
        // The body is in topological order: every operand computed in it already has its local.
        var locals = plan.Steps.InlineLocals[kernel.Index];
        foreach (var id in kernel.Body)
        {
            var node = graph[id];
            var operandType = graph[node.Inputs[OpInfo.ValueOperand(node.Op)]].DType;
            var args = node.Inputs.Select((i, k) => !OpInfo.ReadsValue(node, k) ? "_"
                : graph[i].IsConstant ? Literals.Of(graph[i].Value, graph[i].DType)
                : locals.TryGetValue(i, out var l) ? l : plan.Value(i).Name).ToArray();
            w.Line($"{node.DType.CSharp()} {locals[id]} = {ScalarCode.Of(node, operandType, args)};");
        }
    }

    /// <summary>A larger 0-d kernel is a method of its own; its roots come back as <c>out</c> locals.</summary>
    private static void CallScalar(EmitPlan plan, SourceWriter w, Kernel kernel)
    {
        var args = kernel.Leaves.Select(l => plan.Value(l).Name).ToList();
        foreach (var root in kernel.Roots) args.Add($"out {plan.Graph[root].DType.CSharp()} {plan.Value(root).Name}");
        w.Line($"{KernelEmitter.MethodName(kernel)}({string.Join(", ", args)});");
    }
}
