using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// A matrix read twice, once by a product with a vector (<c>z = A·v</c>) and once by a transposed one
/// (<c>y = Aᵀ·g</c>), with an element-wise kernel between that turns each row's <c>z</c> into its <c>g</c>: a
/// training step's forward pass, per-example loss gradient and backward pass. The three steps run together,
/// one block of rows at a time, so the block the first product brought into cache is still there when the
/// second reads it: one pass over A from memory instead of two. Blocks hold a multiple of four rows and of the
/// kernel's vector length, so every value is the one the three steps would give one after the other, bit for bit.
/// </summary>
internal sealed class Sweep(DotStep forward, Kernel head, DotStep backward, int matrix, int vector, int gradient)
{
    /// <summary><c>z = A·v</c>.</summary>
    public DotStep Forward { get; } = forward;

    /// <summary>The element-wise kernel over the rows that reads <c>z</c> and writes <c>g</c> (and whatever else it writes).</summary>
    public Kernel Head { get; } = head;

    /// <summary><c>y = Aᵀ·g</c>.</summary>
    public DotStep Backward { get; } = backward;

    /// <summary>The matrix both products read (the same node).</summary>
    public int Matrix { get; } = matrix;

    /// <summary>The vector <c>v</c> the forward product multiplies.</summary>
    public int Vector { get; } = vector;

    /// <summary>The vector <c>g</c> the backward product multiplies: a root of the head.</summary>
    public int Gradient { get; } = gradient;

    public IEnumerable<Step> Steps => [Forward, Head, Backward];

    /// <summary>
    /// Finds sweeps in ordered steps and moves each one's three steps together (the forward product down to the
    /// head, the backward product up to it), then numbers the steps again. A step that reads the forward product
    /// between it and the head, or writes what the backward product reads between the head and it, leaves the three
    /// apart, and so does a distance of more than <see cref="MaxDistance"/> steps. Linear in the steps: products are
    /// found through dictionaries, each sweep scans at most <see cref="MaxDistance"/> steps, the new order is built in
    /// one pass and checked (every read after its write); should the check fail, the order is left as it was.
    /// </summary>
    public static List<Sweep> Find(TensorGraph graph, ShapeAnalysis shapes, List<Step> steps)
    {
        var forwards = new Dictionary<int, (DotStep Step, int Matrix, int Vector)>();
        var backwards = new Dictionary<(int Matrix, int Vector), DotStep>();
        foreach (var dot in steps.OfType<DotStep>())
        {
            if (Product(graph, dot.Node) is not (bool transposed, int matrix, int vector) || !graph[dot.Node].DType.IsFloat()) continue;
            if (!transposed) forwards[dot.Node] = (dot, matrix, vector);
            else if (!backwards.ContainsKey((matrix, vector))) backwards[(matrix, vector)] = dot;
        }
        var sweeps = new List<Sweep>();
        if (forwards.Count == 0 || backwards.Count == 0) return sweeps;
        var position = new Dictionary<Step, int>();
        for (int i = 0; i < steps.Count; i++) position[steps[i]] = i;
        var taken = new HashSet<Step>();
        foreach (var head in steps.OfType<Kernel>())
        {
            if (head.IsReduction || head.Rank != 1) continue;
            var sweep = Match(graph, shapes, head, forwards, backwards, taken);
            if (sweep is null || !Movable(steps, position, sweep)) continue;
            taken.UnionWith(sweep.Steps);
            sweeps.Add(sweep);
        }
        if (sweeps.Count == 0) return sweeps;

        var reordered = new List<Step>(steps.Count);
        var byHead = sweeps.ToDictionary(s => (Step)s.Head);
        foreach (var step in steps)
        {
            if (byHead.TryGetValue(step, out var sweep)) reordered.AddRange(sweep.Steps);
            else if (!taken.Contains(step)) reordered.Add(step);
        }
        if (!ReadsFollowWrites(reordered)) return new List<Sweep>();
        steps.Clear();
        steps.AddRange(reordered);
        for (int i = 0; i < steps.Count; i++) steps[i].Index = i;
        return sweeps;
    }

    /// <summary>The most steps between a sweep's first and last step: the scan that checks a sweep stays bounded.</summary>
    public const int MaxDistance = 64;

    private static Sweep? Match(TensorGraph graph, ShapeAnalysis shapes, Kernel head,
        Dictionary<int, (DotStep Step, int Matrix, int Vector)> forwards, Dictionary<(int, int), DotStep> backwards, HashSet<Step> taken)
    {
        int rows = head.Dims[0];
        // Every tensor the head reads or writes runs along the rows, element for element.
        foreach (var id in head.Leaves.Concat(head.Roots))
            if (graph[id].Rank > 1 || (graph[id].Rank == 1 && shapes.NodeDims[id][0] != rows)) return null;
        foreach (var leaf in head.Leaves)
        {
            if (!forwards.TryGetValue(leaf, out var forward) || taken.Contains(forward.Step) || shapes.NodeDims[forward.Matrix][0] != rows) continue;
            foreach (var root in head.Roots)
                if (backwards.TryGetValue((forward.Matrix, root), out var backward) && !taken.Contains(backward))
                    return new Sweep(forward.Step, head, backward, forward.Matrix, forward.Vector, root);
        }
        return null;
    }

    /// <summary>Whether every step reads only values written by earlier steps (or by none: inputs, shared variables).</summary>
    private static bool ReadsFollowWrites(List<Step> steps)
    {
        var writer = new Dictionary<int, int>();
        for (int i = 0; i < steps.Count; i++)
            foreach (var w in steps[i].Writes) writer[w] = i;
        for (int i = 0; i < steps.Count; i++)
            foreach (var r in steps[i].Reads)
                if (writer.TryGetValue(r, out int at) && at > i) return false;
        return true;
    }

    /// <summary>A matrix-vector product as (transposed, matrix, vector): <c>A·v</c> or <c>v·Aᵀ</c> is not transposed, <c>Aᵀ·v</c> or <c>v·A</c> is.</summary>
    private static (bool Transposed, int Matrix, int Vector)? Product(TensorGraph graph, int id)
    {
        var node = graph[id];
        if (node.Op != OpCode.Dot || node.Rank != 1) return null;
        var p = node.Parameters<DotParams>();
        int a = node.Inputs[0], b = node.Inputs[1];
        if (graph[a].Rank == 2 && graph[b].Rank == 1) return (p.TransposeA, a, b);
        if (graph[a].Rank == 1 && graph[b].Rank == 2) return (!p.TransposeB, b, a);
        return null;
    }

    /// <summary>
    /// Whether the three steps can run back to back: no more than <see cref="MaxDistance"/> apart, no step between the
    /// forward product and the head reads what the forward product writes, and none between the head and the backward
    /// product writes what it reads.
    /// </summary>
    private static bool Movable(List<Step> steps, Dictionary<Step, int> position, Sweep sweep)
    {
        int f = position[sweep.Forward], h = position[sweep.Head], b = position[sweep.Backward];
        if (f > h || b < h || b - f > MaxDistance) return false;
        for (int i = f + 1; i < h; i++)
            if (steps[i].Reads.Contains(sweep.Forward.Node)) return false;
        var backwardReads = new HashSet<int>(sweep.Backward.Reads);
        for (int i = h + 1; i < b; i++)
            if (steps[i].Writes.Any(backwardReads.Contains)) return false;
        return true;
    }
}
