using System.IO;
using System.Runtime.CompilerServices;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>Paths in the repository, found from this source file's own location.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string File(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => System.IO.File.ReadAllText(File(relative));

    private static string Find([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
