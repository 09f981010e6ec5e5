using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Advanced indexing: int tensors and bool masks as indices (<c>x[idx]</c>, <c>x[x > 0]</c>), and writes into them.</summary>
/// <remarks>
/// NumPy's rules, in the forms supported: int arrays (and ints among them) on consecutive axes, full slices elsewhere,
/// the indexed axes replaced by the arrays' broadcast shape where the first of them was; or one bool mask covering
/// consecutive axes, replaced by one axis as long as the mask has true elements. Every index becomes a flat position
/// into the indexed axes merged (<see cref="CheckIndexOp"/> checks and makes it non-negative at call time), which
/// <see cref="AdvancedSubtensorOp"/> gathers and <see cref="AdvancedIncSubtensorOp"/> scatters into.
/// </remarks>
internal static class AdvancedIndexCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Take, Take),
    ];

    /// <summary>
    /// <c>Take(x, indices, axis)</c>, NumPy's <c>take</c>: <c>x[.., indices, ..]</c> on the axis given; with none, x is
    /// read flattened (the index is a position among all its elements).
    /// </summary>
    private static Value Take(ApiCall call)
    {
        int x = call.Tensor("x"), indices = call.Tensor("indices");
        if (x < 0 || indices < 0) return ErrorValue.Instance;
        var g = call.Graph;
        if (!g[indices].DType.IsInteger() || g[indices].Rank == 0)
            return call.Error(Model.Diagnostics.DTypeMismatch, $"the indices of Take must be an int tensor of rank 1 or more, not {call.Describe(indices)}", "indices");
        int rank = g[x].Rank, first = 0, count = rank;
        if (call.Has("axis"))
        {
            if (call.Int("axis") is not { } axis) return ErrorValue.Instance;
            first = axis < 0 ? axis + rank : axis;
            count = 1;
            if (first < 0 || first >= rank) return call.BadAxis($"axis {axis} is out of range for {call.Describe(x)}", "axis");
        }
        else if (rank == 0) return call.BadAxis($"Take of {call.Describe(x)}: a scalar has no elements to take", "x");
        int flat = CheckIndexOp.Instance.Build(g, indices, x, first, count);
        return call.Result(AdvancedSubtensorOp.Instance.Build(g, x, flat, first, count));
    }

    /// <summary>
    /// <c>x[entries]</c> when an entry is an int tensor of rank 1 or more or a bool tensor (the basic indexing entry
    /// decides and hands over): the entries as evaluated (ints, <see cref="RangeValue"/>, <see cref="FromEndValue"/>,
    /// <see cref="SliceValue"/>, <see cref="MarkerValue"/>, <see cref="TensorValue"/>) and where each was written.
    /// </summary>
    public static Value Index(ApiCall call, int x, ImmutableArray<Value> entries, ImmutableArray<IrSpan> locations)
    {
        var g = call.Graph;
        var xn = g[x];
        // Each entry's kind and the axes it covers; an ellipsis stands for the full slices that make up the rank.
        int named = 0;
        foreach (var e in entries)
            named += e is MarkerValue ? 0 : e is TensorValue { Operand: { IsLiteral: false } o } && g[o.Node].DType == DType.Bool ? g[o.Node].Rank : 1;
        if (named > xn.Rank)
            return call.Error(Model.Diagnostics.IndexOutOfRange, $"too many indices for {call.Describe(x)}: {named} axes indexed");
        var advanced = new List<(int Axis, Value Entry)>();
        int mask = -1, maskAxis = -1, axis = 0, arrays = 0;
        foreach (var e in entries)
        {
            switch (e)
            {
                case MarkerValue { IsNewAxis: false }:
                    axis += xn.Rank - named;
                    break;
                case MarkerValue:
                    return Unsupported(call, "NewAxis together with an int or bool tensor index; add the axis in a separate index, x[idx][.., NewAxis]");
                case TensorValue { Operand: { IsLiteral: false } o } when g[o.Node].DType == DType.Bool:
                    if (mask >= 0 || g[o.Node].Rank == 0) return Unsupported(call, "more than one bool mask, or a 0-d mask, in one index");
                    (mask, maskAxis) = (o.Node, axis);
                    axis += g[o.Node].Rank;
                    break;
                case TensorValue { Operand: { IsLiteral: false } o } when g[o.Node].DType.IsInteger() && g[o.Node].Rank > 0:
                    advanced.Add((axis++, e));
                    arrays++;
                    break;
                case ConstValue { Constant: int or long } or FromEndValue or TensorValue:
                    advanced.Add((axis++, e));
                    break;
                case RangeValue { Start: null or ConstValue { Constant: null }, End: null or ConstValue { Constant: null } }:
                case SliceValue { Start: null or ConstValue { Constant: null }, Stop: null or ConstValue { Constant: null }, Step: null or ConstValue { Constant: null } }:
                    axis++;
                    break;
                case ErrorValue:
                    return ErrorValue.Instance;
                default:
                    return Unsupported(call, "a slice other than a full one (..) together with an int or bool tensor index; slice first, x[1..][idx], or index first");
            }
        }
        if (mask >= 0)
            return advanced.Count > 0 ? Unsupported(call, "a bool mask together with other int indices") : Mask(call, x, mask, maskAxis);
        if (arrays == 0) return Unsupported(call, "an index with no int tensor of rank 1 or more");
        if (advanced[advanced.Count - 1].Axis - advanced[0].Axis + 1 != advanced.Count)
            return Unsupported(call, "int indices separated by a slice (NumPy moves their axes first); index in two steps or transpose first");
        return Gather(call, x, advanced);
    }

    /// <summary><c>x[mask]</c> with the mask covering <paramref name="axis"/> on: the positions of its true elements, gathered.</summary>
    private static Value Mask(ApiCall call, int x, int mask, int axis)
    {
        var g = call.Graph;
        var m = g[mask];
        for (int d = 0; d < m.Rank; d++)
            if (m.Shape[d] >= 0 && g[x].Shape[axis + d] >= 0 && m.Shape[d] != g[x].Shape[axis + d])
                return call.SizeMismatch($"the mask {call.Describe(mask)} does not fit axes {axis}..{axis + m.Rank} of {call.Describe(x)}");
        int positions = NonzeroOp.Instance.Build(g, mask, x, axis);
        if (positions < 0)
            return Unsupported(call, $"a bool mask computed by more than comparisons and arithmetic of inputs ({call.Describe(mask)}): its count of true elements is needed before any buffer is taken; pass the mask as an input");
        return call.Result(AdvancedSubtensorOp.Instance.Build(g, x, positions, axis, m.Rank));
    }

    /// <summary>
    /// Int indices on consecutive axes: each checked, then (several) broadcast together into one flat position
    /// into the indexed axes merged, <c>i0 · size1 · size2 + i1 · size2 + i2</c>.
    /// </summary>
    private static Value Gather(ApiCall call, int x, List<(int Axis, Value Entry)> advanced)
    {
        var g = call.Graph;
        var xn = g[x];
        var checkedIndices = new int[advanced.Count];
        for (int j = 0; j < advanced.Count; j++)
        {
            checkedIndices[j] = Checked(call, x, advanced[j].Axis, advanced[j].Entry);
            if (checkedIndices[j] < 0) return ErrorValue.Instance;
        }
        if (Broadcast(g, checkedIndices) is { } mismatch)
            return call.SizeMismatch($"the int indices of {call.Describe(x)} do not broadcast together: {mismatch}");
        int flat = checkedIndices[0];
        for (int j = 1; j < checkedIndices.Length; j++)
            flat = g.Ew(OpCode.Add, g.Ew(OpCode.Mul, flat, g.DimSize(x, advanced[j].Axis)), checkedIndices[j]);
        return call.Result(AdvancedSubtensorOp.Instance.Build(g, x, flat, advanced[0].Axis, advanced.Count));
    }

    /// <summary>One index entry as checked non-negative int64 positions (a constant checked now when the size is static).</summary>
    private static int Checked(ApiCall call, int x, int axis, Value entry)
    {
        var g = call.Graph;
        int size = g[x].Shape[axis];
        long? constant = entry switch
        {
            ConstValue { Constant: int or long } c => System.Convert.ToInt64(c.Constant, System.Globalization.CultureInfo.InvariantCulture),
            FromEndValue { Position: ConstValue { Constant: int or long } c } => -System.Convert.ToInt64(c.Constant, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (constant is { } v && size >= 0)
        {
            if (v < -size || v >= size)
            {
                call.Error(Model.Diagnostics.IndexOutOfRange, $"index {v} is out of bounds for axis {axis} of {call.Describe(x)}");
                return -1;
            }
            return g.Constant(ScalarValue.Integer(v < 0 ? v + size : v), DType.Int64);
        }
        int index;
        if (constant is { } c2) index = g.Constant(ScalarValue.Integer(c2), DType.Int64);
        else if (entry is TensorValue { Operand: { IsLiteral: false } o } && g[o.Node].DType.IsInteger()) index = o.Node;
        else if (entry is FromEndValue { Position: var p })
        {
            int n = call.Size(p, call.At, "an index");
            if (n < 0) return -1;
            index = g.Ew(OpCode.Neg, n);
        }
        else
        {
            index = call.Size(entry, call.At, "an index");
            if (index < 0) return -1;
        }
        return CheckIndexOp.Instance.Build(g, index, x, axis);
    }

    /// <summary>Why static shapes do not broadcast together (both shapes), or null when they may.</summary>
    private static string? Broadcast(GraphBuilder g, int[] nodes)
    {
        int rank = nodes.Max(n => g[n].Rank);
        for (int d = 1; d <= rank; d++)
        {
            int known = -1;
            foreach (int n in nodes)
            {
                var shape = g[n].Shape;
                int size = d <= shape.Count ? shape[shape.Count - d] : 1;
                if (size < 0 || size == 1) continue;
                if (known >= 0 && known != size) return string.Join(" and ", nodes.Select(k => GraphBuilder.ShapeText(g[k].Shape)));
                known = size;
            }
        }
        return null;
    }

    /// <summary>TG0103 at the indexing call: the form of index is named, and how to write it instead.</summary>
    private static Value Unsupported(ApiCall call, string what)
    {
        call.Report(Model.Diagnostics.UnsupportedExpression, call.At, call.Text, $"advanced indexing of this form is not supported: {what}");
        return ErrorValue.Instance;
    }

    /// <summary>
    /// <c>SetSubtensor(target, y)</c> / <c>IncSubtensor(target, y)</c> when <paramref name="target"/> is a node made by
    /// <see cref="Index"/> (an advanced index): the write of <paramref name="y"/> into the tensor it was taken from.
    /// </summary>
    public static Value Write(ApiCall call, int target, int y, bool set)
    {
        var g = call.Graph;
        var t = g[target];
        if (!AdvancedSubtensorOp.Is(t))
        {
            call.Report(Model.Diagnostics.UnsupportedExpression, call.Location("x"), call.TextOf("x"),
                $"{(set ? "SetSubtensor" : "IncSubtensor")} writes into an index of a tensor, such as x[idx] or x[1..], and {call.Describe(target)} is not one");
            return ErrorValue.Instance;
        }
        var yn = g[y];
        if (yn.Rank > t.Rank || Enumerable.Range(1, yn.Rank).Any(d => yn.Shape[yn.Rank - d] is var s && s >= 0 && s != 1 && t.Shape[t.Rank - d] is var ts && ts >= 0 && ts != s))
            return call.SizeMismatch($"{call.Describe(y)} does not broadcast to the indexed shape {GraphBuilder.ShapeText(t.Shape)}");
        if (t.DType == DType.Bool)
            return Unsupported(call, $"a write into an advanced index of a bool tensor ({call.Describe(t.Inputs[0])}); write into its Cast to int8 or a float");
        if (yn.DType == DType.Bool && t.DType != DType.Bool)
            return call.Error(Model.Diagnostics.DTypeMismatch, $"a bool {call.Describe(y)} written into {t.DType.NumPy()}; Cast it first");
        var p = t.Parameters<AdvancedIndexParams>();
        return call.Result(AdvancedIncSubtensorOp.Instance.Build(g, t.Inputs[0], y, t.Inputs[1], p.Axis, p.Count, set));
    }

    /// <summary>Whether <paramref name="node"/> was made by <see cref="Index"/>, so a write into it goes to <see cref="Write"/>.</summary>
    public static bool IsAdvanced(GraphBuilder graph, int node) => AdvancedSubtensorOp.Is(graph[node]);
}
