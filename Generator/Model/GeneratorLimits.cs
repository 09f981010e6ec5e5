using System;
using System.Globalization;

namespace Tensorgen.Generator.Model;

/// <summary>
/// Bounds on the work after evaluation, so a graph too large to compile in reasonable time ends in TG0109
/// naming the limit rather than in a hang. The stages are linear, and a graph of 100,000 nodes takes about
/// a second; the defaults leave room for several times that. A project can change them with the global
/// analyzer options <c>tensorgen_max_nodes</c> and <c>tensorgen_max_source_length</c> (a .globalconfig).
/// </summary>
/// <param name="MaxNodes">The most nodes a graph may have, before and after rewriting.</param>
/// <param name="MaxSourceLength">The most characters of generated code for one function.</param>
internal readonly record struct GeneratorLimits(int MaxNodes, int MaxSourceLength)
{
    public const string MaxNodesOption = "tensorgen_max_nodes", MaxSourceLengthOption = "tensorgen_max_source_length";

    public static readonly GeneratorLimits Default = new(500_000, 64_000_000);

    /// <summary>The limits with any option given: a positive integer replaces the default.</summary>
    public static GeneratorLimits From(Func<string, string?> option) => new(
        Read(option(MaxNodesOption)) ?? Default.MaxNodes,
        Read(option(MaxSourceLengthOption)) ?? Default.MaxSourceLength);

    private static int? Read(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null;
}

/// <summary>Thrown by a stage that reached one of the <see cref="GeneratorLimits"/>; becomes TG0109.</summary>
internal sealed class GeneratorLimitException(string message) : Exception(message)
{
    public static GeneratorLimitException Nodes(int limit) => new(string.Format(CultureInfo.InvariantCulture,
        "the graph has more than {0:N0} nodes, the generator's limit (tensorgen_max_nodes); a loop over a large constant unrolls into the graph, so compute with larger tensors rather than more nodes",
        limit));

    public static GeneratorLimitException SourceLength(int limit) => new(string.Format(CultureInfo.InvariantCulture,
        "the generated code would be longer than {0:N0} characters, the generator's limit (tensorgen_max_source_length); build a smaller graph",
        limit));
}
