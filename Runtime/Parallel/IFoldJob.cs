using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// A reduction over a range that can be folded in pieces: generated code's job for a reduction kernel (a
/// <c>ref struct</c> holding the kernel's spans), folded in fixed chunks by <see cref="Parallelism.Fold"/>. For
/// generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFoldJob<T>
{
    /// <summary>Folds <c>[start, end)</c> into <paramref name="acc"/>, as the kernel over that run does.</summary>
    T Fold(int start, int end, T acc);

    /// <summary>The reduction's combination of two partial results (a sum's +, a maximum's max).</summary>
    T Combine(T a, T b);
}
