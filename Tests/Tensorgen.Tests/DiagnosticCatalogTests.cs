extern alias generator;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Diagnostics = generator::Tensorgen.Generator.Model.Diagnostics;

namespace Tensorgen.Tests;

/// <summary>Every TG diagnostic is tracked for release (AnalyzerReleases.*.md) and documented in the README, where its help link points.</summary>
public sealed class DiagnosticCatalogTests
{
    private static DiagnosticDescriptor[] All() =>
        typeof(Diagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();

    [Fact]
    public void Ids_are_unique_and_in_their_stage_ranges()
    {
        var all = All();
        Assert.True(all.Length >= 30);
        Assert.Equal(all.Length, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d => Assert.Matches("^TG(00|01|02|03|04|05|99)\\d\\d$", d.Id));
    }

    [Fact]
    public void Every_diagnostic_is_tracked_and_documented()
    {
        var releases = Repo.Read("Generator/AnalyzerReleases.Unshipped.md") + Repo.Read("Generator/AnalyzerReleases.Shipped.md");
        var readme = Repo.Read("README.md");
        foreach (var d in All())
        {
            Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} | {d.Title}", releases);
            Assert.Contains($"\n### {d.Id}\n", readme.Replace("\r\n", "\n"));
            Assert.EndsWith("README.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
        }
    }
}
