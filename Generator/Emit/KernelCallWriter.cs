using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>Calls of kernel methods over runs of elements: element-wise loops and reductions, inside their loop nests.</summary>
internal static class KernelCallWriter
{
    /// <summary>An element-wise kernel: each run of the leaves computes the same run of every root.</summary>
    public static void Call(EmitPlan plan, SourceWriter w, Kernel kernel)
    {
        var layout = plan.Kernels[kernel.Index].Layout;
        var loops = new LoopNest(plan, w, kernel);
        var args = LeafArguments(plan, kernel, layout, loops);
        var all = Enumerable.Repeat(true, layout.Groups.Count).ToArray();
        foreach (var root in kernel.Roots)
            args.Add(loops.Flat ? plan.Span(root, null, loops.Run) : plan.Span(root, loops.Offset(all) ?? "0", loops.Run));
        if (CoreSplit.Applies(plan, kernel)) CoreSplit.Call(w, kernel, loops.Run, args);
        else w.Line($"{KernelEmitter.MethodName(kernel)}({string.Join(", ", args)});");
        loops.Close();
    }

    /// <summary>
    /// A reduction: the result starts at the identity; each run either folds into one element of it, or
    /// (a run along kept axes) into a slice of it.
    /// </summary>
    public static void Reduce(EmitPlan plan, SourceWriter w, Kernel kernel)
    {
        var layout = plan.Kernels[kernel.Index].Layout;
        int id = kernel.Reduction;
        var node = plan.Graph[id];
        string identity = KernelEmitter.Identity(node);
        if (node.Rank == 0) w.Line($"{node.DType.CSharp()} {plan.Value(id).Name} = {identity};");
        else w.Line($"{plan.Writable(id)}.Fill({identity});");
        var loops = new LoopNest(plan, w, kernel);
        var args = LeafArguments(plan, kernel, layout, loops);
        string method = KernelEmitter.MethodName(kernel);
        string offset = loops.Offset(layout.Output) ?? "0";
        if (KernelEmitter.FoldsRun(kernel, layout))
        {
            string target = node.Rank == 0 ? plan.Value(id).Name : plan.Element(id, offset);
            if (FoldSplit.Applies(plan, kernel)) FoldSplit.Call(w, node, kernel, loops.Run, args, target);
            else w.Line($"{target} = {method}({string.Join(", ", args.Append(ValueText.Int(loops.Run)).Append(target))});");
        }
        else
        {
            w.Line($"{method}({string.Join(", ", args.Append(plan.Span(id, offset, loops.Run)))});");
        }
        loops.Close();
    }

    /// <summary>The kernel's leaf arguments for the current run: a span of each leaf varying along it, else one element (or a scalar).</summary>
    private static List<string> LeafArguments(EmitPlan plan, Kernel kernel, LoopLayout layout, LoopNest loops)
    {
        var args = new List<string>();
        foreach (var leaf in kernel.Leaves)
        {
            if (plan.Graph[leaf].Rank == 0)
            {
                args.Add(plan.Operand(leaf));
                continue;
            }
            var full = layout.Full[leaf];
            string? offset = loops.Offset(full);
            bool whole = offset is null && (loops.Flat || plan.Size(leaf) == loops.Run);
            args.Add(full[full.Length - 1]
                ? (whole ? plan.Span(leaf, null, loops.Run) : plan.Span(leaf, offset ?? "0", loops.Run))
                : plan.Element(leaf, offset ?? "0"));
        }
        return args;
    }
}
