using System;
using System.IO;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>Paths in the repository: its root is the folder above the test binaries that holds Tensorgen.slnx.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string File(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => System.IO.File.ReadAllText(File(relative));

    /// <summary>
    /// A source file's path as the compiler recorded it ([CallerFilePath]): deterministic CI builds map
    /// the repository to <c>/_/</c>, so such paths are put back under the root.
    /// </summary>
    public static string SourcePath(string callerFilePath) =>
        callerFilePath.StartsWith("/_/", StringComparison.Ordinal) ? File(callerFilePath.Substring(3)) : callerFilePath;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Tensorgen.slnx"))) return directory.FullName;
        throw new InvalidOperationException($"no Tensorgen.slnx above {AppContext.BaseDirectory}");
    }
}
