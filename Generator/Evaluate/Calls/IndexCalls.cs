using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Basic indexing: the parts of an index (positions, ranges, slices, markers), <c>x[...]</c>, and writes into it.</summary>
internal static class IndexCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        // A conversion into an index entry keeps the value: the indexing call reads what it is.
        new(ApiFunction.IndexEntry, call => call.Raw("position") ?? call.Raw("range") ?? call.Raw("slice") ?? call.Raw("index") ?? call.Raw("marker") ?? ErrorValue.Instance),
        new(ApiFunction.Slice, call => new SliceValue(call.Raw("start"), call.Raw("stop"), call.Raw("step"))),
        new(ApiFunction.NewAxis, _ => new MarkerValue(IsNewAxis: true)),
        new(ApiFunction.Ellipsis, _ => new MarkerValue(IsNewAxis: false)),
        new(ApiFunction.Index, Index),
        // Basic indexing
        new(ApiFunction.SetSubtensor, call => Write(call, set: true)),
        new(ApiFunction.IncSubtensor, call => Write(call, set: false)),
    ];

    /// <summary>One bound of a slice: its value, and whether it counts from the end as C#'s <c>^v</c>.</summary>
    private readonly record struct Bound(IndexScalar Value, bool FromEnd);

    /// <summary>One entry of a basic index, read: a position, a slice (a whole axis is a slice with no bounds), or a marker.</summary>
    private sealed record Entry(IrSpan Location, IndexScalar? Position = null, bool FromEnd = false, Bound? Start = null, Bound? Stop = null, long Step = 0,
        bool NewAxis = false, bool Ellipsis = false)
    {
        public bool Consumes => !NewAxis && !Ellipsis;

        public bool IsWhole => Position is null && Start is null && Stop is null && Step == 1;
    }

    private static readonly Entry Whole = new(default, Step: 1);

    /// <summary>
    /// <c>x[entries]</c> (NumPy's basic indexing): positions drop their axis, slices keep it, NewAxis adds one, Ellipsis
    /// stands for the axes not named. An int tensor of rank 1 or more, or a bool tensor, makes it advanced indexing.
    /// </summary>
    private static Value Index(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || call.List("indices") is not { } list) return ErrorValue.Instance;
        var b = call.Graph;
        if (list.Items.Any(v => v is TensorValue { Operand: { IsLiteral: false } o } && (b[o.Node].Rank > 0 || b[o.Node].DType == DType.Bool)))
            return AdvancedIndexCalls.Index(call, x, list.Items, list.Locations);

        var entries = new List<Entry>();
        for (int i = 0; i < list.Items.Length; i++)
        {
            if (Read(call, list.Items[i], list.Locations[i]) is not { } entry) return ErrorValue.Instance;
            entries.Add(entry);
        }
        var node = b[x];
        int consumed = entries.Count(e => e.Consumes);
        if (entries.Where(e => e.Ellipsis).Skip(1).FirstOrDefault() is { } second)
        {
            call.Report(Model.Diagnostics.BadAxis, second.Location, "an index can have only one Ellipsis");
            return ErrorValue.Instance;
        }
        if (consumed > node.Rank)
            return call.Error(Model.Diagnostics.IndexOutOfRange, $"too many indices for {call.Describe(x)}: {consumed} given for rank {node.Rank}", "indices");

        // The entries per axis of x (Ellipsis spread into whole axes), and where each output axis comes from.
        var axes = new List<Entry>();
        var pattern = new List<int>();
        foreach (var e in entries)
        {
            if (e.NewAxis) pattern.Add(-1);
            else if (e.Ellipsis)
                for (int k = 0; k < node.Rank - consumed; k++) Keep(Whole);
            else Keep(e);
        }
        while (axes.Count < node.Rank) Keep(Whole);

        void Keep(Entry e)
        {
            if (e.Position is null) pattern.Add(axes.Count - axes.Count(a => a.Position is not null));
            axes.Add(e);
        }

        int result = x;
        if (node.Rank > 0)
        {
            if (Region(call, x, axes) is not { } region) return ErrorValue.Instance;
            result = region;
        }
        if (pattern.Contains(-1)) result = b.DimShuffle(result, pattern.ToArray());
        return call.Result(result);
    }

    /// <summary>The Subtensor of <paramref name="x"/> selecting <paramref name="axes"/>, or null (reported).</summary>
    private static int? Region(ApiCall call, int x, List<Entry> axes)
    {
        var b = call.Graph;
        var bounds = new IndexBounds(b);
        int indexed = axes.Count;
        while (indexed > 0 && axes[indexed - 1].IsWhole) indexed--;
        var steps = new List<int>();
        var operands = new List<int>();
        for (int k = 0; k < indexed; k++)
        {
            var e = axes[k];
            int staticSize = b[x].Shape[k];
            IndexScalar Size() => IndexScalar.Of(b, b.DimSize(x, k));
            if (e.Position is { } position)
            {
                if (position.Constant is { } p && (e.FromEnd ? p <= 0 || (staticSize >= 0 && p > staticSize) : staticSize >= 0 && (p < -staticSize || p >= staticSize)))
                {
                    string written = e.FromEnd ? "^" + p.ToString(CultureInfo.InvariantCulture) : p.ToString(CultureInfo.InvariantCulture);
                    string size = staticSize >= 0 ? $", whose size is {staticSize}" : "";
                    call.Report(Model.Diagnostics.IndexOutOfRange, e.Location,
                        $"index {written} is out of range for axis {k} of {call.Describe(x)}{size}");
                    return null;
                }
                var at = e.FromEnd ? bounds.FromEnd(position, Size()) : position;
                if (at.Constant is { } c && c < 0 && staticSize >= 0) at = IndexScalar.Of(c + staticSize);
                steps.Add(0);
                operands.Add(bounds.Node(at));
                continue;
            }
            var (first, length) = bounds.Slice(
                e.Start is { } s ? (s.Value, s.FromEnd) : null, e.Stop is { } t ? (t.Value, t.FromEnd) : null, e.Step, Size());
            steps.Add((int)e.Step);
            operands.Add(bounds.Node(first));
            operands.Add(bounds.Node(length));
        }
        return SubtensorOp.Instance.Build(b, x, steps.ToArray(), operands.ToArray());
    }

    /// <summary>An index entry as evaluated (an int, <c>^n</c>, a range, a slice, a marker, an int scalar tensor), or null (reported).</summary>
    private static Entry? Read(ApiCall call, Value value, IrSpan at)
    {
        switch (value)
        {
            case MarkerValue { IsNewAxis: var newAxis }:
                return new Entry(at, NewAxis: newAxis, Ellipsis: !newAxis);
            case FromEndValue { Position: var p }:
                return Scalar(call, p, at, "a position") is { } end ? new Entry(at, Position: end, FromEnd: true) : null;
            case RangeValue range:
            {
                Bound? start = range.Start is null ? null : BoundOf(call, range.Start, at);
                Bound? stop = range.End is null ? null : BoundOf(call, range.End, at);
                if ((range.Start is not null && start is null) || (range.End is not null && stop is null)) return null;
                return new Entry(at, Start: start, Stop: stop, Step: 1);
            }
            case SliceValue slice:
            {
                long step = 1;
                if (!Absent(slice.Step))
                {
                    if (Scalar(call, slice.Step!, at, "the step of a slice") is not { } by) return null;
                    if (by.Constant is not { } constant)
                    {
                        call.Report(Model.Diagnostics.NotConstant, at, "the step of a slice", "Slice(..., step)");
                        return null;
                    }
                    if (constant == 0 || constant is > int.MaxValue or < -int.MaxValue)
                    {
                        call.Report(Model.Diagnostics.BadAxis, at, $"the step of a slice must be a nonzero int, not {constant}");
                        return null;
                    }
                    step = constant;
                }
                Bound? start = null, stop = null;
                if (!Absent(slice.Start)) start = Scalar(call, slice.Start!, at, "the start of a slice") is { } s ? new Bound(s, false) : null;
                if (!Absent(slice.Stop)) stop = Scalar(call, slice.Stop!, at, "the stop of a slice") is { } e ? new Bound(e, false) : null;
                if ((!Absent(slice.Start) && start is null) || (!Absent(slice.Stop) && stop is null)) return null;
                return new Entry(at, Start: start, Stop: stop, Step: step);
            }
            default:
                return Scalar(call, value, at, "an index") is { } position ? new Entry(at, Position: position) : null;
        }
    }

    private static bool Absent(Value? v) => v is null or ConstValue { Constant: null };

    private static Bound? BoundOf(ApiCall call, Value v, IrSpan at) =>
        v is FromEndValue { Position: var p }
            ? Scalar(call, p, at, "a bound of a range") is { } end ? new Bound(end, true) : null
            : Scalar(call, v, at, "a bound of a range") is { } s ? new Bound(s, false) : null;

    /// <summary>An int read as an index part: a C# int, an int literal, or an int scalar tensor (as int64); null (reported) otherwise.</summary>
    private static IndexScalar? Scalar(ApiCall call, Value value, IrSpan at, string what)
    {
        var b = call.Graph;
        switch (value)
        {
            case ConstValue { Constant: int or long } c:
                return IndexScalar.Of(System.Convert.ToInt64(c.Constant, CultureInfo.InvariantCulture));
            case TensorValue { Operand.Weak: { } literal } when !literal.Value.IsFloat && literal.Kind != DType.Bool:
                return IndexScalar.Of(literal.Value.Long);
            case TensorValue { Operand: { IsLiteral: false } o } when b[o.Node].Rank == 0 && b[o.Node].DType.IsInteger():
                return IndexScalar.Of(b, b.Convert(o.Node, DType.Int64));
            case ErrorValue:
                return null;
            default:
                call.Report(Model.Diagnostics.UnsupportedExpression, at, "this index entry", $"{what} must be an int or an int scalar tensor");
                return null;
        }
    }

    /// <summary>
    /// <c>SetSubtensor(x[...], y)</c> / <c>IncSubtensor(x[...], y)</c> (PyTensor's <c>set_subtensor</c>/<c>inc_subtensor</c>):
    /// the tensor the index was taken from, with the region replaced by or increased by y (broadcast to it).
    /// </summary>
    private static Value Write(ApiCall call, bool set)
    {
        int target = call.Tensor("x"), y = call.Tensor("y");
        if (target < 0 || y < 0) return ErrorValue.Instance;
        var b = call.Graph;
        var region = b[target];
        string name = set ? "SetSubtensor" : "IncSubtensor";
        if (!SubtensorOp.Made(region))
        {
            if (AdvancedIndexCalls.IsAdvanced(b, target)) return AdvancedIndexCalls.Write(call, target, y, set);
            call.Report(Model.Diagnostics.UnsupportedExpression, call.Location("x"), call.TextOf("x"),
                $"{name} writes into an index of a tensor, such as x[1..] or x[.., 0], and {call.Describe(target)} is not one");
            return ErrorValue.Instance;
        }
        int x = region.Inputs[0];
        var dtype = b[x].DType;
        if (dtype == DType.Bool)
            return call.Error(Model.Diagnostics.DTypeMismatch, $"{name} writes numbers, and {call.Describe(x)} is bool", "x");
        if (!b[y].IsConstant && DTypes.Promote(dtype, b[y].DType) != dtype)
            return call.Error(Model.Diagnostics.DTypeMismatch, $"{name} cannot write {call.Describe(y)} into {call.Describe(x)} without losing precision; Cast it first", "y");
        var (shape, values) = (region.Shape, b[y].Shape);
        bool fits = values.Count <= shape.Count && Enumerable.Range(0, values.Count).All(j =>
            values[j] is 1 or -1 || shape[shape.Count - values.Count + j] is var s && (s == -1 || s == values[j]));
        if (!fits)
            return call.SizeMismatch($"{name} cannot write {call.Describe(y)} into a region of shape {GraphBuilder.ShapeText(shape)}: its shape does not broadcast to the region's", "y");
        var steps = region.Parameters<SubtensorParams>().Steps.ToArray();
        return call.Result(IncSubtensorOp.Instance.Build(b, x, y, steps, region.Inputs.Skip(1).ToArray(), set));
    }
}
