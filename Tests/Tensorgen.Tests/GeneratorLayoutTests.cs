using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>Files with one job each: no file under Generator/ is over about 350 lines, none under Generator/Emit/ over about 200.</summary>
public sealed class GeneratorLayoutTests
{
    private static IEnumerable<(string Path, SyntaxTree Tree)> GeneratorSources() =>
        Directory.EnumerateFiles(Repo.File("Generator"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (Path.GetRelativePath(Repo.Root, p).Replace('\\', '/'), CSharpSyntaxTree.ParseText(File.ReadAllText(p))));

    [Fact]
    public void Generator_files_are_small()
    {
        // The limits are "about" 350 and 200 lines; a little slack keeps a comment from failing the build.
        var large = GeneratorSources()
            .Select(s => (s.Path, Lines: s.Tree.GetText().Lines.Count))
            .Where(f => f.Lines > (f.Path.StartsWith("Generator/Emit/") ? 210 : 360))
            .Select(f => $"{f.Path}: {f.Lines} lines").ToList();
        Assert.True(large.Count == 0, "split these by job:\n" + string.Join("\n", large));
    }
}
