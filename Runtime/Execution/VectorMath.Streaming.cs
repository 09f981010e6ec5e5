using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Tensorgen;

// Non-temporal stores for outputs larger than the cache, for generated kernels (which cannot use pointers). A normal
// store first reads the line it writes (read for ownership) and leaves it in the cache, where it evicts the inputs; a
// non-temporal store writes the line to memory without reading it. Only the store changes, never a value.
public static partial class VectorMath
{
    /// <summary>
    /// Outputs of at least this many bytes are streamed: 8 MB, a last-level cache's size or more on the machines we
    /// measured (this VM's CPUID and /sys report no cache sizes, so it is not derived at run time). A smaller output is
    /// likely read again while still cached, which a non-temporal store would prevent.
    /// </summary>
    public const long StreamingBytes = 8L << 20;

    // Set by tests to stream small outputs on their own thread; s_overridden keeps the check off the common path.
    [ThreadStatic] private static long t_streamingBytes;
    private static volatile bool s_overridden;

    /// <summary>
    /// Whether a kernel streams <paramref name="output"/> and from where: the number of leading elements to compute
    /// apart (normal stores) so that the rest starts on a 64-byte boundary (0 when it does already), or -1 when the
    /// output is not streamed (smaller than <see cref="StreamingBytes"/>, too short to reach a boundary, or no vector
    /// hardware). For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe int StreamFrom<T>(Span<T> output) where T : unmanaged =>
        // The common case, a small output, costs a multiplication and a compare (kernels run per row of a matrix).
        (long)output.Length * sizeof(T) < StreamingBytes && !s_overridden ? -1 : Head(output);

    private static unsafe int Head<T>(Span<T> output) where T : unmanaged
    {
        long bytes = (long)output.Length * sizeof(T);
        long threshold = s_overridden && t_streamingBytes > 0 ? t_streamingBytes : StreamingBytes;
        if (bytes < threshold) return -1;
        if (!Vector.IsHardwareAccelerated || output.IsEmpty) return -1;
        fixed (T* p = output)
        {
            int offset = (int)((nuint)p & 63);
            if (offset % sizeof(T) != 0) return -1;
            int head = offset == 0 ? 0 : (64 - offset) / sizeof(T);
            return head < output.Length ? head : -1;
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> at <paramref name="destination"/>[<paramref name="index"/>]: non-temporal when
    /// <paramref name="stream"/> and the address is 64-byte aligned, else an ordinary store. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(Vector512<T> value, ref T destination, nuint index, bool stream) where T : unmanaged
    {
        if (stream)
        {
            // Pinned for the store only: the array may move between two stores, so each checks its own address.
            fixed (T* p = &destination)
            {
                T* at = p + index;
                if (((nuint)at & 63) == 0)
                {
                    Vector512.StoreAlignedNonTemporal(value, at);
                    return;
                }
            }
        }
        Vector512.StoreUnsafe(value, ref destination, index);
    }

    /// <summary>
    /// Stores <paramref name="value"/> at <paramref name="destination"/>[<paramref name="index"/>]: non-temporal when
    /// <paramref name="stream"/> and the address is aligned to the vector's size, else an ordinary store. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(Vector<T> value, ref T destination, nuint index, bool stream) where T : unmanaged
    {
        if (stream)
        {
            fixed (T* p = &destination)
            {
                T* at = p + index;
                if (Vector<byte>.Count == 32 && ((nuint)at & 31) == 0)
                {
                    Vector256.StoreAlignedNonTemporal(value.AsVector256(), at);
                    return;
                }
                if (Vector<byte>.Count == 16 && ((nuint)at & 15) == 0)
                {
                    Vector128.StoreAlignedNonTemporal(value.AsVector128(), at);
                    return;
                }
            }
        }
        Vector.StoreUnsafe(value, ref destination, index);
    }

    /// <summary>
    /// Orders a kernel's non-temporal stores before whatever follows (they are weakly ordered, and another thread may
    /// read the output next); nothing when <paramref name="stream"/> is false. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void FenceStores(bool stream)
    {
        if (stream && Sse.IsSupported) Sse.StoreFence();
    }

    /// <summary>
    /// Makes generated kernels on this thread stream outputs of at least <paramref name="bytes"/> bytes (rather than
    /// <see cref="StreamingBytes"/>) until the result is disposed, so tests can stream small outputs (and
    /// <see cref="long.MaxValue"/> streams none).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IDisposable StreamAboveForTests(long bytes)
    {
        long before = t_streamingBytes;
        t_streamingBytes = bytes;
        s_overridden = true;
        return new RestoreStreaming(before);
    }

    private sealed class RestoreStreaming(long before) : IDisposable
    {
        public void Dispose() => t_streamingBytes = before;
    }
}
