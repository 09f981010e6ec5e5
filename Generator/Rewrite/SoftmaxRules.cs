using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;
using static Tensorgen.Generator.Rewrite.Pattern;

namespace Tensorgen.Generator.Rewrite;

/// <summary>
/// The stabilizations of the softmax family (issue 13), as PyTensor's <c>tensor/rewriting/special.py</c> and
/// <c>math.py</c>: log(softmax) becomes log_softmax, log(sum(exp)) the shifted log-sum-exp. The cross-entropy of a
/// softmax (<c>-sum(onehot * log(softmax(x)), 1)</c>, <c>-log(softmax(x)[arange(n), y])</c>) is made stable by
/// <see cref="LogSoftmax"/> looking through the indexing, so its value and its gradient (taken after these rules,
/// see <see cref="RuleSets.BeforeGrad"/>) stay finite for logits of ±1000.
/// </summary>
internal static class SoftmaxRules
{
    private static readonly Var X = new("x");

    /// <summary>
    /// PyTensor's <c>local_logsoftmax</c>: log(softmax(x)) is log_softmax(x), also with basic or advanced indexing
    /// or a dimshuffle between them (those are lifted: log(softmax(x)[i]) is log_softmax(x)[i]).
    /// </summary>
    public static readonly Rule LogSoftmax = new("local_logsoftmax", (Op(OpCode.Log, X), LiftedLogSoftmax));

    private static Rewritten? LiftedLogSoftmax(Match m)
    {
        var graph = m.Graph;
        var chain = new System.Collections.Generic.List<int>();
        int at = m[X];
        while (SoftmaxOp.Selects(graph[at]))
        {
            chain.Add(at);
            at = graph[at].Inputs[0];
        }
        var softmax = graph[at];
        if (softmax.Op != OpCode.Softmax || softmax.DType != m.Node.DType) return null;
        int result = SoftmaxOp.LogSoftmax.Build(graph, softmax.Inputs[0], softmax.Parameters<SoftmaxParams>());
        for (int k = chain.Count - 1; k >= 0; k--)
        {
            var lifted = graph[chain[k]];
            result = graph.Add(lifted with { Inputs = new[] { result }.Concat(lifted.Inputs.Skip(1)).ToEquatableArray() });
        }
        return graph[result].Shape == m.Node.Shape ? m.Keep(result) : null;
    }

    /// <summary>
    /// PyTensor's <c>local_log_sum_exp</c>: log(sum(exp(x), axis)) is max + log(sum(exp(x - max))), here the one
    /// log-sum-exp kernel (axes that are not consecutive moved to the end first), with keepdims or a dimshuffle after
    /// the sum kept.
    /// </summary>
    public static readonly Rule LogSumExp = new("local_log_sum_exp",
        (Op(OpCode.Log, Op(OpCode.Sum, Op(OpCode.Exp, X))), m => Stable(m, null)),
        (Op(OpCode.Log, Op(OpCode.DimShuffle, Op(OpCode.Sum, Op(OpCode.Exp, X)))), m => Stable(m, m.Graph[m.Node.Inputs[0]])));

    private static Rewritten? Stable(Match m, Node? shuffle)
    {
        var graph = m.Graph;
        var sum = graph[shuffle is null ? m.Node.Inputs[0] : shuffle.Inputs[0]];
        if (sum.DType != m.Node.DType || !sum.DType.IsFloat()) return null;
        var p = sum.Parameters<ReduceParams>();
        int x = graph.Convert(m[X], sum.DType);
        int rank = graph[x].Rank;
        var axes = p.Axes.ToArray();
        int result;
        if (axes[axes.Length - 1] - axes[0] == axes.Length - 1)
            result = SoftmaxOp.LogSumExp.Build(graph, x, new SoftmaxParams(axes[0], axes[axes.Length - 1], axes.Length == rank, p.KeepDims));
        else
        {
            var kept = Enumerable.Range(0, rank).Where(d => !p.Reduces(d)).ToArray();
            result = SoftmaxOp.LogSumExp.Build(graph, graph.DimShuffle(x, kept.Concat(axes).ToArray()), new SoftmaxParams(kept.Length, rank - 1, false, false));
            if (p.KeepDims)
            {
                var pattern = new int[rank];
                for (int d = 0, k = 0; d < rank; d++) pattern[d] = p.Reduces(d) ? -1 : k++;
                result = graph.DimShuffle(result, pattern);
            }
        }
        if (shuffle is not null) result = graph.DimShuffle(result, shuffle.Parameters<ShuffleParams>().Pattern.ToArray());
        return graph[result].Shape == m.Node.Shape ? m.Keep(result) : null;
    }

    private static readonly Var I = new("i");

    /// <summary>
    /// PyTensor's <c>local_shape_to_shape_i</c> with the ops' <c>infer_shape</c>: a size or an index check reads only
    /// its operand's shape, and a softmax has its operand's, so it reads that; a softmax whose value is used only
    /// for its shape (<c>softmax(x)[arange(n), y]</c> after <see cref="LogSoftmax"/>) is then not computed at all.
    /// </summary>
    public static readonly Rule ShapeOfSoftmax = new("local_shape_to_shape_i",
        (Op(OpCode.DimSize, X), m => SameShapeOperand(m, 0)),
        (Op(OpCode.CheckIndex, I, X), m => SameShapeOperand(m, 1)));

    private static Rewritten? SameShapeOperand(Match m, int k)
    {
        var x = m.NodeOf(X);
        if (!SoftmaxOp.Normalizes(x)) return null;
        var inputs = m.Node.Inputs.ToArray();
        inputs[k] = x.Inputs[0];
        return m.Become(m.Node with { Inputs = inputs.ToEquatableArray() });
    }

    /// <summary>The softmax family's part of PyTensor's <c>stabilize</c> database.</summary>
    public static readonly RuleSet Stabilize = new("stabilize (softmax)", [LogSoftmax, LogSumExp, ShapeOfSoftmax]);
}
