using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Element-wise kernels over one flat run whose size is known only at run time: over the runtime's threshold
/// (<c>Parallelism.ElementwiseMinimum</c>) the call hands a job to <c>Parallelism.For</c>, which runs the kernel
/// on chunks of the run on several cores. Below it, the call is the plain one. The job is a <c>ref struct</c>
/// holding the kernel's arguments, because spans cannot be captured by a lambda.
/// </summary>
internal static class CoreSplit
{
    /// <summary>The runtime's default threshold: a run of static size below it is never split, and gets no job.</summary>
    private const long DefaultMinimum = 1 << 18;

    public static bool Applies(EmitPlan plan, Kernel kernel)
    {
        if (kernel.IsReduction || kernel.Rank == 0) return false;
        var layout = plan.Kernels[kernel.Index].Layout;
        if (layout.Groups.Count != 1) return false;
        string run = plan.Size(layout.Groups[0].Select(a => kernel.Dims[a]));
        return !long.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out long size) || size >= DefaultMinimum;
    }

    public static string JobName(Kernel kernel) => KernelEmitter.MethodName(kernel) + "Job";

    /// <summary>The call: split when large, else the kernel called directly.</summary>
    public static void Call(SourceWriter w, Kernel kernel, string run, IReadOnlyList<string> args)
    {
        string list = string.Join(", ", args);
        w.Line("// A large run is split across cores in chunks of whole vectors: every element is computed as on one core.");
        using (w.Block($"if (global::Tensorgen.Parallelism.SplitsElements({run}, this.Cores))"))
            w.Line($"global::Tensorgen.Parallelism.For(new {JobName(kernel)}({list}), {run}, this.Cores);");
        using (w.Block("else"))
            w.Line($"{KernelEmitter.MethodName(kernel)}({list});");
    }

    /// <summary>The job: the kernel's arguments, and the kernel over a chunk [start, end) of each span.</summary>
    public static void Job(SourceWriter w, TensorGraph graph, Kernel kernel, LoopLayout layout, IReadOnlyDictionary<int, string> names)
    {
        var parameters = KernelEmitter.RunParameters(graph, kernel, layout, names).ToList();
        string job = JobName(kernel);
        w.Line($"/// <summary>{KernelEmitter.MethodName(kernel)}'s arguments, so that chunks of its run can go to other cores.</summary>");
        using (w.Block($"private readonly ref struct {job} : global::Tensorgen.IChunkJob"))
        {
            foreach (var p in parameters) w.Line($"private readonly {p.Declaration};");
            w.Line();
            using (w.Block($"public {job}({string.Join(", ", parameters.Select(p => p.Declaration))})"))
                foreach (var p in parameters) w.Line($"this.{p.Name} = {p.Name};");
            w.Line();
            var chunk = parameters.Select(p => p.IsSpan ? $"this.{p.Name}.Slice(start, end - start)" : $"this.{p.Name}");
            w.Line($"public void Run(int start, int end) => {KernelEmitter.MethodName(kernel)}({string.Join(", ", chunk)});");
        }
    }
}
