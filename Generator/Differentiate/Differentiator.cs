using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// Reverse-mode symbolic differentiation on the graph (PyTensor's <c>pytensor.gradient.grad</c>). Nodes
/// are visited from the cost down in reverse topological order (ids are topological), each pushing its
/// adjoint through its pullback; adjoints reaching one node are summed. The result is ordinary graph
/// nodes, optimized and fused with the forward pass later, and differentiable again.
/// </summary>
internal static class Differentiator
{
    /// <summary>
    /// The gradient of <paramref name="cost"/> (a 0-d float node) with respect to each of
    /// <paramref name="wrt"/>, or -1 where the cost does not depend on it. No gradient flows through
    /// <paramref name="constants"/>.
    /// </summary>
    /// <remarks>
    /// When every variable is a leaf (an input, a shared variable), the cost's graph is first put in
    /// stable form by the stabilizing rewrites (1/(1+exp(-z)) → sigmoid(z), log(sigmoid(z)) →
    /// -softplus(-z), ...), so the gradient is built from stable pullbacks: the gradient of a
    /// cross-entropy stays finite however large the logits.
    /// </remarks>
    public static int[] Grad(GraphBuilder graph, int cost, IReadOnlyList<int> wrt, ISet<int> constants)
    {
        // Not with respect to a constant (Constant(2.0), a constant gradient): constant folding would fold it away.
        if (wrt.All(w => graph[w].IsLeaf && !graph[w].IsConstant) && constants.All(c => graph[c].IsLeaf))
            cost = Stabilize(graph, cost);

        var order = Ancestors(graph, cost);
        var adjoint = new Dictionary<int, int> { [cost] = graph.Scalar(1, graph[cost].DType) };
        // Nodes the cost depends on only through ops whose gradient is zero (a comparison, sign, int_div, a cast
        // to an integer, zero_grad): as in PyTensor, their gradient is zeros, not disconnected (TG0302).
        var zero = new HashSet<int>();
        for (int k = order.Count - 1; k >= 0; k--)
        {
            int id = order[k];
            var node = graph[id];
            if (node.IsLeaf || constants.Contains(id)) continue;
            if (!adjoint.TryGetValue(id, out int g))
            {
                if (zero.Contains(id) && OpInfo.PassesZeros(node.Op)) zero.UnionWith(node.Inputs);
                continue;
            }
            var contributions = Pullbacks.Of(graph, id, g);
            for (int i = 0; i < node.Inputs.Count; i++)
            {
                int input = node.Inputs[i], c = contributions[i];
                if (c < 0 || !graph[input].DType.IsFloat())
                {
                    if (OpInfo.PassesZeros(node.Op)) zero.Add(input);
                    continue;
                }
                adjoint[input] = adjoint.TryGetValue(input, out int sum) ? graph.Ew(OpCode.Add, sum, c) : c;
            }
        }
        return wrt.Select(w => adjoint.TryGetValue(w, out int a) ? OwnValue(graph, a)
            : zero.Contains(w) && graph[w].DType.IsFloat() ? graph.Ew(OpCode.Second, w, graph.Scalar(0, graph[w].DType)) : -1).ToArray();
    }

    /// <summary>
    /// A gradient that is a constant (the cost is the variable, or linear in it) as a constant of its own, as
    /// PyTensor's grad gives a new variable. An ordinary constant node is shared by every equal literal of the
    /// graph, so a later Grad with respect to it would differentiate through all of them (Grad(g * x + (x + 1.0), g)
    /// with g = Grad(x, x) gave 1, not x). Negative identities are never a <c>Constant(...)</c>'s; the rewriter
    /// merges equal constants again.
    /// </summary>
    private static int OwnValue(GraphBuilder graph, int gradient)
    {
        var node = graph[gradient];
        if (node.IsConstant) return graph.Constant(node.Value, node.DType, -1 - graph.Count);
        // A constant given size-1 dimensions (the gradient of a mean over a static (1,) shape).
        if (node.Params is ShuffleParams && graph[node.Inputs[0]].IsConstant)
            return graph.DimShuffle(OwnValue(graph, node.Inputs[0]), node.Parameters<ShuffleParams>().Pattern.ToArray());
        return gradient;
    }

    /// <summary>The nodes <paramref name="root"/> depends on, itself included, in id (topological) order.</summary>
    private static List<int> Ancestors(GraphBuilder graph, int root)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (!seen.Add(id)) continue;
            foreach (var input in graph[id].Inputs) stack.Push(input);
        }
        return seen.OrderBy(i => i).ToList();
    }

    /// <summary>Rebuilds the cost's graph through the rewrite rules, in the same builder.</summary>
    private static int Stabilize(GraphBuilder graph, int cost)
    {
        var map = new Dictionary<int, int>();
        var fired = new Dictionary<string, int>();
        foreach (int id in Ancestors(graph, cost))
        {
            var node = graph[id];
            map[id] = node.IsLeaf ? id : Rewriter.Simplify(graph, node with { Inputs = node.Inputs.Select(i => map[i]).ToEquatableArray() }, fired, Rewriter.StabilizeRules);
        }
        return map[cost];
    }
}
