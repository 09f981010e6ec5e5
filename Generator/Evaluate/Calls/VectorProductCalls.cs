using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Differentiate;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// <c>Lop</c> and <c>Rop</c>, PyTensor's vector-Jacobian and Jacobian-vector products, as Grad requests the
/// differentiate stage expands: a Lop is the gradient of sum(f · v); a Rop is the Lop, with respect to a placeholder
/// u, of the Lop of f at u (linear in u, so u's value does not matter).
/// </summary>
internal static class VectorProductCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Lop, Lop),
        new(ApiFunction.Rop, Rop),
    ];

    /// <summary>sum(f · v) over every axis; null (reported) when v is not of f's dtype and rank.</summary>
    private static int? Weighted(ApiCall call, int f, int v, string parameter)
    {
        var g = call.Graph;
        if (g[v].DType != g[f].DType || g[v].Rank != g[f].Rank)
        {
            call.Error(Diagnostics.ShapeMismatch, $"the evaluation point {call.Describe(v)} must have the dtype and rank of {call.Describe(f)}", parameter);
            return null;
        }
        return g.Reduce(OpCode.Sum, g.Ew(OpCode.Mul, f, v), Enumerable.Range(0, g[f].Rank).ToArray(), keepdims: false);
    }

    private static int[]? Nodes(ApiCall call, string parameter) =>
        call.Raw(parameter) is ListValue ? call.Tensors(parameter) : call.Tensor(parameter) is var one and >= 0 ? [one] : null;

    private static bool Float(ApiCall call, IEnumerable<int> nodes, string parameter)
    {
        foreach (var node in nodes)
            if (!call.Graph[node].DType.IsFloat())
            {
                call.Error(Diagnostics.NotDifferentiable, $"{call.Describe(node)} is {call.Graph[node].DType.NumPy()}; vector-Jacobian products are defined for float values", parameter);
                return false;
            }
        return true;
    }

    private static Value Lop(ApiCall call)
    {
        var g = call.Graph;
        int f = call.Tensor("f"), v = call.Tensor("evalPoints");
        var wrt = Nodes(call, "wrt");
        if (f < 0 || v < 0 || wrt is null || wrt.Any(w => w < 0)) return ErrorValue.Instance;
        if (!Float(call, [f], "f") || !Float(call, wrt, "wrt")) return ErrorValue.Instance;
        if (Weighted(call, f, v, "evalPoints") is not { } cost) return ErrorValue.Instance;
        int site = call.Evaluator.Site(call.At);
        call.Evaluator.NewIdentity();
        var gradients = GradRequest.Add(g, cost, wrt, [], false, site, wrt.Select(_ => site).ToList());
        return call.Raw("wrt") is ListValue ? call.Results(gradients) : call.Result(gradients[0]);
    }

    private static Value Rop(ApiCall call)
    {
        var g = call.Graph;
        int f = call.Tensor("f");
        var wrt = Nodes(call, "wrt");
        var points = Nodes(call, "evalPoints");
        if (f < 0 || wrt is null || points is null || wrt.Any(w => w < 0) || points.Any(p => p < 0)) return ErrorValue.Instance;
        if (!Float(call, [f], "f") || !Float(call, wrt, "wrt")) return ErrorValue.Instance;
        if (points.Length != wrt.Length)
            return call.Error(Diagnostics.ShapeMismatch, $"Rop has {wrt.Length} variables but {points.Length} evaluation points", "evalPoints");
        int site = call.Evaluator.Site(call.At);
        var sites = wrt.Select(_ => site).ToList();
        // The Lop of f at a point u, then its Lop with respect to u at the points. The second is linear in u's value, so u
        // is any tensor of f's shape: zeros made from f (second(f, 0), through which no gradient flows to f).
        int u = g.Ew(OpCode.Second, f, g.Scalar(0, g[f].DType));
        if (Weighted(call, f, u, "f") is not { } inner) return ErrorValue.Instance;
        call.Evaluator.NewIdentity();
        var lops = GradRequest.Add(g, inner, wrt, [], false, site, sites);
        int outer = -1;
        for (int k = 0; k < wrt.Length; k++)
        {
            if (Weighted(call, lops[k], points[k], "evalPoints") is not { } term) return ErrorValue.Instance;
            outer = outer < 0 ? term : g.Ew(OpCode.Add, outer, term);
        }
        call.Evaluator.NewIdentity();
        return call.Result(GradRequest.Add(g, outer, [u], [], false, site, [site])[0]);
    }
}
