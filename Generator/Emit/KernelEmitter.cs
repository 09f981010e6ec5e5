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
/// An element-wise kernel writes its roots' spans; a reduction kernel either folds the run into one
/// value (returned, starting from <c>acc</c>) or, when the run is along kept axes, folds it into the
/// output span element by element.
/// </summary>
internal static partial class KernelEmitter
{
    /// <summary>A 0-d kernel of at most this many nodes is written into Invoke; a larger one is a method of its own.</summary>
    public const int MaxInlineNodes = 32;

    /// <summary>A vector loop with more constants than this reads them from a table rather than declaring one local each.</summary>
    public const int MaxConstantLocals = 16;

    public static string MethodName(Kernel kernel) => "Kernel" + kernel.Index;

    /// <summary>Whether Invoke computes the kernel itself: a small 0-d one (a few scalar statements).</summary>
    public static bool IsInlined(Kernel kernel) => kernel.Rank == 0 && !kernel.IsReduction && kernel.Body.Count <= MaxInlineNodes;

    /// <summary>Whether a reduction kernel folds its run into one value (rather than into a span).</summary>
    public static bool FoldsRun(Kernel kernel, LoopLayout layout) => kernel.IsReduction && !layout.Output[layout.Output.Length - 1];

    /// <param name="layout">The kernel's loop nest: which leaves vary along the run.</param>
    /// <param name="names">The kernel method's parameter name for each leaf and root.</param>
    public static void Emit(SourceWriter w, TensorGraph graph, Kernel kernel, LoopLayout layout, IReadOnlyDictionary<int, string> names)
    {
        var spanLeaves = layout.SpanLeaves;
        bool fold = FoldsRun(kernel, layout);
        string resultType = graph[kernel.Roots[0]].DType.CSharp();
        var parameters = fold
            ? LeafParameters(graph, kernel, layout, names).Select(p => p.Declaration).Append($"int n, {resultType} acc").ToList()
            : RunParameters(graph, kernel, layout, names).Select(p => p.Declaration).ToList();

        string what = kernel.IsReduction ? "Fused reduction" : "Fused loop";
        w.Line($"/// <summary>{what}: {Describe(graph, kernel, names)}.</summary>");
        if (kernel.NotVectorized is { } why) w.Line($"/// <remarks>One element at a time: {SourceWriter.Xml(why)}.</remarks>");
        else if (!kernel.IsReduction) w.Line($"/// <remarks>{SourceWriter.Xml(Widths(graph, kernel))}</remarks>");
        var scope = new NameScope(names.Values.Select(n => n.TrimStart('@')).Concat(new[] { "n", "i", "acc" }));
        using (w.Block($"private static {(fold ? resultType : "void")} {MethodName(kernel)}({string.Join(", ", parameters)})"))
        {
            if (!fold) w.Line($"int n = {names[kernel.Roots[0]]}.Length;");
            var sized = kernel.Leaves.Where(spanLeaves.Contains).Select(l => names[l])
                .Concat(fold ? Enumerable.Empty<string>() : kernel.Roots.Skip(1).Select(r => names[r])).ToList();
            if (sized.Count > 0)
                w.Line($"if ({string.Join(" || ", sized.Select(s => $"{s}.Length != n"))}) global::Tensorgen.Check.ThrowKernelLength();");
            w.Line("int i = 0;");
            // Each node's comment, made once for both loops.
            var comments = new Dictionary<int, string>();
            foreach (var id in kernel.Body) comments[id] = Comment(graph, id);
            if (kernel.NotVectorized is null) EmitVectorLoops(w, graph, kernel, spanLeaves, names, scope, fold, comments);
            using (w.Block("for (; i < n; i++)"))
            {
                var values = new Dictionary<int, string>();
                foreach (var leaf in kernel.Leaves)
                    values[leaf] = spanLeaves.Contains(leaf) ? $"{names[leaf]}[i]" : names[leaf];
                foreach (var id in kernel.Body)
                {
                    var node = graph[id];
                    var operandType = VectorCode.OperandType(graph, node);
                    values[id] = scope.Take("s" + id);
                    w.Line($"{node.DType.CSharp()} {values[id]} = {ScalarCode.Of(node, operandType, Arguments(graph, node, values))};{comments[id]}");
                }
                if (!kernel.IsReduction)
                {
                    foreach (var root in kernel.Roots) w.Line($"{names[root]}[i] = {values[root]};");
                }
                else
                {
                    var reduction = graph[kernel.Reduction];
                    string value = values[kernel.Reduced];
                    if (fold) w.Line($"acc = {Combine(reduction, "acc", value)};");
                    else w.Line($"{names[kernel.Reduction]}[i] = {Combine(reduction, $"{names[kernel.Reduction]}[i]", value)};");
                }
            }
            if (fold) w.Line("return acc;");
        }
        if (kernel.NotVectorized is null && TabledConstants(graph, kernel) is { Count: > 0 } tabled)
        {
            var t = VectorCode.ComputeType(graph, kernel.Body.Concat(kernel.Leaves).Concat(kernel.Roots))!.Value;
            w.Line();
            w.Line($"/// <summary>The constants of <see cref=\"{MethodName(kernel)}\"/>'s vector loop, in node order.</summary>");
            w.Line($"private static global::System.ReadOnlySpan<{t.CSharp()}> {ConstantTable(kernel)} => [{string.Join(", ", tabled.Select(c => Literals.Of(graph[c].Value, graph[c].DType)))}];");
        }
    }

    /// <summary>The leaves' parameters: a span for each leaf varying along the run, else a value.</summary>
    public static IEnumerable<(string Declaration, string Name, bool IsSpan)> LeafParameters(TensorGraph graph, Kernel kernel, LoopLayout layout, IReadOnlyDictionary<int, string> names) =>
        kernel.Leaves.Select(leaf =>
        {
            var t = graph[leaf].DType.CSharp();
            bool span = layout.SpanLeaves.Contains(leaf);
            return (span ? $"global::System.ReadOnlySpan<{t}> {names[leaf]}" : $"{t} {names[leaf]}", names[leaf], span);
        });

    /// <summary>An element-wise kernel's parameters: its leaves', then a span for each root.</summary>
    public static IEnumerable<(string Declaration, string Name, bool IsSpan)> RunParameters(TensorGraph graph, Kernel kernel, LoopLayout layout, IReadOnlyDictionary<int, string> names) =>
        LeafParameters(graph, kernel, layout, names)
            .Concat(kernel.Roots.Select(root => ($"global::System.Span<{graph[root].DType.CSharp()}> {names[root]}", names[root], true)));
    /// <summary>Which vector loops a vectorized element-wise kernel has, for its remarks.</summary>
    private static string Widths(TensorGraph graph, Kernel kernel) =>
        Vectorization.WhyNoWideLoop(graph, kernel) is { } why
            ? $"Vector<T> loop (its width is the JIT's or the NativeAOT target's), then one element at a time; no Vector512 loop: {why}."
            : "Vector512 loop where accelerated, else Vector<T> (the JIT's or the NativeAOT target's width), then one element at a time.";

    private static string ConstantTable(Kernel kernel) => MethodName(kernel) + "Constants";

    /// <summary>The constants a vector loop reads from its table: when there are many, all but the bools (masks).</summary>
    private static List<int> TabledConstants(TensorGraph graph, Kernel kernel)
    {
        var constants = kernel.Body.SelectMany(b => graph[b].Inputs).Where(i => graph[i].IsConstant).Distinct().OrderBy(i => i).ToList();
        return constants.Count > MaxConstantLocals ? constants.Where(c => graph[c].DType != DType.Bool).ToList() : new List<int>();
    }

    /// <summary>
    /// A 0-d kernel too large to write into Invoke: a method taking its leaves and giving its roots as
    /// <c>out</c> parameters, so Invoke stays short.
    /// </summary>
    public static void EmitScalar(SourceWriter w, TensorGraph graph, Kernel kernel, IReadOnlyDictionary<int, string> names)
    {
        var parameters = kernel.Leaves.Select(l => $"{graph[l].DType.CSharp()} {names[l]}")
            .Concat(kernel.Roots.Select(r => $"out {graph[r].DType.CSharp()} {names[r]}"));
        w.Line($"/// <summary>Fused scalar work: {Describe(graph, kernel, names)}.</summary>");
        var scope = new NameScope(names.Values.Select(n => n.TrimStart('@')));
        using (w.Block($"private static void {MethodName(kernel)}({string.Join(", ", parameters)})"))
        {
            var values = new Dictionary<int, string>();
            foreach (var leaf in kernel.Leaves) values[leaf] = names[leaf];
            foreach (var id in kernel.Body)
            {
                var node = graph[id];
                values[id] = scope.Take("s" + id);
                w.Line($"{node.DType.CSharp()} {values[id]} = {ScalarCode.Of(node, VectorCode.OperandType(graph, node), Arguments(graph, node, values))};{Comment(graph, id)}");
            }
            foreach (var root in kernel.Roots) w.Line($"{names[root]} = {values[root]};");
        }
    }

    /// <summary>The value a reduction starts from: 0 for a sum, -∞ for a max, +∞ for a min (false and true for bools).</summary>
    public static string Identity(Node reduction) => Fold(reduction).Identity(reduction.DType);

    public static string Combine(Node reduction, string a, string b) => Fold(reduction).Combine(reduction.DType, a, b);

    private static string VectorCombine(Node reduction, string a, string b) => Fold(reduction).VectorCombine(a, b);

    private static string Across(Node reduction, string v) => Fold(reduction).Across(v);

    private static Ops.ReductionFacet Fold(Node reduction) => Ops.StructuralOps.Fold(reduction.Op).Fold;

    /// <summary>
    /// The operands' expressions: values computed or read so far, constants as literals (added to
    /// <paramref name="values"/>, so each is formatted once), and <c>_</c> for second's shape operand.
    /// </summary>
    private static string[] Arguments(TensorGraph graph, Node node, Dictionary<int, string> values)
    {
        var args = new string[node.Inputs.Count];
        for (int k = 0; k < args.Length; k++)
        {
            int input = node.Inputs[k];
            if (!OpInfo.ReadsValue(node, k)) args[k] = "_";
            else if (values.TryGetValue(input, out var value)) args[k] = value;
            else args[k] = values[input] = Literals.Of(graph[input].Value, graph[input].DType);
        }
        return args;
    }
}
