using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Rewrite;

/// <summary>
/// The last rewrite: where a graph takes two or more of sigmoid(x), sigmoid(-x), softplus(x) and softplus(-x) (a
/// logistic loss and its gradient take all four), each is written in terms of e = exp(-|x|), which they then share:
/// sigmoid(±x) is 1/(1 + e) or e/(1 + e) by the sign of ±x, softplus(±x) is max(±x, 0) + log1p(e). One exp and one
/// log1p per element instead of four exps and two logs; every form is as accurate as the op it replaces (no
/// 1 - sigmoid cancellation), and softplus's is the formula it already used. A pass of its own, after the others,
/// because the stabilizations would turn 1/(1 + e) back into a sigmoid, and because it needs to see the whole graph.
/// </summary>
internal static class SharedExponentials
{
    public const string Name = "local_sigmoid_softplus_one_exp";

    /// <summary>The graph with the sharing families lowered, and where each node went; or null when there is none.</summary>
    public static (TensorGraph Graph, int[] Map)? Apply(TensorGraph graph, int maxNodes, IDictionary<string, int> fired)
    {
        var members = new Dictionary<int, int>();
        for (int id = 0; id < graph.Count; id++)
            if (IsMember(graph[id])) members[Base(graph, graph[id].Inputs[0])] = members.TryGetValue(Base(graph, graph[id].Inputs[0]), out int c) ? c + 1 : 1;
        var shared = new HashSet<int>(members.Where(p => p.Value >= 2).Select(p => p.Key));
        if (shared.Count == 0) return null;

        var builder = new GraphBuilder(maxNodes);
        var map = new int[graph.Count];
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            var rebuilt = node.Inputs.Count == 0 ? node : node with { Inputs = node.Inputs.Select(i => map[i]).ToEquatableArray() };
            if (IsMember(node) && shared.Contains(Base(graph, node.Inputs[0])))
            {
                map[id] = Lower(builder, rebuilt, map[Base(graph, node.Inputs[0])]);
                fired[Name] = fired.TryGetValue(Name, out int c) ? c + 1 : 1;
            }
            else map[id] = builder.Add(rebuilt);
        }
        return (builder.Freeze(), map);
    }

    private static readonly Pattern Sigmoid = Pattern.Op(OpCode.Sigmoid, new Var("x")), Softplus = Pattern.Op(OpCode.Softplus, new Var("x")), Negation = Pattern.Op(OpCode.Neg, new Var("x"));

    private static bool IsMember(Node node) => (Sigmoid.Admits(node) || Softplus.Admits(node)) && node.DType.IsFloat();

    /// <summary>x without a leading negation: sigmoid(-x) and sigmoid(x) share exp(-|x|).</summary>
    private static int Base(TensorGraph graph, int id) => Negation.Admits(graph[id]) ? graph[id].Inputs[0] : id;

    /// <summary>The node's op in terms of e = exp(-|base|), e added once for all the family (the builder merges equal nodes).</summary>
    private static int Lower(GraphBuilder b, Node node, int baseId)
    {
        var (dtype, shape) = (node.DType, node.Shape);
        int x = node.Inputs[0];
        int Apply(OpCode op, params int[] inputs) => b.Add(Node.Apply(op, dtype, shape, inputs));
        int zero = b.Constant(0.0, dtype), one = b.Constant(1.0, dtype);
        int e = Apply(OpCode.Exp, Apply(OpCode.Neg, b.Add(Node.Apply(OpCode.Abs, dtype, b[baseId].Shape, baseId))));
        if (Softplus.Admits(node)) return Apply(OpCode.Add, Apply(OpCode.Maximum, x, zero), Apply(OpCode.Log1p, e));
        int large = Apply(OpCode.TrueDiv, one, Apply(OpCode.Add, one, e));
        int small = Apply(OpCode.Mul, e, large);
        return Apply(OpCode.Switch, b.Add(Node.Apply(OpCode.Ge, DType.Bool, shape, x, zero)), large, small);
    }
}
