using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Products of every rank: Dot, Matmul, Tensordot.</summary>
internal static class ProductCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Dot, Dot),
        new(ApiFunction.Matmul, Matmul),
        new(ApiFunction.Tensordot, Tensordot),
    ];

    /// <summary>
    /// <c>Dot(a, b)</c>, NumPy's <c>dot</c>: of vectors and matrices a <see cref="DotOp"/> (a transposed operand,
    /// <c>x.T</c>, read through a flag instead of copied); with a tensor of rank 3 or more, the sum over the last axis
    /// of a and the second-to-last of b (the last when b is a vector), built as a batched product (a reshaped to one
    /// matrix when b has batch axes).
    /// </summary>
    private static Value Dot(ApiCall call)
    {
        if (Operands(call, "Dot takes two tensors (vectors or matrices)") is not var (a, c)) return ErrorValue.Instance;
        var b = call.Graph;
        int ra = b[a].Rank, rc = b[c].Rank;
        if (ra <= 2 && rc <= 2) return Small(call, a, c);
        if (ra == 0 || rc == 0) return call.Error(Model.Diagnostics.ShapeMismatch, $"Dot takes tensors of rank 1 or more, not {call.Describe(a)} and {call.Describe(c)}");
        if (rc <= 2 || ra == 1) return Batched(call, a, c);
        int ka = b[a].Shape[ra - 1], kb = b[c].Shape[rc - 2];
        if (ka >= 0 && kb >= 0 && ka != kb)
            return call.SizeMismatch($"Dot of {call.Describe(a)} and {call.Describe(c)}: inner sizes {ka} and {kb} differ");
        // a (A..., k) · b (B..., k, n) = (A..., B..., n): a as one (prod A, k) matrix multiplying each of b's, so
        // (B..., prod A, n), whose rows move to the front and split back into A's axes.
        int rows = Size(b, a, Enumerable.Range(0, ra - 1).ToArray(), out int rowsStatic);
        int left = ReshapeOp.Instance.Build(b, a, [rows, b.DimSize(a, ra - 1)], [rowsStatic, b[a].Shape[ra - 1]]);
        int product = BatchedMatmulOp.Instance.Build(b, left, c, false, false, out var error);
        if (error is not null) return call.SizeMismatch($"Dot: {error}");
        int moved = b.DimShuffle(product, new[] { rc - 2 }.Concat(Enumerable.Range(0, rc - 2)).Append(rc - 1).ToArray());
        var axes = Enumerable.Range(0, ra - 1).Select(d => (Node: a, Axis: d)).Concat(Enumerable.Range(0, rc).Where(d => d != rc - 2).Select(d => (Node: c, Axis: d))).ToList();
        return call.Result(ReshapeOp.Instance.Build(b, moved, axes.Select(x => b.DimSize(x.Node, x.Axis)).ToArray(), axes.Select(x => b[x.Node].Shape[x.Axis]).ToArray()));
    }

    /// <summary><c>Matmul(a, b)</c>: NumPy's <c>matmul</c>, a <see cref="DotOp"/> for vectors and matrices, batched above.</summary>
    private static Value Matmul(ApiCall call)
    {
        if (Operands(call, "Matmul takes two tensors") is not var (a, c)) return ErrorValue.Instance;
        var b = call.Graph;
        int ra = b[a].Rank, rc = b[c].Rank;
        if (ra == 0 || rc == 0) return call.SizeMismatch($"Matmul takes tensors of rank 1 or more, not {call.Describe(a)} and {call.Describe(c)}");
        return ra <= 2 && rc <= 2 ? Small(call, a, c) : Batched(call, a, c);
    }

    /// <summary>A product of vectors and matrices, as <c>Dot</c> always built it.</summary>
    private static Value Small(ApiCall call, int a, int c)
    {
        var (left, transA) = call.Graph.Untranspose(a);
        var (right, transB) = call.Graph.Untranspose(c);
        int result = call.Graph.Dot(left, right, transA, transB, out var error);
        return error is null ? call.Result(result) : call.Error(Model.Diagnostics.ShapeMismatch, error);
    }

    /// <summary>NumPy's matmul above rank 2: a vector a is a row, a vector b a column, and their axis is dropped after.</summary>
    private static Value Batched(ApiCall call, int a, int c)
    {
        var b = call.Graph;
        int ra = b[a].Rank, rc = b[c].Rank;
        int x = ra == 1 ? b.DimShuffle(a, [-1, 0]) : a, y = rc == 1 ? b.DimShuffle(c, [0, -1]) : c;
        int product = BatchedMatmulOp.Instance.Build(b, x, y, false, false, out var error);
        if (error is not null) return call.SizeMismatch($"{call.Name}: {error}");
        int r = b[product].Rank;
        var kept = Enumerable.Range(0, r).Where(j => !(ra == 1 && j == r - 2) && !(rc == 1 && j == r - 1)).ToArray();
        return call.Result(b.DimShuffle(product, kept));
    }

    /// <summary>
    /// <c>Tensordot(a, b, axes)</c>: a's free axes, then b's, each pair of summed axes meeting; built as PyTensor builds
    /// it: each operand transposed so its summed axes meet the other's, reshaped to a matrix, one matrix product, and
    /// the result reshaped to the free axes (its gradient follows from theirs).
    /// </summary>
    private static Value Tensordot(ApiCall call)
    {
        if (Operands(call, "Tensordot takes two tensors") is not var (a, c)) return ErrorValue.Instance;
        var b = call.Graph;
        int ra = b[a].Rank, rc = b[c].Rank;
        int[] axesA, axesB;
        switch (call.Raw("axes"))
        {
            case null or ConstValue { Constant: null }:
            case ConstValue { Constant: int }:
                int n = call.Int("axes", 2)!.Value;
                if (n < 0 || n > ra || n > rc) return call.BadAxis($"Tensordot cannot sum over {n.ToString(CultureInfo.InvariantCulture)} axes of {call.Describe(a)} and {call.Describe(c)}", "axes");
                axesA = Enumerable.Range(ra - n, n).ToArray();
                axesB = Enumerable.Range(0, n).ToArray();
                break;
            case ListValue pair when pair.Items.Length == 2 && pair.Items.All(p => p is ListValue l && l.Items.All(v => v is ConstValue { Constant: int })):
                axesA = ((ListValue)pair.Items[0]).Items.Select(v => (int)((ConstValue)v).Constant!).ToArray();
                axesB = ((ListValue)pair.Items[1]).Items.Select(v => (int)((ConstValue)v).Constant!).ToArray();
                break;
            case ErrorValue:
                return ErrorValue.Instance;
            default:
                return call.BadAxis("the axes of Tensordot must be an int or two lists of ints known at build time ([[1], [0]])", "axes");
        }
        if (axesA.Length != axesB.Length) return call.BadAxis($"Tensordot: {axesA.Length} axes of a and {axesB.Length} of b", "axes");
        if (Normalize(axesA, ra) is not { } sa || Normalize(axesB, rc) is not { } sb)
            return call.BadAxis($"the axes of Tensordot are out of range or repeated for {call.Describe(a)} and {call.Describe(c)}", "axes");
        for (int i = 0; i < sa.Length; i++)
        {
            int da = b[a].Shape[sa[i]], db = b[c].Shape[sb[i]];
            if (da >= 0 && db >= 0 && da != db)
                return call.SizeMismatch($"Tensordot of {call.Describe(a)} and {call.Describe(c)}: axis {sa[i]} of a has size {da} and axis {sb[i]} of b {db}", "axes");
        }
        var dtype = DTypes.Promote(b[a].DType, b[c].DType);
        if (dtype == DType.Bool) dtype = DType.Int64;
        a = b.Convert(a, dtype);
        c = b.Convert(c, dtype);
        var freeA = Enumerable.Range(0, ra).Except(sa).ToArray();
        var freeB = Enumerable.Range(0, rc).Except(sb).ToArray();
        // (free a, summed) · (summed, free b) as one matrix product, then the free axes back.
        int rows = Size(b, a, freeA, out int rowsStatic), inner = Size(b, a, sa, out int innerStatic), columns = Size(b, c, freeB, out int columnsStatic);
        // An operand with no free axes is a vector, so a full contraction is a vector product: no 0-d reshape.
        int left = ReshapeOp.Instance.Build(b, b.DimShuffle(a, freeA.Concat(sa).ToArray()),
            freeA.Length == 0 ? [inner] : [rows, inner], freeA.Length == 0 ? [innerStatic] : [rowsStatic, innerStatic]);
        int right = ReshapeOp.Instance.Build(b, b.DimShuffle(c, sb.Concat(freeB).ToArray()),
            freeB.Length == 0 ? [inner] : [inner, columns], freeB.Length == 0 ? [innerStatic] : [innerStatic, columnsStatic]);
        int product = b.Dot(left, right, false, false, out var error);
        if (error is not null) return call.SizeMismatch($"Tensordot: {error}", "axes");
        var sizes = freeA.Select(d => b.DimSize(a, d)).Concat(freeB.Select(d => b.DimSize(c, d))).ToArray();
        var shape = freeA.Select(d => b[a].Shape[d]).Concat(freeB.Select(d => b[c].Shape[d])).ToArray();
        return call.Result(ReshapeOp.Instance.Build(b, product, sizes, shape));
    }

    /// <summary>The product of the sizes of <paramref name="axes"/> of <paramref name="x"/> as an int64 scalar (a constant when static), and its static value or -1.</summary>
    private static int Size(GraphBuilder b, int x, int[] axes, out int known)
    {
        var sizes = axes.Select(d => b.DimSize(x, d)).ToArray();
        known = axes.All(d => b[x].Shape[d] >= 0) ? axes.Aggregate(1, (p, d) => p * b[x].Shape[d]) : -1;
        if (known >= 0) return b.Constant(ScalarValue.Integer(known), DType.Int64);
        return sizes.Skip(1).Aggregate(sizes[0], (p, s) => b.Ew(OpCode.Mul, p, s));
    }

    /// <summary>Axes made non-negative; null when one is out of range or repeated.</summary>
    private static int[]? Normalize(int[] axes, int rank)
    {
        var result = axes.Select(x => x < 0 ? x + rank : x).ToArray();
        return result.Any(x => x < 0 || x >= rank) || result.Distinct().Count() != result.Length ? null : result;
    }

    /// <summary>The two operands <c>a</c> and <c>b</c> as nodes (literals are not products' operands), or null (reported).</summary>
    private static (int A, int B)? Operands(ApiCall call, string what)
    {
        if (call.Raw("a") is ErrorValue || call.Raw("b") is ErrorValue) return null;
        if (call.Raw("a") is not TensorValue { Operand: { IsLiteral: false } a } || call.Raw("b") is not TensorValue { Operand: { IsLiteral: false } b })
        {
            call.Report(Model.Diagnostics.UnsupportedExpression, call.At, call.Text, what);
            return null;
        }
        return (a.Node, b.Node);
    }
}
