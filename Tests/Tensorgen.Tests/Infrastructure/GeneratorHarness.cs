extern alias generator;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using generator::Tensorgen.Generator;
using generator::Tensorgen.Generator.Model;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>Runs the Tensorgen generator in memory over C# sources, as the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The shared framework, not the test's own folder (which also holds the generator).
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == framework).ToList();
        paths.Add(typeof(Pt).Assembly.Location);
        paths.Add(typeof(System.Numerics.Tensors.Tensor).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>
    /// For tests that compile thousands of generated files and want errors only: doc comments read as plain
    /// comments, and no nullable analysis (warnings only, and a second pass over every method body).
    /// </summary>
    public static readonly CSharpParseOptions FastParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.None)
        .WithFeatures([new KeyValuePair<string, string>("run-nullable-analysis", "never")]);

    public static CSharpCompilation Compilation(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    /// <param name="options">Global analyzer options, as a .globalconfig would give them (tensorgen_max_nodes, ...).</param>
    public static GeneratorDriver Driver(string? faultInjection = null, IReadOnlyDictionary<string, string>? options = null, CSharpParseOptions? parseOptions = null)
    {
        var global = ImmutableDictionary<string, string>.Empty;
        if (faultInjection is not null) global = global.Add(FaultInjection.OptionName, faultInjection);
        if (options is not null) global = global.AddRange(options);
        var provider = new TestOptionsProvider(global);
        return CSharpGeneratorDriver.Create(
            new[] { new TensorGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions,
            optionsProvider: provider,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator; returns its result and the compilation with the generated files added.</summary>
    public static GeneratorRun Run(string source, string path = "Test.cs", string? faultInjection = null, IReadOnlyDictionary<string, string>? options = null) =>
        Run(Compilation((path, source)), faultInjection, options);

    public static GeneratorRun Run(CSharpCompilation compilation, string? faultInjection = null, IReadOnlyDictionary<string, string>? options = null,
        System.Threading.CancellationToken cancellation = default, CSharpParseOptions? parseOptions = null)
    {
        var driver = Driver(faultInjection, options, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, cancellation);
        return new GeneratorRun(driver, driver.GetRunResult(), (CSharpCompilation)output, generatorDiagnostics);
    }

    private sealed class TestOptionsProvider(ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(ImmutableDictionary<string, string>.Empty);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ImmutableDictionary<string, string>.Empty);

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, CSharpCompilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Diagnostics the generator reported (TG....).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>Compiler errors of the user code plus generated code.</summary>
    public ImmutableArray<Diagnostic> CompileErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public IReadOnlyDictionary<string, string> Files =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>The evaluated and differentiated (not yet optimized) functions: the Differentiate step's outputs.</summary>
    public IReadOnlyList<FunctionSpec> Specs =>
        Result.Results.SelectMany(r => r.TrackedSteps.TryGetValue(TensorGenerator.DifferentiateStep, out var steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty)
            .SelectMany(s => s.Outputs).Select(o => ((DifferentiatedFunction)o.Value).Spec).ToList();

    /// <summary>Compiles the output and loads it into a collectible context, for tests that must run generated code.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        if (!emit.Success)
            throw new InvalidOperationException("generated code does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("tensorgen-test", isCollectible: true).LoadFromStream(stream);
    }
}
