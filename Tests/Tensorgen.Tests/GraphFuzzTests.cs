using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Tensorgen.Tests.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace Tensorgen.Tests;

/// <summary>
/// Property-based fuzzing of the whole generator: thousands of random well-typed graphs
/// (<see cref="GraphWriter"/>: every dtype, ranks 0-3 broadcasting through static 1s, element-wise ops,
/// reductions, products, transposes, Grad, several outputs, and C# control flow over constants around
/// them) compiled in memory, a few hundred per compilation, and each called with dense tensors and
/// views of random sizes (empty ones included) against the reference evaluator run on the graph before
/// optimization. A failure is shrunk to the smallest program that still fails the same way, and printed
/// with its seed: TENSORGEN_FUZZ_SEED repeats the run, TENSORGEN_FUZZ_ONLY=i runs graph i alone.
/// </summary>
public sealed class GraphFuzzTests(ITestOutputHelper output)
{
    private const int BatchSize = 250;
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ShrinkBudget = TimeSpan.FromSeconds(90);

    [Fact]
    public void Random_graphs_compute_what_the_reference_computes()
    {
        int seed = FuzzSettings.Seed;
        var indices = FuzzSettings.Only is { } only ? [only] : Enumerable.Range(0, FuzzSettings.Graphs).ToArray();
        var clock = Stopwatch.StartNew();
        var programs = indices.ToDictionary(i => i, i => GraphWriter.Write(Choices.Random(FuzzSettings.CaseSeed(seed, i))));
        var results = new ConcurrentBag<(int[] Indices, BatchResult Result)>();
        Parallel.ForEach(indices.Chunk(BatchSize), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, batch =>
            results.Add((batch, GraphBatch.Run(batch.Select(i => programs[i]).ToList(), batch.Select(i => InputSeed(seed, i)).ToList(), BatchTimeout))));
        var failures = results.SelectMany(r => r.Result.Failures.Select(f => f with { Index = r.Indices[f.Index] })).OrderBy(f => f.Index).ToList();
        string summary = $"seed {seed}: {results.Sum(r => r.Result.Graphs)} graphs run, {Stats.Sum(results.Select(r => r.Result.Stats))}; " +
            $"{failures.Count} failing; {clock.Elapsed.TotalSeconds:0.0} s";
        output.WriteLine(summary);
        foreach (var r in results) output.WriteLine("  batch: " + r.Result.Timing);
        if (failures.Count == 0) return;
        foreach (var f in failures) output.WriteLine($"graph {f.Index}: {f.Kind}: {f.Message.Split('\n')[0]}");
        foreach (var f in failures.Take(10)) output.WriteLine($"--- graph {f.Index}\n{programs[f.Index].Method("F" + f.Index)}{f.Message}\n");

        var report = new StringBuilder($"{summary} ({string.Join(", ", failures.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"))}).\n" +
            $"Repeat with TENSORGEN_FUZZ_SEED={seed}; one graph alone with TENSORGEN_FUZZ_SEED={seed} TENSORGEN_FUZZ_ONLY=<graph>.\n");
        // Shrink one failure of each kind (and error id), smallest program first.
        foreach (var failure in failures.GroupBy(Signature).Select(g => g.OrderBy(f => programs[f.Index].Size).First()).Take(4))
        {
            var (program, shrunk) = ShrinkFailure(programs[failure.Index], failure, InputSeed(seed, failure.Index));
            report.Append($"\n--- graph {failure.Index}: {failure.Kind}; shrunk from {programs[failure.Index].Body.Count(c => c == '\n')} to {program.Body.Count(c => c == '\n')} lines " +
                $"(choices: {string.Join(",", program.Choices)})\n{program.Method("F")}{shrunk.Message}\n");
        }
        output.WriteLine(report.ToString());
        Assert.Fail(report.ToString());
    }

    private static int InputSeed(int seed, int index) => FuzzSettings.CaseSeed(seed, index) ^ 0x5bd1e995;

    /// <summary>The kind of a failure and the diagnostic ids or exception it names: shrinking keeps it.</summary>
    private static string Signature(GraphFailure f) =>
        f.Kind + " " + string.Join(" ", Regex.Matches(f.Message, @"\b(CS|TG)\d{4}\b|\b\w+Exception\b").Select(m => m.Value).Distinct().Order());

    private (GraphProgram Program, GraphFailure Failure) ShrinkFailure(GraphProgram program, GraphFailure failure, int inputSeed)
    {
        var written = new Dictionary<string, GraphProgram>();
        GraphProgram Write(IReadOnlyList<int> choices)
        {
            string key = string.Join(",", choices);
            if (!written.TryGetValue(key, out var p)) written[key] = p = GraphWriter.Write(Choices.Replay(choices));
            return p;
        }
        string signature = Signature(failure);
        var best = (Program: program, Failure: failure);
        Shrinker.Shrink(program.Choices, c => Write(c).Size, candidates =>
        {
            var batch = candidates.Select(Write).ToList();
            BatchResult result;
            try
            {
                result = GraphBatch.Run(batch, batch.Select(_ => inputSeed).ToList(), BatchTimeout);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                return null;
            }
            var match = result.Failures.Where(f => Signature(f) == signature).OrderBy(f => f.Index).FirstOrDefault();
            if (match is null) return null;
            best = (batch[match.Index], match);
            return match.Index;
        }, ShrinkBudget);
        output.WriteLine($"shrunk graph to {best.Program.Size}");
        return best;
    }
}
