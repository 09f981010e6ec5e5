extern alias generator;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Tests.Infrastructure;
using FunctionSpec = generator::Tensorgen.Generator.Model.FunctionSpec;
using DifferentiatedFunction = generator::Tensorgen.Generator.Model.DifferentiatedFunction;
using TensorGenerator = generator::Tensorgen.Generator.TensorGenerator;
using Rewriter = generator::Tensorgen.Generator.Rewrite.Rewriter;
using Scheduler = generator::Tensorgen.Generator.Schedule.Scheduler;
using FunctionEmitter = generator::Tensorgen.Generator.Emit.FunctionEmitter;

namespace Tensorgen.Benchmarks;

/// <summary>
/// How the generator scales with graph size: a <see cref="CSharpGeneratorDriver"/> run over generated
/// sources of many nodes (<see cref="LargeGraphs"/>: element-wise chains, with a Grad, with products and
/// reductions mixed in), reporting medians of the generator's time per stage and the Roslyn compile
/// time of the generated code.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --generator-scaling [sizes] [kinds] [runs=N]</c>,
/// e.g. <c>--generator-scaling 1000,10000,100000 chain,grad,mixed runs=3</c>; <c>dump=DIR</c> writes the generated files,
/// <c>nocompile</c> leaves out the compile of the generated code.
/// </summary>
/// <remarks>
/// Stages: <c>evaluate</c> is the tracked Lower and Evaluate steps' ElapsedTime (declaration checks and lowering
/// of the body, then its evaluation with its Grad and the signature's checks with givens); <c>emit step</c> is the tracked Emit step's (rewrite →
/// schedule → write), and <c>rewrite</c>, <c>schedule</c>, <c>write</c> time the same three calls again on
/// the spec; <c>driver</c> is the whole generator run, and <c>driver cpu</c> the processor time the process
/// spent in it (the generator is single-threaded; on a busy machine this is steadier than the wall clock).
/// <c>compile</c> is Roslyn's Emit of the compilation with the generated file minus the same without it
/// ("fails" when the generated code does not compile). Everything runs on a thread with a 256 MB stack, so
/// a recursive stage shows as slow rather than as a crash.
/// </remarks>
public static class GeneratorScaling
{
    private static readonly string[] Columns = ["evaluate", "emit step", "rewrite", "schedule", "write", "driver", "driver cpu", "compile"];

    public static void Run(string[] args)
    {
        var sizes = new[] { 1_000, 10_000, 100_000 };
        var kinds = new[] { "chain", "grad", "mixed" };
        int runs = 3;
        foreach (var arg in args)
        {
            if (arg.StartsWith("runs=", StringComparison.Ordinal)) runs = int.Parse(arg.Substring(5), CultureInfo.InvariantCulture);
            else if (arg.StartsWith("dump=", StringComparison.Ordinal)) _dump = arg.Substring(5);
            else if (arg == "nocompile") _compile = false;
            else if (char.IsDigit(arg[0])) sizes = arg.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            else if (arg != "--generator-scaling") kinds = arg.Split(',');
        }

        Console.WriteLine(FormattableString.Invariant($"{"graph",-14}{"nodes",8}{"optimized",10}{"lines",9}")
            + string.Concat(Columns.Select(c => $"{c,11}")) + FormattableString.Invariant($"   (seconds, median of {runs})"));
        // Warm up Roslyn and the generator once, so the first row does not pay for JIT.
        Measure("chain", 200, 1);
        foreach (var kind in kinds)
            foreach (var size in sizes)
                Print(kind, size, Measure(kind, size, runs));
    }

    /// <summary>A folder to write each generated file to (<c>dump=DIR</c>), for reading what was measured.</summary>
    private static string? _dump;

    /// <summary>Whether to time Roslyn compiling the generated code (<c>nocompile</c> leaves it out).</summary>
    private static bool _compile = true;

    private sealed record Result(int Nodes, int Optimized, int Lines, string? Failure, double[] Seconds);

    private static void Print(string kind, int size, Result r)
    {
        string name = $"{kind} {size / 1000}k";
        if (r.Failure is not null)
        {
            Console.WriteLine($"{name,-14}{r.Nodes,8}  {r.Failure}");
            return;
        }
        Console.WriteLine(FormattableString.Invariant($"{name,-14}{r.Nodes,8}{r.Optimized,10}{r.Lines,9}")
            + string.Concat(r.Seconds.Select(s => double.IsPositiveInfinity(s) ? $"{"fails",11}" : double.IsNaN(s) ? $"{"-",11}" : FormattableString.Invariant($"{s,11:F3}"))));
    }

    private static Result Measure(string kind, int size, int runs)
    {
        Result? result = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = MeasureOnThread(kind, size, runs); }
            catch (Exception e) { error = e; }
        }, 256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        return result ?? new Result(0, 0, 0, error?.GetType().Name + ": " + error?.Message, []);
    }

    private static Result MeasureOnThread(string kind, int size, int runs)
    {
        var source = LargeGraphs.Source(kind, size);
        var samples = Columns.Select(_ => new List<double>()).ToArray();
        int nodes = 0, optimized = 0, lines = 0;
        for (int run = 0; run < runs; run++)
        {
            var compilation = Compilation(source);
            var driver = CSharpGeneratorDriver.Create(
                [new TensorGenerator().AsSourceGenerator()],
                parseOptions: ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
            double total = Stopwatch.GetElapsedTime(start).TotalSeconds;
            double totalCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var result = ran.GetRunResult().Results[0];
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0) return new Result(0, 0, 0, "diagnostics: " + string.Join("; ", errors.Take(3)), []);
            var spec = ((DifferentiatedFunction)result.TrackedSteps[TensorGenerator.DifferentiateStep].Single().Outputs.Single().Value).Spec;
            double evaluate = result.TrackedSteps[TensorGenerator.LowerStep].Concat(result.TrackedSteps[TensorGenerator.EvaluateStep]).Sum(s => s.ElapsedTime.TotalSeconds);
            double emitStep = result.TrackedSteps[TensorGenerator.EmitStep].Sum(s => s.ElapsedTime.TotalSeconds);

            // The same three stages again, each timed on its own.
            start = Stopwatch.GetTimestamp();
            var function = Rewriter.Run(spec);
            double rewrite = Stopwatch.GetElapsedTime(start).TotalSeconds;
            start = Stopwatch.GetTimestamp();
            var plan = Scheduler.Run(function);
            double schedule = Stopwatch.GetElapsedTime(start).TotalSeconds;
            start = Stopwatch.GetTimestamp();
            var text = FunctionEmitter.Emit(plan);
            double write = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (_dump is not null)
            {
                Directory.CreateDirectory(_dump);
                File.WriteAllText(Path.Combine(_dump, $"{kind}{size}.g.cs"), text);
            }

            double compile = _compile ? EmitSeconds(output) - EmitSeconds(compilation) : double.NaN;
            nodes = spec.Graph.Count;
            optimized = function.Graph.Count;
            lines = text.Count(c => c == '\n');
            double[] values = [evaluate, emitStep, rewrite, schedule, write, total, totalCpu, compile];
            for (int c = 0; c < values.Length; c++) samples[c].Add(values[c]);
        }
        return new Result(nodes, optimized, lines, null, samples.Select(Median).ToArray());
    }

    /// <summary>Seconds Roslyn takes to emit the compilation; infinity when it does not compile (the error goes to stderr).</summary>
    private static double EmitSeconds(Compilation compilation)
    {
        using var stream = new MemoryStream();
        long start = Stopwatch.GetTimestamp();
        var emit = compilation.Emit(stream);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (emit.Success) return seconds;
        Console.Error.WriteLine("does not compile: " + string.Join("; ", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
        return double.PositiveInfinity;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == framework).ToList();
        paths.Add(typeof(Pt).Assembly.Location);
        paths.Add(typeof(System.Numerics.Tensors.Tensor).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    private static CSharpCompilation Compilation(string source) => CSharpCompilation.Create(
        "Scaling",
        [CSharpSyntaxTree.ParseText(source, ParseOptions, "Large.cs")],
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
}
