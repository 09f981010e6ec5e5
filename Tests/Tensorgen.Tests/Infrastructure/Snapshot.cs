using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>
/// Snapshot testing with Verify's file convention and none of its dependencies:
/// <c>Snapshots/{Class}.{Method}#{Name}.verified.cs</c> is the accepted text; a mismatch writes
/// <c>.received.cs</c> beside it and fails. Set <c>ACCEPT_SNAPSHOTS=1</c> to accept what is received.
/// </summary>
internal static class Snapshot
{
    public static bool Accepting => Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1";

    public static void Verify(string text, string name, [CallerMemberName] string method = "", [CallerFilePath] string file = "")
    {
        file = Repo.SourcePath(file);
        string directory = Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
        string stem = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(file)}.{method}#{name}");
        string verified = stem + ".verified.cs", received = stem + ".received.cs";
        text = text.Replace("\r\n", "\n");
        if (Accepting)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, text);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == text)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, text);
        Assert.Fail(expected is null
            ? $"No snapshot {Path.GetFileName(verified)} yet; review {Path.GetFileName(received)} and run with ACCEPT_SNAPSHOTS=1 to accept it."
            : $"{Path.GetFileName(received)} differs from {Path.GetFileName(verified)} at line {FirstDifference(expected, text)}; review and run with ACCEPT_SNAPSHOTS=1 to accept.");
    }

    private static int FirstDifference(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return i + 1;
        return Math.Min(x.Length, y.Length) + 1;
    }
}
