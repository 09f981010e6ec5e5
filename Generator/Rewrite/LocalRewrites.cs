using System;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Rewrite;

/// <summary>A rewrite's outcome: an existing node to use instead, or a new node to keep simplifying.</summary>
internal readonly record struct RewriteResult(string Name, int? Replacement, Node? Node);

/// <summary>
/// A local rewrite looks at one node (not yet added) and its operands in the builder. It may add
/// helper nodes through <c>add</c>, which simplifies them too.
/// </summary>
internal delegate RewriteResult? LocalRewrite(GraphBuilder graph, Node node, Func<Node, int> add);

internal static class LocalRewrites
{
    /// <summary>
    /// PyTensor's <c>constant_folding</c>: an op on scalar constants becomes a constant. Constants are 0-d, but
    /// the op may have size-1 dimensions (its operands were constants given them, which
    /// <see cref="LeftPadding"/> took away): the constant gets them back, so the value keeps its type.
    /// </summary>
    public static RewriteResult? ConstantFolding(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (!OpInfo.IsElementwise(node.Op) || node.Inputs.Count == 0) return null;
        foreach (var input in node.Inputs)
            if (!graph[input].IsConstant) return null;
        if (node.Shape.Any(size => size != 1)) return null;
        var values = node.Inputs.Select(i => graph[i].Value).ToArray();
        var operandType = graph[node.Inputs[OpInfo.ValueOperand(node.Op)]].DType;
        var value = ScalarMath.Evaluate(node.Op, node.DType, operandType, values);
        int constant = graph.Constant(value, node.DType);
        return new RewriteResult("constant_folding", graph.DimShuffle(constant, Enumerable.Repeat(-1, node.Rank).ToArray()), null);
    }

    /// <summary>PyTensor's <c>local_useless_elemwise</c>: x + 0, x - 0, x * 1, x / 1, x ** 1, cast to the same dtype.</summary>
    public static RewriteResult? RemoveIdentity(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op == OpCode.Cast && graph[node.Inputs[0]].DType == node.DType)
            return new RewriteResult("local_useless_cast", node.Inputs[0], null);
        if (node.Inputs.Count != 2) return null;
        int a = node.Inputs[0], b = node.Inputs[1];
        int? keep = node.Op switch
        {
            OpCode.Add when IsConstant(graph, b, 0) => a,
            OpCode.Add when IsConstant(graph, a, 0) => b,
            OpCode.Sub when IsConstant(graph, b, 0) => a,
            OpCode.Mul when IsConstant(graph, b, 1) => a,
            OpCode.Mul when IsConstant(graph, a, 1) => b,
            OpCode.TrueDiv when IsConstant(graph, b, 1) => a,
            OpCode.Pow when IsConstant(graph, b, 1) => a,
            _ => null,
        };
        // Only when the kept operand already has the result's type: x + 0 may broadcast or upcast.
        if (keep is { } k && graph[k].DType == node.DType && graph[k].Shape == node.Shape)
            return new RewriteResult("local_useless_elemwise", k, null);
        return null;
    }

    /// <summary>PyTensor's <c>local_neg_neg</c>: -(-x) is x.</summary>
    public static RewriteResult? DoubleNegation(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op == OpCode.Neg && graph[node.Inputs[0]] is { Op: OpCode.Neg } inner)
            return new RewriteResult("local_neg_neg", inner.Inputs[0], null);
        return null;
    }

    /// <summary>
    /// PyTensor's <c>local_exp_over_1_plus_exp</c>: 1 / (1 + exp(u)) is sigmoid(-u), one op with a stable
    /// gradient and a name the later stabilizations (log(sigmoid)) can match.
    /// </summary>
    public static RewriteResult? Sigmoid(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op != OpCode.TrueDiv || !IsConstant(graph, node.Inputs[0], 1)) return null;
        var denominator = graph[node.Inputs[1]];
        if (denominator.Op != OpCode.Add) return null;
        int other = IsConstant(graph, denominator.Inputs[0], 1) ? denominator.Inputs[1]
            : IsConstant(graph, denominator.Inputs[1], 1) ? denominator.Inputs[0] : -1;
        if (other < 0 || graph[other] is not { Op: OpCode.Exp } exp) return null;
        var u = graph[exp.Inputs[0]];
        if (u.DType != node.DType || u.Shape != node.Shape) return null;
        int argument = u.Op == OpCode.Neg ? u.Inputs[0] : add(Node.Apply(OpCode.Neg, u.DType, u.Shape, exp.Inputs[0]));
        return new RewriteResult("local_exp_over_1_plus_exp", null, node with { Op = OpCode.Sigmoid, Inputs = new EquatableArray<int>(new[] { argument }) });
    }

    /// <summary>PyTensor's <c>local_1msigmoid</c>: 1 - sigmoid(z) is sigmoid(-z), without the cancellation.</summary>
    public static RewriteResult? OneMinusSigmoid(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op != OpCode.Sub || !IsConstant(graph, node.Inputs[0], 1) || graph[node.Inputs[1]] is not { Op: OpCode.Sigmoid } sigmoid) return null;
        if (sigmoid.Shape != node.Shape || sigmoid.DType != node.DType) return null;
        var z = graph[sigmoid.Inputs[0]];
        int negated = add(Node.Apply(OpCode.Neg, z.DType, z.Shape, sigmoid.Inputs[0]));
        return new RewriteResult("local_1msigmoid", null, node with { Op = OpCode.Sigmoid, Inputs = new EquatableArray<int>(new[] { negated }) });
    }

    /// <summary>
    /// PyTensor's <c>local_log_sigmoid</c> stabilization: log(sigmoid(z)) is -softplus(-z), finite for any z
    /// (log(1 - sigmoid(z)) becomes -softplus(z) through <see cref="OneMinusSigmoid"/> first).
    /// </summary>
    public static RewriteResult? LogSigmoid(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op != OpCode.Log || graph[node.Inputs[0]] is not { Op: OpCode.Sigmoid } sigmoid) return null;
        var z = graph[sigmoid.Inputs[0]];
        int negated = add(Node.Apply(OpCode.Neg, z.DType, z.Shape, sigmoid.Inputs[0]));
        int softplus = add(Node.Apply(OpCode.Softplus, node.DType, node.Shape, negated));
        return new RewriteResult("local_log_sigmoid", null, node with { Op = OpCode.Neg, Inputs = new EquatableArray<int>(new[] { softplus }) });
    }

    /// <summary>Canonical signs (PyTensor's <c>local_neg_to_mul</c> family): -a - b is -(a + b); a - (-b) is a + b; -(a - b) is b - a.</summary>
    public static RewriteResult? Signs(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op == OpCode.Sub && graph[node.Inputs[0]] is { Op: OpCode.Neg } neg)
        {
            int sum = add(Node.Apply(OpCode.Add, node.DType, node.Shape, neg.Inputs[0], node.Inputs[1]));
            return new RewriteResult("local_neg_sub", null, node with { Op = OpCode.Neg, Inputs = new EquatableArray<int>(new[] { sum }) });
        }
        if (node.Op == OpCode.Sub && graph[node.Inputs[1]] is { Op: OpCode.Neg } negated)
            return new RewriteResult("local_sub_neg", null, node with { Op = OpCode.Add, Inputs = new EquatableArray<int>(new[] { node.Inputs[0], negated.Inputs[0] }) });
        if (node.Op == OpCode.Neg && graph[node.Inputs[0]] is { Op: OpCode.Sub } difference)
            return new RewriteResult("local_neg_sub", null, node with { Op = OpCode.Sub, Inputs = new EquatableArray<int>(new[] { difference.Inputs[1], difference.Inputs[0] }) });
        return null;
    }

    /// <summary>Gradient-only ops fall away once gradients are taken: zero_grad(x) is x (PyTensor's <c>local_remove_zero_grad</c>).</summary>
    public static RewriteResult? RemoveZeroGrad(GraphBuilder graph, Node node, Func<Node, int> add) =>
        node.Op == OpCode.ZeroGrad ? new RewriteResult("local_remove_zero_grad", node.Inputs[0], null) : null;

    /// <summary>
    /// PyTensor's <c>local_dimshuffle_lift</c>, the part that matters here: an element-wise op pads its
    /// operands' shapes on the left anyway, so an operand that is only left-padded with broadcastable
    /// dimensions (a scalar made a (1,) vector by a gradient) can be used as it is.
    /// </summary>
    public static RewriteResult? LeftPadding(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (!OpInfo.IsElementwise(node.Op) || node.IsLeaf) return null;
        var inputs = node.Inputs.ToArray();
        bool changed = false;
        for (int i = 0; i < inputs.Length; i++)
        {
            var operand = graph[inputs[i]];
            if (operand.Op != OpCode.DimShuffle || operand.Rank > node.Rank) continue;
            var source = graph[operand.Inputs[0]];
            int pad = operand.Rank - source.Rank;
            bool leftPadding = pad > 0 && Enumerable.Range(0, operand.Rank).All(j => operand.Parameters<ShuffleParams>().Pattern[j] == (j < pad ? -1 : j - pad));
            if (!leftPadding) continue;
            inputs[i] = operand.Inputs[0];
            changed = true;
        }
        return changed ? new RewriteResult("local_dimshuffle_lift", null, node with { Inputs = inputs.ToEquatableArray() }) : null;
    }

    /// <summary>PyTensor's <c>local_useless_second</c>: second(a, b) is b when b already has the result's shape.</summary>
    public static RewriteResult? UselessSecond(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op != OpCode.Second) return null;
        var b = graph[node.Inputs[1]];
        return b.Shape == node.Shape && b.DType == node.DType && !b.IsConstant ? new RewriteResult("local_useless_second", node.Inputs[1], null) : null;
    }

    /// <summary>PyTensor's <c>local_pow_specialize</c>: x ** 2 is sqr(x), x ** 0.5 is sqrt(x).</summary>
    public static RewriteResult? PowSpecialize(GraphBuilder graph, Node node, Func<Node, int> add)
    {
        if (node.Op != OpCode.Pow || graph[node.Inputs[0]].Shape != node.Shape) return null;
        var op = IsConstant(graph, node.Inputs[1], 2) ? OpCode.Sqr
            : IsConstant(graph, node.Inputs[1], 0.5) && node.DType.IsFloat() ? OpCode.Sqrt : (OpCode?)null;
        if (op is null) return null;
        return new RewriteResult("local_pow_specialize", null, node with { Op = op.Value, Inputs = new EquatableArray<int>(new[] { node.Inputs[0] }) });
    }

    private static bool IsConstant(GraphBuilder graph, int id, double value) => graph[id] is { IsConstant: true } c && c.Value.Is(value);
}
