using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Tensorgen;

/// <summary>
/// How many cores compiled functions may use. Large work is split across threads: element-wise kernels over many
/// elements, matrix-vector and matrix-matrix products. Work under a size threshold runs on the calling thread as if
/// nothing were parallel (the same code, nothing allocated), and so does everything when the degree is 1.
/// </summary>
/// <remarks>
/// Results do not depend on the degree: a split never changes the order of the additions any element is made of,
/// nor whether an element takes a vector or a scalar path, so a call gives the same bits on one core as on many.
/// A reduction of a whole run to one value (a sum, a maximum) over at least <see cref="ReductionMinimum"/> elements is
/// folded in chunks whose number and bounds depend only on the length, the partial results combined in chunk order:
/// on one core or on many, the same additions in the same order. That order differs from one pass over the run (below
/// the minimum), so a large sum's last bits are not those of a single pass; they are the same on every machine with
/// the same vector width. Not split: reductions along some axes only (the rows of a matrix), element-wise kernels
/// inside a loop nest (broadcasting along some axes), products with B transposed, batched products (which follow the global
/// setting, not the function's). Only one call at a time is split: a call that starts while another
/// call's work is spread over the cores runs on its own thread (the cores are busy anyway).
/// </remarks>
public static class Parallelism
{
    private static int _maxDegree = Environment.ProcessorCount;

    /// <summary>
    /// The most threads (the calling one included) that one call's large work may run on; by default
    /// <see cref="Environment.ProcessorCount"/>. 1 runs everything on the calling thread. A function's own
    /// <see cref="CompiledFunction.MaxDegreeOfParallelism"/>, when set, takes precedence. Read at each call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => Volatile.Read(ref _maxDegree);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _maxDegree, value);
        }
    }

    /// <summary>
    /// An element-wise kernel over fewer elements than this runs on the calling thread; by default 2^18 (2 MB of
    /// float64). For tests, which lower it to split small inputs.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int ElementwiseMinimum { get; set; } = 1 << 18;

    /// <summary>
    /// A matrix-vector product (<c>A·v</c> or <c>Aᵀ·v</c>) over a matrix of fewer elements than this runs on the
    /// calling thread; by default 2^20 (8 MB of float64). For tests.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static long MatVecMinimum { get; set; } = 1 << 20;

    /// <summary>
    /// A matrix-matrix product of fewer multiply-adds (m·n·k) than this runs on the calling thread; by default
    /// 2^22 (about 160³). For tests.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static long GemmMinimum { get; set; } = 1 << 22;

    /// <summary>
    /// A reduction of a whole run to one value over fewer elements than this is one pass on the calling thread; by
    /// default 2^18. From it on, the run is folded in fixed chunks (see the remarks). For tests.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int ReductionMinimum { get; set; } = 1 << 18;

    /// <summary>
    /// A fold's chunks hold at least this many elements (by default 2^15), rounded up to whole 1024s; there are at
    /// most 256 of them. For tests, which lower it to fold short runs in several chunks.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int ReductionChunkMinimum { get; set; } = 1 << 15;

    internal const int MaxFoldChunks = 256;

    /// <summary>How many calls have been split across threads since the process started. For tests, which check that a split happened.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static long SplitCount => Volatile.Read(ref WorkerPool.Splits);

    /// <summary>Chunks of element-wise runs start at multiples of this many elements: whole vectors of any width.</summary>
    internal const int ElementUnit = 1024;

    /// <summary>Whether an element-wise kernel over <paramref name="length"/> elements is split across cores. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SplitsElements(nint length, Cores cores) => cores.Count > 1 && length >= ElementwiseMinimum;

    /// <summary>
    /// Runs <paramref name="job"/> over <c>[0, length)</c> in chunks on up to <paramref name="cores"/> threads, the
    /// calling one included, and returns when every chunk is done. Chunks start at multiples of
    /// <see cref="ElementUnit"/>, so a kernel's vector loop covers in each chunk the elements it covers in one
    /// call over the whole run, and its scalar tail the same last elements. An exception from a chunk is thrown
    /// here once every chunk has finished. The job is passed by value: it lives in this method's frame, which
    /// outlives every chunk. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void For<TJob>(TJob job, nint length, Cores cores)
        where TJob : IChunkJob, allows ref struct
        => WorkerPool.Run(ref job, checked((int)length), ElementUnit, cores.Count);

    /// <summary>
    /// Folds <c>[0, length)</c> into <paramref name="acc"/>: below <see cref="ReductionMinimum"/> in one call of the
    /// job; from it on in chunks of <see cref="FoldChunk"/> elements (whole vectors of any width), each from
    /// <paramref name="identity"/>, on up to <paramref name="cores"/> threads, their results combined in chunk order.
    /// The result does not depend on the number of cores. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static T Fold<TJob, T>(TJob job, nint length, T acc, T identity, Cores cores)
        where TJob : IFoldJob<T>, allows ref struct
        where T : unmanaged
    {
        int n = checked((int)length);
        if (n < ReductionMinimum) return job.Fold(0, n, acc);
        int chunk = FoldChunk(n);
        Span<T> partials = stackalloc T[(n + chunk - 1) / chunk];
        var chunks = new FoldChunks<TJob, T>(job, partials, chunk, n, identity);
        WorkerPool.Run(ref chunks, partials.Length, 1, cores.Count);
        foreach (var partial in partials) acc = job.Combine(acc, partial);
        return acc;
    }

    /// <summary>The length of a fold's chunks for a run of <paramref name="length"/>: a function of the length alone.</summary>
    internal static int FoldChunk(int length)
    {
        long chunk = Math.Max(ReductionChunkMinimum, ((long)length + MaxFoldChunks - 1) / MaxFoldChunks);
        return (int)((chunk + ElementUnit - 1) / ElementUnit * ElementUnit);
    }
}
