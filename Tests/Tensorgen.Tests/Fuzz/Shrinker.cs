using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// Makes a failing case smaller by editing the choices it was written from (Hypothesis's approach):
/// drop runs of choices, set choices to 0, halve them; rewrite each edited list into a case (always a
/// valid one, since the writer makes it) and keep the smallest that still fails the same way. Candidates
/// are tried many at a time (one compilation per round), smallest first.
/// </summary>
internal static class Shrinker
{
    /// <param name="choices">The failing case's choices.</param>
    /// <param name="size">A case's size: what to minimize.</param>
    /// <param name="failing">Given candidate cases (by their choices), the index of the first that fails the same way, or null.</param>
    /// <param name="budget">Time to spend; the smallest case found so far is returned when it runs out.</param>
    public static IReadOnlyList<int> Shrink(IReadOnlyList<int> choices, Func<IReadOnlyList<int>, int> size, Func<IReadOnlyList<IReadOnlyList<int>>, int?> failing, TimeSpan budget, int perRound = 40)
    {
        var clock = Stopwatch.StartNew();
        var best = choices;
        int bestSize = size(best);
        var tried = new HashSet<string>();
        while (clock.Elapsed < budget)
        {
            // The smallest candidates rarely still fail; take a few of them and a spread of the rest.
            var all = Edits(best)
                .Select(c => (Choices: c, Size: size(c)))
                .Where(c => c.Size < bestSize && !tried.Contains(string.Join(",", c.Choices)))
                .DistinctBy(c => string.Join(",", c.Choices))
                .OrderBy(c => c.Size)
                .ToList();
            int smallest = Math.Min(all.Count, perRound / 4);
            int step = Math.Max(1, (all.Count - smallest) / Math.Max(1, perRound - smallest));
            var candidates = all.Take(smallest).Concat(all.Skip(smallest).Where((_, i) => i % step == 0)).Take(perRound).ToList();
            foreach (var c in candidates) tried.Add(string.Join(",", c.Choices));
            if (candidates.Count == 0) break;
            if (failing(candidates.Select(c => c.Choices).ToList()) is not { } index) continue;
            best = candidates[index].Choices;
            bestSize = candidates[index].Size;
        }
        return best;
    }

    /// <summary>Edited lists, the boldest first: shorter lists, deleted runs, zeroed and halved choices.</summary>
    private static IEnumerable<IReadOnlyList<int>> Edits(IReadOnlyList<int> c)
    {
        for (int keep = c.Count / 2; keep < c.Count; keep += Math.Max(1, (c.Count - keep) / 2))
            yield return c.Take(keep).ToList();
        foreach (int run in new[] { 16, 8, 4, 2, 1 })
            for (int start = 0; start + run <= c.Count; start++)
                yield return c.Take(start).Concat(c.Skip(start + run)).ToList();
        for (int i = 0; i < c.Count; i++)
        {
            if (c[i] == 0) continue;
            yield return With(c, i, 0);
            if (c[i] > 1) yield return With(c, i, c[i] / 2);
            yield return With(c, i, c[i] - 1);
        }
    }

    private static IReadOnlyList<int> With(IReadOnlyList<int> c, int index, int value)
    {
        var copy = c.ToArray();
        copy[index] = value;
        return copy;
    }
}
