using System;
using System.Linq;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>
/// Bytes the calling thread allocates while running a piece of code (<see cref="GC.GetAllocatedBytesForCurrentThread"/>),
/// the fewest of a few rounds: a round can catch the runtime's own work on this thread (tiered recompilation under a
/// starved thread pool put 1512 and 2080 bytes into single rounds on a loaded CI machine), while code that allocates
/// shows in every round.
/// </summary>
internal static class AllocationProbe
{
    /// <summary>The fewest bytes of <paramref name="rounds"/> runs of <paramref name="body"/>, and a description of every round for a failure message.</summary>
    public static (long Fewest, string Rounds) Measure(Action body, int rounds = 3)
    {
        var bytes = new long[rounds];
        var collections = new int[rounds];
        for (int round = 0; round < rounds; round++)
        {
            int gc = GC.CollectionCount(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            body();
            bytes[round] = GC.GetAllocatedBytesForCurrentThread() - before;
            collections[round] = GC.CollectionCount(0) - gc;
        }
        return (bytes.Min(), "allocated " + string.Join(", ", bytes.Select((b, i) => $"{b} bytes ({collections[i]} gen0 collections)")));
    }
}
