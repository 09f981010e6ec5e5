using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

// The vector loops of a kernel: leaves splatted or loaded, each node's vector form, roots stored or folded.
// Vector<T> always; before it a Vector512 loop when every op has a form at that width (Vectorization.HasWideLoop).
internal static partial class KernelEmitter
{
    private static void EmitVectorLoops(SourceWriter w, TensorGraph graph, Kernel kernel, ISet<int> spanLeaves,
        IReadOnlyDictionary<int, string> names, NameScope scope, bool fold, Dictionary<int, string> comments)
    {
        bool wide = Vectorization.HasWideLoop(graph, kernel);
        // Each loop is a block of its own, so both may use the same local names.
        if (wide) EmitVectorLoop(w, graph, kernel, spanLeaves, names, scope.Copy(), fold, comments, 512);
        EmitVectorLoop(w, graph, kernel, spanLeaves, names, scope, fold, comments, 0, orElse: wide);
    }

    /// <param name="width">512 for the <c>Vector512&lt;T&gt;</c> loop, 0 for <c>Vector&lt;T&gt;</c>.</param>
    /// <param name="orElse">Whether a wider loop comes before this one (this one is its <c>else</c>).</param>
    private static void EmitVectorLoop(SourceWriter w, TensorGraph graph, Kernel kernel, ISet<int> spanLeaves,
        IReadOnlyDictionary<int, string> names, NameScope scope, bool fold, Dictionary<int, string> comments, int width, bool orElse = false)
    {
        var t = VectorCode.ComputeType(graph, kernel.Body.Concat(kernel.Leaves).Concat(kernel.Roots))!.Value;
        string V = VectorCode.Static(width);
        string vec = VectorCode.Type(t, width);
        string mm = "global::System.Runtime.InteropServices.MemoryMarshal";
        const string M = "global::Tensorgen.VectorMath";
        string condition = width == 0
            ? $"{V}.IsHardwareAccelerated && n >= {vec}.Count"
            // The hook lets tests run the Vector<T> loop on a machine that has this one.
            : $"{V}.IsHardwareAccelerated && n >= {vec}.Count && {M}.Allows{width}";
        using (w.Block($"{(orElse ? "else if" : "if")} ({condition})"))
        {
            var values = new Dictionary<int, string>();
            var refs = new Dictionary<int, string>();
            // Values constant along the run are splatted once, before the loop.
            foreach (var leaf in kernel.Leaves.Where(l => !spanLeaves.Contains(l)))
            {
                values[leaf] = scope.Take("v" + names[leaf].TrimStart('@'));
                string splat = graph[leaf].DType == DType.Bool ? VectorCode.Mask(names[leaf], t) : VectorCode.Splat(names[leaf], t, width);
                w.Line($"var {values[leaf]} = {splat};");
            }
            // Many constants: splatted in one loop from the kernel's table, not a statement each.
            var tabled = TabledConstants(graph, kernel);
            if (tabled.Count > 0)
            {
                string table = scope.Take("c"), k = scope.Take("k");
                w.Line($"global::System.Span<{vec}> {table} = stackalloc {vec}[{tabled.Count}];");
                w.Line($"for (int {k} = 0; {k} < {tabled.Count}; {k}++) {table}[{k}] = {VectorCode.Splat($"{ConstantTable(kernel)}[{k}]", t, width)};");
                for (int j = 0; j < tabled.Count; j++) values[tabled[j]] = $"{table}[{j}]";
            }
            var constants = kernel.Body.SelectMany(b => graph[b].Inputs).Where(i => graph[i].IsConstant).Distinct().OrderBy(i => i);
            foreach (var c in constants.Where(c => !values.ContainsKey(c)))
            {
                values[c] = scope.Take("c" + c);
                string splat = graph[c].DType == DType.Bool ? VectorCode.Mask(Literals.Of(graph[c].Value, DType.Bool), t) : VectorCode.Splat(Literals.Of(graph[c].Value, graph[c].DType), t, width);
                w.Line($"var {values[c]} = {splat};");
            }
            // Bool data moves through VectorMath (a byte per element); float data through refs.
            bool IsMask(int id) => graph[id].DType == DType.Bool;
            var written = fold ? Enumerable.Empty<int>() : kernel.Roots;
            foreach (var id in kernel.Leaves.Where(spanLeaves.Contains).Concat(written).Where(id => !IsMask(id)))
            {
                refs[id] = scope.Take(names[id].TrimStart('@') + "Ref");
                w.Line($"ref {t.CSharp()} {refs[id]} = ref {mm}.GetReference({names[id]});");
            }
            string vacc = "";
            var reduction = kernel.IsReduction ? graph[kernel.Reduction] : null;
            if (fold)
            {
                vacc = scope.Take("vacc");
                w.Line($"var {vacc} = {VectorCode.Splat(Identity(reduction!), t, width)};");
            }
            using (w.Block($"for (; i <= n - {vec}.Count; i += {vec}.Count)"))
            {
                foreach (var leaf in kernel.Leaves.Where(spanLeaves.Contains))
                {
                    values[leaf] = scope.Take("v" + names[leaf].TrimStart('@'));
                    w.Line(IsMask(leaf)
                        ? $"var {values[leaf]} = {M}.LoadMask{(t == DType.Float32 ? 32 : 64)}({names[leaf]}, i);"
                        : $"var {values[leaf]} = {V}.LoadUnsafe(ref {refs[leaf]}, (nuint)i);");
                }
                foreach (var id in kernel.Body)
                {
                    var node = graph[id];
                    values[id] = scope.Take("v" + id);
                    w.Line($"var {values[id]} = {VectorCode.Of(node, Arguments(graph, node, values), VectorCode.OperandType(graph, node), t, width)};{comments[id]}");
                }
                if (reduction is null)
                {
                    foreach (var root in kernel.Roots)
                        w.Line(IsMask(root)
                            ? $"{M}.StoreMask({values[root]}, {names[root]}, i);"
                            : $"{V}.StoreUnsafe({values[root]}, ref {refs[root]}, (nuint)i);");
                }
                else if (fold)
                {
                    w.Line($"{vacc} = {VectorCombine(reduction, vacc, values[kernel.Reduced])};");
                }
                else
                {
                    string current = $"{VectorCode.V}.LoadUnsafe(ref {refs[kernel.Reduction]}, (nuint)i)";
                    w.Line($"{VectorCode.V}.StoreUnsafe({VectorCombine(reduction, current, values[kernel.Reduced])}, ref {refs[kernel.Reduction]}, (nuint)i);");
                }
            }
            if (fold) w.Line($"acc = {Combine(reduction!, "acc", Across(reduction!, vacc))};");
        }
    }
}
