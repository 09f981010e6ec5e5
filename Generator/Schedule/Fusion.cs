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
internal sealed class Fusion
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

    /// <summary>Products, copies, sizes and draws, in id order.</summary>
    private List<Step> OtherSteps()
    {
        var steps = new List<Step>();
        foreach (var id in _kept.OrderBy(i => i))
        {
            var node = _graph[id];
            Step? step = OpInfo.StepOf(node.Op) switch
            {
                StepKind.Product => new DotStep(id),
                StepKind.Copy => new CopyStep(id),
                StepKind.Size => new SizeStep(id),
                StepKind.Draw => new DrawStep(id),
                StepKind.Fused or StepKind.Reduction => null, // kernels
                var kind => throw new System.InvalidOperationException($"{node.Op} is kept but its step is {kind}"),
            };
            if (step is null) continue;
            if (OpInfo.Structural(node.Op).ReadsBuffers) step.Reads.AddRange(node.Inputs.Select(i => Plan.Base(_graph, i)));
            steps.Add(step);
        }
        return steps;
    }

    /// <summary>
    /// Merges element-wise kernels over the same shape that share work or inputs, greedily in id order: each
    /// kernel takes the first later one that shares with it and closes no cycle between steps, and looks
    /// again, until none fits. Returns, per seed, the kernel it ended in (a root seed's number).
    /// </summary>
    private int[] Merge(List<Step> others)
    {
        int seeds = _seedNode.Count;
        var writes = new List<int>[seeds + others.Count];
        var reads = new List<int>[seeds + others.Count];
        for (int s = 0; s < seeds; s++)
        {
            writes[s] = new List<int> { _seedNode[s] };
            reads[s] = _leaves[s].Select(l => Plan.Base(_graph, l)).ToList();
        }
        for (int o = 0; o < others.Count; o++)
        {
            writes[seeds + o] = others[o].Writes.ToList();
            reads[seeds + o] = others[o].Reads;
        }
        // Each step writes one value so far, after everything it reads: id order is an order of the steps.
        var order = Enumerable.Range(0, writes.Length).OrderBy(s => writes[s][0]);
        var steps = new StepGraph(writes, reads, order, budget: 64L * (_graph.Count + writes.Length) + 65_536);

        // Which root seeds read each leaf, in order: candidates that share an input.
        var readers = new Dictionary<int, List<int>>();
        for (int s = 0; s < _rootCount; s++)
            foreach (var leaf in _leaves[s])
            {
                if (!readers.TryGetValue(leaf, out var list)) readers[leaf] = list = new List<int>();
                list.Add(s);
            }

        var group = Enumerable.Range(0, seeds).ToArray();
        for (int i = 0; i < _rootCount; i++)
        {
            if (group[i] != i) continue;
            var body = new HashSet<int>(_body[i]);
            // Steps that may still join this kernel: unmerged element-wise kernels over its shape.
            int root = _seedNode[i];
            bool canJoin(int step) => step > i && step < _rootCount && group[step] == step && _shapes.SameShape(root, _seedNode[step]);
            var candidates = new SortedSet<int>();
            Offer(i, i, candidates, readers, group);
            int checks = 0, allowance = VisitsPerKernel;
            var never = new List<int>();
            bool merged = true;
            while (merged && checks < ChecksPerKernel)
            {
                merged = false;
                foreach (int j in candidates)
                {
                    if (++checks > ChecksPerKernel) break;
                    // Another shape or too large stays so; a cycle may go away as this kernel grows, unless
                    // it passes through a step that can never join it.
                    if (!_shapes.SameShape(_seedNode[i], _seedNode[j]) || !Fits(body, _body[j]))
                    {
                        never.Add(j);
                        continue;
                    }
                    if (!steps.CanMerge(i, j, ref allowance, canJoin, out bool forever))
                    {
                        if (forever) never.Add(j);
                        continue;
                    }
                    steps.Merge(i, j);
                    group[j] = i;
                    body.UnionWith(_body[j]);
                    candidates.Remove(j);
                    Offer(i, j, candidates, readers, group);
                    merged = true;
                    break;
                }
                foreach (int j in never) candidates.Remove(j);
                never.Clear();
            }
        }
        return group;
    }

    /// <summary>Adds the later unmerged kernels that share a node or an input with seed <paramref name="seed"/>.</summary>
    private void Offer(int i, int seed, SortedSet<int> candidates, Dictionary<int, List<int>> readers, int[] group)
    {
        foreach (int node in _body[seed])
        {
            if (!_more.ContainsKey(node)) continue;
            int offered = 0;
            foreach (int s in Seeds(node))
                if (s > i && s < _rootCount && group[s] == s && offered++ < CandidatesPerNode) candidates.Add(s);
        }
        // Kernels that read this one's root, or read what this one reads; and the kernels whose root it reads.
        OfferReaders(i, _seedNode[seed], candidates, readers, group);
        foreach (int leaf in _leaves[seed])
        {
            OfferReaders(i, leaf, candidates, readers, group);
            if (_seedOf.TryGetValue(leaf, out int writer) && writer > i && writer < _rootCount && group[writer] == writer) candidates.Add(writer);
        }
    }

    private static void OfferReaders(int i, int value, SortedSet<int> candidates, Dictionary<int, List<int>> readers, int[] group)
    {
        if (!readers.TryGetValue(value, out var list)) return;
        int start = list.BinarySearch(i + 1);
        if (start < 0) start = ~start;
        int offered = 0;
        for (int k = start; k < list.Count && k < start + 4 * CandidatesPerNode && offered < CandidatesPerNode; k++)
            if (group[list[k]] == list[k])
            {
                candidates.Add(list[k]);
                offered++;
            }
    }

    /// <summary>Whether a kernel with body <paramref name="body"/> can take on <paramref name="other"/>'s and stay within bounds.</summary>
    private static bool Fits(HashSet<int> body, List<int> other)
    {
        if (body.Count + other.Count <= MaxKernelNodes) return true;
        if (body.Count > MaxKernelNodes || other.Count > MaxKernelNodes) return false;
        int union = body.Count;
        foreach (int id in other)
            if (!body.Contains(id)) union++;
        return union <= MaxKernelNodes;
    }

    /// <summary>The kernel of each seed after merging: root seeds by group, reductions their own.</summary>
    private int KernelOf(int seed, int[] group) => seed < _rootCount ? group[seed] : seed;

    /// <summary>
    /// Values two kernels would both compute, to keep so no work is done twice: those at the frontier of
    /// that shared work (read by work that is not shared, or by a kernel's result itself). The shared work
    /// behind them then computes once, in a kernel of its own, without storing each of its values; with
    /// <paramref name="all"/>, every shared value is kept (what a last round does, to end quickly).
    /// </summary>
    private List<int> Shared(int[] group, bool all)
    {
        var shared = new HashSet<int>();
        foreach (var pair in _more)
        {
            int kernel = KernelOf(_first[pair.Key], group);
            if (pair.Value.Any(s => KernelOf(s, group) != kernel)) shared.Add(pair.Key);
        }
        if (all || shared.Count == 0) return shared.OrderBy(i => i).ToList();
        var frontier = new HashSet<int>();
        for (int s = _rootCount; s < _seedNode.Count; s++)
            if (shared.Contains(_graph[_seedNode[s]].Inputs[0])) frontier.Add(_graph[_seedNode[s]].Inputs[0]);
        for (int id = 0; id < _graph.Count; id++)
        {
            if (_first[id] < 0 || shared.Contains(id)) continue;
            var node = _graph[id];
            for (int k = 0; k < node.Inputs.Count; k++)
                if (OpInfo.ReadsValue(node, k) && shared.Contains(node.Inputs[k])) frontier.Add(node.Inputs[k]);
        }
        return frontier.OrderBy(i => i).ToList();
    }

    /// <summary>
    /// Cuts through kernels larger than <see cref="MaxKernelNodes"/>: the body, in the order a depth-first
    /// walk from the kernel's results computes it (so each value sits near its users), is split into equal
    /// parts, and every value a later part reads from an earlier one is kept.
    /// </summary>
    private List<int> Cuts(int[] group)
    {
        var cuts = new List<int>();
        var bodies = new Dictionary<int, (List<int> Ends, HashSet<int> Body)>();
        for (int s = 0; s < _seedNode.Count; s++)
        {
            int kernel = KernelOf(s, group);
            if (!bodies.TryGetValue(kernel, out var entry)) bodies[kernel] = entry = (new List<int>(), new HashSet<int>());
            // A reduction's walk starts from the value it reduces.
            int end = s < _rootCount ? _seedNode[s] : _graph[_seedNode[s]].Inputs[0];
            entry.Ends.Add(end);
            entry.Body.UnionWith(_body[s]);
        }
        foreach (var (ends, body) in bodies.Values)
        {
            if (body.Count <= MaxKernelNodes) continue;
            var order = PostOrder(ends, body);
            int parts = (order.Count + MaxKernelNodes - 1) / MaxKernelNodes;
            int size = (order.Count + parts - 1) / parts;
            var part = new Dictionary<int, int>();
            for (int k = 0; k < order.Count; k++) part[order[k]] = k / size;
            foreach (int id in order)
            {
                var node = _graph[id];
                for (int k = 0; k < node.Inputs.Count; k++)
                    if (OpInfo.ReadsValue(node, k) && part.TryGetValue(node.Inputs[k], out int from) && from < part[id] && !_kept.Contains(node.Inputs[k]))
                        cuts.Add(node.Inputs[k]);
            }
        }
        return cuts.Distinct().OrderBy(i => i).ToList();
    }

    /// <summary>The nodes of <paramref name="body"/>, operands before users, as a depth-first walk from <paramref name="ends"/> finishes them.</summary>
    private List<int> PostOrder(List<int> ends, HashSet<int> body)
    {
        var order = new List<int>();
        var seen = new HashSet<int>();
        var stack = new Stack<(int Id, int Next)>();
        foreach (int end in ends)
        {
            if (!body.Contains(end) || !seen.Add(end)) continue;
            stack.Push((end, 0));
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var inputs = _graph[id].Inputs;
                if (next == inputs.Count)
                {
                    order.Add(id);
                    continue;
                }
                stack.Push((id, next + 1));
                int input = inputs[next];
                if (OpInfo.ReadsValue(_graph[id], next) && body.Contains(input) && seen.Add(input)) stack.Push((input, 0));
            }
        }
        return order;
    }

    /// <summary>The kernels: element-wise ones in the order of their first root, then the reductions.</summary>
    private IEnumerable<Step> Kernels(int[] group)
    {
        var members = new SortedDictionary<int, List<int>>();
        for (int s = 0; s < _rootCount; s++)
        {
            if (!members.TryGetValue(group[s], out var list)) members[group[s]] = list = new List<int>();
            list.Add(s);
        }
        foreach (var seeds in members.Values)
        {
            var body = new SortedSet<int>(seeds.SelectMany(s => _body[s]));
            var leaves = new SortedSet<int>(seeds.SelectMany(s => _leaves[s]).Where(l => !body.Contains(l)));
            var roots = seeds.Select(s => _seedNode[s]).OrderBy(r => r).ToList();
            var dims = _shapes.NodeDims[roots[0]];
            var kernel = new Kernel(roots, body.ToList(), leaves.ToList(), dims, Vectorization.WhyNot(_graph, body, leaves, dims.Length));
            for (int i = 0; i < kernel.Reads.Count; i++) kernel.Reads[i] = Plan.Base(_graph, kernel.Reads[i]);
            yield return kernel;
        }
        for (int s = _rootCount; s < _seedNode.Count; s++)
        {
            int id = _seedNode[s];
            int input = _graph[id].Inputs[0];
            var body = _body[s];
            var leaves = _leaves[s].OrderBy(l => l).ToList();
            var kernel = new Kernel([id], body, leaves, _shapes.NodeDims[input],
                Vectorization.WhyNotReduce(_graph, _graph[id], body, leaves), reduction: id, reduced: input);
            for (int i = 0; i < kernel.Reads.Count; i++) kernel.Reads[i] = Plan.Base(_graph, kernel.Reads[i]);
            yield return kernel;
        }
    }
}
