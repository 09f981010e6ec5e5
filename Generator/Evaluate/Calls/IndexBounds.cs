using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Evaluate;

/// <summary>An int64 scalar of an index: a number known at build time, or a graph node computing it at run time.</summary>
internal readonly record struct IndexScalar(long? Constant, int Node)
{
    public static IndexScalar Of(long value) => new(value, -1);

    /// <summary>A node, read as a number when it is a plain constant (a static size).</summary>
    public static IndexScalar Of(GraphBuilder b, int node) =>
        b[node].IsConstant && b[node].Params is null ? Of(b[node].Value.Long) : new(null, node);
}

/// <summary>
/// Python's slice rule (<c>slice.indices(n)</c>) over <see cref="IndexScalar"/>s: arithmetic on numbers folds at build
/// time, on nodes it builds int64 element-wise nodes, so a slice's first position and length are values either way.
/// </summary>
internal sealed class IndexBounds(GraphBuilder b)
{
    public int Node(IndexScalar s) => s.Constant is { } c ? b.Constant(ScalarValue.Integer(c), DType.Int64) : s.Node;

    private IndexScalar Op(OpCode op, IndexScalar x, IndexScalar y, System.Func<long, long, long> fold) =>
        x.Constant is { } a && y.Constant is { } c ? IndexScalar.Of(fold(a, c)) : new(null, b.Ew(op, Node(x), Node(y)));

    public IndexScalar Add(IndexScalar x, IndexScalar y) => Op(OpCode.Add, x, y, (a, c) => a + c);

    public IndexScalar Sub(IndexScalar x, IndexScalar y) => Op(OpCode.Sub, x, y, (a, c) => a - c);

    public IndexScalar Max(IndexScalar x, IndexScalar y) => Op(OpCode.Maximum, x, y, System.Math.Max);

    public IndexScalar Min(IndexScalar x, IndexScalar y) => Op(OpCode.Minimum, x, y, System.Math.Min);

    /// <summary>Floor division by a positive build-time number (the step's size).</summary>
    public IndexScalar Div(IndexScalar x, long by) =>
        x.Constant is { } a ? IndexScalar.Of(FloorDiv(a, by)) : new(null, b.Ew(OpCode.IntDiv, x.Node, Node(IndexScalar.Of(by))));

    private static long FloorDiv(long a, long by) => a / by - (a % by != 0 && (a < 0) != (by < 0) ? 1 : 0);

    /// <summary>A position as Python reads it: negative counts from the end (<paramref name="value"/> + n).</summary>
    public IndexScalar Wrap(IndexScalar value, IndexScalar n)
    {
        if (value.Constant is { } v) return v < 0 ? Add(value, n) : value;
        int negative = b.Ew(OpCode.Lt, value.Node, Node(IndexScalar.Of(0)));
        return new(null, b.Ew(OpCode.Switch, negative, Node(Add(value, n)), value.Node));
    }

    /// <summary>C#'s <c>^v</c> as a Python position (-v), with <c>^0</c> and below past the end (n - v) so that a check refuses it.</summary>
    public IndexScalar FromEnd(IndexScalar v, IndexScalar n)
    {
        if (v.Constant is { } c) return c > 0 ? IndexScalar.Of(-c) : Sub(n, v);
        int positive = b.Ew(OpCode.Gt, v.Node, Node(IndexScalar.Of(0)));
        return new(null, b.Ew(OpCode.Switch, positive, Node(Sub(IndexScalar.Of(0), v)), Node(Sub(n, v))));
    }

    /// <summary>
    /// A slice's first position and length over an axis of size <paramref name="n"/> (<c>slice.indices</c>): each bound
    /// null (its default), or (its value, whether it counts from the end as C#'s <c>^v</c>, which does not wrap).
    /// </summary>
    public (IndexScalar First, IndexScalar Length) Slice((IndexScalar Value, bool FromEnd)? start, (IndexScalar Value, bool FromEnd)? stop, long step, IndexScalar n)
    {
        IndexScalar zero = IndexScalar.Of(0), minusOne = IndexScalar.Of(-1);
        IndexScalar low = step > 0 ? zero : minusOne, high = step > 0 ? n : Sub(n, IndexScalar.Of(1));
        IndexScalar Bound((IndexScalar Value, bool FromEnd) bound)
        {
            var absolute = bound.FromEnd ? Sub(n, bound.Value) : Wrap(bound.Value, n);
            return Min(Max(absolute, low), high);
        }
        var first = start is { } s ? Bound(s) : step > 0 ? zero : high;
        var last = stop is { } e ? Bound(e) : step > 0 ? n : minusOne;
        long by = System.Math.Abs(step);
        var span = step > 0 ? Sub(last, first) : Sub(first, last);
        var length = Max(by == 1 ? span : Div(Add(span, IndexScalar.Of(by - 1)), by), zero);
        return (first, length);
    }
}
