using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// One round of fusion for a choice of kept values: the kernels (each kept element-wise value and each
/// reduction roots one; its body is what it needs that is not kept), merged greedily, and either the steps
/// or more values to keep before the next round: values two kernels would both compute, and cuts through
/// kernels larger than <see cref="MaxKernelNodes"/>.
/// </summary>
/// <remarks>
/// Linear in the graph: which kernels need a node is found in one pass from the last node to the first
/// (ids are topological), rather than by a walk per kernel; candidates for a merge come from the nodes
/// and inputs a kernel shares, rather than from every pair, and a cycle check searches only between the
/// two steps' levels (<see cref="StepGraph"/>). The greedy merge is the same as trying every later kernel
/// in order: a small graph never meets the bounds below (nor <see cref="StepGraph.MaxLevelGap"/>), which
/// only keep a huge graph from turning fusion quadratic; each bound, when met, means a little less fusion.
/// </remarks>
internal sealed partial class Fusion
{
    /// <summary>The most nodes one kernel computes: bounds the size of each emitted method.</summary>
    public const int MaxKernelNodes = 128;

    /// <summary>A node more kernels than this need is kept, whatever merging would do.</summary>
    private const int MaxKernelsPerNode = 64;

    /// <summary>How many later kernels each shared node or input offers as merge candidates.</summary>
    private const int CandidatesPerNode = 32;

    /// <summary>How many merges one kernel tries.</summary>
    private const int ChecksPerKernel = 256;

    /// <summary>How many steps the cycle checks of one kernel may visit.</summary>
    private const int VisitsPerKernel = 16_384;

    private readonly TensorGraph _graph;
    private readonly ShapeAnalysis _shapes;
    private readonly HashSet<int> _kept;

    // Seeds: the kernels before merging. First the kept element-wise values in id order (they merge),
    // then the reductions (they do not).
    private readonly List<int> _seedNode = new();
    private readonly Dictionary<int, int> _seedOf = new();
    private readonly int _rootCount;

    // Per node: the seeds whose kernel body holds it (the first; the others when there are several).
    private readonly int[] _first;
    private readonly Dictionary<int, List<int>> _more = new();
    private readonly List<int> _crowded = new();

    private readonly List<int>[] _body;
    private readonly HashSet<int>[] _leaves;

    private Fusion(TensorGraph graph, ShapeAnalysis shapes, HashSet<int> kept)
    {
        _graph = graph;
        _shapes = shapes;
        _kept = kept;
        for (int id = 0; id < graph.Count; id++)
            if (kept.Contains(id) && IsFusible(graph[id])) _seedNode.Add(id);
        _rootCount = _seedNode.Count;
        for (int id = 0; id < graph.Count; id++)
            if (kept.Contains(id) && OpInfo.StepOf(graph[id].Op) == StepKind.Reduction) _seedNode.Add(id);
        for (int s = 0; s < _seedNode.Count; s++) _seedOf[_seedNode[s]] = s;
        _first = Enumerable.Repeat(-1, graph.Count).ToArray();
        _body = new List<int>[_seedNode.Count];
        _leaves = new HashSet<int>[_seedNode.Count];
        for (int s = 0; s < _seedNode.Count; s++)
        {
            _body[s] = new List<int>();
            _leaves[s] = new HashSet<int>();
        }
    }

    public static bool IsFusible(Node node) => !node.IsLeaf && OpInfo.IsElementwise(node.Op);

    /// <summary>
    /// The steps for <paramref name="kept"/>, or (when <c>Keep</c> is not empty) the values to keep as
    /// well before trying again.
    /// </summary>
    /// <param name="keepAllShared">Keep every shared value rather than the frontier of the shared work.</param>
    public static (List<int> Keep, List<Step> Steps) Round(TensorGraph graph, ShapeAnalysis shapes, HashSet<int> kept, bool keepAllShared)
    {
        var fusion = new Fusion(graph, shapes, kept);
        fusion.Label();
        if (fusion._crowded.Count > 0) return (fusion._crowded, new List<Step>());
        var others = fusion.OtherSteps();
        var group = fusion.Merge(others);
        var shared = fusion.Shared(group, keepAllShared);
        if (shared.Count > 0) return (shared, new List<Step>());
        var cuts = fusion.Cuts(group);
        if (cuts.Count > 0) return (cuts, new List<Step>());
        return (new List<int>(), fusion.Kernels(group).Concat(others).ToList());
    }

    /// <summary>Which seeds need each node, from the last node to the first, and what each seed reads.</summary>
    private void Label()
    {
        var crowded = new bool[_graph.Count];
        for (int id = _graph.Count - 1; id >= 0; id--)
        {
            var node = _graph[id];
            if (_seedOf.TryGetValue(id, out int seed))
            {
                if (OpInfo.StepOf(node.Op) == StepKind.Reduction)
                {
                    // A reduction computes its operand on the fly when that is fusible work nobody keeps.
                    int input = node.Inputs[0];
                    if (IsFusible(_graph[input]) && !_kept.Contains(input)) AddSeed(input, seed, crowded);
                    else _leaves[seed].Add(input);
                    continue;
                }
                _first[id] = seed;
            }
            if (_first[id] < 0 || !IsFusible(node)) continue;
            // second(a, b) reads only b: a gives the shape.
            for (int k = 0; k < node.Inputs.Count; k++)
            {
                if (!OpInfo.ReadsValue(node, k)) continue;
                int input = node.Inputs[k];
                var n = _graph[input];
                if (n.IsConstant) continue;
                bool leaf = n.IsSource || _kept.Contains(input) || !IsFusible(n);
                if (crowded[id])
                {
                    if (!leaf) crowded[input] = true;
                    continue;
                }
                if (leaf) _leaves[_first[id]].Add(input);
                else AddSeed(input, _first[id], crowded);
                if (!_more.TryGetValue(id, out var more)) continue;
                foreach (int s in more)
                {
                    if (leaf) _leaves[s].Add(input);
                    else AddSeed(input, s, crowded);
                }
            }
        }
        for (int id = 0; id < _graph.Count; id++)
        {
            if (crowded[id]) _crowded.Add(id);
            else if (_first[id] >= 0)
                foreach (int s in Seeds(id)) _body[s].Add(id);
        }
    }

    private void AddSeed(int node, int seed, bool[] crowded)
    {
        if (_first[node] < 0)
        {
            _first[node] = seed;
            return;
        }
        if (_first[node] == seed || crowded[node]) return;
        if (!_more.TryGetValue(node, out var more)) _more[node] = more = new List<int>();
        if (more.Contains(seed)) return;
        if (more.Count + 2 > MaxKernelsPerNode) crowded[node] = true;
        else more.Add(seed);
    }

    private IEnumerable<int> Seeds(int node)
    {
        yield return _first[node];
        if (_more.TryGetValue(node, out var more))
            foreach (int s in more) yield return s;
    }
}
