using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tensorgen;

public static partial class Linalg
{
    /// <summary>Rows of A per packed panel for the 512-bit micro-kernel: eight rows by two vectors is sixteen accumulators of the 32 registers AVX-512 has.</summary>
    private const int MR512 = 8;

    /// <summary>
    /// tile (8 × 2 vectors of 512 bits) = the packed A panel (kc × 8) times the packed B panel (kc × 2 vectors): sixteen
    /// independent fused multiply-adds per step of k, enough to keep two FMA units busy through their latency. Each
    /// element of C is the same chain of multiply-adds in the order of k as in the 256-bit kernel, so the two give the
    /// same bits.
    /// </summary>
    private static void MicroKernel512<T>(ReadOnlySpan<T> aPanel, ReadOnlySpan<T> bPanel, int kc, Span<T> tile)
        where T : unmanaged, INumberBase<T>
    {
        int w = Vector512<T>.Count;
        ref T ap = ref MemoryMarshal.GetReference(aPanel);
        ref T bp = ref MemoryMarshal.GetReference(bPanel);
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref bp, (nuint)(p * 2 * w));
            var b1 = Vector512.LoadUnsafe(ref bp, (nuint)(p * 2 * w + w));
            ref T ar = ref Unsafe.Add(ref ap, p * MR512);
            var x = Vector512.Create(ar);
            c00 = MulAdd(x, b0, c00); c01 = MulAdd(x, b1, c01);
            x = Vector512.Create(Unsafe.Add(ref ar, 1));
            c10 = MulAdd(x, b0, c10); c11 = MulAdd(x, b1, c11);
            x = Vector512.Create(Unsafe.Add(ref ar, 2));
            c20 = MulAdd(x, b0, c20); c21 = MulAdd(x, b1, c21);
            x = Vector512.Create(Unsafe.Add(ref ar, 3));
            c30 = MulAdd(x, b0, c30); c31 = MulAdd(x, b1, c31);
            x = Vector512.Create(Unsafe.Add(ref ar, 4));
            c40 = MulAdd(x, b0, c40); c41 = MulAdd(x, b1, c41);
            x = Vector512.Create(Unsafe.Add(ref ar, 5));
            c50 = MulAdd(x, b0, c50); c51 = MulAdd(x, b1, c51);
            x = Vector512.Create(Unsafe.Add(ref ar, 6));
            c60 = MulAdd(x, b0, c60); c61 = MulAdd(x, b1, c61);
            x = Vector512.Create(Unsafe.Add(ref ar, 7));
            c70 = MulAdd(x, b0, c70); c71 = MulAdd(x, b1, c71);
        }
        ref T t = ref MemoryMarshal.GetReference(tile);
        nuint row = (nuint)(2 * w), v = (nuint)w;
        c00.StoreUnsafe(ref t, 0); c01.StoreUnsafe(ref t, v);
        c10.StoreUnsafe(ref t, row); c11.StoreUnsafe(ref t, row + v);
        c20.StoreUnsafe(ref t, 2 * row); c21.StoreUnsafe(ref t, 2 * row + v);
        c30.StoreUnsafe(ref t, 3 * row); c31.StoreUnsafe(ref t, 3 * row + v);
        c40.StoreUnsafe(ref t, 4 * row); c41.StoreUnsafe(ref t, 4 * row + v);
        c50.StoreUnsafe(ref t, 5 * row); c51.StoreUnsafe(ref t, 5 * row + v);
        c60.StoreUnsafe(ref t, 6 * row); c61.StoreUnsafe(ref t, 6 * row + v);
        c70.StoreUnsafe(ref t, 7 * row); c71.StoreUnsafe(ref t, 7 * row + v);
    }

    /// <summary>
    /// The index in <paramref name="buffer"/> from which its elements start on a 64-byte boundary, so that 512-bit loads
    /// of packed panels never span two cache lines (a rented array starts 16 bytes past an 8-byte boundary). Should a
    /// collection move the array, the loads are slower, the values the same.
    /// </summary>
    private static unsafe int AlignedStart<T>(T[] buffer)
        where T : unmanaged
    {
        nuint start = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (int)((64 - start % 64) % 64 / (nuint)sizeof(T));
    }
}
