using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// A Scan call's <c>sequences</c> and <c>outputsInfo</c>, read: tensors, <c>Taps(...)</c> entries and nulls, checked
/// where a mistake is visible at build time (taps reaching further back than the initial values hold).
/// </summary>
internal static class ScanArguments
{
    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Index(GraphBuilder g, long value) => g.Constant(ScalarValue.Integer(value), DType.Int64);

    private static int Node(GraphBuilder g, Operand o) => o.Weak is { } literal ? g.Constant(literal.Value, GraphBuilder.DefaultDType(literal)) : o.Node;

    /// <summary>
    /// The sequences, one per step argument: a tensor as it is; <c>Taps(x, -2, 0, 1)</c> (PyTensor's
    /// <c>dict(input=x, taps=[-2, 0, 1])</c>) one sequence per tap, the slice of x whose element t is x[t + tap - lo],
    /// so the scan runs len(x) - (hi - lo) steps, where lo = min(taps, 0) and hi = max(taps, 0). Null when reported.
    /// </summary>
    public static List<int>? Sequences(ApiCall call)
    {
        var g = call.Graph;
        var sequences = new List<int>();
        if (!call.Has("sequences")) return sequences;
        if (call.List("sequences") is not { } list) return null;
        for (int i = 0; i < list.Items.Length; i++)
        {
            switch (list.Items[i])
            {
                case TensorValue { Operand: var o }:
                    sequences.Add(Node(g, o));
                    break;
                case TapsValue tapped when g[tapped.Tensor].Rank > 0:
                {
                    // As PyTensor, the span always holds tap 0 (the step's own element): taps 1, 2 leave the first element unread.
                    int min = System.Math.Min(tapped.Taps.Min(), 0), max = System.Math.Max(tapped.Taps.Max(), 0);
                    int size = g.DimSize(tapped.Tensor, 0);
                    int length = g.Ew(OpCode.Maximum, g.Ew(OpCode.Sub, size, Index(g, max - min)), Index(g, 0));
                    // (A sequence shorter than the span: no steps, each slice empty and starting within it.)
                    foreach (var tap in tapped.Taps)
                        sequences.Add(SubtensorOp.Instance.Build(g, tapped.Tensor, [1], [g.Ew(OpCode.Minimum, Index(g, tap - min), size), length]));
                    break;
                }
                case TapsValue tapped:
                    sequences.Add(tapped.Tensor);
                    break;
                case ErrorValue:
                    return null;
                default:
                    call.Error(Diagnostics.ScanMismatch, $"entry {Int(i)} of sequences is neither a tensor nor Taps(...)", "sequences");
                    return null;
            }
        }
        for (int s = 0; s < sequences.Count; s++)
            if (g[sequences[s]].Rank == 0)
            {
                call.Error(Diagnostics.ScanMismatch, $"sequence {Int(s)} is {call.Describe(sequences[s])}: a scan iterates over a sequence's first axis, which a 0-d tensor does not have", "sequences");
                return null;
            }
        return sequences;
    }

    /// <summary>
    /// outputsInfo: per result, its initial state (null: not fed back) and, for <c>Taps(...)</c>, its taps (absent: -1
    /// only). False when reported.
    /// </summary>
    public static bool OutputsInfo(ApiCall call, out int?[]? info, out Dictionary<int, int[]> tapsOf)
    {
        var g = call.Graph;
        info = null;
        tapsOf = new Dictionary<int, int[]>();
        if (!call.Has("outputsInfo")) return true;
        if (call.List("outputsInfo") is not { } list) return false;
        info = new int?[list.Items.Length];
        for (int i = 0; i < info.Length; i++)
        {
            switch (list.Items[i])
            {
                case TensorValue { Operand: var o }:
                    info[i] = Node(g, o);
                    break;
                case TapsValue tapped:
                {
                    var taps = tapped.Taps.ToArray();
                    info[i] = tapped.Tensor;
                    if (taps.Any(t => t >= 0))
                        return Fail(call, $"the taps of outputsInfo entry {Int(i)} must be negative step offsets (such as -2, -1): a step reads results of earlier steps");
                    int reach = -taps.Min();
                    var initial = g[tapped.Tensor];
                    if (initial.Rank == 0 && reach > 1)
                        return Fail(call, $"the initial values of taps reaching {Int(reach)} steps back must have a first axis holding them, not be {call.Describe(tapped.Tensor)}");
                    if (initial.Rank > 0 && initial.Shape[0] >= 0 && initial.Shape[0] < reach)
                        return Fail(call, $"Taps({string.Join(", ", taps.Select(Int))}) reads {Int(reach)} steps back, but its initial values hold {Int(initial.Shape[0])} along their first axis ({call.Describe(tapped.Tensor)}); give the first step a value for each step it reaches back");
                    if (!(taps.Length == 1 && taps[0] == -1)) tapsOf[i] = taps;
                    break;
                }
                case ConstValue { Constant: null }:
                    break;
                case ErrorValue:
                    return false;
                default:
                    return Fail(call, $"entry {Int(i)} of outputsInfo is neither a tensor (an initial state), Taps(...) nor null");
            }
        }
        return true;
    }

    private static bool Fail(ApiCall call, string message)
    {
        call.Error(Diagnostics.ScanMismatch, message, "outputsInfo");
        return false;
    }

    /// <summary>
    /// The updates a body returned (PyTensor's updates dict from fn): each a shared variable and its value after a
    /// step. Null when reported.
    /// </summary>
    public static List<(int Shared, int Value)>? Updates(ApiCall call, Value returned)
    {
        var g = call.Graph;
        if (returned is ErrorValue) return null;
        var updates = new List<(int, int)>();
        if (returned is not ListValue list) return Bad(call);
        foreach (var item in list.Items)
        {
            if (item is ErrorValue) return null;
            if (item is not ListValue { Items.Length: 2 } pair || pair.Items[0] is not TensorValue { Operand: { Weak: null } variable } || pair.Items[1] is not TensorValue { Operand: var value })
                return Bad(call);
            if (!g[variable.Node].IsShared)
            {
                call.Error(Diagnostics.ScanMismatch, $"fn updates {call.Describe(variable.Node)}, which is not a shared variable; a body's updates give shared variables new values", "fn");
                return null;
            }
            if (updates.Any(u => u.Item1 == variable.Node))
            {
                call.Error(Diagnostics.ScanMismatch, $"fn updates {call.Describe(variable.Node)} twice", "fn");
                return null;
            }
            int converted = value.Weak is not null ? g.Materialize(value, g[variable.Node].DType) : value.Node;
            if (g[converted].DType != g[variable.Node].DType || g[converted].Rank != g[variable.Node].Rank)
            {
                call.Error(Diagnostics.ScanMismatch, $"fn updates {call.Describe(variable.Node)} with {call.Describe(converted)}; an update keeps the shared variable's dtype and rank (cast the value)", "fn");
                return null;
            }
            updates.Add((variable.Node, converted));
        }
        return updates;
    }

    private static List<(int, int)>? Bad(ApiCall call)
    {
        call.Error(Diagnostics.ScanMismatch, "fn must return its updates as (shared variable, value) pairs, such as [(K, K + 1)]", "fn");
        return null;
    }

    /// <summary>The updates a Scan returns: each shared variable with its value after the last step, and each random variable its body draws (its generator moving on).</summary>
    public static ListValue UpdatesValue(ApiCall call, IReadOnlyList<(int Shared, int Final)> finals, IEnumerable<int> randoms)
    {
        var span = call.Evaluator.SpanOf(call.At);
        var pairs = finals.Select(f => (Value)new ListValue([call.Result(f.Shared), call.Result(f.Final)], [span, span]))
            .Concat(randoms.Select(r => (Value)new ListValue([new RandomAdvanceValue(r), new RandomAdvanceValue(r)], [span, span]))).ToImmutableArray();
        return new ListValue(pairs, pairs.Select(_ => span).ToImmutableArray());
    }
}
