using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

// The checks of Invoke: everything that can make a call fail is tested before any output buffer is
// written (and, but for random parameters computed from tensors, before any buffer is taken), so a
// call that throws leaves shared variables, generators and borrowed outputs exactly as they were.
// Messages name the function, the inputs (a shared variable by the name it was given) and the shapes.
internal sealed partial class InvokeWriter
{
    private readonly HashSet<int> _checkedDraws = new();
    private HashSet<int> _unborrowed = new();

    /// <summary>Null and rank of each tensor argument: these need no state.</summary>
    private void CheckArguments()
    {
        foreach (var input in _plan.Function.Inputs)
        {
            var node = _graph[input.Node];
            if (node.Rank == 0) continue;
            string p = NameScope.Escape(input.Name), name = SourceWriter.String(input.Name);
            _w.Line($"if ({p}.IsNull) global::Tensorgen.Check.ThrowNull({_function}, {name});");
            _w.Line($"if ({p}.IsTooLarge) global::Tensorgen.Check.ThrowTooLarge({_function}, {name}, {p}.ShapeText());");
            _w.Line($"if ({p}.Rank != {node.Rank}) global::Tensorgen.Check.ThrowRank({_function}, {name}, {p}.Rank, {node.Rank}, {p}.ShapeText());");
        }
    }

    /// <summary>Binds every run-time size, and checks the sources (inputs, shared variables, sizes given by values) agree on them.</summary>
    private void CheckSizes()
    {
        var shapes = _plan.Shapes;
        foreach (var dim in shapes.Dims)
        {
            if (dim.IsStatic)
            {
                _dims[dim.Index] = dim.Static.ToString(CultureInfo.InvariantCulture);
                continue;
            }
            if (dim.Input < 0 && dim.Value < 0) continue;
            _dims[dim.Index] = _scope.Take("n" + dim.Index.ToString(CultureInfo.InvariantCulture));
            _w.Line(dim.Input >= 0
                ? $"nint {_dims[dim.Index]} = {Source(dim.Input)}.Length({dim.Axis});"
                : $"nint {_dims[dim.Index]} = global::Tensorgen.Check.Size({_function}, {NameOf(dim.Value)}, {ScalarSource(dim.Value)});");
        }
        foreach (var check in shapes.Checks)
        {
            var dim = shapes.Dims[check.Dim];
            if (check.Value >= 0)
            {
                _w.Line($"if ({ScalarSource(check.Value)} != {Dim(dim.Index)}) global::Tensorgen.Check.ThrowSize({_function}, {NameOf(check.Value)}, {ScalarSource(check.Value)}, {Dim(dim.Index)});");
                continue;
            }
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

    /// <summary>A shared variable with a static size keeps it: an update of another size fails here, before any work.</summary>
    private void CheckUpdateSizes()
    {
        var f = _plan.Function;
        foreach (var update in f.Updates)
        {
            var target = _graph[f.Shared[update.Shared].Node];
            var dims = _plan.Shapes.NodeDims[update.Node];
            for (int d = 0; d < target.Rank; d++)
            {
                int size = target.Shape[d];
                var dim = _plan.Shapes.Dims[dims[d]];
                if (size < 0 || (dim.IsStatic && dim.Static == size)) continue;
                _w.Line($"if (UpdatesEnabled && {Dim(dim.Index)} != {size}) global::Tensorgen.Check.ThrowUpdateSize({_function}, {NameOf(f.Shared[update.Shared].Node)}, {d}, {size}, {Dim(dim.Index)});");
            }
        }
    }

    /// <summary>
    /// No value may have more elements than an array holds (zero sizes aside). A source with at most one
    /// run-time size is bounded by its own data, and so is any value whose sizes are some of one source's;
    /// every other shape is checked once: sources with several run-time sizes, and values whose sizes
    /// come from several sources or from sizes given by values (an outer product, a random variable's size).
    /// </summary>
    private void CheckElementCounts()
    {
        var shapes = _plan.Shapes;
        var bounds = new List<List<string>>();
        foreach (var source in _sources)
        {
            var keys = Keys(source);
            if (shapes.NodeDims[source].Count(d => !shapes.Dims[d].IsStatic) > 1) CheckElementCount(source);
            bounds.Add(keys);
        }
        for (int id = 0; id < _graph.Count; id++)
        {
            var node = _graph[id];
            if (node.IsLeaf || node.Rank == 0 || shapes.NodeDims[id].All(d => shapes.Dims[d].IsStatic)) continue;
            var keys = Keys(id);
            if (bounds.Any(b => Within(keys, b))) continue;
            CheckElementCount(id);
            bounds.Add(keys);
        }
    }

    /// <summary>A node's sizes as a multiset: run-time sizes by index, static ones by value (1 and 0 do not count).</summary>
    private List<string> Keys(int node) => _plan.Shapes.NodeDims[node]
        .Select(d => _plan.Shapes.Dims[d])
        .Where(d => !(d.IsStatic && d.Static <= 1))
        .Select(d => d.IsStatic ? "s" + d.Static.ToString(CultureInfo.InvariantCulture) : "d" + d.Index.ToString(CultureInfo.InvariantCulture))
        .ToList();

    private static bool Within(List<string> keys, List<string> bound)
    {
        var left = bound.ToList();
        foreach (var key in keys)
            if (!left.Remove(key)) return false;
        return true;
    }

    private void CheckElementCount(int node)
    {
        var dims = _plan.Shapes.NodeDims[node];
        var origins = new List<(string Name, string Text)>();
        foreach (var d in dims.Distinct())
        {
            var dim = _plan.Shapes.Dims[d];
            if (dim.Input >= 0)
            {
                string name = SourceName(dim.Input);
                if (origins.All(o => o.Name != name)) origins.Add((name, $"{Quoted("", name, " with shape ")} + {Source(dim.Input)}.ShapeText()"));
            }
            else if (dim.Value >= 0)
            {
                string name = NameOf(dim.Value);
                origins.Add((name, $"{Quoted("size ", name, " = ")} + {Dim(d)}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"));
            }
        }
        if (origins.Count == 0) return;
        string sources = string.Join(" + \" and \" + ", origins.Select(o => o.Text));
        _w.Line($"if (global::Tensorgen.Check.TooLarge({string.Join(", ", dims.Select(Dim))})) " +
            $"global::Tensorgen.Check.ThrowTooLarge({_function}, {Lengths(node)}, {origins[0].Name}, {sources});");
    }

    /// <summary>
    /// A max or min over an empty axis has no identity: as NumPy, it is an error whenever a reduced axis
    /// has size 0, even if the result is empty too. Checked on the reduced value's sizes, so a reduction
    /// fused with the element-wise work feeding it is checked the same way. Only a reduction whose values are
    /// read: one needed only for its shape (the gradient of a sum with respect to a max is ones of its shape)
    /// is not computed in PyTensor, whose shape inference reads its input's shape, so it raises nothing there.
    /// </summary>
    private void CheckEmptyReductions()
    {
        var checkedDims = new HashSet<int>();
        var read = ValuesRead();
        for (int id = 0; id < _graph.Count; id++)
        {
            var node = _graph[id];
            if (node.Op is not (OpCode.Max or OpCode.Min) || !read[id]) continue;
            int operand = node.Inputs[0];
            var dims = _plan.Shapes.NodeDims[operand];
            foreach (int axis in GraphBuilder.ReduceAxes(node).Axes.OrderBy(a => a))
            {
                var dim = _plan.Shapes.Dims[dims[axis]];
                if ((dim.IsStatic && dim.Static != 0) || !checkedDims.Add(dim.Index)) continue;
                string what = _graph[operand].IsSource ? Quoted("", NameOf(operand), "") : "\"a computed value\"";
                var (input, shape) = dim.Input >= 0 ? (SourceName(dim.Input), $"{Source(dim.Input)}.ShapeText()")
                    : dim.Value >= 0 ? (NameOf(dim.Value), "null")
                    : ("\"\"", "null");
                string maximum = node.Op == OpCode.Max ? "true" : "false";
                string condition = dim.IsStatic ? "" : $"if ({Dim(dim.Index)} == 0) ";
                _w.Line($"{condition}global::Tensorgen.Check.ThrowEmptyReduction({_function}, {maximum}, {axis}, {what}, {Lengths(operand)}, {input}, {shape});");
            }
        }
    }

    /// <summary>The nodes whose values the outputs, updates and draws read, not only their shapes (a second's first operand, a size's operand).</summary>
    private bool[] ValuesRead()
    {
        var f = _plan.Function;
        var read = new bool[_graph.Count];
        foreach (var id in f.Outputs.Select(o => o.Node).Concat(f.Updates.Select(u => u.Node)).Concat(f.Randoms.Select(r => r.Node))) read[id] = true;
        // Ids are topological: every reader of a node comes after it.
        for (int id = _graph.Count - 1; id >= 0; id--)
        {
            if (!read[id]) continue;
            var node = _graph[id];
            for (int k = 0; k < node.Inputs.Count; k++)
                if (node.Op != OpCode.DimSize && !(node.Op == OpCode.Second && k == 0)) read[node.Inputs[k]] = true;
        }
        return read;
    }

    /// <summary>
    /// The steps a random variable's parameters need, which run before the other steps so that every
    /// parameter is checked before an output is written. <see cref="Prelude.Early"/>: scalar arithmetic and
    /// sizes, run before any buffer is taken; <see cref="Prelude.Late"/>: the rest (reductions, products,
    /// draws feeding other draws), run first once buffers are taken. An output the late part writes is
    /// not borrowed.
    /// </summary>
    private sealed class Prelude
    {
        public List<Step> Early { get; } = new();

        public List<Step> Late { get; } = new();

        public bool Contains(Step step) => Early.Contains(step) || Late.Contains(step);
    }

    private Prelude MakePrelude()
    {
        var writer = new Dictionary<int, Step>();
        foreach (var step in _plan.Steps)
            foreach (var node in step.Writes) writer[node] = step;
        var needed = new HashSet<Step>();
        void Need(int node)
        {
            if (!writer.TryGetValue(_plan.Storage(node), out var step) || !needed.Add(step)) return;
            foreach (var read in step.Reads) Need(read);
        }
        foreach (var draw in _plan.Steps.OfType<DrawStep>())
            foreach (var parameter in DrawParameters(draw.Node)) Need(parameter);

        var prelude = new Prelude();
        foreach (var step in _plan.Steps.Where(needed.Contains))
        {
            bool scalar = step is SizeStep || step is Kernel { Rank: 0, IsReduction: false };
            bool ready = step.Reads.All(r => !writer.TryGetValue(r, out var w) || w == step || prelude.Early.Contains(w));
            (scalar && ready ? prelude.Early : prelude.Late).Add(step);
        }
        var outputs = _outputFields;
        _unborrowed = new HashSet<int>(prelude.Late.SelectMany(s => s.Writes).Where(outputs.ContainsKey));
        return prelude;
    }

    /// <summary>NumPy's rules for a draw's parameters, once per draw, before the draw and before any output is written.</summary>
    private void CheckDraw(int id)
    {
        if (!_checkedDraws.Add(id)) return;
        var random = _plan.Function.Randoms.First(r => r.Node == id);
        var (method, args) = DrawCall(id);
        _w.Line($"global::Tensorgen.DrawCheck.{method}({_function}, {SourceWriter.String(random.Name)}, {string.Join(", ", args)});");
    }

    /// <summary>A source's name as a C# expression: an input's, or the name a shared variable was given (else its member's).</summary>
    private string SourceName(int source) => NameOf(_sources[source]);

    private string NameOf(int node)
    {
        var f = _plan.Function;
        if (!_graph[node].IsShared) return SourceWriter.String(_display[node]);
        int s = Enumerable.Range(0, f.Shared.Count).First(i => f.Shared[i].Node == node);
        return $"global::Tensorgen.Check.Name({_fields[s]}, {SourceWriter.String(f.Source.Shared[s].Member.Name)})";
    }

    /// <summary>C# for the text <c>{prefix}'{name}'{suffix}</c>, where <paramref name="name"/> is a C# string expression: one literal when it is one.</summary>
    private static string Quoted(string prefix, string name, string suffix) => name.StartsWith("\"", System.StringComparison.Ordinal)
        ? SourceWriter.String(prefix + "'" + name.Substring(1, name.Length - 2) + "'" + suffix)
        : $"{SourceWriter.String(prefix + "'")} + {name} + {SourceWriter.String("'" + suffix)}";

    private string Source(int source) => _values[_sources[source]];

    /// <summary>The value of a 0-d input or shared variable, before the shared ones are read into locals.</summary>
    private string ScalarSource(int node) => _graph[node].IsShared ? $"{_values[node]}.Data[0]" : _values[node];
}
