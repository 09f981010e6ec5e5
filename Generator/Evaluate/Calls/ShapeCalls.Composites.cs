using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

// Composites: Outer, Tile and Repeat (broadcasts and reshapes), Diagonal and Trace (a diagonal op and a sum).
internal static partial class ShapeCalls
{
    /// <summary><c>Outer(a, b)</c>: NumPy's outer product of the flattened operands, a[:, None] * b[None, :].</summary>
    private static Value Outer(ApiCall call)
    {
        int a = call.Tensor("a"), b = call.Tensor("b");
        if (a < 0 || b < 0) return ErrorValue.Instance;
        var g = call.Graph;
        return call.Result(g.Ew(OpCode.Mul, g.DimShuffle(Flat(g, a, 1), [0, -1]), g.DimShuffle(Flat(g, b, 1), [-1, 0])));
    }

    /// <summary>
    /// <c>Tile(x, reps)</c> (NumPy's <c>tile</c>): x given leading size-1 dimensions or reps leading 1s to the same
    /// length, then each dimension repeated as a block: x viewed as (1, x0, 1, x1, ...), broadcast to (r0, x0, r1, x1, ...), reshaped.
    /// </summary>
    private static Value Tile(ApiCall call)
    {
        int x = call.Tensor("x");
        var reps = call.Ints("reps");
        if (x < 0 || reps is null) return ErrorValue.Instance;
        if (reps.Any(r => r < 0)) return call.SizeMismatch($"Tile of {call.Describe(x)} by ({string.Join(", ", reps)}): repetitions cannot be negative", "reps");
        var g = call.Graph;
        int rank = System.Math.Max(g[x].Rank, reps.Length);
        x = g.DimShuffle(x, Enumerable.Repeat(-1, rank - g[x].Rank).Concat(Enumerable.Range(0, g[x].Rank)).ToArray());
        reps = Enumerable.Repeat(1, rank - reps.Length).Concat(reps).ToArray();
        var interleaved = Enumerable.Range(0, rank).SelectMany(k => new[] { -1, k }).ToArray();
        var blocks = Enumerable.Range(0, 2 * rank).Select(j => j % 2 == 0 ? reps[j / 2] : 1).ToArray();
        return call.Result(Broadcast(g, g.DimShuffle(x, interleaved), blocks, k => reps[k], x));
    }

    /// <summary><c>Repeat(x, repeats, axis)</c> (NumPy's <c>repeat</c> with an int): each element repeated in place along axis, of the flattened x when none.</summary>
    private static Value Repeat(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || call.Int("repeats") is not { } repeats) return ErrorValue.Instance;
        var g = call.Graph;
        if (repeats < 0) return call.SizeMismatch($"Repeat of {call.Describe(x)} {repeats.ToString(CultureInfo.InvariantCulture)} times: repetitions cannot be negative", "repeats");
        int axis;
        if (!call.Has("axis"))
        {
            x = Flat(g, x, 1);
            axis = 0;
        }
        else
        {
            if (call.Int("axis") is not { } given) return ErrorValue.Instance;
            axis = given < 0 ? given + g[x].Rank : given;
            if (axis < 0 || axis >= g[x].Rank) return call.BadAxis($"Repeat of {call.Describe(x)} along axis {given.ToString(CultureInfo.InvariantCulture)}: out of range", "axis");
        }
        int rank = g[x].Rank;
        // x viewed as (..., n, 1, ...), broadcast to (..., n, r, ...), reshaped to (..., n·r, ...).
        var pattern = Enumerable.Range(0, rank + 1).Select(j => j <= axis ? j : j == axis + 1 ? -1 : j - 1).ToArray();
        var blocks = Enumerable.Range(0, rank + 1).Select(j => j == axis + 1 ? repeats : 1).ToArray();
        return call.Result(Broadcast(g, g.DimShuffle(x, pattern), blocks, k => k == axis ? repeats : 1, x));
    }

    /// <summary>
    /// <paramref name="viewed"/> broadcast to the sizes <paramref name="blocks"/> give its size-1 dimensions (a second of ones
    /// of those sizes), then reshaped so that dimension k of <paramref name="x"/> is <paramref name="times"/>(k) times as long.
    /// </summary>
    private static int Broadcast(GraphBuilder g, int viewed, int[] blocks, System.Func<int, int> times, int x)
    {
        var ones = blocks.Select(r => g.Constant(ScalarValue.Integer(r), DType.Int64)).ToArray();
        int spread = g.Ew(OpCode.Second, AllocOp.Instance.Build(g, g.Constant(ScalarValue.Integer(1), g[x].DType), ones), viewed);
        int rank = g[x].Rank;
        var sizes = new int[rank];
        var shape = new int[rank];
        for (int k = 0; k < rank; k++)
        {
            int r = times(k);
            shape[k] = g[x].Shape[k] >= 0 ? g[x].Shape[k] * r : -1;
            sizes[k] = shape[k] >= 0 ? g.Constant(ScalarValue.Integer(shape[k]), DType.Int64)
                : r == 1 ? g.DimSize(x, k) : g.Ew(OpCode.Mul, g.DimSize(x, k), g.Constant(ScalarValue.Integer(r), DType.Int64));
        }
        return ReshapeOp.Instance.Build(g, spread, sizes, shape);
    }

    /// <summary><c>Diagonal(x, offset, axis1, axis2)</c> (NumPy's <c>diagonal</c>): the other axes, then the diagonal.</summary>
    private static Value Diagonal(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || DiagonalOf(call, x) is not { } p) return ErrorValue.Instance;
        return call.Result(DiagonalOp.Instance.Build(call.Graph, x, p));
    }

    /// <summary><c>Trace(x, offset, axis1, axis2)</c> (NumPy's <c>trace</c>): the sum of the diagonal.</summary>
    private static Value Trace(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || DiagonalOf(call, x) is not { } p) return ErrorValue.Instance;
        int diagonal = DiagonalOp.Instance.Build(call.Graph, x, p);
        return call.Result(call.Graph.Reduce(OpCode.Sum, diagonal, [call.Graph[diagonal].Rank - 1], keepdims: false));
    }

    private static DiagonalParams? DiagonalOf(ApiCall call, int x)
    {
        if (call.Int("offset", 0) is not { } offset || call.Int("axis1", 0) is not { } axis1 || call.Int("axis2", 1) is not { } axis2) return null;
        int rank = call.Graph[x].Rank;
        int a1 = axis1 < 0 ? axis1 + rank : axis1, a2 = axis2 < 0 ? axis2 + rank : axis2;
        if (rank < 2 || a1 < 0 || a1 >= rank || a2 < 0 || a2 >= rank || a1 == a2)
        {
            call.BadAxis($"{call.Name} of {call.Describe(x)} along axes {axis1.ToString(CultureInfo.InvariantCulture)} and {axis2.ToString(CultureInfo.InvariantCulture)}: two distinct axes of a tensor of rank 2 or more are needed");
            return null;
        }
        return new DiagonalParams(offset, a1, a2);
    }
}
