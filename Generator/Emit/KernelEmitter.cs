using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Emits a kernel as a static method over one contiguous run of elements: a <c>Vector&lt;T&gt;</c>
/// loop when every value is of one float dtype, then a scalar loop for the tail (or for everything).
/// Leaves that vary along the run arrive as spans, leaves that are constant along it as values.
/// </summary>
internal static class KernelEmitter
{
    public static string MethodName(Kernel kernel) => "Kernel" + kernel.Index;

    /// <param name="spanLeaves">Which leaves vary along the run (the rest are one value per call).</param>
    /// <param name="names">The kernel method's parameter name for each leaf and root.</param>
    public static void Emit(SourceWriter w, TensorGraph graph, Kernel kernel, ISet<int> spanLeaves, IReadOnlyDictionary<int, string> names)
    {
        var parameters = new List<string>();
        foreach (var leaf in kernel.Leaves)
        {
            var t = graph[leaf].DType.CSharp();
            parameters.Add(spanLeaves.Contains(leaf) ? $"global::System.ReadOnlySpan<{t}> {names[leaf]}" : $"{t} {names[leaf]}");
        }
        foreach (var root in kernel.Roots)
            parameters.Add($"global::System.Span<{graph[root].DType.CSharp()}> {names[root]}");

        w.Line($"/// <summary>Fused loop: {Describe(graph, kernel, names)}.</summary>");
        if (kernel.NotVectorized is { } why) w.Line($"/// <remarks>One element at a time: {SourceWriter.Xml(why)}.</remarks>");
        var scope = new NameScope(names.Values.Select(n => n.TrimStart('@')).Concat(new[] { "n", "i" }));
        using (w.Block($"private static void {MethodName(kernel)}({string.Join(", ", parameters)})"))
        {
            var first = names[kernel.Roots[0]];
            w.Line($"int n = {first}.Length;");
            var sized = kernel.Leaves.Where(spanLeaves.Contains).Select(l => names[l]).Concat(kernel.Roots.Skip(1).Select(r => names[r])).ToList();
            if (sized.Count > 0)
                w.Line($"if ({string.Join(" || ", sized.Select(s => $"{s}.Length != n"))}) global::Tensorgen.Check.ThrowKernelLength();");
            w.Line("int i = 0;");
            if (kernel.NotVectorized is null) EmitVectorLoop(w, graph, kernel, spanLeaves, names, scope);
            using (w.Block("for (; i < n; i++)"))
            {
                var values = new Dictionary<int, string>();
                foreach (var leaf in kernel.Leaves)
                    values[leaf] = spanLeaves.Contains(leaf) ? $"{names[leaf]}[i]" : names[leaf];
                foreach (var id in kernel.Body)
                {
                    var node = graph[id];
                    var operandType = graph[node.Inputs[node.Op == OpCode.Switch ? 1 : 0]].DType;
                    var args = node.Inputs.Select(i => Operand(graph, values, i)).ToArray();
                    values[id] = scope.Take("s" + id);
                    w.Line($"{node.DType.CSharp()} {values[id]} = {ScalarCode.Of(node, operandType, args)};{Comment(graph, id)}");
                }
                foreach (var root in kernel.Roots) w.Line($"{names[root]}[i] = {values[root]};");
            }
        }
    }

    private static void EmitVectorLoop(SourceWriter w, TensorGraph graph, Kernel kernel, ISet<int> spanLeaves, IReadOnlyDictionary<int, string> names, NameScope scope)
    {
        var dtype = graph[kernel.Roots[0]].DType;
        string t = dtype.CSharp();
        string vec = VectorCode.Type(dtype);
        string mm = "global::System.Runtime.InteropServices.MemoryMarshal";
        using (w.Block($"if ({VectorCode.V}.IsHardwareAccelerated && n >= {vec}.Count)"))
        {
            var values = new Dictionary<int, string>();
            var refs = new Dictionary<int, string>();
            // Values constant along the run are splatted once, before the loop.
            foreach (var leaf in kernel.Leaves.Where(l => !spanLeaves.Contains(l)))
            {
                values[leaf] = scope.Take("v" + names[leaf].TrimStart('@'));
                w.Line($"var {values[leaf]} = new {vec}({names[leaf]});");
            }
            foreach (var c in kernel.Body.SelectMany(b => graph[b].Inputs).Where(i => graph[i].IsConstant).Distinct().OrderBy(i => i))
            {
                values[c] = scope.Take("c" + c);
                w.Line($"var {values[c]} = new {vec}({Literals.Of(graph[c].Value, graph[c].DType)});");
            }
            foreach (var id in kernel.Leaves.Where(spanLeaves.Contains).Concat(kernel.Roots))
            {
                refs[id] = scope.Take(names[id].TrimStart('@') + "Ref");
                w.Line($"ref {t} {refs[id]} = ref {mm}.GetReference({names[id]});");
            }
            using (w.Block($"for (; i <= n - {vec}.Count; i += {vec}.Count)"))
            {
                foreach (var leaf in kernel.Leaves.Where(spanLeaves.Contains))
                {
                    values[leaf] = scope.Take("v" + names[leaf].TrimStart('@'));
                    w.Line($"var {values[leaf]} = {VectorCode.V}.LoadUnsafe(ref {refs[leaf]}, (nuint)i);");
                }
                foreach (var id in kernel.Body)
                {
                    var node = graph[id];
                    values[id] = scope.Take("v" + id);
                    w.Line($"var {values[id]} = {VectorCode.Of(node, node.Inputs.Select(i => values[i]).ToArray())};{Comment(graph, id)}");
                }
                foreach (var root in kernel.Roots)
                    w.Line($"{VectorCode.V}.StoreUnsafe({values[root]}, ref {refs[root]}, (nuint)i);");
            }
        }
    }

    private static string Operand(TensorGraph graph, Dictionary<int, string> values, int id) =>
        graph[id].IsConstant ? Literals.Of(graph[id].Value, graph[id].DType) : values[id];

    /// <summary>"// %5 = exp(%4)": ties each line to the graph in the remarks.</summary>
    private static string Comment(TensorGraph graph, int id) =>
        $" // %{id} = {OpInfo.Name(graph[id].Op)}({string.Join(", ", graph[id].Inputs.Select(i => GraphPrinter.Name(graph, i)))})";

    /// <summary>"result = sigmoid(x)" per root, for the kernel's summary.</summary>
    public static string Describe(TensorGraph graph, Kernel kernel, IReadOnlyDictionary<int, string> names)
    {
        var roots = kernel.Roots.Select(r => $"{names[r].TrimStart('@')} = {Expression(graph, kernel, r, names, 3, top: true)}");
        int count = kernel.Body.Count;
        return SourceWriter.Xml(string.Join("; ", roots) + $" ({count} node{(count == 1 ? "" : "s")} fused)");
    }

    private static string Expression(TensorGraph graph, Kernel kernel, int id, IReadOnlyDictionary<int, string> names, int depth, bool top = false)
    {
        var node = graph[id];
        if (node.IsConstant) return GraphPrinter.Name(graph, id);
        if (!top && names.TryGetValue(id, out var name)) return name.TrimStart('@');
        if (node.IsInput || depth == 0 || !kernel.Body.Contains(id)) return GraphPrinter.Name(graph, id);
        return $"{OpInfo.Name(node.Op)}({string.Join(", ", node.Inputs.Select(i => Expression(graph, kernel, i, names, depth - 1)))})";
    }
}
