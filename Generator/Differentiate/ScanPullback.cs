using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// Back-propagation through time for one stacked result of a scan (PyTensor's <c>Scan.L_op</c>): a second scan runs
/// over the steps from the last to the first. Each of its steps recomputes the forward step from that step's inputs
/// (a slice of each sequence, the previous states, read back from the forward scan's stacked states) and pulls back
/// the cotangent of the result at that step plus the adjoints carried back into the states; it gives the gradient
/// of each sequence's slice, carries the states' adjoints to the step before, and adds up the captured values'
/// gradients. The last of those carried values are the gradients of the initial states and the captured values.
/// </summary>
internal static class ScanPullback
{
    public static int[] Of(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        var p = node.Parameters<ScanParams>();
        var body = p.Graph;
        int sequences = p.Sequences, states = p.States.Count;
        int n = node.Inputs[0];
        var operands = node.Inputs.Skip(1).ToList();
        var seqs = operands.Take(sequences).ToList();
        var inits = operands.Skip(sequences).Take(states).ToList();
        var captured = operands.Skip(sequences + states).ToList();
        int Int(long v) => b.Constant(ScalarValue.Integer(v), DType.Int64);
        int Slice(int x, int start, int length, int step) => SubtensorOp.Instance.Build(b, x, [step], [start, length]);
        int Reverse(int x) => Slice(x, b.Ew(OpCode.Sub, n, Int(1)), n, -1);
        // Truncated back-propagation through time: the backward scan runs over the last steps only.
        int back = p.TruncateGradient >= 0 ? b.Ew(OpCode.Minimum, n, Int(p.TruncateGradient)) : n;
        int Zeros(int x) => b.Ew(OpCode.Second, x, b.Scalar(0, b[x].DType));

        // The backward scan's sequences, in its step order (the forward's last step first).
        var backward = new List<int>();
        // The forward's values at each step that a backward step would otherwise compute again: this node's result and
        // each state's new value, read back from their stacked values (body node, stacked node).
        var stored = new List<(int BodyNode, int Stacked)>();
        void Store(int output, int stacked)
        {
            int bodyNode = p.BodyOutputs[output];
            if (!body[bodyNode].IsInput && !body[bodyNode].IsConstant && stored.All(s => s.BodyNode != bodyNode)) stored.Add((bodyNode, stacked));
        }
        Store(p.Output, id);
        for (int s = 0; s < sequences; s++)
        {
            int length = b.DimSize(seqs[s], 0);
            backward.Add(p.GoBackwards ? Slice(seqs[s], b.Ew(OpCode.Sub, length, n), n, 1) : Reverse(Slice(seqs[s], Int(0), n, 1)));
        }
        for (int r = 0; r < states; r++)
        {
            // The state each forward step read: the initial state, then every stacked state but the last.
            int stacked = ScanOp.Instance.Build(b, n, operands, p.WithOutput(p.States[r]));
            Store(p.States[r], stacked);
            int first = b.DimShuffle(inits[r], new[] { -1 }.Concat(Enumerable.Range(0, b[inits[r]].Rank)).ToArray());
            int previous = JoinOp.Instance.Build(b, [first, Slice(stacked, Int(0), b.Ew(OpCode.Sub, n, Int(1)), 1)], 0, out var error);
            if (error is not null) throw new System.InvalidOperationException(error);
            backward.Add(Reverse(previous));
        }
        backward.Add(Reverse(g));
        backward.AddRange(stored.Select(s => Reverse(s.Stacked)));

        // Placeholders for a backward step's values, and the forward step recomputed over them.
        int Placeholder(string name, Node like) => b.Input(name, like.DType, like.Shape.ToArray(), -1 - b.Count);
        var slices = Enumerable.Range(0, sequences).Select(s => Placeholder("sequence" + s, body[p.BodyInputs[s]])).ToList();
        var previousStates = Enumerable.Range(0, states).Select(r => Placeholder("state" + r, body[p.BodyInputs[sequences + r]])).ToList();
        int cotangent = Placeholder("cotangent", body[p.BodyOutputs[p.Output]]);
        var storedSteps = stored.Select((s, j) => Placeholder("stored" + j, body[s.BodyNode])).ToList();
        var adjoints = Enumerable.Range(0, states).Select(r => Placeholder("adjoint" + r, body[p.BodyOutputs[p.States[r]]])).ToList();
        var sums = captured.Select((c, i) => Placeholder("sum" + i, b[c])).ToList();
        var map = new Dictionary<int, int>();
        for (int k = 0; k < p.BodyInputs.Count; k++)
            map[p.BodyInputs[k]] = k < sequences ? slices[k] : k < sequences + states ? previousStates[k - sequences] : captured[k - sequences - states];
        for (int i = 0; i < body.Count; i++)
        {
            if (map.ContainsKey(i)) continue;
            var n0 = body[i];
            map[i] = n0.Inputs.Count == 0 ? b.Add(n0) : b.Rebuild(n0, n0.Inputs.Select(x => map[x]).ToArray());
        }
        int Dot(int value, int weight) => b.Reduce(OpCode.Sum, b.Ew(OpCode.Mul, value, weight), Enumerable.Range(0, b[value].Rank).ToArray(), keepdims: false);
        int cost = Dot(map[p.BodyOutputs[p.Output]], cotangent);
        for (int r = 0; r < states; r++) cost = b.Ew(OpCode.Add, cost, Dot(map[p.BodyOutputs[p.States[r]]], adjoints[r]));
        var wrt = slices.Concat(previousStates).Concat(captured).ToList();
        var grads = Differentiator.Grad(b, cost, wrt, new HashSet<int>());
        // What the gradient reads of the recomputed outputs (tanh's output in its pullback) is read from the forward's
        // stored values instead; the forward nodes computing them are then dead unless the gradient needs their operands.
        var givens = new Dictionary<int, int>();
        for (int j = 0; j < stored.Count; j++) givens[map[stored[j].BodyNode]] = storedSteps[j];
        var memo = new Dictionary<int, int>();
        grads = grads.Select(grad => grad < 0 ? grad : b.Replace(grad, givens, memo)).ToArray();
        for (int k = 0; k < grads.Length; k++)
            if (grads[k] < 0) grads[k] = Zeros(wrt[k]);

        // Results: each slice's gradient (stacked), each state's adjoint before the step, each captured gradient summed.
        var results = grads.Take(sequences + states)
            .Concat(captured.Select((c, i) => b.Ew(OpCode.Add, sums[i], grads[sequences + states + i]))).ToList();
        var fedFrom = Enumerable.Range(sequences, states + captured.Count).ToList();
        var initial = inits.Select(Zeros).Concat(captured.Select(Zeros)).ToList();
        var scan = new Evaluate.ScanNodes(b, back, backward, initial, slices.Concat(previousStates).Append(cotangent).Concat(storedSteps).Concat(adjoints).Concat(sums).ToList(),
            results, fedFrom, false, false);
        var made = scan.Build(out var unsupported) ?? throw new GradientNotImplementedException("Scan", unsupported ?? "a scan of its body's gradient");

        var result = new int[node.Inputs.Count];
        result[0] = -1;
        for (int s = 0; s < sequences; s++)
        {
            // Back in the forward order, into the positions the forward steps read.
            int length = b.DimSize(seqs[s], 0);
            // (Truncated: the last steps' positions only.)
            int start = p.GoBackwards ? b.Ew(OpCode.Sub, length, n) : b.Ew(OpCode.Sub, n, back);
            int slices0 = p.GoBackwards ? made[s] : Slice(made[s], b.Ew(OpCode.Sub, back, Int(1)), back, -1);
            result[1 + s] = IncSubtensorOp.Instance.Build(b, Zeros(seqs[s]), slices0, [1], [start, back], set: true);
        }
        int Last(int x) => SubtensorOp.Instance.Build(b, x, [0], [Int(-1)]);
        // An initial state gets a gradient only when the backward scan reached the first step.
        for (int r = 0; r < states; r++)
            result[1 + sequences + r] = p.TruncateGradient < 0 ? Last(made[sequences + r])
                : b.Ew(OpCode.Switch, b.Ew(OpCode.Lt, back, n), Zeros(inits[r]), Last(made[sequences + r]));
        for (int c = 0; c < captured.Count; c++) result[1 + sequences + states + c] = Last(made[sequences + states + c]);
        return result;
    }
}
