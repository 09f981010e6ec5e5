using System.Collections.Generic;

namespace Tensorgen.Samples.Digits;

/// <summary>Minibatches of row indices: an epoch is a shuffled permutation of the rows cut into runs of a batch size.</summary>
public static class Batches
{
    /// <summary>
    /// One epoch's batches: <c>perm = rng.permutation(count)</c>, then <c>perm[s:s + size]</c> for s = 0, size, ...; the
    /// last batch holds what is left (fewer rows when <paramref name="size"/> does not divide <paramref name="count"/>).
    /// </summary>
    public static IEnumerable<long[]> Epoch(RandomGenerator shuffle, int count, int size)
    {
        System.ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        long[] permutation = shuffle.Permutation(count);
        for (int start = 0; start < count; start += size)
            yield return permutation[start..System.Math.Min(start + size, count)];
    }
}
