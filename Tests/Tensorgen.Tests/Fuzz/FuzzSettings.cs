using System;
using System.Globalization;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// How many cases a fuzz test runs and from which seed, from the environment: TENSORGEN_FUZZ_SEED
/// repeats a run (under CI a fixed seed, otherwise a fresh one, printed with every result), TENSORGEN_FUZZ_GRAPHS and
/// TENSORGEN_FUZZ_BODIES change the counts, TENSORGEN_FUZZ_ONLY runs the one case of that index.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>
    /// TENSORGEN_FUZZ_SEED when set; under CI (CI=true) a fixed seed, so that whether a commit lands does not
    /// depend on the draw, and every run of it checks the same thousands of cases; elsewhere a fresh seed
    /// each run, so that developers' runs keep exploring.
    /// </summary>
    public static int Seed { get; } = Read("TENSORGEN_FUZZ_SEED")
        ?? (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? CiSeed : Random.Shared.Next(1, int.MaxValue));

    /// <summary>The seed CI runs with.</summary>
    public const int CiSeed = 20261202;

    public static int Graphs => Read("TENSORGEN_FUZZ_GRAPHS") ?? 2000;

    public static int Bodies => Read("TENSORGEN_FUZZ_BODIES") ?? 2000;

    public static int? Only => Read("TENSORGEN_FUZZ_ONLY");

    /// <summary>The seed of case <paramref name="index"/>, so one case can be rerun alone.</summary>
    public static int CaseSeed(int seed, int index)
    {
        // SplitMix64 of (seed, index): deterministic across processes, unlike HashCode.
        ulong z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static int? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
