using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Writes a function's <c>Invoke</c>: check every input (null, rank, sizes) before touching anything,
/// bind the run-time sizes, allocate the outputs (and rent temporaries), run the kernels in schedule
/// order, and wrap the outputs. Checks come first so a bad call changes nothing.
/// </summary>
internal sealed class InvokeWriter
{
    private readonly Plan _plan;
    private readonly SourceWriter _w;
    private readonly TensorGraph _graph;
    private readonly string _function;
    private readonly NameScope _scope;
    private readonly Dictionary<int, string> _display;
    private readonly Dictionary<int, string> _dims = new();
    private readonly Dictionary<int, string> _values = new();
    private readonly List<int> _rented = new();

    public InvokeWriter(Plan plan, SourceWriter w)
    {
        _plan = plan;
        _w = w;
        _graph = plan.Function.Graph;
        _function = SourceWriter.String(plan.Function.Source.DisplayName);
        _scope = new NameScope(plan.Function.Inputs.Select(i => i.Name.TrimStart('@')));
        _display = FunctionEmitter.DisplayNames(plan);
        foreach (var input in plan.Function.Inputs) _values[input.Node] = input.Name;
    }

    private IReadOnlyList<InputSpec> Inputs => _plan.Function.Inputs.AsImmutableArray();

    /// <param name="graph">The optimized graph, printed into the method's remarks.</param>
    public void Write(IReadOnlyList<string> graph)
    {
        var f = _plan.Function;
        _w.Line("/// <summary>Runs the function.</summary>");
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
            CheckInputs();
            AllocateOutputs();
            RentTemporaries();
            if (_rented.Count == 0)
            {
                RunKernels();
                Return();
                return;
            }
            using (_w.Block("try"))
            {
                RunKernels();
                Return();
            }
            using (_w.Block("finally"))
                foreach (var id in _rented)
                    _w.Line($"global::System.Buffers.ArrayPool<{_graph[id].DType.CSharp()}>.Shared.Return({_values[id]});");
        }
    }

    private string Name(int input) => SourceWriter.String(Inputs[input].Name.TrimStart('@'));

    private void CheckInputs()
    {
        var shapes = _plan.Shapes;
        for (int i = 0; i < Inputs.Count; i++)
        {
            var node = _graph[Inputs[i].Node];
            if (node.Rank == 0) continue;
            string p = Inputs[i].Name;
            _w.Line($"if ({p}.IsNull) global::Tensorgen.Check.ThrowNull({_function}, {Name(i)});");
            _w.Line($"if ({p}.Rank != {node.Rank}) global::Tensorgen.Check.ThrowRank({_function}, {Name(i)}, {p}.Rank, {node.Rank}, {p}.ShapeText());");
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
            _w.Line($"nint {_dims[dim.Index]} = {Inputs[dim.Input].Name}.Length({dim.Axis});");
        }
        foreach (var check in shapes.Checks)
        {
            var dim = shapes.Dims[check.Dim];
            string p = Inputs[check.Input].Name;
            if (dim.IsStatic)
            {
                _w.Line($"if ({p}.Length({check.Axis}) != {dim.Static}) global::Tensorgen.Check.ThrowStaticSize({_function}, {Name(check.Input)}, {check.Axis}, {dim.Static}, {p}.ShapeText());");
                continue;
            }
            string other = Inputs[dim.Input].Name;
            _w.Line($"if ({p}.Length({check.Axis}) != {_dims[dim.Index]}) global::Tensorgen.Check.ThrowMismatch({_function}, " +
                $"{Name(check.Input)}, {p}.ShapeText(), {check.Axis}, {p}.Length({check.Axis}), {Name(dim.Input)}, {other}.ShapeText(), {_dims[dim.Index]});");
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

    private void AllocateOutputs()
    {
        foreach (var id in OutputNodes.Where(_plan.Materialized.Contains).Where(id => _graph[id].Rank > 0))
        {
            _values[id] = _scope.Take(_display[id]);
            _w.Line($"var {_values[id]} = new {_graph[id].DType.CSharp()}[{Size(id)}];");
        }
    }

    private void RentTemporaries()
    {
        var outputs = new HashSet<int>(OutputNodes);
        foreach (var id in _plan.Materialized.OrderBy(i => i).Where(i => !outputs.Contains(i) && _graph[i].Rank > 0))
        {
            _values[id] = _scope.Take(_display[id]);
            _rented.Add(id);
            string t = _graph[id].DType.CSharp();
            _w.Line($"{t}[] {_values[id]} = global::System.Buffers.ArrayPool<{t}>.Shared.Rent(checked((int)({Size(id)})));");
        }
    }

    private bool IsExactArray(int id) => !_graph[id].IsInput && !_rented.Contains(id);

    /// <summary>A span over a buffer, whole or a slice.</summary>
    private string Span(int id, string? start, string length)
    {
        string v = _values[id];
        if (_graph[id].IsInput) return start is null ? $"{v}.Data" : $"{v}.Data.Slice({Int(start)}, {Int(length)})";
        string t = _graph[id].DType.CSharp();
        if (start is null) return IsExactArray(id) ? v : $"new global::System.Span<{t}>({v}, 0, {Int(length)})";
        return $"new global::System.Span<{t}>({v}, {Int(start)}, {Int(length)})";
    }

    private string Element(int id, string index) =>
        _graph[id].IsInput ? $"{_values[id]}.Data[{Int(index)}]" : $"{_values[id]}[{Int(index)}]";

    private static string Int(string expression) =>
        int.TryParse(expression, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? expression
        : Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(expression) ? $"(int){expression}" : $"(int)({expression})";

    private void RunKernels()
    {
        var kernelNames = FunctionEmitter.KernelNames(_plan);
        foreach (var kernel in _plan.Kernels)
        {
            if (kernel.Rank == 0) Inline(kernel);
            else Call(kernel, kernelNames[kernel.Index].Names);
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

    private void Call(Kernel kernel, Dictionary<int, string> parameterNames)
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

    private void Return()
    {
        var f = _plan.Function;
        var returned = new HashSet<int>();
        var results = new List<string>();
        foreach (var output in f.Outputs)
        {
            int id = output.Node;
            var node = _graph[id];
            bool again = !returned.Add(id);
            if (node.IsConstant)
            {
                results.Add(Literals.Of(node.Value, node.DType));
                continue;
            }
            if (node.Rank == 0)
            {
                results.Add(_values[id]);
                continue;
            }
            string data = node.IsInput ? $"{_values[id]}.Data.ToArray()"
                : again ? $"({node.DType.CSharp()}[]){_values[id]}.Clone()" : _values[id];
            results.Add($"global::System.Numerics.Tensors.Tensor.Create({data}, {Lengths(id)})");
        }
        if (results.Count == 1) _w.Line($"return {results[0]};");
        else if (results.Count > 1) _w.Line($"return ({string.Join(", ", results)});");
    }
}
