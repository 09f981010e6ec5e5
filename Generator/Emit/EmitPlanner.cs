using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Builds the <see cref="EmitPlan"/>. Invoke's names come from one scope, taken in the order the code
/// declares them (sizes, 0-d shared variables, the work before buffers, the buffers, the rest of the work,
/// the values kept across the updates), so a name a user gave wins and later names step aside (<c>i0_2</c>).
/// </summary>
internal sealed class EmitPlanner
{
    private readonly Plan _schedule;
    private readonly TensorGraph _graph;
    private readonly NodeNames _display;
    private readonly NameScope _scope;
    private readonly Dictionary<int, KernelNames> _kernels;
    private readonly Dictionary<int, Storage> _values = new();
    private readonly Dictionary<int, IReadOnlyList<string>> _loops = new();
    private readonly Dictionary<int, IReadOnlyDictionary<int, string>> _inline = new();
    private readonly Dictionary<int, string> _generators = new();
    private readonly Dictionary<int, int> _randomOf = new();

    private EmitPlanner(Plan schedule, ClassPlan names)
    {
        _schedule = schedule;
        _graph = schedule.Function.Graph;
        _display = NodeNames.Of(schedule.Function);
        _kernels = schedule.Kernels.ToDictionary(k => k.Index, k => KernelNames.Of(schedule, k, _display));
        _scope = new NameScope(schedule.Function.Inputs.Select(i => i.Name).Concat(names.SharedFields).Append("borrow").Append("caller"));
        for (int r = schedule.Function.Randoms.Count - 1; r >= 0; r--) _randomOf[schedule.Function.Randoms[r].Node] = r;
    }

    public static EmitPlan Build(Plan schedule)
    {
        var nextBuffers = BufferSharing.NextBufferUpdates(schedule);
        var names = ClassPlan.Of(schedule.Function.Source, nextBuffers.Values);
        return new EmitPlanner(schedule, names).Build(names, nextBuffers);
    }

    private EmitPlan Build(ClassPlan names, Dictionary<int, int> nextBuffers)
    {
        var f = _schedule.Function;
        foreach (var input in f.Inputs) _values[input.Node] = new Storage(StorageKind.Argument, NameScope.Escape(input.Name), input.Node);
        for (int s = 0; s < f.Shared.Count; s++) _values[f.Shared[s].Node] = new Storage(StorageKind.SharedField, names.SharedFields[s], f.Shared[s].Node, s);
        var sizes = new SizeText(_schedule.Shapes, DimNames());
        // A 0-d shared variable is read once, into a local, like a scalar input.
        for (int s = 0; s < f.Shared.Count; s++)
            if (_graph[f.Shared[s].Node].Rank == 0) _values[f.Shared[s].Node] = new Storage(StorageKind.Local, _scope.Take(_display[f.Shared[s].Node]), f.Shared[s].Node, s);

        var offsetLiterals = ViewOffsets.Literals(_schedule);
        var offsetNames = offsetLiterals.ToDictionary(p => p.Key, p => p.Value ?? _scope.Take("offset" + Naming.Pascal(_display[p.Key])));
        var order = CallOrder.Of(_schedule);
        var before = new List<InvokeAction>();
        foreach (var step in order.Early) before.Add(Run(step));
        var draws = _schedule.Steps.OfType<DrawStep>().Select(d => d.Node).ToList();
        var checkedDraws = new HashSet<int>(draws.Where(d => RandomOp.Parameters(_graph[d]).All(p => _graph[p].IsConstant || _values.ContainsKey(p))));
        before.AddRange(draws.Where(checkedDraws.Contains).Select(d => new InvokeAction(null, d)));

        var allocated = Allocate(nextBuffers, sizes);
        var after = new List<InvokeAction>();
        foreach (var step in order.Late)
        {
            if (step is DrawStep draw && checkedDraws.Add(draw.Node)) after.Add(new InvokeAction(null, draw.Node));
            after.Add(Run(step));
        }
        after.AddRange(draws.Where(checkedDraws.Add).Select(d => new InvokeAction(null, d)));
        after.AddRange(_schedule.Steps.Where(s => !order.Contains(s)).Select(Run));

        bool writesUpdates = f.Updates.Count > 0 || Enumerable.Range(0, f.Randoms.Count).Any(i => UpdateWriter.Advances(f, i));
        var outputFields = BufferSharing.OutputFields(_schedule);
        var stages = ComputedSizePlan.Of(_schedule, before, after);
        var offsets = ViewOffsets.Bindings(_schedule, offsetLiterals, before.Concat(after).Select(a => a.Step).OfType<Step>(), stages.After);
        var steps = new InvokeSteps(before, allocated, after, _loops, _inline, _generators,
            order.WrittenBeforeChecks(after, stages, offsets).Where(outputFields.ContainsKey).ToImmutableHashSet(),
            SavedResults(writesUpdates), UpdateCopies(), writesUpdates, stages, offsetNames, offsets,
            f.Source.Profiled ? _scope.Take("profile") : null);
        return new EmitPlan(_schedule, names, _display, outputFields, _kernels, sizes, _values, steps);
    }

    /// <summary>Each size: a static one's literal; a run-time one bound from a source (or a value giving it) as <c>n{index}</c>.</summary>
    private Dictionary<int, string> DimNames()
    {
        var dims = new Dictionary<int, string>();
        foreach (var dim in _schedule.Shapes.Dims)
        {
            if (dim.IsStatic) dims[dim.Index] = dim.Static.ToString(CultureInfo.InvariantCulture);
            else if (dim.Input >= 0 || dim.Value >= 0) dims[dim.Index] = _scope.Take("n" + dim.Index.ToString(CultureInfo.InvariantCulture));
        }
        return dims;
    }

    /// <summary>
    /// Outputs get new arrays (or, borrowed, last call's); a value only an update needs is computed straight
    /// into the shared variable's next buffer; anything else kept comes from the array pool, sharing buffers when there are many.
    /// </summary>
    private List<int> Allocate(Dictionary<int, int> nextBuffers, SizeText sizes)
    {
        var allocated = new List<int>();
        var f = _schedule.Function;
        foreach (var id in f.Outputs.Select(o => o.Node).Distinct().Where(_schedule.Materialized.Contains).Where(id => _graph[id].Rank > 0))
        {
            _values[id] = new Storage(StorageKind.Output, _scope.Take(_display[id]), id);
            allocated.Add(id);
        }
        foreach (var pair in nextBuffers)
        {
            string name = _scope.Take("next" + Naming.Pascal(_display[f.Shared[pair.Value].Node]));
            _values[pair.Key] = new Storage(StorageKind.NextBuffer, name, pair.Key, pair.Value);
            allocated.Add(pair.Key);
        }
        var temporaries = _schedule.Materialized.OrderBy(i => i).Where(i => !_values.ContainsKey(i) && _graph[i].Rank > 0).ToList();
        var owners = BufferSharing.Owners(_schedule, temporaries, id => _graph[id].DType.CSharp() + " " + sizes.Size(id));
        foreach (var id in temporaries.Where(t => owners[t] == t))
        {
            _values[id] = new Storage(StorageKind.Temporary, _scope.Take(_display[id]), id);
            allocated.Add(id);
        }
        foreach (var id in temporaries.Where(t => owners[t] != t))
            _values[id] = new Storage(StorageKind.Reused, _values[owners[id]].Name, owners[id]);
        return allocated;
    }

    /// <summary>Names what a step declares: scalar results, loop indices, an inlined kernel's locals, a draw's generator.</summary>
    private InvokeAction Run(Step step)
    {
        switch (step)
        {
            case Kernel { IsReduction: true } kernel:
                if (_graph[kernel.Reduction].Rank == 0) Local(kernel.Reduction);
                Loops(kernel);
                break;
            case Kernel { Rank: 0 } kernel when KernelEmitter.IsInlined(kernel):
                var roots = new HashSet<int>(kernel.Roots);
                var locals = new Dictionary<int, string>();
                foreach (var id in kernel.Body) locals[id] = roots.Contains(id) ? Local(id) : _scope.Take("s" + id.ToString(CultureInfo.InvariantCulture));
                _inline[kernel.Index] = locals;
                break;
            case Kernel { Rank: 0 } kernel:
                foreach (var root in kernel.Roots) Local(root);
                break;
            case Kernel kernel:
                Loops(kernel);
                break;
            case DotStep forward when _schedule.SweepOf(forward) is { } sweep && sweep.Forward == forward:
                string matrix = Naming.Pascal(_display[sweep.Matrix]);
                _loops[forward.Index] = [_scope.Take("rowsPerBlock"), _scope.Take("row"), _scope.Take("blockRows"), _scope.Take("block" + matrix)];
                break;
            case DrawStep draw:
                _generators[draw.Node] = _scope.Take("rng" + Naming.Pascal(_schedule.Function.Randoms[_randomOf[draw.Node]].Name));
                if (_graph[draw.Node].Rank == 0) Local(draw.Node);
                break;
            case DotStep or SizeStep or CallStep or CopyStep when _graph[step.Writes[0]].Rank == 0:
                Local(step.Writes[0]);
                break;
        }
        return new InvokeAction(step);
    }

    private string Local(int id)
    {
        var storage = new Storage(StorageKind.Local, _scope.Take(_display[id]), id);
        _values[id] = storage;
        return storage.Name;
    }

    /// <summary>The index of each loop around a kernel call: one per group of its loop nest but the last (the run).</summary>
    private void Loops(Kernel kernel)
    {
        int count = _kernels[kernel.Index].Layout.Groups.Count - 1;
        _loops[kernel.Index] = Enumerable.Range(0, count).Select(g => _scope.Take("i" + g.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>
    /// The results read into locals before the updates are written: those an update could change (a tensor
    /// shared variable's current value), when any result is.
    /// </summary>
    private List<string?> SavedResults(bool writesUpdates)
    {
        var outputs = _schedule.Function.Outputs;
        bool Stable(int node) => !(_graph[node].IsShared && _graph[node].Rank > 0);
        bool save = writesUpdates && outputs.Any(o => !Stable(o.Node));
        return outputs.Select((o, i) => save && !Stable(o.Node) ? _scope.Take("output" + i.ToString(CultureInfo.InvariantCulture)) : null).ToList();
    }

    /// <summary>An update to another variable's (or an input's) current value is copied into the target's next buffer before anything is written.</summary>
    private List<string?> UpdateCopies()
    {
        var f = _schedule.Function;
        return f.Updates.Select(u =>
        {
            var node = _graph[u.Node];
            bool own = _values.TryGetValue(u.Node, out var s) && s.Kind == StorageKind.NextBuffer && s.Shared == u.Shared;
            return node.Rank == 0 || own || !node.IsSource ? null : _scope.Take("next" + Naming.Pascal(_display[f.Shared[u.Shared].Node]));
        }).ToList();
    }
}
