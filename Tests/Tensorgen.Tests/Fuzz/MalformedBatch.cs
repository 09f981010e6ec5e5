using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Tests.Infrastructure;

namespace Tensorgen.Tests.Fuzz;

/// <summary>What the generator made of one malformed body, and whether that is allowed.</summary>
internal sealed record MalformedOutcome(int Index, string? Failure, bool HasErrors, bool Generated);

/// <summary>
/// Runs the generator over many malformed bodies in one compilation (one file each) under a time
/// limit, and checks each: no generator exception (CS8785), no internal error (TG9999), no hang; and
/// where the body itself has no errors, the code generated for it compiles.
/// </summary>
internal static class MalformedBatch
{
    /// <summary>
    /// Roslyn's own binder and flow analysis recurse as deep as the source nests, and deeply nested bodies
    /// are part of the fuzz: everything here runs on threads with the stack the generator gives evaluation.
    /// </summary>
    public static string Timing = "";

    // Generated files carry long doc comments; reading them as plain comments parses faster.
    private static readonly CSharpParseOptions Options = GeneratorHarness.FastParseOptions;

    private const int StackBytes = 256 * 1024 * 1024;

    public static IReadOnlyList<MalformedOutcome> Run(IReadOnlyList<string> bodies, TimeSpan timeout)
    {
        IReadOnlyList<MalformedOutcome>? outcomes = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                outcomes = RunOnThisThread(bodies, timeout);
            }
            catch (Exception e)
            {
                error = e;
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        if (error is not null) throw new InvalidOperationException("checking a batch of malformed bodies failed", error);
        return outcomes!;
    }

    private static IReadOnlyList<MalformedOutcome> RunOnThisThread(IReadOnlyList<string> bodies, TimeSpan timeout)
    {
        var trees = bodies.Select((b, i) => CSharpSyntaxTree.ParseText(MalformedWriter.File(i, b), Options, $"M{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(MalformedWriter.MembersFile, Options, "Members.cs"))
            .ToList();
        // Not a concurrent build: its checks would bind bodies on pool threads, whose stacks a deep body overflows.
        var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(trees);
        compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource();
        // The generator runs on its own thread so that a hang (evaluation that ignores cancellation) is still reported.
        GeneratorRun? run = null;
        Exception? thrownByDriver = null;
        var generator = new Thread(() =>
        {
            try
            {
                run = GeneratorHarness.Run(compilation, cancellation: cancellation.Token, parseOptions: Options);
            }
            catch (Exception e)
            {
                thrownByDriver = e;
            }
        }, StackBytes) { IsBackground = true };
        generator.Start();
        if (!generator.Join(timeout))
        {
            cancellation.Cancel();
            return Bisect(bodies, timeout, $"the generator did not finish within {timeout.TotalSeconds:0} s (a hang)");
        }
        if (thrownByDriver is not null) return Bisect(bodies, timeout, "the generator driver threw " + thrownByDriver);
        Timing += $"generator {clock.ElapsedMilliseconds} ms; ";
        var thrown = run!.GeneratorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").ToList();
        if (thrown.Count > 0) return Bisect(bodies, timeout, "the generator threw: " + string.Join("\n", thrown));

        var outcomes = new List<MalformedOutcome>();
        var generated = run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            .GroupBy(t => Regex.Match(t.FilePath, @"Malformed\.M(\d+)\.g\.cs").Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.First());
        for (int i = 0; i < bodies.Count; i++)
        {
            var tg = run.Diagnostics.Where(d => d.Location.SourceTree?.FilePath == $"M{i}.cs").ToList();
            string? failure = tg.FirstOrDefault(d => d.Id == "TG9999") is { } internalError ? "internal error: " + internalError : null;
            bool hasCode = generated.TryGetValue(i.ToString(CultureInfo.InvariantCulture), out var tree);
            // Binding a body for its C# errors costs time: only where the generator and the parser found none.
            bool errors = tg.Any(d => d.Severity == DiagnosticSeverity.Error)
                || trees[i].GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
                || run.Output.GetSemanticModel(trees[i]).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
            if (failure is null && !errors)
            {
                var broken = hasCode ? run.Output.GetSemanticModel(tree!).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList() : [];
                if (broken.Count > 0) failure = "the body has no errors but its generated code does not compile:\n" + string.Join("\n", broken);
                else if (!hasCode) failure = "no diagnostics: the body has no errors but nothing was generated for it";
            }
            outcomes.Add(new MalformedOutcome(i, failure, errors, hasCode));
        }
        Timing += $"checks {clock.ElapsedMilliseconds} ms\n";
        return outcomes;
    }

    /// <summary>Finds the bodies to blame for a failure of the whole batch by running halves of it.</summary>
    private static IReadOnlyList<MalformedOutcome> Bisect(IReadOnlyList<string> bodies, TimeSpan timeout, string failure)
    {
        if (bodies.Count == 1) return [new MalformedOutcome(0, failure, true, false)];
        int half = bodies.Count / 2;
        var first = RunOnThisThread(bodies.Take(half).ToList(), timeout);
        var second = RunOnThisThread(bodies.Skip(half).ToList(), timeout).Select(o => o with { Index = o.Index + half });
        return first.Concat(second).ToList();
    }
}
