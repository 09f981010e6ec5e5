using System.ComponentModel;

namespace Tensorgen;

/// <summary>
/// The most threads one call's large work may run on, as generated code passes it to kernels and products:
/// the function's <see cref="CompiledFunction.MaxDegreeOfParallelism"/>, else the global
/// <see cref="Parallelism.MaxDegreeOfParallelism"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Cores
{
    /// <summary>At most <paramref name="count"/> threads; less than 1 counts as 1.</summary>
    public Cores(int count) => Count = count < 1 ? 1 : count;

    /// <summary>The most threads, the calling one included; at least 1.</summary>
    public int Count { get; }

    /// <summary>The calling thread alone.</summary>
    public static Cores One => new(1);

    /// <summary>The global <see cref="Parallelism.MaxDegreeOfParallelism"/>.</summary>
    public static Cores Default => new(Parallelism.MaxDegreeOfParallelism);
}
