using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Writes a function's <c>Invoke</c>, in an order that keeps failures harmless: check the arguments
/// (null, rank); enter the state the call uses (shared and random variables, borrowed outputs), or be
/// refused; check everything else that could fail — sizes against each other and the shared variables,
/// sizes given by values, static sizes of updates, sizes too large for an array, empty axes of a
/// max or min, the random variables' parameters — before any output buffer is written; bind the
/// run-time sizes; allocate outputs, rent temporaries, take each updated shared variable's next buffer;
/// run the kernels; read the outputs; and only then write the updates, all computed from the values
/// before the call (PyTensor's semantics: swaps such as <c>[(a, b), (b, a)]</c> work).
/// </summary>
internal sealed partial class InvokeWriter
{
    private readonly Plan _plan;
    private readonly SourceWriter _w;
    private readonly TensorGraph _graph;
    private readonly string _function;
    private readonly NameScope _scope;
    private readonly NodeNames _display;
    private readonly IReadOnlyList<string> _fields;
    private readonly List<int> _sources;
    private readonly Dictionary<int, string> _dims = new();
    private readonly Dictionary<int, string> _values = new();
    private readonly List<int> _rented = new();
    private readonly HashSet<int> _isRented = new();
    private readonly Dictionary<int, int> _nextBufferOf = new();
    private readonly Dictionary<int, (LoopLayout Layout, Dictionary<int, string> Names)> _kernels;
    private readonly Dictionary<int, string> _outputFields;
    private readonly IReadOnlyList<string> _randomFields;
    private readonly Dictionary<int, int> _randomOf = new();

    private readonly StateGate _gate;

    /// <param name="kernels">Per kernel (by step index): its loop nest and its parameter names.</param>
    /// <param name="display">The readable name of each node.</param>
    public InvokeWriter(Plan plan, SourceWriter w, IReadOnlyList<string> sharedFields, Dictionary<int, (LoopLayout Layout, Dictionary<int, string> Names)> kernels, NodeNames display, StateGate gate)
    {
        _plan = plan;
        _w = w;
        _graph = plan.Function.Graph;
        _function = SourceWriter.String(plan.Function.Source.DisplayName);
        _scope = new NameScope(plan.Function.Inputs.Select(i => i.Name).Concat(sharedFields).Append("borrow").Append("caller"));
        _display = display;
        _fields = sharedFields;
        _kernels = kernels;
        _outputFields = FunctionEmitter.OutputFields(plan);
        _randomFields = FunctionEmitter.RandomFieldNames(plan.Function.Source);
        for (int r = 0; r < plan.Function.Randoms.Count; r++)
            if (!_randomOf.ContainsKey(plan.Function.Randoms[r].Node)) _randomOf[plan.Function.Randoms[r].Node] = r;
        _sources = plan.Function.Sources;
        _gate = gate;
        foreach (var input in plan.Function.Inputs) _values[input.Node] = NameScope.Escape(input.Name);
        for (int s = 0; s < plan.Function.Shared.Count; s++) _values[plan.Function.Shared[s].Node] = sharedFields[s];
    }

    /// <summary>How a tensor input is read, said in its parameter's documentation (see <c>TensorArg</c>).</summary>
    private const string TensorInputNote =
        ". Read in place when dense (an array, a span, a tensor or a contiguous slice of one); a strided, transposed or broadcast view is copied once";

    /// <param name="graph">The optimized graph, printed into the method's remarks.</param>
    public void Write(IReadOnlyList<string> graph)
    {
        var f = _plan.Function;
        _w.Line("/// <summary>Runs the function" + (f.Updates.Count > 0 ? ", then applies its updates" : "") + ".</summary>");
        _w.Line("/// <remarks>");
        _w.Line("/// Optimized graph:");
        _w.Line("/// <code>");
        foreach (var line in graph) _w.Line("/// " + SourceWriter.Xml(line));
        _w.Line("/// </code>");
        _w.Line("/// </remarks>");
        foreach (var input in f.Inputs)
            _w.Line($"/// <param name=\"{input.Name}\">{SourceWriter.Xml(Signature.Describe(_graph[input.Node]))}{(_graph[input.Node].Rank > 0 ? TensorInputNote : "")}.</param>");
        bool many = f.Outputs.Count > 1;
        using (_w.Block($"public {Signature.ReturnType(_graph, f.Outputs, many)} Invoke({Signature.Parameters(_graph, f.Inputs)})"))
        {
            CheckArguments();
            _gate.WriteCall(_w, Body);
        }
    }

    /// <summary>Everything once the call holds its state: checks, then buffers, then the work.</summary>
    private void Body()
    {
        CheckSizes();
        CheckUpdateSizes();
        CheckElementCounts();
        CheckEmptyReductions();
        ReadScalarSharedVariables();
        var prelude = MakePrelude();
        RunEarly(prelude);
        AllocateBuffers();
        if (_rented.Count == 0)
        {
            RunAndReturn(prelude);
            return;
        }
        using (_w.Block("try")) RunAndReturn(prelude);
        using (_w.Block("finally"))
            foreach (var id in _rented)
                _w.Line($"global::System.Buffers.ArrayPool<{_graph[id].DType.CSharp()}>.Shared.Return({_values[id]});");
    }

    private void RunAndReturn(Prelude prelude)
    {
        RunSteps(prelude);
        var results = Results();
        if (_plan.Function.Updates.Count > 0 || (_generators.Count > 0 && !_plan.Function.Source.NoDefaultUpdates))
        {
            // The results are read before any update is written: an output may be a shared variable's old value.
            if (results.Count > 0 && results.Any(r => !IsStable(r.Node)))
                for (int i = 0; i < results.Count; i++)
                {
                    if (IsStable(results[i].Node)) continue;
                    string local = _scope.Take("output" + i.ToString(CultureInfo.InvariantCulture));
                    _w.Line($"var {local} = {results[i].Expression};");
                    results[i] = (results[i].Node, local);
                }
            Commit();
        }
        if (results.Count == 1) _w.Line($"return {results[0].Expression};");
        else if (results.Count > 1) _w.Line($"return ({string.Join(", ", results.Select(r => r.Expression))});");
    }

    /// <summary>Whether an output's expression still reads the same after the updates are written.</summary>
    private bool IsStable(int node) => !(_graph[node].IsShared && _graph[node].Rank > 0);

    /// <summary>A 0-d shared variable is read once, into a local, like a scalar input.</summary>
    private void ReadScalarSharedVariables()
    {
        foreach (var shared in _plan.Function.Shared)
        {
            if (_graph[shared.Node].Rank != 0) continue;
            string field = _values[shared.Node];
            _values[shared.Node] = _scope.Take(_display[shared.Node]);
            _w.Line($"{_graph[shared.Node].DType.CSharp()} {_values[shared.Node]} = {field}.Data[0];");
        }
    }

    private string Dim(int dim) => _dims.TryGetValue(dim, out var d) ? d
        : throw new System.InvalidOperationException($"size {dim} is not bound to any input");

    private string Size(IEnumerable<int> dims)
    {
        var parts = dims.Select(Dim).Where(d => d != "1").ToList();
        return parts.Count == 0 ? "1" : string.Join(" * ", parts);
    }

    // A node's size expression, made once: large graphs ask for it many times.
    private readonly Dictionary<int, string> _sizes = new();

    private string Size(int node) => _sizes.TryGetValue(node, out var size) ? size : _sizes[node] = Size(_plan.Shapes.NodeDims[node]);

    private string Lengths(int node) => "[" + string.Join(", ", _plan.Shapes.NodeDims[node].Select(Dim)) + "]";

    private IEnumerable<int> OutputNodes => _plan.Function.Outputs.Select(o => o.Node).Distinct();

    /// <summary>
    /// Outputs get new arrays (or, borrowed, last call's); a value only an update needs is computed straight
    /// into the shared variable's next buffer; anything else kept comes from the array pool. An output
    /// the prelude computes is never borrowed: a check after it could fail, and the caller's tensor from
    /// the previous call must survive that.
    /// </summary>
    private void AllocateBuffers()
    {
        var f = _plan.Function;
        var outputs = new HashSet<int>(OutputNodes);
        foreach (var id in OutputNodes.Where(_plan.Materialized.Contains).Where(id => _graph[id].Rank > 0))
        {
            _values[id] = _scope.Take(_display[id]);
            _w.Line($"var {_values[id]} = {OutputField(id)}.Rent({Size(id)}, {Borrow(id)});");
        }
        foreach (var pair in NextBufferUpdates(_plan))
        {
            int id = pair.Key, shared = pair.Value;
            _nextBufferOf[id] = shared;
            _values[id] = _scope.Take("next" + Pascal(_display[f.Shared[shared].Node]));
            _w.Line($"var {_values[id]} = {_fields[shared]}.NextBuffer({Size(id)});");
        }
        var temporaries = _plan.Materialized.OrderBy(i => i).Where(i => !_values.ContainsKey(i) && _graph[i].Rank > 0).ToList();
        var buffer = temporaries.Count > MaxUnsharedTemporaries ? ShareBuffers(temporaries) : temporaries.ToDictionary(t => t, t => t);
        foreach (var id in temporaries.Where(t => buffer[t] == t))
        {
            _values[id] = _scope.Take(_display[id]);
            _rented.Add(id);
            string t = _graph[id].DType.CSharp();
            _w.Line($"{t}[] {_values[id]} = global::System.Buffers.ArrayPool<{t}>.Shared.Rent(checked((int)({Size(id)})));");
        }
        foreach (var id in temporaries)
        {
            _isRented.Add(id);
            if (buffer[id] == id) continue;
            _values[id] = _values[buffer[id]];
            _reuses[id] = buffer[id];
        }
    }

    /// <summary>With more temporaries than this, values that are never needed at once share a buffer.</summary>
    private const int MaxUnsharedTemporaries = 16;

    /// <summary>For a temporary that takes over another's buffer: whose (announced where it is written).</summary>
    private readonly Dictionary<int, int> _reuses = new();

    /// <summary>
    /// Which buffer each temporary lives in (the temporary that first had it): a value whose last reader
    /// ran before another of the same dtype and size is written lends that one its buffer, so a long chain
    /// cut into many kernels needs a few buffers, not one per cut.
    /// </summary>
    private Dictionary<int, int> ShareBuffers(List<int> temporaries)
    {
        var written = new Dictionary<int, int>();
        var lastRead = new Dictionary<int, int>();
        foreach (var step in _plan.Steps)
        {
            foreach (var w in step.Writes)
                if (!written.ContainsKey(w)) written[w] = step.Index;
            foreach (var r in step.Reads) lastRead[r] = step.Index;
        }
        var buffer = new Dictionary<int, int>();
        // Per dtype and size: free buffers, by the step after which they are free.
        var free = new Dictionary<string, SortedSet<(int FreeAfter, int Owner)>>();
        var busy = new SortedSet<(int Until, int Owner, string Key)>();
        foreach (var id in temporaries.OrderBy(t => written.TryGetValue(t, out int w) ? w : -1).ThenBy(t => t))
        {
            string key = _graph[id].DType.CSharp() + " " + Size(id);
            int from = written.TryGetValue(id, out int w) ? w : -1;
            int until = Math.Max(from, lastRead.TryGetValue(id, out int r) ? r : from);
            // Buffers whose last reader ran before this value is written are free again.
            while (busy.Count > 0 && busy.Min.Until < from)
            {
                var done = busy.Min;
                busy.Remove(done);
                if (!free.TryGetValue(done.Key, out var set)) free[done.Key] = set = new SortedSet<(int, int)>();
                set.Add((done.Until, done.Owner));
            }
            int owner = id;
            if (from >= 0 && free.TryGetValue(key, out var candidates) && candidates.Count > 0)
            {
                owner = candidates.Min.Owner;
                candidates.Remove(candidates.Min);
            }
            buffer[id] = owner;
            if (from >= 0) busy.Add((until, owner, key));
        }
        return buffer;
    }

    /// <summary>
    /// The updates computed straight into their shared variable's next buffer, by node, with the variable's
    /// index: those that are neither an output, a source nor 0-d (the first, when two variables take one value).
    /// The call then uses the variable's buffer even when its updates are off, so it enters the variable as a writer.
    /// </summary>
    internal static Dictionary<int, int> NextBufferUpdates(Plan plan)
    {
        var f = plan.Function;
        var outputs = new HashSet<int>(f.Outputs.Select(o => o.Node));
        var result = new Dictionary<int, int>();
        foreach (var update in f.Updates)
        {
            var node = f.Graph[update.Node];
            if (outputs.Contains(update.Node) || node.IsLeaf || node.Rank == 0 || result.ContainsKey(update.Node)) continue;
            result[update.Node] = update.Shared;
        }
        return result;
    }

    /// <summary>Whether an output's buffer is borrowed this call: <c>borrow</c>, unless the prelude writes it.</summary>
    private string Borrow(int id) => _unborrowed.Contains(id) ? "false" : "borrow";

    /// <summary>The field holding an output's buffer between calls (used when outputs are borrowed).</summary>
    private string OutputField(int node) => _outputFields[node];

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private bool IsExactArray(int id) => !_graph[id].IsSource && !_isRented.Contains(id);

    /// <summary>A span over a value's data, whole or a slice; a view reads the data of the value it views.</summary>
    private string Span(int id, string? start, string length)
    {
        id = _plan.Storage(id);
        string v = _values[id];
        if (_graph[id].IsSource) return start is null ? $"{v}.Data" : $"{v}.Data.Slice({Int(start)}, {Int(length)})";
        string t = _graph[id].DType.CSharp();
        if (start is null) return IsExactArray(id) ? v : $"new global::System.Span<{t}>({v}, 0, {Int(length)})";
        return $"new global::System.Span<{t}>({v}, {Int(start)}, {Int(length)})";
    }

    /// <summary>A writable span over a kept value's whole buffer.</summary>
    private string Writable(int id)
    {
        string t = _graph[id].DType.CSharp();
        return IsExactArray(id) ? $"new global::System.Span<{t}>({_values[id]})" : $"new global::System.Span<{t}>({_values[id]}, 0, {Int(Size(id))})";
    }

    private string Element(int id, string index)
    {
        id = _plan.Storage(id);
        return _graph[id].IsSource ? $"{_values[id]}.Data[{Int(index)}]" : $"{_values[id]}[{Int(index)}]";
    }

    private static string Int(string expression) =>
        int.TryParse(expression, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? expression
        : Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(expression) ? $"(int){expression}" : $"(int)({expression})";

    /// <summary>
    /// The steps in schedule order, except that the prelude (what random variables' parameters need) comes
    /// first, each draw checked before it runs, then every draw not yet checked, then the rest.
    /// </summary>
    private void RunSteps(Prelude prelude)
    {
        var kernels = _kernels;
        foreach (var step in prelude.Late)
        {
            if (step is DrawStep draw) CheckDraw(draw.Node);
            RunStep(step, kernels);
        }
        foreach (var draw in _plan.Steps.OfType<DrawStep>()) CheckDraw(draw.Node);
        foreach (var step in _plan.Steps)
            if (!prelude.Contains(step)) RunStep(step, kernels);
    }

    /// <summary>The prelude's steps that need no buffers (scalar arithmetic, sizes), then the checks of every draw whose parameters they give.</summary>
    private void RunEarly(Prelude prelude)
    {
        var kernels = _kernels;
        foreach (var step in prelude.Early) RunStep(step, kernels);
        foreach (var draw in _plan.Steps.OfType<DrawStep>())
            if (DrawParameters(draw.Node).All(p => _graph[p].IsConstant || _values.ContainsKey(p))) CheckDraw(draw.Node);
    }

    private void RunStep(Step step, Dictionary<int, (LoopLayout Layout, Dictionary<int, string> Names)> kernels)
    {
        foreach (var w in step.Writes)
            if (_reuses.TryGetValue(w, out int previous))
                _w.Line($"// {_display[w]} takes over the buffer of {_display[previous]}");
        switch (step)
        {
            case Kernel { IsReduction: true } kernel:
                Reduce(kernel, kernels[kernel.Index].Layout);
                break;
            case Kernel { Rank: 0 } kernel when KernelEmitter.IsInlined(kernel):
                Inline(kernel);
                break;
            case Kernel { Rank: 0 } kernel:
                CallScalar(kernel);
                break;
            case Kernel kernel:
                Call(kernel, kernels[kernel.Index].Layout);
                break;
            case DotStep dot:
                Dot(dot.Node);
                break;
            case CopyStep copy:
                Copy(copy.Node);
                break;
            case DrawStep draw:
                Draw(draw.Node);
                break;
            case SizeStep size:
                var node = _graph[size.Node];
                _values[size.Node] = _scope.Take(_display[size.Node]);
                _w.Line($"long {_values[size.Node]} = {Dim(_plan.Shapes.NodeDims[node.Inputs[0]][node.Params[0]])};");
                break;
        }
    }

    /// <summary>The scratch generator each random variable draws with, by draw node.</summary>
    private readonly Dictionary<int, string> _generators = new();

    /// <summary>
    /// A random variable's draw: its generator state is copied into the variable's scratch generator,
    /// which draws NumPy's numbers; the advanced state is written back with the updates, if at all.
    /// </summary>
    private void Draw(int id)
    {
        var f = _plan.Function;
        int index = _randomOf[id];
        string field = _randomFields[index];
        var node = _graph[id];
        string generator = _generators[id] = _scope.Take("rng" + Pascal(f.Randoms[index].Name));
        _w.Line($"var {generator} = {field}.Scratch;");
        _w.Line($"{generator}.BitGenerator.State = {field}.Rng.State;");
        var (method, args) = DrawCall(id);
        if (node.Rank == 0)
        {
            _values[id] = _scope.Take(_display[id]);
            _w.Line($"{node.DType.CSharp()} {_values[id]} = {generator}.{method}({string.Join(", ", args)});");
        }
        else
        {
            _w.Line($"{generator}.{method}({string.Join(", ", args.Append(Writable(id)))});");
        }
    }

    /// <summary>The generator method a draw calls (Bernoulli is a binomial of one trial) and its parameters, as C#.</summary>
    private (string Method, List<string> Args) DrawCall(int id)
    {
        var node = _graph[id];
        var args = DrawParameters(id).Select(i => _graph[i].IsConstant ? Literals.Of(_graph[i].Value, _graph[i].DType) : _values[i]).ToList();
        var distribution = (Distribution)node.Params[0];
        string method = distribution == Distribution.Bernoulli ? "Binomial" : distribution.ToString();
        if (distribution == Distribution.Bernoulli) args.Insert(0, "1L");
        return (method, args);
    }

    private IEnumerable<int> DrawParameters(int id) => _graph[id].Inputs.Take(GraphBuilder.RandomParameterCount(_graph[id]));

    /// <summary>A small 0-d kernel is a few scalar statements; its roots become locals.</summary>
    private void Inline(Kernel kernel)
    {
        var local = new Dictionary<int, string>();
        var roots = new HashSet<int>(kernel.Roots);
        foreach (var id in kernel.Body)
        {
            var node = _graph[id];
            var operandType = _graph[node.Inputs[node.Op is OpCode.Switch or OpCode.Second ? 1 : 0]].DType;
            var args = node.Inputs.Select((i, k) => node.Op == OpCode.Second && k == 0 ? "_"
                : _graph[i].IsConstant ? Literals.Of(_graph[i].Value, _graph[i].DType)
                : local.TryGetValue(i, out var l) ? l : _values[i]).ToArray();
            local[id] = roots.Contains(id) ? _values[id] = _scope.Take(_display[id]) : _scope.Take("s" + id.ToString(CultureInfo.InvariantCulture));
            _w.Line($"{node.DType.CSharp()} {local[id]} = {ScalarCode.Of(node, operandType, args)};");
        }
    }

    /// <summary>A larger 0-d kernel is a method of its own; its roots come back as <c>out</c> locals.</summary>
    private void CallScalar(Kernel kernel)
    {
        var args = kernel.Leaves.Select(l => _values[l]).ToList();
        foreach (var root in kernel.Roots)
        {
            _values[root] = _scope.Take(_display[root]);
            args.Add($"out {_graph[root].DType.CSharp()} {_values[root]}");
        }
        _w.Line($"{KernelEmitter.MethodName(kernel)}({string.Join(", ", args)});");
    }

    /// <summary>
    /// The loops around a kernel call: one per group but the last (the run), and the offset of the
    /// current run in any buffer from the groups it varies along.
    /// </summary>
    private sealed class LoopNest
    {
        private readonly List<int[]> _groups;
        private readonly List<string> _sizes;
        private readonly List<string> _indices = new();
        private readonly List<System.IDisposable> _scopes = new();

        public LoopNest(InvokeWriter writer, Kernel kernel, LoopLayout layout)
        {
            _groups = layout.Groups;
            _sizes = _groups.Select(g => writer.Size(g.Select(a => kernel.Dims[a]))).ToList();
            for (int g = 0; g < _groups.Count - 1; g++)
            {
                string i = writer._scope.Take("i" + g.ToString(CultureInfo.InvariantCulture));
                _indices.Add(i);
                _scopes.Add(writer._w.Block($"for (nint {i} = 0; {i} < {_sizes[g]}; {i}++)"));
            }
        }

        public string Run => _sizes[_sizes.Count - 1];

        public bool Flat => _groups.Count == 1;

        /// <summary>The offset of the current run in a buffer that varies along the groups marked in <paramref name="full"/>; null for 0.</summary>
        public string? Offset(bool[] full)
        {
            var terms = new List<string>();
            for (int g = 0; g < _groups.Count - 1; g++)
            {
                if (!full[g]) continue;
                var stride = Enumerable.Range(g + 1, _groups.Count - g - 1).Where(h => full[h]).Select(h => _sizes[h]).Where(s => s != "1").ToList();
                terms.Add(stride.Count == 0 ? _indices[g] : $"{_indices[g]} * {string.Join(" * ", stride.Select(s => s.Contains("*") ? $"({s})" : s))}");
            }
            return terms.Count == 0 ? null : string.Join(" + ", terms);
        }

        public void Close()
        {
            for (int i = _scopes.Count - 1; i >= 0; i--) _scopes[i].Dispose();
        }
    }

    /// <summary>The kernel's leaf arguments for the current run.</summary>
    private List<string> LeafArguments(Kernel kernel, LoopLayout layout, LoopNest loops)
    {
        var args = new List<string>();
        foreach (var leaf in kernel.Leaves)
        {
            if (_graph[leaf].Rank == 0)
            {
                args.Add(_values[leaf]);
                continue;
            }
            var full = layout.Full[leaf];
            string? offset = loops.Offset(full);
            bool whole = offset is null && (loops.Flat || Size(leaf) == loops.Run);
            args.Add(full[full.Length - 1]
                ? (whole ? Span(leaf, null, loops.Run) : Span(leaf, offset ?? "0", loops.Run))
                : Element(leaf, offset ?? "0"));
        }
        return args;
    }

    private void Call(Kernel kernel, LoopLayout layout)
    {
        var loops = new LoopNest(this, kernel, layout);
        var args = LeafArguments(kernel, layout, loops);
        var all = Enumerable.Repeat(true, layout.Groups.Count).ToArray();
        foreach (var root in kernel.Roots)
            args.Add(loops.Flat ? Span(root, null, loops.Run) : Span(root, loops.Offset(all) ?? "0", loops.Run));
        _w.Line($"{KernelEmitter.MethodName(kernel)}({string.Join(", ", args)});");
        loops.Close();
    }

    /// <summary>
    /// A reduction: the result starts at the identity; each run either folds into one element of it, or
    /// (a run along kept axes) into a slice of it.
    /// </summary>
    private void Reduce(Kernel kernel, LoopLayout layout)
    {
        int id = kernel.Reduction;
        var node = _graph[id];
        string identity = KernelEmitter.Identity(node);
        if (node.Rank == 0)
        {
            _values[id] = _scope.Take(_display[id]);
            _w.Line($"{node.DType.CSharp()} {_values[id]} = {identity};");
        }
        else
        {
            _w.Line($"{Writable(id)}.Fill({identity});");
        }
        var loops = new LoopNest(this, kernel, layout);
        var args = LeafArguments(kernel, layout, loops);
        string method = KernelEmitter.MethodName(kernel);
        string offset = loops.Offset(layout.Output) ?? "0";
        if (KernelEmitter.FoldsRun(kernel, layout))
        {
            string target = node.Rank == 0 ? _values[id] : Element(id, offset);
            _w.Line($"{target} = {method}({string.Join(", ", args.Append(Int(loops.Run)).Append(target))});");
        }
        else
        {
            _w.Line($"{method}({string.Join(", ", args.Append(Span(id, offset, loops.Run)))});");
        }
        loops.Close();
    }

    /// <summary>A product: one call into Linalg, reading each matrix in memory order whatever its transpose flag.</summary>
    private void Dot(int id)
    {
        var node = _graph[id];
        int a = node.Inputs[0], b = node.Inputs[1];
        bool tA = node.Params[0] == 1, tB = node.Params[1] == 1;
        var da = _plan.Shapes.NodeDims[a];
        var db = _plan.Shapes.NodeDims[b];
        string A = Span(a, null, Size(a)), B = Span(b, null, Size(b));
        string linalg = "global::Tensorgen.Linalg";
        if (node.Rank == 0)
        {
            _values[id] = _scope.Take(_display[id]);
            _w.Line($"{node.DType.CSharp()} {_values[id]} = global::System.Numerics.Tensors.TensorPrimitives.Dot({A}, {B});");
            return;
        }
        string C = Writable(id);
        string D(int dim) => Int(Dim(dim));
        switch (_graph[a].Rank, _graph[b].Rank)
        {
            case (2, 1):
                _w.Line($"{linalg}.{(tA ? "MatTVec" : "MatVec")}({A}, {D(da[0])}, {D(da[1])}, {B}, {C});");
                break;
            case (1, 2):
                _w.Line($"{linalg}.{(tB ? "MatVec" : "MatTVec")}({B}, {D(db[0])}, {D(db[1])}, {A}, {C});");
                break;
            default:
                var dc = _plan.Shapes.NodeDims[id];
                _w.Line($"{linalg}.Gemm({A}, {(tA ? "true" : "false")}, {B}, {(tB ? "true" : "false")}, {C}, {D(dc[0])}, {D(dc[1])}, {D(tA ? da[0] : da[1])});");
                break;
        }
    }

    /// <summary>
    /// A transpose (or any reordering) into its own buffer; an output that views another value is a plain copy;
    /// a constant given size-1 dimensions fills its buffer.
    /// </summary>
    private void Copy(int id)
    {
        var node = _graph[id];
        int input = node.Inputs[0];
        if (Plan.IsFilled(_graph, node))
        {
            _w.Line($"{Writable(id)}.Fill({Literals.Of(_graph[input].Value, _graph[input].DType)});");
            return;
        }
        if (_graph[input].Rank == 0)
        {
            // A 0-d value is a local (a scalar input, a 0-d kernel's result): given size-1 dimensions, it fills them.
            _w.Line($"{Writable(id)}.Fill({_values[_plan.Storage(input)]});");
            return;
        }
        string source = Span(input, null, Size(input));
        if (GraphBuilder.IsView(node))
        {
            _w.Line($"{source}.CopyTo({Writable(id)});");
            return;
        }
        var inDims = _plan.Shapes.NodeDims[input];
        var kept = node.Params.Where(p => p >= 0).ToList();
        if (kept.Count == 2 && kept[0] == 1 && kept[1] == 0 && _graph[input].Rank == 2)
        {
            _w.Line($"global::Tensorgen.Linalg.Transpose({source}, {Int(Dim(inDims[0]))}, {Int(Dim(inDims[1]))}, {Writable(id)});");
            return;
        }
        // Dropped dimensions have size 1: where they go does not move any data.
        var permutation = kept.Concat(Enumerable.Range(0, _graph[input].Rank).Where(k => !kept.Contains(k)));
        _w.Line($"global::Tensorgen.Linalg.Permute({source}, [{string.Join(", ", inDims.Select(Dim))}], [{string.Join(", ", permutation)}], {Writable(id)});");
    }

    /// <summary>The expression of each output, in order.</summary>
    private List<(int Node, string Expression)> Results()
    {
        var returned = new HashSet<int>();
        var results = new List<(int, string)>();
        foreach (var output in _plan.Function.Outputs)
        {
            int id = output.Node;
            var node = _graph[id];
            bool again = !returned.Add(id);
            if (node.IsConstant)
            {
                results.Add((id, Literals.Of(node.Value, node.DType)));
                continue;
            }
            if (node.Rank == 0)
            {
                results.Add((id, _values[id]));
                continue;
            }
            if (node.IsSource || again)
            {
                string copy = node.IsSource ? $"{_values[id]}.Data.ToArray()" : $"({node.DType.CSharp()}[]){_values[id]}.Clone()";
                results.Add((id, $"global::System.Numerics.Tensors.Tensor.Create({copy}, {Lengths(id)})"));
                continue;
            }
            results.Add((id, $"{OutputField(id)}.Wrap({_values[id]}, {Lengths(id)}, {Borrow(id)})"));
        }
        return results;
    }

    /// <summary>
    /// Writes the updates. Every new value is complete before the first write: values read from
    /// another source are copied into the target's next buffer first, then each target takes its value.
    /// </summary>
    private void Commit()
    {
        var f = _plan.Function;
        using (_w.Block("if (UpdatesEnabled)"))
        {
            var writes = new List<string>();
            foreach (var update in f.Updates)
            {
                string field = _fields[update.Shared];
                int id = update.Node;
                var node = _graph[id];
                var target = _graph[f.Shared[update.Shared].Node];
                if (node.Rank == 0)
                {
                    string value = node.IsConstant ? Literals.Of(node.Value, node.DType) : _values[id];
                    writes.Add($"{field}.Store({value});");
                }
                else if (_nextBufferOf.TryGetValue(id, out int owner) && owner == update.Shared)
                {
                    writes.Add($"{field}.CommitNext({Lengths(id)});");
                }
                else if (node.IsSource)
                {
                    // Another variable's (or an input's) current value: copied now, before anything is written.
                    string next = _scope.Take("next" + Pascal(target.Name ?? "value"));
                    _w.Line($"var {next} = {field}.NextBuffer({Size(id)});");
                    _w.Line($"{_values[id]}.Data.CopyTo({next});");
                    writes.Add($"{field}.CommitNext({Lengths(id)});");
                }
                else
                {
                    writes.Add($"{field}.StoreCopy({Span(id, null, Size(id))}, {Lengths(id)});");
                }
            }
            foreach (var write in writes) _w.Line(write);
            // Default updates: each random variable's generator moves on (PyTensor's rng.default_update).
            if (!f.Source.NoDefaultUpdates)
                for (int i = 0; i < f.Randoms.Count; i++)
                    _w.Line($"{_randomFields[i]}.Rng.State = {_generators[f.Randoms[i].Node]}.BitGenerator.State;");
        }
    }
}
