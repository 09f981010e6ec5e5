using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

public sealed partial class RandomGenerator
{
    /// <summary><c>standard_exponential()</c>: NumPy's 256-strip exponential ziggurat (<c>method='zig'</c>).</summary>
    public double StandardExponential()
    {
        var source = new GeneratorSource(_bits);
        return StandardExponential(ref source, 0);
    }

    /// <summary><c>standard_exponential(n)</c> into <paramref name="destination"/>, as n scalar calls.</summary>
    public void StandardExponential(Span<double> destination)
    {
        for (int start = 0; start < destination.Length; start += FillChunk)
        {
            Span<double> chunk = destination.Slice(start, Math.Min(FillChunk, destination.Length - start));
            Span<ulong> raw = MemoryMarshal.Cast<double, ulong>(chunk);
            _bits.Fill(raw);
            var source = new BufferSource(_bits, raw);
            ref double dst = ref MemoryMarshal.GetReference(chunk);
            for (int j = 0; j < chunk.Length; j++) Unsafe.Add(ref dst, j) = StandardExponential(ref source, j);
        }
    }

    /// <summary><c>exponential(scale)</c>: <c>scale·standard_exponential()</c>.</summary>
    public double Exponential(double scale)
    {
        CheckNonNegative(scale, nameof(scale));
        return scale * StandardExponential();
    }

    /// <summary><c>exponential(scale, n)</c> into <paramref name="destination"/>.</summary>
    public void Exponential(double scale, Span<double> destination)
    {
        CheckNonNegative(scale, nameof(scale));
        StandardExponential(destination);
        TensorPrimitives.Multiply(destination, scale, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double StandardExponential<TSource>(ref TSource source, int slot)
        where TSource : struct, IDrawSource, allows ref struct
    {
        ulong ri = source.NextRaw(slot) >> 3;
        int idx = (int)(ri & 0xff);
        ri >>= 8;
        double x = (long)ri * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ZigguratTables.ExponentialW), idx);
        if (ri < Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ZigguratTables.ExponentialK), idx)) return x;
        return ExponentialSlow(ref source, slot, idx, x);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ExponentialSlow<TSource>(ref TSource source, int slot, int idx, double x)
        where TSource : struct, IDrawSource, allows ref struct
    {
        // 1 - U rather than U keeps log away from 0 (NumPy gh-13361).
        if (idx == 0) return ZigguratTables.ExponentialR - NumPyMath.Log1P(-source.NextDouble(slot));
        ref double f = ref MemoryMarshal.GetArrayDataReference(ZigguratTables.ExponentialF);
        if ((Unsafe.Add(ref f, idx - 1) - Unsafe.Add(ref f, idx)) * source.NextDouble(slot) + Unsafe.Add(ref f, idx) < Math.Exp(-x))
            return x;
        return StandardExponential(ref source, slot);
    }
}
