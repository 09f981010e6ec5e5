using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>Which buffer each kept value is computed into, where that is not simply an array of its own.</summary>
internal static class BufferSharing
{
    /// <summary>With more temporaries than this, values that are never needed at once share a buffer.</summary>
    public const int MaxUnsharedTemporaries = 16;

    /// <summary>The tensor outputs a function computes into arrays of its own, and the field buffering each: <c>_output0</c>, ...</summary>
    public static Dictionary<int, string> OutputFields(Plan plan)
    {
        var graph = plan.Function.Graph;
        var fields = new Dictionary<int, string>();
        foreach (var output in plan.Function.Outputs)
            if (!fields.ContainsKey(output.Node) && !graph[output.Node].IsLeaf && graph[output.Node].Rank > 0)
                fields[output.Node] = "_output" + fields.Count.ToString(CultureInfo.InvariantCulture);
        return fields;
    }

    /// <summary>
    /// The updates computed straight into their shared variable's next buffer, by node, with the variable's
    /// index: those that are neither an output, a source nor 0-d (the first, when two variables take one value).
    /// The call then uses the variable's buffer even when its updates are off, so it enters the variable as a writer.
    /// </summary>
    public static Dictionary<int, int> NextBufferUpdates(Plan plan)
    {
        var f = plan.Function;
        var outputs = new HashSet<int>(f.Outputs.Select(o => o.Node));
        var result = new Dictionary<int, int>();
        foreach (var update in f.Updates)
        {
            var node = f.Graph[update.Node];
            if (outputs.Contains(update.Node) || node.IsLeaf || node.Rank == 0 || result.ContainsKey(update.Node)) continue;
            result[update.Node] = update.Shared;
        }
        return result;
    }

    /// <summary>
    /// Which buffer each temporary lives in (the temporary that first had it): a value whose last reader
    /// ran before another of the same dtype and size is written lends that one its buffer, so a long chain
    /// cut into many kernels needs a few buffers, not one per cut. Each temporary is its own buffer when
    /// there are few.
    /// </summary>
    /// <param name="key">The dtype and size of a temporary: only equal keys share.</param>
    public static Dictionary<int, int> Owners(Plan plan, List<int> temporaries, Func<int, string> key)
    {
        if (temporaries.Count <= MaxUnsharedTemporaries) return temporaries.ToDictionary(t => t, t => t);
        var written = new Dictionary<int, int>();
        var lastRead = new Dictionary<int, int>();
        foreach (var step in plan.Steps)
        {
            var (firstWrite, lastReadAt) = plan.Extent(step);
            foreach (var w in step.Writes)
                if (!written.ContainsKey(w)) written[w] = firstWrite;
            foreach (var r in step.Reads) lastRead[r] = Math.Max(lastReadAt, lastRead.TryGetValue(r, out int before) ? before : -1);
        }
        var buffer = new Dictionary<int, int>();
        // Per dtype and size: free buffers, by the step after which they are free.
        var free = new Dictionary<string, SortedSet<(int FreeAfter, int Owner)>>();
        var busy = new SortedSet<(int Until, int Owner, string Key)>();
        foreach (var id in temporaries.OrderBy(t => written.TryGetValue(t, out int w) ? w : -1).ThenBy(t => t))
        {
            string k = key(id);
            int from = written.TryGetValue(id, out int w) ? w : -1;
            int until = Math.Max(from, lastRead.TryGetValue(id, out int r) ? r : from);
            // Buffers whose last reader ran before this value is written are free again.
            while (busy.Count > 0 && busy.Min.Until < from)
            {
                var done = busy.Min;
                busy.Remove(done);
                if (!free.TryGetValue(done.Key, out var set)) free[done.Key] = set = new SortedSet<(int, int)>();
                set.Add((done.Until, done.Owner));
            }
            int owner = id;
            if (from >= 0 && free.TryGetValue(k, out var candidates) && candidates.Count > 0)
            {
                owner = candidates.Min.Owner;
                candidates.Remove(candidates.Min);
            }
            buffer[id] = owner;
            if (from >= 0) busy.Add((until, owner, k));
        }
        return buffer;
    }
}
