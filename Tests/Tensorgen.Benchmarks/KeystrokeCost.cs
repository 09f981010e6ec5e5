extern alias generator;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TensorGenerator = generator::Tensorgen.Generator.TensorGenerator;

namespace Tensorgen.Benchmarks;

/// <summary>
/// What the generator costs on every keystroke: one <see cref="CSharpGeneratorDriver"/> kept across edits, as
/// the IDE keeps it, over a project of 10 or 100 graph methods (the README's logistic regression training step,
/// each with shared variables of its own and a helper). After a warm-up, each run makes one edit and times
/// <c>RunGenerators</c>: (a) an edit in an unrelated file, (b) a comment added above the graph methods.
/// Prints medians (and the 10th and 90th percentiles) of the wall clock; the median of the processor time the
/// calling thread spent (on Linux; steadier than the wall clock on a busy machine, and all of the work when
/// lowerings are reused, which runs on the calling thread only); and the mean processor time of the whole
/// process (every thread: work on a fresh stack too; the operating system counts it in 10 ms ticks, so only
/// the mean of many runs means something).
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --keystroke-cost [graphs=10,100] [runs=N] [edit=unrelated|comment] [nofloor] [steps]</c>;
/// <c>steps</c> also prints each tracked step's time and reasons in the last run. Each row is followed by the same
/// edit under a floor generator whose transform only returns the method's name: what Roslyn's attribute lookup
/// (ForAttributeWithMetadataName) costs by itself, the least any attribute-driven generator pays.
/// </summary>
/// <remarks>
/// Steps are not tracked unless asked (the IDE does not track them). Each edit alternates between two texts, so
/// every run sees a changed tree, as a keystroke gives.
/// </remarks>
public static class KeystrokeCost
{
    public static void Run(string[] args)
    {
        var counts = new[] { 10, 100 };
        int runs = 40;
        foreach (var arg in args)
        {
            if (arg == "steps") _steps = true;
            else if (arg == "nofloor") _floor = false;
            else if (arg.StartsWith("edit=", StringComparison.Ordinal)) _edit = arg.Substring(5);
            else if (arg.StartsWith("runs=", StringComparison.Ordinal)) runs = int.Parse(arg.Substring(5), CultureInfo.InvariantCulture);
            else if (arg.StartsWith("graphs=", StringComparison.Ordinal))
                counts = arg.Substring(7).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }
        Console.WriteLine(FormattableString.Invariant($"{"graphs",7}  {"edit",-18}{"median",9}{"p10",9}{"p90",9}{"thread",9}{"process",9}   (ms per RunGenerators, {runs} runs)"));
        foreach (int count in counts)
        {
            foreach (var (edit, file, texts) in Edits(count).Where(e => _edit is null || e.Edit.StartsWith(_edit, StringComparison.Ordinal)))
            {
                foreach (var floor in _floor ? new[] { false, true } : [false])
                {
                    var (wall, cpu, process) = Measure(count, file, texts, runs, floor);
                    Console.WriteLine(FormattableString.Invariant(
                        $"{count,7}  {(floor ? "  floor" : edit),-18}{Percentile(wall, 0.5),9:F1}{Percentile(wall, 0.1),9:F1}{Percentile(wall, 0.9),9:F1}{Percentile(cpu, 0.5),9:F1}{process,9:F1}"));
                }
            }
        }
    }

    /// <summary>Whether to print the tracked steps of each measurement's last run (<c>steps</c>).</summary>
    private static bool _steps;

    /// <summary>Whether to measure the floor generator too (<c>nofloor</c> leaves it out).</summary>
    private static bool _floor = true;

    /// <summary>Only the edit whose name starts so (<c>edit=unrelated</c>, <c>edit=comment</c>).</summary>
    private static string? _edit;

    private static IEnumerable<(string Edit, string File, string[] Texts)> Edits(int count)
    {
        yield return ("unrelated file", "Other.cs", [Other, Other.Replace("42", "43")]);
        yield return ("comment above", "Graphs.cs", [Graphs(count), "// a comment above the graph methods\n" + Graphs(count)]);
    }

    /// <summary>A generator that finds [TensorFunction] methods as Tensorgen does and does nothing with them.</summary>
    private sealed class Floor : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.SyntaxProvider.ForAttributeWithMetadataName("Tensorgen.TensorFunctionAttribute",
                static (node, _) => node is MethodDeclarationSyntax, static (c, _) => c.TargetSymbol.Name), static (_, _) => { });
    }

    private static (List<double> Wall, List<double> Cpu, double Process) Measure(int count, string file, string[] texts, int runs, bool floor)
    {
        var compilation = Compilation(("Graphs.cs", Graphs(count)), ("Other.cs", Other));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [floor ? new Floor().AsSourceGenerator() : new TensorGenerator().AsSourceGenerator()], parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: _steps));
        driver = driver.RunGenerators(compilation);
        var errors = driver.GetRunResult().Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("the graphs do not build: " + string.Join("; ", errors.Take(3)));

        // Parse every version once, outside the timing: the IDE has parsed the edited file before generators run.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == file);
        var versions = texts.Select(t => CSharpSyntaxTree.ParseText(t, ParseOptions, file)).ToArray();
        var wall = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var processTime = TimeSpan.Zero;
        int warmup = 10;
        for (int run = 0; run < warmup + runs; run++)
        {
            var next = versions[(run + 1) % versions.Length];
            var edited = compilation.ReplaceSyntaxTree(tree, next);
            process.Refresh();
            var processStart = process.TotalProcessorTime;
            double cpuStart = ThreadCpuMilliseconds();
            long start = Stopwatch.GetTimestamp();
            driver = driver.RunGenerators(edited);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            double cpuMs = ThreadCpuMilliseconds() - cpuStart;
            process.Refresh();
            if (run >= warmup)
            {
                wall.Add(ms);
                cpu.Add(cpuMs);
                processTime += process.TotalProcessorTime - processStart;
            }
            compilation = edited;
            tree = next;
        }
        if (_steps)
            foreach (var (name, steps) in driver.GetRunResult().Results[0].TrackedSteps)
                Console.WriteLine(FormattableString.Invariant($"    {name}: {steps.Sum(s => s.ElapsedTime.TotalMilliseconds):F1} ms, {string.Join(",", steps.SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct())}"));
        return (wall, cpu, processTime.TotalMilliseconds / runs);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The processor time this thread has used (CLOCK_THREAD_CPUTIME_ID); NaN where there is no such clock.</summary>
    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        return ClockGetTime(3, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(p * (sorted.Count - 1))];
    }

    private const string Other = """
        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    /// <summary><paramref name="count"/> training steps of the README's logistic regression, each with its own shared variables.</summary>
    internal static string Graphs(int count)
    {
        var text = new StringBuilder("""
            using Tensorgen;
            using static Tensorgen.Pt;

            namespace Keystrokes;

            public static partial class Models
            {
                private static TensorVariable Probability(TensorVariable x, TensorVariable w, TensorVariable b) => 1 / (1 + Exp(-Dot(x, w) - b));

            """);
        for (int i = 0; i < count; i++)
        {
            text.Append(FormattableString.Invariant($$"""

                    public static readonly Shared<double> W{{i}} = Shared(new double[784], name: "w");
                    public static readonly Shared<double> B{{i}} = Shared(0.0, name: "b");

                    [TensorFunction]
                    public static FunctionGraph Train{{i}}()
                    {
                        var x = DMatrix("x");
                        var y = DVector("y");
                        var p1 = Probability(x, W{{i}}, B{{i}});
                        var prediction = p1 > 0.5;
                        var xent = -y * Log(p1) - (1 - y) * Log(1 - p1);
                        var cost = xent.Mean() + 0.01 * Pow(W{{i}}, 2).Sum();
                        var (gw, gb) = Grad(cost, [W{{i}}, B{{i}}]);
                        return Function([x, y], [prediction, xent], updates: [(W{{i}}, W{{i}} - 0.1 * gw), (B{{i}}, B{{i}} - 0.1 * gb)]);
                    }

                """));
        }
        return text.Append("}\n").ToString();
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

    private static CSharpCompilation Compilation(params (string Path, string Text)[] sources) => CSharpCompilation.Create(
        "Keystrokes",
        sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
