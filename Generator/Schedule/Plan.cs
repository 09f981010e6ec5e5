using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Schedule;

/// <summary>How a function runs: its sizes, the values kept in buffers, and the steps in order.</summary>
internal sealed class Plan
{
    public Plan(OptimizedFunction function, ShapeAnalysis shapes, HashSet<int> materialized, List<Step> steps, List<Sweep> sweeps)
    {
        Function = function;
        Shapes = shapes;
        Materialized = materialized;
        Steps = steps;
        Sweeps = sweeps;
        foreach (var sweep in sweeps)
            foreach (var step in sweep.Steps) _sweepOf[step] = sweep;
    }

    private readonly Dictionary<Step, Sweep> _sweepOf = new();

    public OptimizedFunction Function { get; }

    public ShapeAnalysis Shapes { get; }

    /// <summary>Nodes whose values live in a buffer (or a local, for scalars) rather than a register.</summary>
    public HashSet<int> Materialized { get; }

    public List<Step> Steps { get; }

    /// <summary>Steps that run together, one block of rows at a time (each sweep's steps are consecutive in <see cref="Steps"/>).</summary>
    public List<Sweep> Sweeps { get; }

    /// <summary>The sweep a step runs in, or null.</summary>
    public Sweep? SweepOf(Step step) => _sweepOf.TryGetValue(step, out var sweep) ? sweep : null;

    /// <summary>
    /// The step positions a step's reads and writes take place at: its own, or for a step in a sweep the sweep's
    /// first (writes) to last (reads), since every block reads and writes.
    /// </summary>
    public (int FirstWrite, int LastRead) Extent(Step step) =>
        SweepOf(step) is { } sweep ? (sweep.Forward.Index, sweep.Backward.Index) : (step.Index, step.Index);

    public IEnumerable<Kernel> Kernels => Steps.OfType<Kernel>();

    /// <summary>The value a node's data lives in: itself, or for a view (an order-keeping DimShuffle) the value it views.</summary>
    public int Storage(int node) => Base(Function.Graph, node);

    public static int Base(TensorGraph graph, int node)
    {
        while (OpInfo.IsView(graph[node]) && !IsFilled(graph, graph[node])) node = graph[node].Inputs[0];
        return node;
    }

    /// <summary>
    /// What a step reading <paramref name="node"/>'s data waits for: the value it lives in, and the index values of
    /// the views between (a view at an offset, <c>x[i]</c>, computes its offset from them).
    /// </summary>
    public static IEnumerable<int> Reads(TensorGraph graph, int node)
    {
        while (OpInfo.IsView(graph[node]) && !IsFilled(graph, graph[node]))
        {
            var view = graph[node];
            for (int k = 1; k < view.Inputs.Count; k++)
                if (!graph[view.Inputs[k]].IsConstant) yield return Base(graph, view.Inputs[k]);
            node = view.Inputs[0];
        }
        yield return node;
    }

    /// <summary>
    /// Whether a view gives a constant size-1 dimensions (a static (1,) gradient of a mean): constants
    /// are literals with no buffer to view, so such a value is kept and its buffer filled with the constant.
    /// </summary>
    public static bool IsFilled(TensorGraph graph, Node view) => graph[view.Inputs[0]].IsConstant;
}
