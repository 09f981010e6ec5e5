using System;
using System.Collections.Generic;
using System.Linq;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// The random decisions a program is written from, recorded so that the program can be written again
/// from an edited list (Hypothesis-style shrinking: delete or lower choices, rewrite, keep what still
/// fails). Writers put their simplest option first, so lower choices and a shorter list make a smaller
/// program; once a replayed list runs out every choice is 0.
/// </summary>
internal sealed class Choices
{
    private readonly Random? _random;
    private readonly IReadOnlyList<int> _replay;
    private readonly List<int> _drawn = new();
    private int _position;

    private Choices(Random? random, IReadOnlyList<int> replay)
    {
        _random = random;
        _replay = replay;
    }

    public static Choices Random(int seed) => new(new Random(seed), System.Array.Empty<int>());

    public static Choices Replay(IReadOnlyList<int> choices) => new(null, choices);

    /// <summary>Every choice made so far, as a replayable list.</summary>
    public IReadOnlyList<int> Drawn => _drawn;

    /// <summary>A choice in [0, n).</summary>
    public int Next(int n)
    {
        if (n <= 1) return 0;
        int v = _random is not null ? _random.Next(n) : _position < _replay.Count ? Math.Min(_replay[_position], n - 1) : 0;
        _position++;
        _drawn.Add(v);
        return v;
    }

    /// <summary>True with probability <paramref name="percent"/>%; false is the simpler answer.</summary>
    public bool Chance(int percent) => Next(100) >= 100 - percent;

    public T Pick<T>(IReadOnlyList<T> options) => options[Next(options.Count)];

    /// <summary>An index picked with the given weights (index 0 simplest).</summary>
    public int Weighted(params int[] weights)
    {
        int total = weights.Sum();
        int v = Next(total);
        for (int i = 0; i < weights.Length; i++)
        {
            if (v < weights[i]) return i;
            v -= weights[i];
        }
        return weights.Length - 1;
    }
}
