using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// Work over a range that can be done in chunks, on any thread, in any order: generated code's job for a kernel
/// (a <c>ref struct</c> holding the kernel's spans) and the products' row or column blocks. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChunkJob
{
    /// <summary>Does the work for <c>[start, end)</c>.</summary>
    void Run(int start, int end);
}
