using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

public static partial class Linalg
{
    // The register block: MR rows of C by two vectors of columns, eight accumulators that stay in registers while
    // a packed panel of A (MR wide) and one of B (two vectors wide) stream past, k steps deep. With 512-bit vectors,
    // MR512 rows (Linalg.Gemm512.cs).
    private const int MR = 4;
    // Cache blocks: a KC-deep block of B's panels stays in L2 while MC rows of A's panels are packed into L1. KC is
    // 2 KB of elements, 256 float64 or 512 float32 (1024³ float32 on a 2-core Zen 5: 102 → 119 GFLOP/s from 256 to 512;
    // float64 at 512 fell from 70 to 42).
    private const int PackKCBytes = 2048;
    private const int PackMC = 64;

    /// <summary>
    /// <c>C = op(A)·B</c>, B stored (k, n): BLIS-style, with B packed into panels two vectors wide, A into panels of
    /// four rows, and a 4×(2 vectors) register-blocked micro-kernel over each pair (8×(2 512-bit vectors) where
    /// Vector512 is accelerated, panels then starting on 64-byte boundaries). Edge panels are padded with zeros, which
    /// only meet the padding of the other operand's panel, so no real element sees them. Every element of C is the
    /// same chain of multiply-adds, in the order of k, whatever the block shape: the result does not depend on it.
    /// </summary>
    private static void PackedGemm<T>(ReadOnlySpan<T> a, bool transA, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, Cores cores)
        where T : unmanaged, INumberBase<T>
    {
        var (mr, nr) = GemmBlock<T>();
        int nPanels = (n + nr - 1) / nr;
        int depth = PackKCBytes / Unsafe.SizeOf<T>();
        int kcMax = Math.Min(depth, k);
        int blocks = (m + PackMC - 1) / PackMC;
        // Large products split the row blocks of each depth block across cores; a row block is the same work on any thread.
        bool split = cores.Count > 1 && blocks > 1 && (long)m * n * k >= Parallelism.GemmMinimum;
        var packedB = ArrayPool<T>.Shared.Rent(nPanels * nr * kcMax + 64);
        try
        {
            var panelsB = packedB.AsSpan(AlignedStart(packedB), nPanels * nr * kcMax);
            for (int pc = 0; pc < k; pc += depth)
            {
                int kc = Math.Min(depth, k - pc);
                PackB(b, n, pc, kc, nr, panelsB);
                var rows = new PackedRowBlocks<T>(a, transA, panelsB.Slice(0, nPanels * nr * kc), c, m, n, k, pc, kc, mr, nr);
                if (split) WorkerPool.Run(ref rows, blocks, 1, cores.Count);
                else rows.Run(0, blocks);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    /// <summary>Row blocks [start, end) (of <see cref="PackMC"/> rows) of C for one depth block: A packed into L1, times every packed panel of B.</summary>
    private readonly ref struct PackedRowBlocks<T>(ReadOnlySpan<T> a, bool transA, ReadOnlySpan<T> packedB, Span<T> c, int m, int n, int k, int pc, int kc, int mr, int nr) : IChunkJob
        where T : unmanaged, INumberBase<T>
    {
        private readonly ReadOnlySpan<T> _a = a, _packedB = packedB;
        private readonly Span<T> _c = c;

        public void Run(int start, int end)
        {
            int nPanels = (n + nr - 1) / nr;
            int panelsLength = ((Math.Min(PackMC, m) + mr - 1) / mr) * mr * kc;
            var packedA = ArrayPool<T>.Shared.Rent(panelsLength + 64);
            var tile = ArrayPool<T>.Shared.Rent(mr * nr);
            try
            {
                var panelsA = packedA.AsSpan(AlignedStart(packedA), panelsLength);
                for (int block = start; block < end; block++)
                {
                    int ic = block * PackMC, mc = Math.Min(PackMC, m - ic);
                    PackA(_a, transA, m, k, ic, mc, pc, kc, mr, panelsA);
                    for (int ir = 0; ir < mc; ir += mr)
                    {
                        int rows = Math.Min(mr, mc - ir);
                        ReadOnlySpan<T> aPanel = panelsA.Slice(ir * kc, mr * kc);
                        for (int jp = 0; jp < nPanels; jp++)
                        {
                            int j0 = jp * nr, columns = Math.Min(nr, n - j0);
                            if (mr == MR512) MicroKernel512<T>(aPanel, _packedB.Slice(jp * nr * kc, nr * kc), kc, tile);
                            else MicroKernel<T>(aPanel, _packedB.Slice(jp * nr * kc, nr * kc), kc, tile);
                            // The first depth block sets C, the later ones add to it: C needs no clearing.
                            for (int r = 0; r < rows; r++)
                            {
                                var target = _c.Slice((ic + ir + r) * n + j0, columns);
                                var source = tile.AsSpan(r * nr, columns);
                                if (pc == 0) source.CopyTo(target);
                                else for (int j = 0; j < columns; j++) target[j] += source[j];
                            }
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(tile);
                ArrayPool<T>.Shared.Return(packedA);
            }
        }
    }

    /// <summary>B[pc..pc+kc, :] as panels of nr columns, each kc rows of nr contiguous values, the last padded with zeros.</summary>
    private static void PackB<T>(ReadOnlySpan<T> b, int n, int pc, int kc, int nr, Span<T> packed)
        where T : unmanaged, INumberBase<T>
    {
        int nPanels = (n + nr - 1) / nr;
        for (int jp = 0; jp < nPanels; jp++)
        {
            int j0 = jp * nr, columns = Math.Min(nr, n - j0);
            var panel = packed.Slice(jp * nr * kc, nr * kc);
            for (int p = 0; p < kc; p++)
            {
                var row = panel.Slice(p * nr, nr);
                b.Slice((pc + p) * n + j0, columns).CopyTo(row);
                if (columns < nr) row.Slice(columns).Clear();
            }
        }
    }

    /// <summary>op(A)[ic..ic+mc, pc..pc+kc] as panels of mr rows, each kc columns of mr values, the last padded with zeros.</summary>
    private static void PackA<T>(ReadOnlySpan<T> a, bool transA, int m, int k, int ic, int mc, int pc, int kc, int mr, Span<T> packed)
        where T : unmanaged, INumberBase<T>
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            var panel = packed.Slice(ir * kc, mr * kc);
            for (int r = 0; r < mr; r++)
            {
                int i = ic + ir + r;
                if (ir + r >= mc)
                {
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = T.Zero;
                    continue;
                }
                for (int p = 0; p < kc; p++) panel[p * mr + r] = transA ? a[(pc + p) * m + i] : a[i * k + pc + p];
            }
        }
    }

    /// <summary>
    /// The register block: 8 rows by two 512-bit vectors where Vector512 is accelerated (on a 2-core Zen 5, 1024³ float64
    /// went from 26 to 56 GFLOP/s), else 4 rows by two <see cref="Vector{T}"/>s.
    /// </summary>
    private static (int Rows, int Columns) GemmBlock<T>()
        where T : unmanaged =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.Vector512<T>.IsSupported && VectorMath.Allows512
            ? (MR512, 2 * System.Runtime.Intrinsics.Vector512<T>.Count)
            : (MR, 2 * Vector<T>.Count);

    /// <summary>tile (MR × nr) = the packed A panel (kc × MR) times the packed B panel (kc × nr), in eight registers.</summary>
    private static void MicroKernel<T>(ReadOnlySpan<T> aPanel, ReadOnlySpan<T> bPanel, int kc, Span<T> tile)
        where T : unmanaged, INumberBase<T>
    {
        int w = Vector<T>.Count;
        ref T ap = ref MemoryMarshal.GetReference(aPanel);
        ref T bp = ref MemoryMarshal.GetReference(bPanel);
        Vector<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector.LoadUnsafe(ref bp, (nuint)(p * 2 * w));
            var b1 = Vector.LoadUnsafe(ref bp, (nuint)(p * 2 * w + w));
            ref T ar = ref Unsafe.Add(ref ap, p * MR);
            var a0 = new Vector<T>(ar);
            c00 = MulAdd(a0, b0, c00); c01 = MulAdd(a0, b1, c01);
            var a1 = new Vector<T>(Unsafe.Add(ref ar, 1));
            c10 = MulAdd(a1, b0, c10); c11 = MulAdd(a1, b1, c11);
            var a2 = new Vector<T>(Unsafe.Add(ref ar, 2));
            c20 = MulAdd(a2, b0, c20); c21 = MulAdd(a2, b1, c21);
            var a3 = new Vector<T>(Unsafe.Add(ref ar, 3));
            c30 = MulAdd(a3, b0, c30); c31 = MulAdd(a3, b1, c31);
        }
        ref T t = ref MemoryMarshal.GetReference(tile);
        nuint row = (nuint)(2 * w);
        c00.StoreUnsafe(ref t, 0); c01.StoreUnsafe(ref t, (nuint)w);
        c10.StoreUnsafe(ref t, row); c11.StoreUnsafe(ref t, row + (nuint)w);
        c20.StoreUnsafe(ref t, 2 * row); c21.StoreUnsafe(ref t, 2 * row + (nuint)w);
        c30.StoreUnsafe(ref t, 3 * row); c31.StoreUnsafe(ref t, 3 * row + (nuint)w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MulAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
    {
        if (typeof(T) == typeof(double)) return Vector.MultiplyAddEstimate(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float)) return Vector.MultiplyAddEstimate(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        return a * b + c;
    }
}
