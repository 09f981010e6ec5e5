using System;

namespace Tensorgen;

/// <summary>
/// Graph-building code is evaluated by the Tensorgen generator at build time. At run time the symbolic
/// API is inert (see <see cref="Inert"/>), and reaching <c>Function(...)</c> means a graph method itself was
/// called: a misuse, reported loudly.
/// </summary>
internal static class BuildTimeOnly
{
    internal static InvalidOperationException Error() => new(
        "Tensorgen graph code is evaluated by the source generator at build time and never runs. " +
        "Call the generated {Method}Function class instead of the [TensorFunction] method.");
}
