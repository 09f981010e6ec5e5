using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tensorgen;

/// <summary>
/// NumPy's <c>numpy.random.Generator</c> over <see cref="Pcg64"/>: the same seed gives the same
/// numbers as NumPy 1.24, bit for bit (within an ulp or so where NumPy calls <c>exp</c>, <c>log</c>
/// or <c>pow</c>, which .NET takes from the same C library on Linux). Scalar draws and span fills
/// allocate nothing; a fill gives exactly what NumPy's <c>size=n</c> call gives. Not thread-safe.
/// </summary>
public sealed partial class RandomGenerator
{
    // Fills work through the destination in chunks that stay in the L1 cache: raw draws are
    // written, then turned into results in place, in one pass over memory.
    private const int FillChunk = 1024;

    private readonly Pcg64 _bits;

    /// <summary>A generator drawing from <paramref name="bitGenerator"/>, which it shares with the caller.</summary>
    public RandomGenerator(Pcg64 bitGenerator)
    {
        ArgumentNullException.ThrowIfNull(bitGenerator);
        _bits = bitGenerator;
    }

    /// <summary><c>np.random.default_rng(seed)</c>: a PCG64 generator seeded through <c>SeedSequence(seed)</c>.</summary>
    public static RandomGenerator DefaultRng(ulong seed) => new(new Pcg64(seed));

    /// <summary><c>np.random.default_rng(seed)</c> with a <see cref="SeedSequence"/>, e.g. a spawned child.</summary>
    public static RandomGenerator DefaultRng(SeedSequence seed) => new(new Pcg64(seed));

    /// <summary>The bit generator underneath (NumPy's <c>bit_generator</c>).</summary>
    public Pcg64 BitGenerator => _bits;

    /// <summary><c>random()</c>: a double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Random() => _bits.NextDouble();

    /// <summary><c>random(n)</c> into <paramref name="destination"/>.</summary>
    public void Random(Span<double> destination) => Uniform01(destination, 0.0, 1.0, affine: false);

    /// <summary><c>uniform(low, high)</c>: <c>low + (high - low)·random()</c>.</summary>
    public double Uniform(double low, double high)
    {
        double range = CheckUniform(low, high);
        return low + range * _bits.NextDouble();
    }

    /// <summary><c>uniform(low, high, n)</c> into <paramref name="destination"/>.</summary>
    public void Uniform(double low, double high, Span<double> destination)
    {
        double range = CheckUniform(low, high);
        Uniform01(destination, low, range, affine: true);
    }

    private void Uniform01(Span<double> destination, double low, double range, bool affine)
    {
        for (int start = 0; start < destination.Length; start += FillChunk)
        {
            Span<double> chunk = destination.Slice(start, Math.Min(FillChunk, destination.Length - start));
            Span<ulong> raw = MemoryMarshal.Cast<double, ulong>(chunk);
            _bits.Fill(raw);
            RawToUnit(raw, chunk);
            if (affine) AffineInPlace(chunk, low, range);
        }
    }

    private static double CheckUniform(double low, double high)
    {
        double range = high - low;
        if (!double.IsFinite(range)) throw new OverflowException("high - low range exceeds valid bounds");
        if (double.IsNegative(range)) throw new ArgumentOutOfRangeException(nameof(high), "high - low < 0");
        return range;
    }

    /// <summary>
    /// Raw 64-bit draws to doubles in [0, 1), <c>(r >> 11)·2⁻⁵³</c>, in place. The vector path builds
    /// the 53-bit integer from its 21- and 32-bit halves with the 2⁵² exponent trick; both halves
    /// and their sum are exact, so it gives the same bits as the scalar conversion.
    /// </summary>
    internal static void RawToUnit(ReadOnlySpan<ulong> raw, Span<double> destination)
    {
        int n = raw.Length;
        ref ulong src = ref MemoryMarshal.GetReference(raw);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<ulong>.Count)
        {
            var magic = Vector256.Create(0x4330000000000000UL);
            var twoTo52 = Vector256.Create(4503599627370496.0);
            var scaleHigh = Vector256.Create(1.0 / 2097152.0);        // 2⁻²¹
            var scaleLow = Vector256.Create(1.0 / 9007199254740992.0); // 2⁻⁵³
            var lowMask = Vector256.Create(0xFFFFFFFFUL);
            for (; i <= n - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                var bits = Vector256.LoadUnsafe(ref src, (nuint)i) >> 11;
                var high = (Vector256.AsDouble((bits >> 32) | magic) - twoTo52) * scaleHigh;
                var low = (Vector256.AsDouble((bits & lowMask) | magic) - twoTo52) * scaleLow;
                (high + low).StoreUnsafe(ref dst, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref dst, i) = (long)(Unsafe.Add(ref src, i) >> 11) * (1.0 / 9007199254740992.0);
    }

    /// <summary><c>offset + scale·x</c> for each x, as two rounded operations (no fused multiply-add, as in NumPy).</summary>
    internal static void AffineInPlace(Span<double> values, double offset, double scale)
    {
        int n = values.Length;
        ref double v = ref MemoryMarshal.GetReference(values);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vOffset = Vector256.Create(offset);
            var vScale = Vector256.Create(scale);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
                (vOffset + vScale * Vector256.LoadUnsafe(ref v, (nuint)i)).StoreUnsafe(ref v, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref v, i) = offset + scale * Unsafe.Add(ref v, i);
    }
}
