using System.Collections.Generic;

namespace Tensorgen.Generator.Schedule;

/// <summary>
/// The dependencies between steps while kernels are being merged: step T depends on step S when T reads a
/// value S writes. Merging two steps must not close a cycle, which happens exactly when one reaches the
/// other through a third. Each step has a level, higher than the levels of the steps it depends on, so a
/// search for such a path only looks between the two levels; merging keeps the levels valid.
/// </summary>
/// <remarks>
/// Steps are numbered; a merged step takes the smaller number (union-find). Every search counts the steps
/// it visits against the caller's allowance and a budget shared by the whole schedule; a search that runs
/// out answers no, which only means less fusion. A graph of a few thousand steps never comes near either.
/// </remarks>
internal sealed class StepGraph
{
    /// <summary>Steps whose levels differ by more than this are not merged (a graph this deep is large).</summary>
    public const int MaxLevelGap = 64;

    private readonly int[] _parent;
    private readonly List<int>[] _successors;
    private readonly int[] _level;
    private readonly int[] _seen;
    private readonly int[] _from;
    private int _stamp;
    private long _budget;

    /// <param name="writes">Per step, the values it writes; each value is written by one step.</param>
    /// <param name="reads">Per step, the values it reads (views resolved).</param>
    /// <param name="order">The steps in an order where each comes after those it reads from.</param>
    /// <param name="budget">How many steps all searches together may visit.</param>
    public StepGraph(List<int>[] writes, List<int>[] reads, IEnumerable<int> order, long budget)
    {
        int count = writes.Length;
        _parent = new int[count];
        _successors = new List<int>[count];
        _level = new int[count];
        _seen = new int[count];
        _from = new int[count];
        _budget = budget;
        var writer = new Dictionary<int, int>();
        for (int s = 0; s < count; s++)
        {
            _parent[s] = s;
            _successors[s] = new List<int>();
            foreach (var w in writes[s]) writer[w] = s;
        }
        for (int s = 0; s < count; s++)
            foreach (var r in reads[s])
                if (writer.TryGetValue(r, out int w) && w != s) _successors[w].Add(s);
        foreach (int s in order)
            foreach (var r in reads[s])
                if (writer.TryGetValue(r, out int w) && w != s && _level[w] >= _level[s]) _level[s] = _level[w] + 1;
    }

    public int Find(int step)
    {
        while (_parent[step] != step) step = _parent[step] = _parent[_parent[step]];
        return step;
    }

    /// <summary>
    /// Whether steps <paramref name="a"/> and <paramref name="b"/> can become one step without a cycle.
    /// The steps the search visits are taken from <paramref name="allowance"/>. When they cannot,
    /// <paramref name="forever"/> tells whether the path found goes through a step that
    /// <paramref name="canJoin"/> says can never be merged into them: merging others keeps that path.
    /// </summary>
    public bool CanMerge(int a, int b, ref int allowance, System.Func<int, bool> canJoin, out bool forever)
    {
        forever = false;
        a = Find(a);
        b = Find(b);
        if (_level[a] == _level[b]) return true; // a path between them would climb levels
        int from = a, to = b;
        if (_level[from] > _level[to]) (from, to) = (to, from);
        // Steps far apart are left apart: the search between them would cost as much as the graph is deep.
        if (_level[to] - _level[from] > MaxLevelGap) return false;
        // Is there a path from → X → ... → to? Only steps below to's level can be on it.
        int limit = _level[to];
        _stamp++;
        _seen[from] = _stamp;
        var stack = new Stack<int>();
        foreach (int x in _successors[from])
        {
            int s = Find(x);
            if (s == to || s == from || _seen[s] == _stamp) continue;
            _seen[s] = _stamp;
            _from[s] = from;
            stack.Push(s);
        }
        while (stack.Count > 0)
        {
            int x = stack.Pop();
            if (_level[x] >= limit) continue;
            // A search cut short answers no: less fusion, never a cycle.
            if (--allowance < 0 || --_budget < 0) return false;
            foreach (int y in _successors[x])
            {
                int s = Find(y);
                if (s == to)
                {
                    for (int step = x; step != from; step = _from[step])
                        if (!canJoin(step)) forever = true;
                    return false;
                }
                if (_seen[s] == _stamp) continue;
                _seen[s] = _stamp;
                _from[s] = x;
                stack.Push(s);
            }
        }
        return true;
    }

    /// <summary>Makes <paramref name="b"/> part of <paramref name="a"/> (the caller checked <see cref="CanMerge"/>).</summary>
    public void Merge(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        _parent[b] = a;
        _successors[a].AddRange(_successors[b]);
        _level[a] = System.Math.Max(_level[a], _level[b]);
        // Steps after either part must now come after the merged step too.
        var stack = new Stack<int>();
        stack.Push(a);
        while (stack.Count > 0)
        {
            int s = stack.Pop();
            foreach (int y in _successors[s])
            {
                int x = Find(y);
                _budget--;
                if (x == s || _level[x] > _level[s]) continue;
                _level[x] = _level[s] + 1;
                stack.Push(x);
            }
        }
    }
}
