using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Api;

/// <summary>
/// The README's getting-started code, and the package consumer, build as written in a <c>dotnet new console</c>
/// project: implicit usings, nullable on, top-level statements; no error and no warning (from the compiler or
/// the generator), and the generator emitted the functions.
/// </summary>
public sealed class ReadmeProjectTests
{
    [Theory]
    [InlineData("Getting started with the package")]
    [InlineData("A first function")]
    [InlineData("The API in an ordinary project")]
    [InlineData("Loops: Scan")]
    public void Readme_section_builds_in_a_console_project(string section)
    {
        var files = ReadmeFiles(Repo.Read("README.md"), section);
        Assert.NotEmpty(files);
        AssertBuilds(OrdinaryProject.Build(files));
    }

    [Fact]
    public void Package_consumer_builds_with_implicit_usings()
    {
        string folder = Repo.File("Tests/PackageConsumer");
        Assert.Contains("<ImplicitUsings>enable</ImplicitUsings>", File.ReadAllText(Path.Combine(folder, "PackageConsumer.csproj")));
        var files = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        AssertBuilds(OrdinaryProject.Build(files));
    }

    private static void AssertBuilds(GeneratorRun run)
    {
        Assert.True(OrdinaryProject.Problems(run).Length == 0, OrdinaryProject.Problems(run));
        Assert.NotEmpty(run.Files);
    }

    /// <summary>
    /// The <c>csharp</c> blocks of the README's level-2 section <paramref name="title"/>, as files: a block whose first
    /// line is a comment naming a file (<c>// Graphs.cs</c>) is that file, any other block is Program.cs.
    /// </summary>
    internal static (string Path, string Text)[] ReadmeFiles(string readme, string title)
    {
        var lines = readme.Replace("\r\n", "\n").Split('\n');
        int start = System.Array.IndexOf(lines, "## " + title);
        Assert.True(start >= 0, $"README has no section \"## {title}\"");
        var files = new List<(string Path, string Text)>();
        for (int i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (lines[i] != "```csharp") continue;
            int end = System.Array.IndexOf(lines, "```", i + 1);
            var block = lines[(i + 1)..end];
            var name = Regex.Match(block.FirstOrDefault() ?? "", @"^// (\w+\.cs)$");
            string path = name.Success ? name.Groups[1].Value : "Program.cs";
            Assert.DoesNotContain(files, f => f.Path == path);
            files.Add((path, string.Join("\n", block)));
            i = end;
        }
        return files.ToArray();
    }
}
