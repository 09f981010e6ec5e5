using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Writes a function's <c>Invoke</c>, in an order that keeps failures harmless: check every input
/// (null, rank, sizes, also against the shared variables) before touching anything; bind the run-time
/// sizes; allocate outputs, rent temporaries, take each updated shared variable's next buffer; run the
/// kernels; read the outputs; and only then write the updates, all computed from the values before
/// the call (PyTensor's semantics: swaps such as <c>[(a, b), (b, a)]</c> work).
/// </summary>
internal sealed class InvokeWriter
{
    private readonly Plan _plan;
    private readonly SourceWriter _w;
    private readonly TensorGraph _graph;
    private readonly string _function;
    private readonly NameScope _scope;
    private readonly Dictionary<int, string> _display;
    private readonly IReadOnlyList<string> _fields;
    private readonly List<int> _sources;
    private readonly Dictionary<int, string> _dims = new();
    private readonly Dictionary<int, string> _values = new();
    private readonly List<int> _rented = new();
    private readonly Dictionary<int, int> _nextBufferOf = new();

    public InvokeWriter(Plan plan, SourceWriter w, IReadOnlyList<string> sharedFields)
    {
        _plan = plan;
        _w = w;
        _graph = plan.Function.Graph;
        _function = SourceWriter.String(plan.Function.Source.DisplayName);
        _scope = new NameScope(plan.Function.Inputs.Select(i => i.Name.TrimStart('@')).Concat(sharedFields));
        _display = FunctionEmitter.DisplayNames(plan);
        _fields = sharedFields;
        _sources = plan.Function.Sources;
        foreach (var input in plan.Function.Inputs) _values[input.Node] = input.Name;
        for (int s = 0; s < plan.Function.Shared.Count; s++) _values[plan.Function.Shared[s].Node] = sharedFields[s];
    }

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
            _w.Line($"/// <param name=\"{input.Name.TrimStart('@')}\">{SourceWriter.Xml(Signature.Describe(_graph[input.Node]))}.</param>");
        bool many = f.Outputs.Count > 1;
        using (_w.Block($"public {Signature.ReturnType(_graph, f.Outputs, many)} Invoke({Signature.Parameters(_graph, f.Inputs)})"))
        {
            CheckSources();
            ReadScalarSharedVariables();
            AllocateBuffers();
            if (_rented.Count == 0)
            {
                RunAndReturn();
                return;
            }
            using (_w.Block("try")) RunAndReturn();
            using (_w.Block("finally"))
                foreach (var id in _rented)
                    _w.Line($"global::System.Buffers.ArrayPool<{_graph[id].DType.CSharp()}>.Shared.Return({_values[id]});");
        }
    }

    private void RunAndReturn()
    {
        RunKernels();
        var results = Results();
        if (_plan.Function.Updates.Count > 0)
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

    private string SourceName(int source) => SourceWriter.String(_display[_sources[source]]);

    private string Source(int source) => _values[_sources[source]];

    private void CheckSources()
    {
        var f = _plan.Function;
        var shapes = _plan.Shapes;
        foreach (var input in f.Inputs)
        {
            var node = _graph[input.Node];
            if (node.Rank == 0) continue;
            string p = input.Name, name = SourceWriter.String(input.Name.TrimStart('@'));
            _w.Line($"if ({p}.IsNull) global::Tensorgen.Check.ThrowNull({_function}, {name});");
            _w.Line($"if ({p}.Rank != {node.Rank}) global::Tensorgen.Check.ThrowRank({_function}, {name}, {p}.Rank, {node.Rank}, {p}.ShapeText());");
        }
        foreach (var dim in shapes.Dims)
        {
            if (dim.IsStatic)
            {
                _dims[dim.Index] = dim.Static.ToString(CultureInfo.InvariantCulture);
                continue;
            }
            if (dim.Input < 0) continue;
            _dims[dim.Index] = _scope.Take("n" + dim.Index.ToString(CultureInfo.InvariantCulture));
            _w.Line($"nint {_dims[dim.Index]} = {Source(dim.Input)}.Length({dim.Axis});");
        }
        foreach (var check in shapes.Checks)
        {
            var dim = shapes.Dims[check.Dim];
            string p = Source(check.Input);
            if (dim.IsStatic)
            {
                _w.Line($"if ({p}.Length({check.Axis}) != {dim.Static}) global::Tensorgen.Check.ThrowStaticSize({_function}, {SourceName(check.Input)}, {check.Axis}, {dim.Static}, {p}.ShapeText());");
                continue;
            }
            _w.Line($"if ({p}.Length({check.Axis}) != {_dims[dim.Index]}) global::Tensorgen.Check.ThrowMismatch({_function}, " +
                $"{SourceName(check.Input)}, {p}.ShapeText(), {check.Axis}, {p}.Length({check.Axis}), {SourceName(dim.Input)}, {Source(dim.Input)}.ShapeText(), {_dims[dim.Index]});");
        }
    }

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

    private string Size(int node) => Size(_plan.Shapes.NodeDims[node]);

    private string Lengths(int node) => "[" + string.Join(", ", _plan.Shapes.NodeDims[node].Select(Dim)) + "]";

    private IEnumerable<int> OutputNodes => _plan.Function.Outputs.Select(o => o.Node).Distinct();

    /// <summary>
    /// Outputs get new arrays; a value only an update needs is computed straight into the shared
    /// variable's next buffer; anything else kept comes from the array pool.
    /// </summary>
    private void AllocateBuffers()
    {
        var f = _plan.Function;
        var outputs = new HashSet<int>(OutputNodes);
        foreach (var id in OutputNodes.Where(_plan.Materialized.Contains).Where(id => _graph[id].Rank > 0))
        {
            _values[id] = _scope.Take(_display[id]);
            _w.Line($"var {_values[id]} = new {_graph[id].DType.CSharp()}[{Size(id)}];");
        }
        foreach (var update in f.Updates)
        {
            int id = update.Node;
            if (outputs.Contains(id) || _values.ContainsKey(id) || _graph[id].IsLeaf || _graph[id].Rank == 0) continue;
            _nextBufferOf[id] = update.Shared;
            _values[id] = _scope.Take("next" + Pascal(_display[f.Shared[update.Shared].Node]));
            _w.Line($"var {_values[id]} = {_fields[update.Shared]}.NextBuffer({Size(id)});");
        }
        foreach (var id in _plan.Materialized.OrderBy(i => i).Where(i => !_values.ContainsKey(i) && _graph[i].Rank > 0))
        {
            _values[id] = _scope.Take(_display[id]);
            _rented.Add(id);
            string t = _graph[id].DType.CSharp();
            _w.Line($"{t}[] {_values[id]} = global::System.Buffers.ArrayPool<{t}>.Shared.Rent(checked((int)({Size(id)})));");
        }
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private bool IsExactArray(int id) => !_graph[id].IsSource && !_rented.Contains(id);

    /// <summary>A span over a buffer, whole or a slice.</summary>
    private string Span(int id, string? start, string length)
    {
        string v = _values[id];
        if (_graph[id].IsSource) return start is null ? $"{v}.Data" : $"{v}.Data.Slice({Int(start)}, {Int(length)})";
        string t = _graph[id].DType.CSharp();
        if (start is null) return IsExactArray(id) ? v : $"new global::System.Span<{t}>({v}, 0, {Int(length)})";
        return $"new global::System.Span<{t}>({v}, {Int(start)}, {Int(length)})";
    }

    private string Element(int id, string index) =>
        _graph[id].IsSource ? $"{_values[id]}.Data[{Int(index)}]" : $"{_values[id]}[{Int(index)}]";

    private static string Int(string expression) =>
        int.TryParse(expression, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? expression
        : Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(expression) ? $"(int){expression}" : $"(int)({expression})";

    private void RunKernels()
    {
        foreach (var kernel in _plan.Kernels)
        {
            if (kernel.Rank == 0) Inline(kernel);
            else Call(kernel);
        }
    }

    /// <summary>A 0-d kernel is a few scalar statements; its roots become locals.</summary>
    private void Inline(Kernel kernel)
    {
        var local = new Dictionary<int, string>();
        foreach (var id in kernel.Body)
        {
            var node = _graph[id];
            var operandType = _graph[node.Inputs[node.Op == OpCode.Switch ? 1 : 0]].DType;
            var args = node.Inputs.Select(i => _graph[i].IsConstant ? Literals.Of(_graph[i].Value, _graph[i].DType)
                : local.TryGetValue(i, out var l) ? l : _values[i]).ToArray();
            local[id] = kernel.Roots.Contains(id) ? _values[id] = _scope.Take(_display[id]) : _scope.Take("s" + id.ToString(CultureInfo.InvariantCulture));
            _w.Line($"{node.DType.CSharp()} {local[id]} = {ScalarCode.Of(node, operandType, args)};");
        }
    }

    private void Call(Kernel kernel)
    {
        var layout = LoopLayout.Of(_plan, kernel);
        var groups = layout.Groups;
        var sizes = groups.Select(g => Size(g.Select(a => kernel.Dims[a]))).ToList();
        string run = sizes[sizes.Count - 1];
        var indices = new List<string>();
        var scopes = new List<System.IDisposable>();
        for (int g = 0; g < groups.Count - 1; g++)
        {
            string i = _scope.Take("i" + g.ToString(CultureInfo.InvariantCulture));
            indices.Add(i);
            scopes.Add(_w.Block($"for (nint {i} = 0; {i} < {sizes[g]}; {i}++)"));
        }

        // Offset of the current run in a buffer that varies along the groups marked in full.
        string? Offset(bool[] full)
        {
            var terms = new List<string>();
            for (int g = 0; g < groups.Count - 1; g++)
            {
                if (!full[g]) continue;
                var stride = Enumerable.Range(g + 1, groups.Count - g - 1).Where(h => full[h]).Select(h => sizes[h]).Where(s => s != "1").ToList();
                terms.Add(stride.Count == 0 ? indices[g] : $"{indices[g]} * {string.Join(" * ", stride.Select(s => s.Contains("*") ? $"({s})" : s))}");
            }
            return terms.Count == 0 ? null : string.Join(" + ", terms);
        }

        var args = new List<string>();
        foreach (var leaf in kernel.Leaves)
        {
            if (_graph[leaf].Rank == 0)
            {
                args.Add(_values[leaf]);
                continue;
            }
            var full = layout.Full[leaf];
            string? offset = Offset(full);
            bool whole = offset is null && (groups.Count == 1 || Size(leaf) == run);
            args.Add(full[full.Length - 1]
                ? (whole ? Span(leaf, null, run) : Span(leaf, offset ?? "0", run))
                : Element(leaf, offset ?? "0"));
        }
        var all = Enumerable.Repeat(true, groups.Count).ToArray();
        foreach (var root in kernel.Roots)
        {
            string? offset = Offset(all);
            args.Add(groups.Count == 1 ? Span(root, null, run) : Span(root, offset ?? "0", run));
        }
        _w.Line($"{KernelEmitter.MethodName(kernel)}({string.Join(", ", args)});");
        for (int i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();
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
            string data = node.IsSource ? $"{_values[id]}.Data.ToArray()"
                : again ? $"({node.DType.CSharp()}[]){_values[id]}.Clone()" : _values[id];
            results.Add((id, $"global::System.Numerics.Tensors.Tensor.Create({data}, {Lengths(id)})"));
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
                CheckUpdateShape(update, target);
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
        }
    }

    /// <summary>A shared variable with a static size keeps it: an update of another size fails before anything is written.</summary>
    private void CheckUpdateShape(UpdateSpec update, Node target)
    {
        var dims = _plan.Shapes.NodeDims[update.Node];
        for (int d = 0; d < target.Rank; d++)
        {
            int size = target.Shape[d];
            var dim = _plan.Shapes.Dims[dims[d]];
            if (size < 0 || (dim.IsStatic && dim.Static == size)) continue;
            _w.Line($"if ({Dim(dim.Index)} != {size}) global::Tensorgen.Check.ThrowUpdateSize({_function}, {SourceWriter.String(target.Name ?? "?")}, {d}, {size}, {Dim(dim.Index)});");
        }
    }
}
