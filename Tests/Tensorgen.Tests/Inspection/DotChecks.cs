using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace Tensorgen.Tests.Inspection;

/// <summary>
/// DOT text checked by Graphviz's own parser (<c>dot</c>, Debian's graphviz, which <c>.ci/run</c> installs); where it
/// is not installed, by the structure a parser would need (balanced braces and quotes, one statement per line), unless
/// <c>TENSORGEN_REQUIRE_GRAPHVIZ=1</c> (CI) makes its absence a failure.
/// </summary>
internal static class DotChecks
{
    private static readonly Lazy<string?> Dot = new(() =>
        Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator).Select(d => Path.Combine(d, "dot")).FirstOrDefault(File.Exists));

    public static void AssertParses(string dot, string what)
    {
        AssertBalanced(dot, what);
        if (Dot.Value is not { } executable)
        {
            Assert.True(Environment.GetEnvironmentVariable("TENSORGEN_REQUIRE_GRAPHVIZ") != "1", "Graphviz's dot is not installed (apt-get install graphviz)");
            return;
        }
        var start = new ProcessStartInfo(executable, "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), $"{what}: dot did not finish");
        Assert.True(process.ExitCode == 0, $"{what}: dot failed: {error.Result}");
        Assert.Contains("<svg", output.Result);
    }

    private static void AssertBalanced(string dot, string what)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < dot.Length; i++)
        {
            char c = dot[i];
            if (quoted)
            {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
                else Assert.True(c != '\n', $"{what}: a quoted string spans lines");
                continue;
            }
            if (c == '"') quoted = true;
            else if (c == '{') depth++;
            else if (c == '}') Assert.True(--depth >= 0, $"{what}: unbalanced braces");
        }
        Assert.False(quoted, $"{what}: unterminated string");
        Assert.Equal(0, depth);
    }
}
