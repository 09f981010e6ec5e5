using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// <c>Scan(fn, sequences, outputsInfo, nonSequences, nSteps, goBackwards)</c>, PyTensor's <c>scan</c>: the lambda runs
/// once, now, over placeholders for one step's values; the nodes that depend on them are the body (<see cref="ScanBody"/>),
/// and each result is a <see cref="ScanOp"/> node stacking it over the steps.
/// </summary>
internal static class ScanCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Scan, call => Scan(call, backwards: null, last: false)),
        new(ApiFunction.Map, call => Scan(call, backwards: null, last: false)),
        new(ApiFunction.Reduce, call => Scan(call, backwards: null, last: true)),
        new(ApiFunction.Foldl, call => Scan(call, backwards: false, last: true)),
        new(ApiFunction.Foldr, call => Scan(call, backwards: true, last: true)),
    ];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <param name="backwards">Foldl's and Foldr's direction; null: the call's goBackwards.</param>
    /// <param name="last">Reduce and the folds: each result's last step, not the stacked steps.</param>
    private static Value Scan(ApiCall call, bool? backwards, bool last)
    {
        var g = call.Graph;
        var fn = call.Raw("fn");
        if (fn is ErrorValue) return fn;
        int arity = GraphEvaluator.DelegateArity(fn);
        if (arity < 0) return call.Error(Diagnostics.ScanUnsupported, "Scan's fn must be a lambda or a method of graph code", "fn");
        var sequences = call.Has("sequences") ? call.Tensors("sequences") : [];
        var nonSequences = call.Has("nonSequences") ? call.Tensors("nonSequences") : [];
        if (sequences is null || nonSequences is null) return ErrorValue.Instance;

        // outputsInfo: an initial state per fed-back result, null for a result not fed back.
        int?[]? info = null;
        if (call.Has("outputsInfo"))
        {
            if (call.List("outputsInfo") is not { } list) return ErrorValue.Instance;
            info = new int?[list.Items.Length];
            for (int i = 0; i < info.Length; i++)
            {
                switch (list.Items[i])
                {
                    case TensorValue { Operand: var o }:
                        info[i] = o.Weak is { } literal ? g.Constant(literal.Value, GraphBuilder.DefaultDType(literal)) : o.Node;
                        break;
                    case ConstValue { Constant: null }:
                        break;
                    case ErrorValue:
                        return ErrorValue.Instance;
                    default:
                        return call.Error(Diagnostics.ScanMismatch, $"entry {Int(i)} of outputsInfo is neither a tensor (an initial state) nor null", "outputsInfo");
                }
            }
        }
        for (int s = 0; s < sequences.Length; s++)
            if (g[sequences[s]].Rank == 0)
                return call.Error(Diagnostics.ScanMismatch, $"sequence {Int(s)} is {call.Describe(sequences[s])}: a scan iterates over a sequence's first axis, which a 0-d tensor does not have", "sequences");

        // The number of steps: nSteps, else the shortest sequence's length.
        int steps;
        if (call.Has("nSteps"))
        {
            steps = call.Size("nSteps");
            if (steps < 0) return ErrorValue.Instance;
        }
        else if (sequences.Length > 0)
        {
            steps = g.DimSize(sequences[0], 0);
            for (int s = 1; s < sequences.Length; s++) steps = g.Ew(OpCode.Minimum, steps, g.DimSize(sequences[s], 0));
        }
        else
        {
            return call.Error(Diagnostics.ScanMismatch, "a scan without sequences needs nSteps, the number of steps to run", "fn");
        }

        // Placeholders for one step's values, then the body run over them (non-sequences as they are).
        var states = info?.Where(i => i is not null).Select(i => i!.Value).ToList() ?? [];
        var placeholders = new List<int>();
        int Placeholder(string name, DType dtype, IEnumerable<int> shape) => g.Input(name, dtype, shape.ToArray(), -1 - g.Count);
        for (int s = 0; s < sequences.Length; s++) placeholders.Add(Placeholder("sequence" + Int(s), g[sequences[s]].DType, g[sequences[s]].Shape.Skip(1)));
        for (int r = 0; r < states.Count; r++) placeholders.Add(Placeholder("state" + Int(r), g[states[r]].DType, g[states[r]].Shape));
        var args = placeholders.Concat(nonSequences).Select(n => (Value)new TensorValue(Operand.Of(n))).ToList();
        if (arity != args.Count)
            return call.Error(Diagnostics.ScanMismatch,
                $"fn takes {Int(arity)} parameters, but Scan passes {Int(args.Count)}: {Int(sequences.Length)} sequence slices, {Int(states.Count)} previous results (outputsInfo entries that are not null), {Int(nonSequences.Length)} non-sequences", "fn");
        var result = call.Evaluator.CallFunction(call.At, fn!, args);
        int[] outputs;
        switch (result)
        {
            case ErrorValue:
                return result;
            case TensorValue { Operand: var o }:
                outputs = [g.Materialize(o, o.Weak is { } w ? GraphBuilder.DefaultDType(w) : g[o.Node].DType)];
                break;
            case ListValue list when list.Items.All(i => i is TensorValue):
                outputs = list.Items.Select(i => ((TensorValue)i).Operand).Select(o => g.Materialize(o, o.Weak is { } w ? GraphBuilder.DefaultDType(w) : g[o.Node].DType)).ToArray();
                break;
            case ListValue list when list.Items.Any(i => i is ErrorValue):
                return ErrorValue.Instance;
            default:
                return call.Error(Diagnostics.ScanMismatch, "fn must return a tensor or an array of tensors", "fn");
        }
        info ??= new int?[outputs.Length];
        if (info.Length != outputs.Length)
            return call.Error(Diagnostics.ScanMismatch, $"fn returns {Int(outputs.Length)} results, but outputsInfo has {Int(info.Length)} entries (one per result: an initial state, or null)", "outputsInfo");
        var fedFrom = new List<int>();
        for (int i = 0; i < info.Length; i++)
        {
            if (info[i] is not { } initial) continue;
            var (o, s) = (g[outputs[i]], g[initial]);
            bool shapesAgree = o.Rank == s.Rank && o.Shape.Zip(s.Shape, (a, b) => a < 0 || b < 0 || a == b).All(x => x);
            if (o.DType != s.DType || !shapesAgree)
                return call.Error(Diagnostics.ScanMismatch,
                    $"result {Int(i)} of fn is {call.Describe(outputs[i])}, but its initial state in outputsInfo is {call.Describe(initial)}; a fed-back result must keep its state's dtype and shape (cast the initial state or the result)", "outputsInfo");
            fedFrom.Add(i);
        }

        var body = ScanBody.Extract(g, placeholders, outputs, out var unsupported);
        if (body is null) return call.Error(Diagnostics.ScanUnsupported, unsupported!, "fn");
        var bodyGraph = new TensorGraph(body.Nodes);
        var shapes = ShapeAnalysis.Run(bodyGraph, body.Inputs);
        var operands = sequences.Concat(states).Concat(body.Captured).ToList();
        bool reversed = backwards ?? call.Bool("goBackwards");
        var results = new int[outputs.Length];
        for (int k = 0; k < outputs.Length; k++)
        {
            // Each dimension of a step: an operand's dimension (a sequence's from its second axis on), or static.
            var dims = new List<int>();
            var axes = new List<int>();
            foreach (var d in shapes.NodeDims[body.Outputs[k]].Select(d => shapes.Dims[d]))
            {
                if (d.IsStatic || d.Input < 0)
                {
                    if (!d.IsStatic && !fedFrom.Contains(k))
                        return call.Error(Diagnostics.ScanUnsupported, $"the size of result {Int(k)}'s steps is computed from values in the body, which a scan does not support yet", "fn");
                    dims.Add(-1);
                    axes.Add(0);
                    continue;
                }
                dims.Add(1 + d.Input);
                axes.Add(d.Input < sequences.Length ? d.Axis + 1 : d.Axis);
            }
            var p = new ScanParams(body.Nodes, body.Inputs, body.Outputs, sequences.Length, fedFrom.ToEquatableArray(), k,
                dims.ToEquatableArray(), axes.ToEquatableArray(), reversed);
            results[k] = ScanOp.Instance.Build(g, steps, operands, p);
            if (last) results[k] = SubtensorOp.Instance.Build(g, results[k], [0], [g.Constant(ScalarValue.Integer(-1), DType.Int64)]);
        }
        var value = result is TensorValue ? call.Result(results[0]) : call.Results(results);
        var updates = new ListValue(ImmutableArray<Value>.Empty, ImmutableArray<IrSpan>.Empty);
        return new ListValue([value, updates], [call.Evaluator.SpanOf(call.At), call.Evaluator.SpanOf(call.At)]);
    }
}
