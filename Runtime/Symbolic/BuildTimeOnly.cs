using System;

namespace Tensorgen;

/// <summary>
/// The symbolic API exists for the compiler: graph-building code is evaluated by the Tensorgen
/// generator at build time, so any member reached at run time is a misuse, reported loudly.
/// </summary>
internal static class BuildTimeOnly
{
    internal static InvalidOperationException Error() => new(
        "Tensorgen graph code is evaluated by the source generator at build time and never runs. " +
        "Call the generated {Method}Function class instead of the [TensorFunction] method.");
}
