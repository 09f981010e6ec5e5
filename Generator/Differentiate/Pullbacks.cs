using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// The pullback of each op (PyTensor's <c>Op.L_op</c>/<c>grad</c>; an element-wise op's is in its registry
/// entry, <see cref="ElementwiseOp.Pullback"/>): given the adjoint <c>g</c> of a node,
/// the contribution to the adjoint of each operand, built as graph nodes, or -1 where none flows
/// (comparisons, integer and discrete ops, conditions, <c>ZeroGrad</c>). Contributions have the operand's
/// exact shape: a broadcast operand receives the sum over the axes it was broadcast along.
/// </summary>
internal static class Pullbacks
{
    public static int[] Of(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        if (OpInfo.IsElementwise(n.Op)) return OpRegistry.Elementwise(n.Op).Pullback(new PullbackSite(b, id, g));
        int x = n.Inputs.Count > 0 ? n.Inputs[0] : -1;
        var dtype = n.DType;
        int Mul(int p, int q) => b.Ew(OpCode.Mul, p, q);
        int Mask(int condition) => b.Convert(condition, dtype);

        switch (n.Op)
        {
            case OpCode.Sum: return [b.Ew(OpCode.Second, x, Unreduce(b, g, n))];
            case OpCode.Max:
            case OpCode.Min:
                return [Mul(b.Ew(OpCode.Second, x, Unreduce(b, g, n)), Mask(b.Ew(OpCode.Eq, x, Unreduce(b, id, n))))];
            case OpCode.DimShuffle: return [Undo(b, g, n)];
            case OpCode.Dot: return Dot(b, n, g);
            default: return n.Inputs.Select(_ => -1).ToArray();
        }
    }

    /// <summary>
    /// <paramref name="g"/> summed to <paramref name="operand"/>'s shape: over the leading axes the operand
    /// lacks, and over the axes where it has static size 1 but <paramref name="g"/> does not.
    /// </summary>
    public static int SumTo(GraphBuilder b, int g, int operand)
    {
        var target = b[operand];
        var grad = b[g];
        int lead = grad.Rank - target.Rank;
        var axes = Enumerable.Range(0, lead)
            .Concat(Enumerable.Range(0, target.Rank).Where(k => target.Shape[k] == 1 && grad.Shape[lead + k] != 1).Select(k => lead + k))
            .ToArray();
        if (axes.Length == 0) return g;
        if (axes.Length == lead) return b.Reduce(OpCode.Sum, g, axes, keepdims: false);
        int summed = b.Reduce(OpCode.Sum, g, axes, keepdims: true);
        return b.DimShuffle(summed, Enumerable.Range(lead, target.Rank).ToArray());
    }

    /// <summary>A reduction's result with its reduced axes put back as size 1, ready to broadcast.</summary>
    private static int Unreduce(GraphBuilder b, int value, Node reduction)
    {
        var (axes, keepdims) = GraphBuilder.ReduceAxes(reduction);
        if (keepdims) return value;
        int rank = b[reduction.Inputs[0]].Rank;
        var pattern = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) pattern[d] = System.Array.IndexOf(axes, d) >= 0 ? -1 : k++;
        return b.DimShuffle(value, pattern);
    }

    /// <summary>The inverse DimShuffle: the gradient of a view or transpose, back in the operand's layout.</summary>
    private static int Undo(GraphBuilder b, int g, Node shuffle)
    {
        int rank = b[shuffle.Inputs[0]].Rank;
        var pattern = Enumerable.Range(0, rank).Select(k => shuffle.Parameters<ShuffleParams>().Pattern.AsImmutableArray().IndexOf(k)).ToArray();
        return b.DimShuffle(g, pattern);
    }

    /// <summary>
    /// z = A_r · B_r where A_r is A or Aᵀ as the node reads it: gA_r = G · B_rᵀ and gB_r = A_rᵀ · G, written with
    /// transpose flags so no transpose is ever copied; vector operands give outer products (broadcast products).
    /// </summary>
    private static int[] Dot(GraphBuilder b, Node n, int g)
    {
        int a = n.Inputs[0], c = n.Inputs[1];
        var (tA, tB) = n.Parameters<DotParams>();
        int ra = b[a].Rank, rc = b[c].Rank;
        int Product(int p, int q, bool tp, bool tq) => b.Dot(p, q, tp, tq, out _);
        int Outer(int column, int row) => b.Ew(OpCode.Mul, b.DimShuffle(column, [0, -1]), b.DimShuffle(row, [-1, 0]));

        if (ra == 1 && rc == 1) return [b.Ew(OpCode.Mul, g, c), b.Ew(OpCode.Mul, g, a)];
        if (ra == 2 && rc == 1) return [tA ? Outer(c, g) : Outer(g, c), Product(a, g, !tA, false)];
        if (ra == 1 && rc == 2) return [Product(c, g, tB, false), tB ? Outer(g, a) : Outer(a, g)];
        int gA = tA ? Product(c, g, tB, true) : Product(g, c, false, !tB);
        int gB = tB ? Product(g, a, true, tA) : Product(a, g, !tA, false);
        return [gA, gB];
    }
}
