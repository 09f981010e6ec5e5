using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tensorgen;

public static partial class Linalg
{
    /// <summary>
    /// <c>y = A·v</c>, A of shape (m, k): y[i] = A[i, :]·v. Four rows at a time, each with its own accumulator,
    /// sharing every load of v: four independent multiply-add chains hide the latency one dot product waits on,
    /// and v is read from cache once per four rows. The widest vectors the machine accelerates (512, 256 or 128 bits).
    /// </summary>
    public static void MatVec<T>(ReadOnlySpan<T> a, int m, int k, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
        => MatVec(a, m, k, v, y, Cores.Default);

    /// <summary>
    /// <see cref="MatVec{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/> on up to <paramref name="cores"/>
    /// threads when A is large, each taking blocks of rows that start at multiples of four: every row is the same
    /// sum as on one thread (in the same group of four, or the same tail), so the result is the same bit for bit.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatVec<T>(ReadOnlySpan<T> a, int m, int k, ReadOnlySpan<T> v, Span<T> y, Cores cores)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && v.Length == k && y.Length == m);
        int bits = DotVectorBits<T>();
        if (cores.Count > 1 && (long)m * k >= Parallelism.MatVecMinimum && m >= 2 * RowUnit)
        {
            var job = new MatVecRows<T>(a, k, v, y, bits);
            WorkerPool.Run(ref job, m, RowUnit, cores.Count);
        }
        else
        {
            Rows(a, m, k, v, y, bits);
        }
    }

    /// <summary>
    /// <see cref="MatVec{T}(ReadOnlySpan{T}, int, int, ReadOnlySpan{T}, Span{T})"/> with vectors of
    /// <paramref name="vectorBits"/> (512, 256, 128, or 0 for one element at a time), which must be accelerated.
    /// For tests, which run every width on one machine.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void MatVec<T>(ReadOnlySpan<T> a, int m, int k, ReadOnlySpan<T> v, Span<T> y, int vectorBits)
        where T : unmanaged, INumberBase<T>
    {
        Check(a.Length == m * k && v.Length == k && y.Length == m);
        if (!IsAccelerated<T>(vectorBits)) throw new ArgumentOutOfRangeException(nameof(vectorBits), $"{vectorBits}-bit vectors of {typeof(T).Name} are not accelerated here");
        Rows(a, m, k, v, y, vectorBits);
    }

    // Row blocks of a split A·v start at multiples of this: the groups of four rows stay the same.
    private const int RowUnit = 4;

    /// <summary>y = A·v for the m rows of <paramref name="a"/>: groups of four, then the last rows one at a time.</summary>
    private static void Rows<T>(ReadOnlySpan<T> a, int m, int k, ReadOnlySpan<T> v, Span<T> y, int vectorBits)
        where T : unmanaged, INumberBase<T>
    {
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            var rows = a.Slice(i * k, 4 * k);
            switch (vectorBits)
            {
                case 512: FourRows512(rows, k, v, y.Slice(i, 4)); break;
                case 256: FourRows256(rows, k, v, y.Slice(i, 4)); break;
                case 128: FourRows128(rows, k, v, y.Slice(i, 4)); break;
                default: FourRowsScalar(rows, k, v, y.Slice(i, 4)); break;
            }
        }
        for (; i < m; i++) y[i] = TensorPrimitives.Dot(a.Slice(i * k, k), v);
    }

    /// <summary>A block of rows of a split A·v.</summary>
    private readonly ref struct MatVecRows<T>(ReadOnlySpan<T> a, int k, ReadOnlySpan<T> v, Span<T> y, int vectorBits) : IChunkJob
        where T : unmanaged, INumberBase<T>
    {
        private readonly ReadOnlySpan<T> _a = a, _v = v;
        private readonly Span<T> _y = y;

        public void Run(int start, int end) => Rows(_a.Slice(start * k, (end - start) * k), end - start, k, _v, _y.Slice(start, end - start), vectorBits);
    }

    /// <summary>The widest vector width accelerated for <typeparamref name="T"/>, or 0: what the kernels use. For tests.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int WidestVectorBitsForTests<T>() => WidestVectorBits<T>();

    private static int WidestVectorBits<T>() =>
        IsAccelerated<T>(512) ? 512 : IsAccelerated<T>(256) ? 256 : IsAccelerated<T>(128) ? 128 : 0;

    private static bool IsAccelerated<T>(int bits) => bits switch
    {
        512 => Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported,
        256 => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported,
        128 => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported,
        0 => true,
        _ => false,
    };

    private static void FourRows512<T>(ReadOnlySpan<T> a, int k, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T x0 = ref MemoryMarshal.GetReference(v);
        var (s0, s1, s2, s3) = (Vector512<T>.Zero, Vector512<T>.Zero, Vector512<T>.Zero, Vector512<T>.Zero);
        nuint n = (nuint)k, w = (nuint)Vector512<T>.Count, j = 0;
        for (; j + w <= n; j += w)
        {
            var x = Vector512.LoadUnsafe(ref x0, j);
            s0 = MulAdd(Vector512.LoadUnsafe(ref a0, j), x, s0);
            s1 = MulAdd(Vector512.LoadUnsafe(ref a0, n + j), x, s1);
            s2 = MulAdd(Vector512.LoadUnsafe(ref a0, 2 * n + j), x, s2);
            s3 = MulAdd(Vector512.LoadUnsafe(ref a0, 3 * n + j), x, s3);
        }
        Finish(a, k, v, (int)j, Vector512.Sum(s0), Vector512.Sum(s1), Vector512.Sum(s2), Vector512.Sum(s3), y);
    }

    private static void FourRows256<T>(ReadOnlySpan<T> a, int k, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T x0 = ref MemoryMarshal.GetReference(v);
        var (s0, s1, s2, s3) = (Vector256<T>.Zero, Vector256<T>.Zero, Vector256<T>.Zero, Vector256<T>.Zero);
        nuint n = (nuint)k, w = (nuint)Vector256<T>.Count, j = 0;
        for (; j + w <= n; j += w)
        {
            var x = Vector256.LoadUnsafe(ref x0, j);
            s0 = MulAdd(Vector256.LoadUnsafe(ref a0, j), x, s0);
            s1 = MulAdd(Vector256.LoadUnsafe(ref a0, n + j), x, s1);
            s2 = MulAdd(Vector256.LoadUnsafe(ref a0, 2 * n + j), x, s2);
            s3 = MulAdd(Vector256.LoadUnsafe(ref a0, 3 * n + j), x, s3);
        }
        Finish(a, k, v, (int)j, Vector256.Sum(s0), Vector256.Sum(s1), Vector256.Sum(s2), Vector256.Sum(s3), y);
    }

    private static void FourRows128<T>(ReadOnlySpan<T> a, int k, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T x0 = ref MemoryMarshal.GetReference(v);
        var (s0, s1, s2, s3) = (Vector128<T>.Zero, Vector128<T>.Zero, Vector128<T>.Zero, Vector128<T>.Zero);
        nuint n = (nuint)k, w = (nuint)Vector128<T>.Count, j = 0;
        for (; j + w <= n; j += w)
        {
            var x = Vector128.LoadUnsafe(ref x0, j);
            s0 = MulAdd(Vector128.LoadUnsafe(ref a0, j), x, s0);
            s1 = MulAdd(Vector128.LoadUnsafe(ref a0, n + j), x, s1);
            s2 = MulAdd(Vector128.LoadUnsafe(ref a0, 2 * n + j), x, s2);
            s3 = MulAdd(Vector128.LoadUnsafe(ref a0, 3 * n + j), x, s3);
        }
        Finish(a, k, v, (int)j, Vector128.Sum(s0), Vector128.Sum(s1), Vector128.Sum(s2), Vector128.Sum(s3), y);
    }

    private static void FourRowsScalar<T>(ReadOnlySpan<T> a, int k, ReadOnlySpan<T> v, Span<T> y)
        where T : unmanaged, INumberBase<T>
        => Finish(a, k, v, 0, T.Zero, T.Zero, T.Zero, T.Zero, y);

    /// <summary>The columns from <paramref name="j"/> on, one at a time, added to the four rows' vector sums.</summary>
    private static void Finish<T>(ReadOnlySpan<T> a, int k, ReadOnlySpan<T> v, int j, T t0, T t1, T t2, T t3, Span<T> y)
        where T : unmanaged, INumberBase<T>
    {
        for (; j < k; j++)
        {
            T x = v[j];
            t0 += a[j] * x;
            t1 += a[k + j] * x;
            t2 += a[2 * k + j] * x;
            t3 += a[3 * k + j] * x;
        }
        y[0] = t0;
        y[1] = t1;
        y[2] = t2;
        y[3] = t3;
    }

    // Fused where the hardware has FMA (as TensorPrimitives.Dot), a multiply and an add otherwise; integers wrap.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MulAdd<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(double)) return Vector512.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Vector512.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MulAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(double)) return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> MulAdd<T>(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        if (typeof(T) == typeof(double)) return Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        if (typeof(T) == typeof(float)) return Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return a * b + c;
    }
}
