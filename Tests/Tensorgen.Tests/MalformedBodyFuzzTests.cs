using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Tensorgen.Tests.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace Tensorgen.Tests;

/// <summary>
/// The generator never throws, crashes or hangs, whatever the body: thousands of random malformed
/// bodies (<see cref="MalformedWriter"/>: valid fuzzed bodies with tokens deleted, duplicated, swapped
/// or replaced, unsupported statements, wrong types, missing returns, runaway loops, deep nesting,
/// recursion, constant division by zero, shapes that cannot broadcast, junk) run through the generator
/// a few hundred per compilation, each batch under a time limit. Every body must end in diagnostics
/// (TG or CS errors) or in generated code that compiles; never CS8785 (the generator threw), TG9999
/// or a timeout. A failure is shrunk and printed with its seed (TENSORGEN_FUZZ_SEED repeats the run).
/// </summary>
public sealed class MalformedBodyFuzzTests(ITestOutputHelper output)
{
    private const int BatchSize = 250;
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ShrinkBudget = TimeSpan.FromSeconds(60);

    [Fact]
    public void Every_loop_snippet_over_every_rank_ends_in_diagnostics_or_compiling_code()
    {
        // Each Scan, Map, Reduce and Jacobian snippet of the fuzz, over a 0-d, a vector and a matrix, alone in a body.
        var tensors = new[] { "DScalar(\"x\")", "DVector(\"x\")", "DMatrix(\"x\")" };
        var bodies = MalformedWriter.LoopSnippets.SelectMany(snippet => tensors.Select(t => $"var x = {t};\n{snippet.Replace("{x}", "x")}\nreturn Function([x], x);")).ToList();
        Assert.True(bodies.Count >= 40);
        var failures = MalformedBatch.Run(bodies, BatchTimeout).Where(o => o.Failure is not null).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{bodies[f.Index]}\n  -> {f.Failure}")));
    }

    [Fact]
    public void Malformed_bodies_end_in_diagnostics_never_in_a_crash_or_a_hang()
    {
        int seed = FuzzSettings.Seed;
        var indices = FuzzSettings.Only is { } only ? [only] : Enumerable.Range(0, FuzzSettings.Bodies).ToArray();
        var clock = Stopwatch.StartNew();
        var choices = new Dictionary<int, IReadOnlyList<int>>();
        var bodies = new Dictionary<int, string>();
        foreach (int i in indices)
        {
            var c = Choices.Random(FuzzSettings.CaseSeed(seed, i) ^ 0x2545F491);
            bodies[i] = MalformedWriter.Write(c);
            choices[i] = c.Drawn.ToList();
        }
        var outcomes = new ConcurrentBag<(int Index, MalformedOutcome Outcome)>();
        Parallel.ForEach(indices.Chunk(BatchSize), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
        {
            foreach (var o in MalformedBatch.Run(batch.Select(i => bodies[i]).ToList(), BatchTimeout)) outcomes.Add((batch[o.Index], o));
        });
        var failures = outcomes.Where(o => o.Outcome.Failure is not null).OrderBy(o => o.Index).ToList();
        string summary = $"seed {seed}: {outcomes.Count} malformed bodies, {outcomes.Count(o => o.Outcome.HasErrors)} with errors, " +
            $"{outcomes.Count(o => !o.Outcome.HasErrors)} valid after mutation ({outcomes.Count(o => o.Outcome.Generated && !o.Outcome.HasErrors)} generated and compiled); " +
            $"{failures.Count} failing; {clock.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        output.WriteLine(MalformedBatch.Timing);
        if (failures.Count == 0) return;

        var report = new StringBuilder($"{summary}.\nRepeat with TENSORGEN_FUZZ_SEED={seed}; one body alone with TENSORGEN_FUZZ_SEED={seed} TENSORGEN_FUZZ_ONLY=<body>.\n");
        foreach (var (index, outcome) in failures.Take(3))
        {
            var smallest = Shrink(choices[index], outcome.Failure!);
            report.Append($"\n--- body {index}: {outcome.Failure}\nsmallest body that fails the same way:\n{smallest}\n");
        }
        output.WriteLine(report.ToString());
        Assert.Fail(report.ToString());
    }

    /// <summary>The smallest body, rewritten from edited choices, whose failure starts as <paramref name="failure"/> does.</summary>
    private static string Shrink(IReadOnlyList<int> choices, string failure)
    {
        string kind = failure.Split(':')[0];
        var best = choices;
        Shrinker.Shrink(choices, c => MalformedWriter.Write(Choices.Replay(c)).Length, candidates =>
        {
            var bodies = candidates.Select(c => MalformedWriter.Write(Choices.Replay(c))).ToList();
            var match = MalformedBatch.Run(bodies, BatchTimeout).Where(o => o.Failure?.Split(':')[0] == kind).OrderBy(o => o.Index).FirstOrDefault();
            if (match is null) return null;
            best = candidates[match.Index];
            return match.Index;
        }, ShrinkBudget);
        return MalformedWriter.Write(Choices.Replay(best));
    }
}
