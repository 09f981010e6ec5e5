using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// The pullback of each op (PyTensor's <c>Op.L_op</c>/<c>grad</c>): an element-wise op's is in its registry
/// entry (<see cref="ElementwiseOp.Pullback"/>), a structural op's in its class (<see cref="IStructuralOp.Pullback"/>).
/// Given the adjoint <c>g</c> of a node, the contribution to the adjoint of each operand, built as graph nodes, or -1 where none flows
/// (comparisons, integer and discrete ops, conditions, <c>ZeroGrad</c>). Contributions have the operand's
/// exact shape: a broadcast operand receives the sum over the axes it was broadcast along.
/// </summary>
internal static class Pullbacks
{
    public static int[] Of(GraphBuilder b, int id, int g)
    {
        var op = b[id].Op;
        return OpInfo.IsElementwise(op)
            ? OpRegistry.Elementwise(op).Pullback(new PullbackSite(b, id, g))
            : OpInfo.Structural(op).Pullback(b, id, g);
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
}
