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
    /// between it and the head, or a head that needs a value computed from the forward product by another step,
    /// leaves the three apart.
    /// </summary>
    public static List<Sweep> Find(TensorGraph graph, ShapeAnalysis shapes, List<Step> steps)
    {
        var sweeps = new List<Sweep>();
        var taken = new HashSet<Step>();
        foreach (var head in steps.OfType<Kernel>().ToList())
        {
            if (head.IsReduction || head.Rank != 1 || taken.Contains(head)) continue;
            var sweep = Match(graph, shapes, steps, head, taken);
            if (sweep is null || !Movable(steps, sweep)) continue;
            steps.Remove(sweep.Forward);
            steps.Insert(steps.IndexOf(head), sweep.Forward);
            steps.Remove(sweep.Backward);
            steps.Insert(steps.IndexOf(head) + 1, sweep.Backward);
            taken.UnionWith(sweep.Steps);
            sweeps.Add(sweep);
        }
        for (int i = 0; i < steps.Count; i++) steps[i].Index = i;
        return sweeps;
    }

    private static Sweep? Match(TensorGraph graph, ShapeAnalysis shapes, List<Step> steps, Kernel head, HashSet<Step> taken)
    {
        int rows = head.Dims[0];
        // Every tensor the head reads or writes runs along the rows, element for element.
        foreach (var id in head.Leaves.Concat(head.Roots))
            if (graph[id].Rank > 1 || (graph[id].Rank == 1 && shapes.NodeDims[id][0] != rows)) return null;
        foreach (var forward in steps.OfType<DotStep>())
        {
            if (taken.Contains(forward) || !head.Leaves.Contains(forward.Node) || Product(graph, forward.Node) is not (false, int a, int v)) continue;
            if (shapes.NodeDims[a][0] != rows || !graph[forward.Node].DType.IsFloat()) continue;
            foreach (var backward in steps.OfType<DotStep>())
                if (!taken.Contains(backward) && Product(graph, backward.Node) is (true, int b, int g) && b == a && head.Roots.Contains(g))
                    return new Sweep(forward, head, backward, a, v, g);
        }
        return null;
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
    /// Whether the three steps can run back to back: no step between the forward product and the head reads what
    /// the forward product writes, and none between the head and the backward product writes what it reads.
    /// </summary>
    private static bool Movable(List<Step> steps, Sweep sweep)
    {
        int f = steps.IndexOf(sweep.Forward), h = steps.IndexOf(sweep.Head), b = steps.IndexOf(sweep.Backward);
        if (f > h || b < h) return false;
        for (int i = f + 1; i < h; i++)
            if (steps[i].Reads.Contains(sweep.Forward.Node)) return false;
        var backwardReads = new HashSet<int>(sweep.Backward.Reads);
        for (int i = h + 1; i < b; i++)
            if (steps[i].Writes.Any(backwardReads.Contains)) return false;
        return true;
    }
}
