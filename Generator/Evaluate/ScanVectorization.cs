using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// A scan with no state is a map: each step is independent of the others. When every op of its body extends over a
/// leading axis (element-wise ops, reductions, dimshuffles, products of a vector), the body is applied to the
/// whole sequences at once, as PyTensor's <c>vectorize_graph</c> does: <c>Map(v => Tanh(Dot(v, W) + b), [X])</c>
/// is <c>Tanh(Dot(X, W) + b)</c>, one product of matrices and one fused pass instead of a loop of small steps, and
/// its gradient is the ordinary graph's. A Jacobian's rows are such a map: <c>Jacobian(x * x, x)</c> becomes
/// <c>2x · (rows == i)</c> over every row at once.
/// </summary>
internal static class ScanVectorization
{
    /// <summary>The results over the whole sequences (each (steps, ...)), or null when the body has an op that does not extend.</summary>
    public static int[]? Try(ScanNodes scan)
    {
        var g = scan.Graph;
        if (scan.States.Count > 0 || scan.Sequences.Count == 0) return null;
        var body = ScanBody.Extract(g, scan.Placeholders, scan.Outputs, out _, out _);
        if (body is null) return null;
        int Int(long v) => g.Constant(ScalarValue.Integer(v), DType.Int64);
        int steps = scan.Steps;

        // Each body node's value over all steps (batched: a leading axis of the steps) or, for a captured value or
        // a constant, its value as it is.
        var value = new int[body.Nodes.Count];
        var batched = new bool[body.Nodes.Count];
        for (int k = 0; k < body.Inputs.Count; k++)
        {
            int input = body.Inputs[k];
            if (k >= scan.Sequences.Count)
            {
                value[input] = body.Captured[k - scan.Sequences.Count];
                continue;
            }
            // The steps read the first `steps` elements (the last ones, backwards: from the sequence's end).
            int sequence = scan.Sequences[k];
            value[input] = scan.Backwards
                ? SubtensorOp.Instance.Build(g, sequence, [-1], [g.Ew(OpCode.Sub, g.DimSize(sequence, 0), Int(1)), steps])
                : SubtensorOp.Instance.Build(g, sequence, [1], [Int(0), steps]);
            batched[input] = true;
        }
        for (int id = 0; id < body.Nodes.Count; id++)
        {
            var node = body.Nodes[id];
            if (node.IsInput) continue;
            if (node.IsConstant || !node.Inputs.Any(i => batched[i]))
            {
                value[id] = node.Inputs.Count == 0 ? g.Add(node) : g.Rebuild(node, node.Inputs.Select(i => value[i]).ToArray());
                continue;
            }
            if (Extend(g, body, node, value, batched) is not { } extended) return null;
            value[id] = extended;
            batched[id] = true;
        }
        if (body.Outputs.Any(o => !batched[o])) return null;
        return body.Outputs.Select(o => scan.Last ? SubtensorOp.Instance.Build(g, value[o], [0], [Int(-1)]) : value[o]).ToArray();
    }

    /// <summary>The node over all steps, from its operands' values (some over all steps); -1 for an op that does not extend.</summary>
    private static int? Extend(GraphBuilder g, ScanBody body, Node node, int[] value, bool[] batched)
    {
        var inputs = node.Inputs.Select(i => value[i]).ToArray();
        switch (OpInfo.Kind(node.Op))
        {
            case OpKind.Elementwise:
                // A batched operand of lower rank than the step's gets size-1 axes after the steps' axis, so that it
                // broadcasts as it did within a step; the others broadcast from the right as they are.
                for (int k = 0; k < inputs.Length; k++)
                {
                    int rank = body.Nodes[node.Inputs[k]].Rank;
                    if (batched[node.Inputs[k]] && rank < node.Rank)
                        inputs[k] = g.DimShuffle(inputs[k], new[] { 0 }.Concat(Enumerable.Repeat(-1, node.Rank - rank)).Concat(Enumerable.Range(1, rank)).ToArray());
                }
                return g.Rebuild(node, inputs);
            case OpKind.Reduction when node.Params is ReduceParams r && StructuralOps.Of(node.Op) is IAxisReduction && batched[node.Inputs[0]] && node.Inputs.Count == 1:
                return g.Reduce(node.Op, inputs[0], r.Axes.Select(a => a + 1).ToArray(), r.KeepDims);
            case OpKind.Shuffle when node.Params is ShuffleParams s && batched[node.Inputs[0]]:
                return g.DimShuffle(inputs[0], new[] { 0 }.Concat(s.Pattern.Select(a => a < 0 ? -1 : a + 1)).ToArray());
            case OpKind.Product when node.Params is DotParams d:
                return Product(g, body, node, inputs, batched, d);
            default:
                return null;
        }
    }

    /// <summary>
    /// A product within a step, over all steps: a batched vector times a matrix or vector as it is is a product of
    /// the steps' matrix (A·v per step is V·Aᵀ); two batched vectors are a row-wise sum of products.
    /// </summary>
    private static int? Product(GraphBuilder g, ScanBody body, Node node, int[] inputs, bool[] batched, DotParams d)
    {
        var (a, c) = (body.Nodes[node.Inputs[0]], body.Nodes[node.Inputs[1]]);
        bool batchedA = batched[node.Inputs[0]], batchedC = batched[node.Inputs[1]];
        string? error;
        int result;
        if (batchedA && batchedC)
        {
            if (a.Rank != 1 || c.Rank != 1) return null;
            return g.Reduce(OpCode.Sum, g.Ew(OpCode.Mul, inputs[0], inputs[1]), [1], keepdims: false);
        }
        if (batchedA && a.Rank == 1) result = g.Dot(inputs[0], inputs[1], false, d.TransposeB, out error);        // v·W, v·u
        else if (batchedC && c.Rank == 1 && a.Rank == 2) result = g.Dot(inputs[1], inputs[0], false, !d.TransposeA, out error);   // W·v = (v·Wᵀ)
        else if (batchedC && c.Rank == 1) result = g.Dot(inputs[1], inputs[0], false, false, out error);      // u·v
        else return null;
        return error is null && g[result].DType == node.DType ? result : null;
    }
}
