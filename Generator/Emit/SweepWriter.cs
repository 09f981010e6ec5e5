using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// A <see cref="Sweep"/>: one loop over blocks of the matrix's rows, each block taken by the forward product,
/// then the head kernel over the same rows, then added into the backward product while still in cache.
/// </summary>
internal static class SweepWriter
{
    public static void Write(EmitPlan plan, SourceWriter w, Sweep sweep)
    {
        var graph = plan.Graph;
        var display = plan.Display;
        var dims = plan.Shapes.NodeDims[sweep.Matrix];
        var names = plan.Steps.LoopIndices[sweep.Forward.Index];
        string perBlock = names[0], row = names[1], count = names[2], block = names[3];
        string rows = ValueText.Int(plan.Dim(dims[0])), columns = ValueText.Int(plan.Dim(dims[1]));
        string t = graph[sweep.Matrix].DType.CSharp();
        int z = sweep.Forward.Node, y = sweep.Backward.Node;
        string matrix = display[sweep.Matrix];
        // A matrix the products would split across cores is better served by the three steps, each split.
        using (w.Block($"if (global::Tensorgen.Linalg.SweepsOneThread({rows}, {columns}, this.Cores))"))
        {
            w.Line($"// {display[z]} = {matrix}·{display[sweep.Vector]}, {KernelEmitter.MethodName(sweep.Head)} and {display[y]} = {matrix}ᵀ·{display[sweep.Gradient]} in one pass over {matrix}'s rows:");
            w.Line($"// each block of rows is read from memory once and is still in cache for the second product; blocks of a multiple");
            w.Line($"// of four rows and of the kernel's vector length give the values of the three steps one after the other, bit for bit.");
            w.Line($"int {perBlock} = global::Tensorgen.Linalg.SweepRows<{t}>({columns}, {Lanes(plan, sweep.Head, t)});");
            w.Line($"{plan.Writable(y)}.Clear();");
            using var loop = w.Block($"for (int {row} = 0; {row} < {rows}; {row} += {perBlock})");
            w.Line($"int {count} = global::System.Math.Min({perBlock}, {rows} - {row});");
            w.Line($"var {block} = {plan.Span(sweep.Matrix, null, plan.Size(sweep.Matrix))}.Slice({row} * {columns}, {count} * {columns});");
            w.Line($"global::Tensorgen.Linalg.MatVec({block}, {count}, {columns}, {plan.Span(sweep.Vector, null, plan.Size(sweep.Vector))}, {plan.Span(z, row, count)});");
            var args = sweep.Head.Leaves.Select(leaf => graph[leaf].Rank == 0 ? plan.Value(leaf).Name : plan.Span(leaf, row, count))
                .Concat(sweep.Head.Roots.Select(root => plan.Span(root, row, count)));
            w.Line($"{KernelEmitter.MethodName(sweep.Head)}({string.Join(", ", args)});");
            w.Line($"global::Tensorgen.Linalg.MatTVecAdd({block}, {count}, {columns}, {plan.Span(sweep.Gradient, row, count)}, {plan.Writable(y)});");
        }
        using (w.Block("else"))
        {
            ProductWriter.Write(plan, w, z);
            KernelCallWriter.Call(plan, w, sweep.Head);
            ProductWriter.Write(plan, w, y);
        }
    }

    /// <summary>The widest vector the head kernel's loops may take (a multiple of any narrower one): blocks must be a multiple of it.</summary>
    private static string Lanes(EmitPlan plan, Kernel head, string t) =>
        Vectorization.HasWideLoop(plan.Graph, head)
            ? $"global::System.Runtime.Intrinsics.Vector512<{t}>.Count"
            : $"global::System.Numerics.Vector<{t}>.Count";
}
