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
        new(ApiFunction.ScanUpdates, call => Scan(call, backwards: null, last: false, Returns.Updates)),
        new(ApiFunction.ScanWithUpdates, call => Scan(call, backwards: null, last: false, Returns.Both)),
        new(ApiFunction.Map, call => Scan(call, backwards: null, last: false)),
        new(ApiFunction.Taps, Taps),
        new(ApiFunction.Until, Until),
        new(ApiFunction.Reduce, call => Scan(call, backwards: null, last: true)),
        new(ApiFunction.Foldl, call => Scan(call, backwards: false, last: true)),
        new(ApiFunction.Foldr, call => Scan(call, backwards: true, last: true)),
        new(ApiFunction.Jacobian, call => Derivatives(call, "expression", hessian: false)),
        new(ApiFunction.Hessian, call => Derivatives(call, "cost", hessian: true)),
    ];

    /// <summary><c>Jacobian(expression, wrt)</c> and <c>Hessian(cost, wrt)</c>, one variable or an array of them.</summary>
    private static Value Derivatives(ApiCall call, string of, bool hessian)
    {
        var g = call.Graph;
        int y = call.Tensor(of);
        bool many = call.Raw("wrt") is ListValue;
        var wrt = many ? call.Tensors("wrt") : [call.Tensor("wrt")];
        if (y < 0 || wrt is null || wrt.Any(w => w < 0)) return ErrorValue.Instance;
        foreach (var node in new[] { y }.Concat(wrt))
            if (!g[node].DType.IsFloat())
                return call.Error(Diagnostics.NotDifferentiable, $"{call.Describe(node)} is {g[node].DType.NumPy()}; Jacobians and Hessians are defined for float values", node == y ? of : "wrt");
        int site = call.Evaluator.Site(call.At);
        var results = new int[wrt.Length];
        for (int k = 0; k < wrt.Length; k++)
        {
            int expression = y;
            if (hessian)
            {
                if (g[y].Rank != 0) return call.Error(Diagnostics.CostNotScalar, call.Describe(y), of);
                if (g[wrt[k]].Rank != 1)
                    return call.Error(Diagnostics.ShapeMismatch, $"Hessian takes vectors as its variables, as PyTensor's hessian, not {call.Describe(wrt[k])}", "wrt");
                call.Evaluator.NewIdentity();
                expression = Differentiate.GradRequest.Add(g, y, [wrt[k]], [], false, site, [site])[0];
            }
            if (Jacobian(call, expression, [wrt[k]], site, of) is not { } rows) return ErrorValue.Instance;
            results[k] = rows[0];
        }
        return many ? call.Results(results) : call.Result(results[0]);
    }

    /// <summary>
    /// The Jacobian of <paramref name="y"/>: a scan over i in [0, len(y)) of the gradient of sum(y · onehot(i)), which
    /// is row i; built when differentiating, once the gradient exists. A 0-d y: its gradient.
    /// </summary>
    private static int[]? Jacobian(ApiCall call, int y, int[] wrt, int site, string of)
    {
        var g = call.Graph;
        var sites = wrt.Select(_ => site).ToList();
        call.Evaluator.NewIdentity();
        if (g[y].Rank == 0) return Differentiate.GradRequest.Add(g, y, wrt, [], false, site, sites);
        if (g[y].Rank != 1)
        {
            call.Error(Diagnostics.ShapeMismatch, $"Jacobian takes a vector expression (1-d), as PyTensor's jacobian, not {call.Describe(y)}; flatten it first", of);
            return null;
        }
        int n = g.DimSize(y, 0);
        int rows = ArangeOp.Instance.Build(g, g.Constant(ScalarValue.Integer(0), DType.Int64), n, g.Constant(ScalarValue.Integer(1), DType.Int64), DType.Int64, out var error);
        if (error is not null) throw new System.InvalidOperationException(error);
        int i = g.Input("sequence0", DType.Int64, [], -1 - g.Count);
        int oneHot = g.Convert(g.Ew(OpCode.Eq, rows, i), g[y].DType);
        int cost = g.Reduce(OpCode.Sum, g.Ew(OpCode.Mul, y, oneHot), [0], keepdims: false);
        var gradients = Differentiate.GradRequest.Add(g, cost, wrt, [], false, site, sites);
        return Make(call, new ScanNodes(g, n, [rows], [], [i], gradients, [], false, false, Vectorize: true));
    }


    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <param name="backwards">Foldl's and Foldr's direction; null: the call's goBackwards.</param>
    /// <param name="last">Reduce and the folds: each result's last step, not the stacked steps.</param>
    /// <summary>The scan's result nodes: made now, or requested from the differentiate stage when the body takes a Grad; null when reported.</summary>
    private static int[]? Make(ApiCall call, ScanNodes scan)
    {
        var results = scan.Build(out var unsupported);
        if (results is not null) return results;
        ScanBody.Extract(scan.Graph, scan.Placeholders, scan.Outputs, out _, out bool takesGradients);
        if (takesGradients) return scan.Request(call.Evaluator.Site(call.At));
        call.Error(Diagnostics.ScanUnsupported, unsupported!, "fn");
        return null;
    }

    /// <summary><c>Taps(tensor, taps)</c>: a marker only sequences and outputsInfo read; taps distinct.</summary>
    private static Value Taps(ApiCall call)
    {
        int tensor = call.Tensor("tensor");
        var taps = call.Ints("taps");
        if (tensor < 0 || taps is null) return ErrorValue.Instance;
        if (taps.Length == 0 || taps.Distinct().Count() != taps.Length)
            return call.Error(Diagnostics.ScanMismatch, "Taps needs distinct step offsets, such as -2, -1 (a result fed back) or -1, 0, 1 (a sequence)", "taps");
        return new TapsValue(tensor, taps.ToEquatableArray());
    }

    /// <summary><c>Until(condition)</c>: a marker only a body's results read; the condition 0-d, as a bool.</summary>
    private static Value Until(ApiCall call)
    {
        int condition = call.Tensor("condition");
        if (condition < 0) return ErrorValue.Instance;
        if (call.Graph[condition].Rank != 0)
            return call.Error(Diagnostics.ScanMismatch, $"Until takes a 0-d condition, not {call.Describe(condition)}", "condition");
        return new UntilValue(call.Graph.Convert(condition, DType.Bool));
    }

    /// <summary>What a body returns: its results (one or an array), the updates of shared variables, or both, as a pair.</summary>
    private enum Returns { Results, Updates, Both }

    private static Value Scan(ApiCall call, bool? backwards, bool last, Returns returns = Returns.Results)
    {
        var g = call.Graph;
        var fn = call.Raw("fn");
        if (fn is ErrorValue) return fn;
        int arity = GraphEvaluator.DelegateArity(fn);
        if (arity < 0) return call.Error(Diagnostics.ScanUnsupported, "Scan's fn must be a lambda or a method of graph code", "fn");
        var sequences = ScanArguments.Sequences(call);
        var nonSequences = call.Has("nonSequences") ? call.Tensors("nonSequences") : [];
        if (sequences is null || nonSequences is null) return ErrorValue.Instance;
        // outputsInfo: an initial state per fed-back result (its taps: -1, or Taps(...)'s), null for a result not fed back.
        if (!ScanArguments.OutputsInfo(call, out var info, out var tapsOf)) return ErrorValue.Instance;

        // The number of steps: nSteps, else the shortest sequence's length.
        int steps;
        if (call.Has("nSteps"))
        {
            steps = call.Size("nSteps");
            if (steps < 0) return ErrorValue.Instance;
        }
        else if (sequences.Count > 0)
        {
            steps = g.DimSize(sequences[0], 0);
            for (int s = 1; s < sequences.Count; s++) steps = g.Ew(OpCode.Minimum, steps, g.DimSize(sequences[s], 0));
        }
        else
        {
            return call.Error(Diagnostics.ScanMismatch, "a scan without sequences needs nSteps, the number of steps to run", "fn");
        }

        // Placeholders for one step's values, then the body run over them (non-sequences as they are).
        // A result fed back from several steps keeps a window of its last k values as its state (k the farthest tap):
        // the step reads its taps from the window, and the next window is the window shifted by the new result.
        var fed = Enumerable.Range(0, info?.Length ?? 0).Where(i => info![i] is not null).ToList();
        var states = new List<int>();
        var placeholders = new List<int>();
        var stepArgs = new List<int>();
        int Placeholder(string name, DType dtype, IEnumerable<int> shape) => g.Input(name, dtype, shape.ToArray(), -1 - g.Count);
        int Index(long value) => g.Constant(ScalarValue.Integer(value), DType.Int64);
        for (int s = 0; s < sequences.Count; s++) placeholders.Add(Placeholder("sequence" + Int(s), g[sequences[s]].DType, g[sequences[s]].Shape.Skip(1)));
        stepArgs.AddRange(placeholders);
        for (int r = 0; r < fed.Count; r++)
        {
            int initial = info![fed[r]]!.Value;
            if (!tapsOf.TryGetValue(fed[r], out var taps))
            {
                states.Add(initial);
                placeholders.Add(Placeholder("state" + Int(r), g[initial].DType, g[initial].Shape));
                stepArgs.Add(placeholders[placeholders.Count - 1]);
                continue;
            }
            int k = -taps.Min();
            // The window starts at 0, where x0[k - 1] is checked to exist first: a call with too few initial values fails
            // naming the function and x0, rather than reading past them.
            int start = g.Ew(OpCode.Sub, CheckIndexOp.Instance.Build(g, Index(k - 1), initial, 0), Index(k - 1));
            states.Add(SubtensorOp.Instance.Build(g, initial, [1], [start, Index(k)]));
            int window = Placeholder("state" + Int(r), g[initial].DType, new[] { k }.Concat(g[initial].Shape.Skip(1)));
            placeholders.Add(window);
            foreach (var tap in taps) stepArgs.Add(SubtensorOp.Instance.Build(g, window, [0], [Index(k + tap)]));
        }
        var args = stepArgs.Concat(nonSequences).Select(n => (Value)new TensorValue(Operand.Of(n))).ToList();
        if (arity != args.Count)
            return call.Error(Diagnostics.ScanMismatch,
                $"fn takes {Int(arity)} parameters, but Scan passes {Int(args.Count)}: {Int(sequences.Count)} sequence slices (one per tap of a sequence), {Int(stepArgs.Count - sequences.Count)} previous results (one per tap of each outputsInfo entry that is not null), {Int(nonSequences.Length)} non-sequences", "fn");
        int firstRandom = call.Evaluator.RandomVariables.Count;
        var result = call.Evaluator.CallFunction(call.At, fn!, args);
        if (result is ErrorValue) return result;
        Value? resultsValue = result, updatesValue = null;
        if (returns != Returns.Results)
        {
            if (returns == Returns.Updates) (resultsValue, updatesValue) = (null, result);
            else if (result is ListValue { Items.Length: 2 } pair) (resultsValue, updatesValue) = (pair.Items[0], pair.Items[1]);
            else return call.Error(Diagnostics.ScanMismatch, "fn must return its results and its updates, as a pair", "fn");
        }
        // An early exit: Until(condition) as the last of the results (PyTensor's until).
        int until = -1;
        if (resultsValue is ListValue { Items.Length: > 0 } withUntil && withUntil.Items[withUntil.Items.Length - 1] is UntilValue exit)
        {
            until = exit.Condition;
            resultsValue = new ListValue(withUntil.Items.RemoveAt(withUntil.Items.Length - 1), withUntil.Locations.RemoveAt(withUntil.Locations.Length - 1));
        }
        if (resultsValue is UntilValue || resultsValue is ListValue { Items: var items } && items.Any(i => i is UntilValue))
            return call.Error(Diagnostics.ScanMismatch, "Until(...) must be the last element of an array of results, after at least one result: [x * 2, Until(x > 10)]", "fn");
        int[] outputs;
        switch (resultsValue)
        {
            case null:
                outputs = [];
                break;
            case ErrorValue:
                return resultsValue;
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
        var updates = updatesValue is null ? [] : ScanArguments.Updates(call, updatesValue);
        if (updates is null) return ErrorValue.Instance;

        // A shared variable the body updates is a state of the loop (PyTensor turns each update into a fed-back
        // output): what the body computed from the variable is computed again from the step's placeholder for it.
        var givens = new Dictionary<int, int>();
        bool reversed = backwards ?? call.Bool("goBackwards");
        // Random variables drawn in the body: drawn for all steps before the loop, read as sequences.
        var outer = sequences.Select(s => (s, 1)).Concat(fed.Select(i => tapsOf.ContainsKey(i) ? (-1, 0) : (info![i]!.Value, 0))).ToList();
        var draws = ScanDraws.Hoist(call, firstRandom, placeholders, outer, steps, reversed, until >= 0);
        if (draws is null) return ErrorValue.Instance;
        foreach (var (draw, sequence) in draws)
        {
            placeholders.Insert(sequences.Count, Placeholder("draw" + Int(sequences.Count), g[draw].DType, g[draw].Shape));
            givens[draw] = placeholders[sequences.Count];
            sequences.Add(sequence);
        }
        foreach (var (shared, _) in updates)
        {
            states.Add(shared);
            placeholders.Add(Placeholder("shared" + Int(givens.Count), g[shared].DType, g[shared].Shape));
            givens[shared] = placeholders[placeholders.Count - 1];
        }
        var memo = new Dictionary<int, int>();
        outputs = outputs.Select(o => g.Replace(o, givens, memo)).ToArray();

        info ??= new int?[outputs.Length];
        if (info.Length != outputs.Length)
            return call.Error(Diagnostics.ScanMismatch, $"fn returns {Int(outputs.Length)} results, but outputsInfo has {Int(info.Length)} entries (one per result: an initial state, or null)", "outputsInfo");
        var fedFrom = new List<int>();
        var hidden = new List<int>();
        for (int i = 0; i < info.Length; i++)
        {
            if (info[i] is not { } initial) continue;
            var o = g[outputs[i]];
            var s = tapsOf.ContainsKey(i) ? g[SubtensorOp.Instance.Build(g, initial, [0], [Index(0)])] : g[initial];
            bool shapesAgree = o.Rank == s.Rank && o.Shape.Zip(s.Shape, (a, b) => a < 0 || b < 0 || a == b).All(x => x);
            if (o.DType != s.DType || !shapesAgree)
                return call.Error(Diagnostics.ScanMismatch,
                    $"result {Int(i)} of fn is {call.Describe(outputs[i])}, but its initial state in outputsInfo is {call.Describe(initial)}; a fed-back result must keep its state's dtype and shape (cast the initial state or the result)", "outputsInfo");
            if (!tapsOf.ContainsKey(i))
            {
                fedFrom.Add(i);
                continue;
            }
            // The next window: the window but its oldest value, then this step's result.
            int window = placeholders[sequences.Count + fed.IndexOf(i)];
            int k = g[window].Shape[0];
            int newest = g.DimShuffle(outputs[i], new[] { -1 }.Concat(Enumerable.Range(0, o.Rank)).ToArray());
            int shifted = JoinOp.Instance.Build(g, [SubtensorOp.Instance.Build(g, window, [1], [Index(1), Index(k - 1)]), newest], 0, out var error);
            if (error is not null) return call.Error(Diagnostics.ScanMismatch, error, "outputsInfo");
            fedFrom.Add(outputs.Length + hidden.Count);
            hidden.Add(shifted);
        }
        if (until >= 0)
        {
            if (outputs.Length == 0) return call.Error(Diagnostics.ScanMismatch, "a body with Until(...) needs a result before it", "fn");
            until = g.Replace(until, givens, memo);
            hidden.Add(until);
            until = outputs.Length + hidden.Count - 1;
        }
        int firstUpdate = outputs.Length + hidden.Count;
        foreach (var (_, next) in updates)
        {
            fedFrom.Add(outputs.Length + hidden.Count);
            hidden.Add(g.Replace(next, givens, memo));
        }

        int truncate = call.Has("truncateGradient") ? call.Int("truncateGradient") ?? -2 : -1;
        if (truncate < -1) return call.Error(Diagnostics.ScanMismatch, "truncateGradient must be a constant number of steps, or -1 for all", "truncateGradient");
        var scan = new ScanNodes(g, steps, sequences, states, placeholders, outputs.Concat(hidden).ToList(), fedFrom, reversed, last, truncate, Vectorize: !call.Has("nSteps"), Until: until);
        if (Make(call, scan) is not { } results) return ErrorValue.Instance;

        // Each updated variable's value after the last step: its stacked values' last, or (no steps) its value now.
        var finals = new List<(int, int)>();
        for (int u = 0; u < updates.Count; u++)
        {
            int stacked = results[firstUpdate + u], shared = updates[u].Shared;
            if (last || until >= 0)
            {
                // (A loop that stops early: its last step, which keeps the value at the call when there are no steps.)
                finals.Add((shared, last ? stacked : SubtensorOp.Instance.Build(g, stacked, [0], [Index(-1)])));
                continue;
            }
            int before = g.DimShuffle(shared, new[] { -1 }.Concat(Enumerable.Range(0, g[shared].Rank)).ToArray());
            int all = JoinOp.Instance.Build(g, [before, stacked], 0, out var error);
            if (error is not null) return call.Error(Diagnostics.ScanMismatch, error, "fn");
            finals.Add((shared, SubtensorOp.Instance.Build(g, all, [0], [Index(-1)])));
        }
        var value = resultsValue is TensorValue ? call.Result(results[0]) : call.Results(results.Take(outputs.Length).ToArray());
        var span = call.Evaluator.SpanOf(call.At);
        return new ListValue([value, ScanArguments.UpdatesValue(call, finals, draws.Select(d => g[d.Draw].Parameters<RandomParams>().Index))], [span, span]);
    }
}
