using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// The nodes of a scan whose body has been built over placeholders in <paramref name="Graph"/>: its body cut out
/// (<see cref="ScanBody"/>) and a <see cref="ScanOp"/> node per result. Evaluation makes them at once; a body that takes
/// a Grad is made by the differentiate stage, once its gradients exist (a <see cref="ScanRequestOp"/> until then).
/// </summary>
/// <param name="Steps">The number of steps (int64).</param>
/// <param name="States">The initial states, in the order of the results they feed (<paramref name="FedFrom"/>).</param>
/// <param name="Placeholders">A step's slice of each sequence, then each state's previous value.</param>
/// <param name="Last">Each result's last step (Reduce, the folds, Jacobian rows are all steps: false).</param>
/// <param name="Vectorize">Whether the steps are the sequences' common length, so that a map may be computed over whole
/// sequences (<see cref="ScanVectorization"/>); false when nSteps gives them (a sequence may then be too short).</param>
internal sealed record ScanNodes(GraphBuilder Graph, int Steps, IReadOnlyList<int> Sequences, IReadOnlyList<int> States,
    IReadOnlyList<int> Placeholders, IReadOnlyList<int> Outputs, IReadOnlyList<int> FedFrom, bool Backwards, bool Last, int TruncateGradient = -1,
    bool Vectorize = false, int Until = -1)
{
    /// <summary>The result nodes, or null with the reason the body cannot be compiled (TG0502).</summary>
    public int[]? Build(out string? unsupported)
    {
        var g = Graph;
        if (Vectorize && Until < 0 && ScanVectorization.Try(this) is { } vectorized)
        {
            unsupported = null;
            return vectorized;
        }
        var body = ScanBody.Extract(g, Placeholders, Outputs, out unsupported, out _);
        if (body is null) return null;
        var shapes = ShapeAnalysis.Run(new TensorGraph(body.Nodes), body.Inputs);
        var operands = Sequences.Concat(States).Concat(body.Captured).ToList();
        var results = new int[Outputs.Count];
        for (int k = 0; k < Outputs.Count; k++)
        {
            // Each dimension of a step: an operand's dimension (a sequence's from its second axis on), or static.
            var (dims, axes) = ScanParams.StepShape(shapes, body.Outputs[k], Sequences.Count);
            var stepDims = shapes.NodeDims[body.Outputs[k]];
            for (int d = 0; d < dims.Count; d++)
                if (dims[d] < 0 && !shapes.Dims[stepDims[d]].IsStatic && !FedFrom.Contains(k))
                {
                    unsupported = $"the size of result {k.ToString(System.Globalization.CultureInfo.InvariantCulture)}'s steps is computed from values in the body, which a scan does not support yet";
                    return null;
                }
            var p = new ScanParams(body.Nodes, body.Inputs, body.Outputs, Sequences.Count, FedFrom.ToEquatableArray(), k,
                dims, axes, Backwards, TruncateGradient, Until: Until);
            results[k] = ScanOp.Instance.Build(g, Steps, operands, p);
            // A loop that stops early: its buffer holds the most steps it may run, its result the ones it ran.
            if (Until >= 0 && !Last)
                results[k] = SubtensorOp.Instance.Build(g, results[k], [1], [g.Constant(ScalarValue.Integer(0), DType.Int64), ScanLengthOp.Instance.Build(g, results[k])]);
            if (Last) results[k] = SubtensorOp.Instance.Build(g, results[k], [0], [g.Constant(ScalarValue.Integer(-1), DType.Int64)]);
        }
        return results;
    }

    /// <summary>
    /// A body that takes a Grad: one request node per result, typed as the result will be; the differentiate stage
    /// builds the scan (<see cref="Build"/>) over the graph with the gradients in it.
    /// </summary>
    public int[] Request(int callSite)
    {
        var g = Graph;
        var inputs = new[] { Steps }.Concat(Sequences).Concat(States).Concat(Placeholders).Concat(Outputs).ToEquatableArray();
        var results = new int[Outputs.Count];
        for (int k = 0; k < Outputs.Count; k++)
        {
            var p = new ScanRequestParams(Sequences.Count, States.Count, Outputs.Count, FedFrom.ToEquatableArray(), k, Backwards, Last, callSite, TruncateGradient, Vectorize, Until);
            var step = g[Outputs[k]].Shape;
            var shape = Last ? step : new[] { g[Steps].IsConstant && Until < 0 ? (int)g[Steps].Value.Long : -1 }.Concat(step).ToEquatableArray();
            results[k] = g.Add(new Node(OpCode.ScanRequest, g[Outputs[k]].DType, shape, inputs, p, default, null));
        }
        return results;
    }

    /// <summary>The scan a request node stands for, over <paramref name="inputs"/> (its operands in <paramref name="g"/>).</summary>
    public static ScanNodes Of(GraphBuilder g, ScanRequestParams p, IReadOnlyList<int> inputs)
    {
        int s = p.Sequences, r = p.States;
        return new ScanNodes(g, inputs[0], inputs.Skip(1).Take(s).ToList(), inputs.Skip(1 + s).Take(r).ToList(),
            inputs.Skip(1 + s + r).Take(s + r).ToList(), inputs.Skip(1 + 2 * (s + r)).Take(p.Outputs).ToList(), p.FedFrom, p.GoBackwards, p.Last, p.TruncateGradient, p.Vectorize, p.Until);
    }
}
