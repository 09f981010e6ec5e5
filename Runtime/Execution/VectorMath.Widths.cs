using System;
using System.ComponentModel;

namespace Tensorgen;

// Which of a generated kernel's vector loops may run: tests run each loop the machine has on the same input.
public static partial class VectorMath
{
    // Thread-static, so a test narrowing its own thread leaves the tests running beside it alone.
    [ThreadStatic] private static bool t_narrow;

    /// <summary>
    /// Whether generated kernels on this thread may take their <c>Vector512</c> loop (when the machine accelerates it);
    /// true unless a test turned it off with <see cref="NarrowForTests"/>. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool Allows512 => !t_narrow;

    /// <summary>
    /// Makes generated kernels on this thread take their <c>Vector&lt;T&gt;</c> loop even where a <c>Vector512</c>
    /// one would run, until the result is disposed: so a test can check every width on one machine.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IDisposable NarrowForTests()
    {
        bool before = t_narrow;
        t_narrow = true;
        return new Restore(before);
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => t_narrow = before;
    }
}
