using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

// What a round keeps before the next: values two kernels would both compute, and cuts through kernels too large.
internal sealed partial class Fusion
{
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
}
