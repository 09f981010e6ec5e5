using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

// Merging: element-wise kernels over the same shape that share work or inputs become one, without cycles.
internal sealed partial class Fusion
{
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
            reads[s] = _leaves[s].SelectMany(l => Plan.Reads(_graph, l)).Distinct().ToList();
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
}
