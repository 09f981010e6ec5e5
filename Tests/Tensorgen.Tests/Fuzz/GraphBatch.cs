extern alias generator;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Tests.Infrastructure;
using Array = Tensorgen.Tests.Infrastructure.Array;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;

namespace Tensorgen.Tests.Fuzz;

/// <summary>Why a fuzzed graph failed.</summary>
internal enum FailureKind
{
    /// <summary>The generator reported a diagnostic (or threw) on a graph the fuzzer believes valid.</summary>
    Diagnostic,

    /// <summary>The generated code does not compile.</summary>
    GeneratedCode,

    /// <summary>The fuzzer wrote C# that does not compile: a bug of the fuzzer, not of the generator.</summary>
    FuzzerCode,

    /// <summary>Invoke threw.</summary>
    Exception,

    /// <summary>An output's dtype or rank is not what NumPy's rules give.</summary>
    Type,

    /// <summary>An output differs from the reference evaluator's beyond the tolerance.</summary>
    Mismatch,
}

internal sealed record GraphFailure(int Index, FailureKind Kind, string Message);

/// <summary>What a batch did: failures, and how much it compared.</summary>
internal sealed record BatchResult(IReadOnlyList<GraphFailure> Failures, int Graphs, Stats Stats, string Timing = "");

/// <summary>
/// Calls made; elements compared; elements whose difference needed the rounding allowance beyond the base
/// tolerance; elements skipped (an operand's rounding could move them across a discontinuity).
/// </summary>
internal sealed class Stats
{
    public int Calls;
    public long Compared, Widened, Skipped;

    public static Stats Sum(IEnumerable<Stats> all)
    {
        var total = new Stats();
        foreach (var s in all)
        {
            total.Calls += s.Calls;
            total.Compared += s.Compared;
            total.Widened += s.Widened;
            total.Skipped += s.Skipped;
        }
        return total;
    }

    public override string ToString() => $"{Calls} calls, {Compared} elements compared ({Widened} within the rounding allowance only), {Skipped} not comparable";
}

/// <summary>
/// Compiles many fuzzed graphs in one Roslyn compilation (one syntax tree each, so a problem is traced to
/// its graph), runs the generator, emits and loads the result, and calls each graph once per
/// <see cref="InputLayout"/> with fresh sizes and values, comparing every output with the reference
/// evaluator run on the graph before optimization. A graph that fails to generate or compile is
/// reported and left out of a second compilation, so the rest of the batch is still run.
/// </summary>
internal static class GraphBatch
{
    private const string ClassName = "FuzzGraphs";

    // Generated files carry long doc comments; reading them as plain comments parses faster.
    private static readonly CSharpParseOptions Options = GeneratorHarness.FastParseOptions;

    private static string Cpu() => $"{System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0}";

    public static BatchResult Run(IReadOnlyList<GraphProgram> programs, IReadOnlyList<int> inputSeeds, TimeSpan timeout)
    {
        var failures = new List<GraphFailure>();
        var pending = Enumerable.Range(0, programs.Count).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timing = new System.Text.StringBuilder();
        for (int attempt = 0; ; attempt++)
        {
            var trees = pending.Select(i => CSharpSyntaxTree.ParseText(programs[i].File(ClassName, "F" + i), Options, $"F{i}.cs"))
                .Append(CSharpSyntaxTree.ParseText(GraphProgram.HelpersFile(ClassName), Options, "Helpers.cs"));
            var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(trees);
            using var cancellation = new CancellationTokenSource(timeout);
            GeneratorRun run;
            try
            {
                run = GeneratorHarness.Run(compilation, cancellation: cancellation.Token, parseOptions: Options);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the generator did not finish {pending.Count} graphs within {timeout.TotalSeconds:0} s (a hang?)");
            }

            timing.Append($"generator {clock.ElapsedMilliseconds} ms cpu {Cpu()} ({run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs")).Sum(t => t.Length) / 1024} KB {run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs")).Sum(t => t.GetText().Lines.Count)} lines generated), ");
            var bad = new Dictionary<int, GraphFailure>();
            foreach (var d in run.GeneratorDiagnostics.Concat(run.Diagnostics))
                Blame(d, FailureKind.Diagnostic, bad);
            using var stream = new System.IO.MemoryStream();
            var emit = bad.Count == 0 ? run.Output.Emit(stream) : null;
            if (emit is { Success: false })
                foreach (var d in emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                    Blame(d, d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true ? FailureKind.GeneratedCode : FailureKind.FuzzerCode, bad);
            timing.Append($"emit {clock.ElapsedMilliseconds} ms cpu {Cpu()}, ");
            if (bad.Count == 0 && emit is { Success: true })
            {
                stream.Position = 0;
                var context = new System.Runtime.Loader.AssemblyLoadContext("fuzz", isCollectible: true);
                try
                {
                    var assembly = context.LoadFromStream(stream);
                    var specs = run.Specs.ToDictionary(s => s.MethodName);
                    var stats = new Stats();
                    foreach (int i in pending)
                    {
                        var call = (Func<object[], object[]>)Delegate.CreateDelegate(typeof(Func<object[], object[]>),
                            assembly.GetType(ClassName, throwOnError: true)!.GetMethod("RunF" + i)!);
                        var failure = Execute(programs[i], specs["F" + i], call, inputSeeds[i], stats);
                        if (failure is not null) failures.Add(failure with { Index = i });
                    }
                    timing.Append($"run {clock.ElapsedMilliseconds} ms cpu {Cpu()}");
                    return new BatchResult(failures, pending.Count, stats, timing.ToString());
                }
                finally
                {
                    context.Unload();
                }
            }
            if (bad.Count == 0 || attempt == 2)
                throw new InvalidOperationException("the batch does not compile and no graph is to blame:\n" + string.Join("\n", emit?.Diagnostics.Take(10) ?? []));
            failures.AddRange(bad.Values);
            pending.RemoveAll(bad.ContainsKey);
            if (pending.Count == 0) return new BatchResult(failures, 0, new Stats());
        }
    }

    /// <summary>Records <paramref name="d"/> against the graph whose file (F12.cs, or the generated FuzzGraphs.F12.g.cs) it is in.</summary>
    private static void Blame(Diagnostic d, FailureKind kind, Dictionary<int, GraphFailure> bad)
    {
        string text = d.ToString();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"\bF(\d+)(\.g)?\.cs|'F(\d+)'");
        if (!match.Success) throw new InvalidOperationException("a diagnostic no graph is to blame for: " + text);
        int index = int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[3].Value, CultureInfo.InvariantCulture);
        bad[index] = bad.TryGetValue(index, out var earlier) ? earlier with { Message = earlier.Message + "\n" + text } : new GraphFailure(index, kind, text);
    }

    /// <summary>Calls the graph once per layout; returns the first failure, or null.</summary>
    private static GraphFailure? Execute(GraphProgram program, FunctionSpec spec, Func<object[], object[]> call, int seed, Stats stats)
    {
        var random = new Random(seed);
        foreach (var layout in Enum.GetValues<InputLayout>())
        {
            var sizes = FuzzCalls.Sizes(random, program);
            var shapes = program.Inputs.Select(input => FuzzCalls.Shape(input, sizes)).ToArray();
            var views = new TensorViews(layout);
            var inputs = views.Inputs(random, shapes, (r, j, shape) => FuzzCalls.Values(r, program.Inputs[j], shape));
            string where = $"{layout} inputs, sizes ({string.Join(", ", sizes)}), input seed {seed}";
            string Inputs() => string.Join("\n", program.Inputs.Select((input, j) => $"  {input.Name}: {FuzzCalls.Show(inputs[j])}"));
            Array[] expected;
            double[][] allowances;
            try
            {
                var values = ReferenceEvaluator.RunAll(spec, inputs);
                expected = spec.Outputs.Select(o => values[o.Node]!).ToArray();
                var errors = RoundingAllowance.Run(spec, values);
                allowances = spec.Outputs.Select(o => errors[o.Node]!).ToArray();
            }
            catch (EmptyReductionException reference)
            {
                // Where NumPy raises, the compiled function must raise too, before any work, saying what NumPy says.
                try
                {
                    call(program.Inputs.Select((input, j) => FuzzCalls.Argument(input, inputs[j], views)).ToArray());
                }
                catch (TensorShapeException e) when (e.Message.Contains(reference.Message, StringComparison.Ordinal))
                {
                    stats.Calls++;
                    continue;
                }
                catch (Exception e)
                {
                    return new GraphFailure(-1, FailureKind.Exception, $"{where}: the reference raised '{reference.Message}', Invoke threw {e.GetType().Name}: {e.Message}\ninputs:\n{Inputs()}");
                }
                return new GraphFailure(-1, FailureKind.Mismatch, $"{where}: the reference raised '{reference.Message}', Invoke returned\ninputs:\n{Inputs()}");
            }
            catch (Exception e)
            {
                return new GraphFailure(-1, FailureKind.Exception, $"{where}: the reference evaluator threw {e.GetType().Name}: {e.Message}");
            }
            Array[] actual;
            try
            {
                actual = call(program.Inputs.Select((input, j) => FuzzCalls.Argument(input, inputs[j], views)).ToArray()).Select(FuzzCalls.Result).ToArray();
            }
            catch (Exception e)
            {
                return new GraphFailure(-1, FailureKind.Exception, $"{where}: Invoke threw {e.GetType().Name}: {e.Message}\ninputs:\n{Inputs()}");
            }
            stats.Calls++;
            for (int o = 0; o < expected.Length; o++)
            {
                var node = spec.Graph[spec.Outputs[o].Node];
                var predicted = program.Outputs[o];
                if ((int)node.DType != (int)predicted.DType || node.Rank != predicted.Rank)
                    return new GraphFailure(-1, FailureKind.Type, $"output {o} is {node.DType} of rank {node.Rank}, where NumPy's rules give {predicted.DType} of rank {predicted.Rank}");
                if (!expected[o].Shape.SequenceEqual(actual[o].Shape))
                    return new GraphFailure(-1, FailureKind.Mismatch, $"{where}: output {o} has shape ({string.Join(", ", actual[o].Shape)}), the reference ({string.Join(", ", expected[o].Shape)})\ninputs:\n{Inputs()}");
                double tolerance = predicted.DType switch { DType.Float64 => 1e-12, DType.Float32 => 1e-5, _ => 0 };
                for (int k = 0; k < expected[o].Size; k++)
                {
                    double e = expected[o].Data[k], a = actual[o].Data[k], allowance = allowances[o][k];
                    if (double.IsPositiveInfinity(allowance))
                    {
                        stats.Skipped++;
                        continue;
                    }
                    stats.Compared++;
                    bool same = (double.IsNaN(e) && double.IsNaN(a)) || e == a || Math.Abs(e - a) <= tolerance * (1 + Math.Abs(e));
                    if (!same && Math.Abs(e - a) <= tolerance * (1 + Math.Abs(e)) + 2 * allowance)
                    {
                        stats.Widened++;
                        same = true;
                    }
                    if (!same)
                        return new GraphFailure(-1, FailureKind.Mismatch,
                            $"{where}: output {o} ({predicted.DType}) element {k}: reference {e:R}, compiled {a:R} (allowed {tolerance * (1 + Math.Abs(e)) + 2 * allowance:G3})\n" +
                            $"reference {FuzzCalls.Show(expected[o])}\ncompiled  {FuzzCalls.Show(actual[o])}\ninputs:\n{Inputs()}");
                }
            }
        }
        return null;
    }
}
