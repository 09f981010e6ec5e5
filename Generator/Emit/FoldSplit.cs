using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Reductions of one flat run to one value whose size is known only at run time (or is large): the call goes through
/// <c>Parallelism.Fold</c>, which folds a long run in fixed chunks on several cores and combines the chunks' results
/// in order, so the value does not depend on the cores. Below the runtime's minimum it is the plain call. The job is a
/// <c>ref struct</c> holding the kernel's leaf arguments (spans cannot be captured by a lambda).
/// </summary>
internal static class FoldSplit
{
    /// <summary>The runtime's default minimum: a run of static size below it is never chunked, and gets no job.</summary>
    private const long DefaultMinimum = 1 << 18;

    public static bool Applies(EmitPlan plan, Kernel kernel)
    {
        if (!kernel.IsReduction || plan.Graph[kernel.Reduction].Rank != 0) return false;
        var layout = plan.Kernels[kernel.Index].Layout;
        if (layout.Groups.Count != 1 || !KernelEmitter.FoldsRun(kernel, layout)) return false;
        string run = plan.Size(layout.Groups[0].Select(a => kernel.Dims[a]));
        return !long.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out long size) || size >= DefaultMinimum;
    }

    public static string JobName(Kernel kernel) => KernelEmitter.MethodName(kernel) + "Fold";

    /// <summary>The call: <paramref name="target"/> folded through the runtime, which calls the kernel once when the run is short.</summary>
    public static void Call(SourceWriter w, Node reduction, Kernel kernel, string run, IReadOnlyList<string> args, string target)
    {
        w.Line("// A long run is folded in fixed chunks (on several cores when free), combined in order: the same value on any number of cores.");
        w.Line($"{target} = global::Tensorgen.Parallelism.Fold(new {JobName(kernel)}({string.Join(", ", args)}), {run}, {target}, {KernelEmitter.Identity(reduction)}, this.Cores);");
    }

    /// <summary>The job: the kernel's leaf arguments, the kernel over a chunk [start, end), and the reduction's combination.</summary>
    public static void Job(SourceWriter w, TensorGraph graph, Kernel kernel, LoopLayout layout, IReadOnlyDictionary<int, string> names)
    {
        var parameters = KernelEmitter.LeafParameters(graph, kernel, layout, names).ToList();
        var reduction = graph[kernel.Reduction];
        string t = reduction.DType.CSharp(), job = JobName(kernel);
        w.Line($"/// <summary>{KernelEmitter.MethodName(kernel)}'s arguments, so that chunks of its run can be folded on other cores.</summary>");
        using (w.Block($"private readonly ref struct {job} : global::Tensorgen.IFoldJob<{t}>"))
        {
            foreach (var p in parameters) w.Line($"private readonly {p.Declaration};");
            w.Line();
            using (w.Block($"public {job}({string.Join(", ", parameters.Select(p => p.Declaration))})"))
                foreach (var p in parameters) w.Line($"this.{p.Name} = {p.Name};");
            w.Line();
            var chunk = parameters.Select(p => p.IsSpan ? $"this.{p.Name}.Slice(start, end - start)" : $"this.{p.Name}");
            w.Line($"public {t} Fold(int start, int end, {t} acc) => {KernelEmitter.MethodName(kernel)}({string.Join(", ", chunk.Append("end - start").Append("acc"))});");
            w.Line();
            w.Line($"public {t} Combine({t} a, {t} b) => {KernelEmitter.Combine(reduction, "a", "b")};");
        }
    }
}
