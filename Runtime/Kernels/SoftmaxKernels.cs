using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

/// <summary>
/// PyTensor's <c>Softmax</c>, <c>LogSoftmax</c> and the stable log-sum-exp for generated code, each one kernel
/// call over a row-major tensor. The axes <c>first..last</c> of <c>dims</c> (consecutive; none for a 0-d tensor)
/// are the "row"; the axes before them are <c>outer</c>, those after <c>inner</c>. When inner is 1 each row is
/// contiguous and is vectorized along itself; otherwise the rows of one outer index are interleaved, and the work
/// is vectorized across the inner index (every pass reads whole contiguous lines of length inner).
/// </summary>
/// <remarks>
/// Each row is shifted by its maximum before exponentiating, so values of ±1000 give finite results, as SciPy's
/// <c>softmax</c> / <c>log_softmax</c> (PyTensor's <c>perform</c>) and PyTensor's <c>local_log_sum_exp</c> do:
/// softmax subtracts the maximum as it is (a row of -inf or one with +inf gives NaN); log_softmax uses 0 where the
/// maximum is not finite; log-sum-exp of a row whose maximum is ±inf is that maximum (NaN if the row holds a NaN).
/// Empty rows are rejected before the call (NumPy's "zero-size array to reduction operation maximum").
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SoftmaxKernels
{
    /// <summary>softmax(x) along axes <paramref name="first"/>..<paramref name="last"/>: exp(x - max) / sum(exp(x - max)).</summary>
    public static void Softmax(ReadOnlySpan<double> x, ReadOnlySpan<nint> dims, int first, int last, Span<double> output) =>
        Run<double, Float64>(Kind.Softmax, x, dims, first, last, output);

    /// <inheritdoc cref="Softmax(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int, Span{double})"/>
    public static void Softmax(ReadOnlySpan<float> x, ReadOnlySpan<nint> dims, int first, int last, Span<float> output) =>
        Run<float, Float32>(Kind.Softmax, x, dims, first, last, output);

    /// <summary>log_softmax(x) along axes <paramref name="first"/>..<paramref name="last"/>: (x - m) - log(sum(exp(x - m))), m the finite maximum or 0.</summary>
    public static void LogSoftmax(ReadOnlySpan<double> x, ReadOnlySpan<nint> dims, int first, int last, Span<double> output) =>
        Run<double, Float64>(Kind.LogSoftmax, x, dims, first, last, output);

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int, Span{double})"/>
    public static void LogSoftmax(ReadOnlySpan<float> x, ReadOnlySpan<nint> dims, int first, int last, Span<float> output) =>
        Run<float, Float32>(Kind.LogSoftmax, x, dims, first, last, output);

    /// <summary>log(sum(exp(x))) over axes <paramref name="first"/>..<paramref name="last"/>, one value per row: max + log(sum(exp(x - max))).</summary>
    public static void LogSumExp(ReadOnlySpan<double> x, ReadOnlySpan<nint> dims, int first, int last, Span<double> output) =>
        Run<double, Float64>(Kind.LogSumExp, x, dims, first, last, output);

    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int, Span{double})"/>
    public static void LogSumExp(ReadOnlySpan<float> x, ReadOnlySpan<nint> dims, int first, int last, Span<float> output) =>
        Run<float, Float32>(Kind.LogSumExp, x, dims, first, last, output);

    /// <summary>The one value of a 0-d result (a 0-d operand's softmax, every element's log-sum-exp).</summary>
    public static double SoftmaxScalar(ReadOnlySpan<double> x, ReadOnlySpan<nint> dims, int first, int last) => Scalar<double, Float64>(Kind.Softmax, x, dims, first, last);

    /// <inheritdoc cref="SoftmaxScalar(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int)"/>
    public static float SoftmaxScalar(ReadOnlySpan<float> x, ReadOnlySpan<nint> dims, int first, int last) => Scalar<float, Float32>(Kind.Softmax, x, dims, first, last);

    /// <inheritdoc cref="SoftmaxScalar(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int)"/>
    public static double LogSoftmaxScalar(ReadOnlySpan<double> x, ReadOnlySpan<nint> dims, int first, int last) => Scalar<double, Float64>(Kind.LogSoftmax, x, dims, first, last);

    /// <inheritdoc cref="SoftmaxScalar(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int)"/>
    public static float LogSoftmaxScalar(ReadOnlySpan<float> x, ReadOnlySpan<nint> dims, int first, int last) => Scalar<float, Float32>(Kind.LogSoftmax, x, dims, first, last);

    /// <inheritdoc cref="SoftmaxScalar(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int)"/>
    public static double LogSumExpScalar(ReadOnlySpan<double> x, ReadOnlySpan<nint> dims, int first, int last) => Scalar<double, Float64>(Kind.LogSumExp, x, dims, first, last);

    /// <inheritdoc cref="SoftmaxScalar(ReadOnlySpan{double}, ReadOnlySpan{nint}, int, int)"/>
    public static float LogSumExpScalar(ReadOnlySpan<float> x, ReadOnlySpan<nint> dims, int first, int last) => Scalar<float, Float32>(Kind.LogSumExp, x, dims, first, last);

    private static T Scalar<T, TOps>(Kind kind, ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, int first, int last)
        where T : unmanaged, IFloatingPointIeee754<T> where TOps : IExpLog<T>
    {
        Span<T> result = stackalloc T[1];
        Run<T, TOps>(kind, x, dims, first, last, result);
        return result[0];
    }

    private enum Kind { Softmax, LogSoftmax, LogSumExp }

    /// <summary>The vector and scalar exp and log of one dtype (<see cref="Vector"/> has them per dtype, not generically).</summary>
    private interface IExpLog<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        static abstract Vector<T> Exp(Vector<T> v);
        static abstract T Exp(T v);
        static abstract T Log(T v);
    }

    private readonly struct Float64 : IExpLog<double>
    {
        public static Vector<double> Exp(Vector<double> v) => Vector.Exp(v);
        public static double Exp(double v) => Math.Exp(v);
        public static double Log(double v) => Math.Log(v);
    }

    private readonly struct Float32 : IExpLog<float>
    {
        public static Vector<float> Exp(Vector<float> v) => Vector.Exp(v);
        public static float Exp(float v) => MathF.Exp(v);
        public static float Log(float v) => MathF.Log(v);
    }

    private static void Run<T, TOps>(Kind kind, ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, int first, int last, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T> where TOps : IExpLog<T>
    {
        nint outer = 1, length = 1, inner = 1;
        for (int k = 0; k < dims.Length; k++)
        {
            if (k < first) outer *= dims[k];
            else if (k <= last) length *= dims[k];
            else inner *= dims[k];
        }
        if (outer == 0 || inner == 0) return;
        if (length == 0) throw new InvalidOperationException("zero-size array to reduction operation maximum which has no identity");
        int row = checked((int)(length * inner));
        if (inner == 1)
        {
            for (nint o = 0; o < outer; o++)
            {
                var source = x.Slice(checked((int)(o * length)), (int)length);
                if (kind == Kind.LogSumExp) output[(int)o] = Contiguous<T, TOps>.LogSumExp(source);
                else Contiguous<T, TOps>.Row(kind, source, output.Slice(checked((int)(o * length)), (int)length));
            }
            return;
        }
        int n = (int)inner;
        var rented = ArrayPool<T>.Shared.Rent(2 * n);
        try
        {
            var max = rented.AsSpan(0, n);
            var sum = rented.AsSpan(n, n);
            for (nint o = 0; o < outer; o++)
            {
                var source = x.Slice(checked((int)(o * row)), row);
                var target = kind == Kind.LogSumExp ? output.Slice(checked((int)(o * inner)), n) : output.Slice(checked((int)(o * row)), row);
                Interleaved<T, TOps>.Rows(kind, source, (int)length, max, sum, target);
            }
        }
        finally { ArrayPool<T>.Shared.Return(rented); }
    }

    /// <summary>One contiguous row at a time.</summary>
    private static class Contiguous<T, TOps> where T : unmanaged, IFloatingPointIeee754<T> where TOps : IExpLog<T>
    {
        public static T Max(ReadOnlySpan<T> row)
        {
            int i = 0;
            T max = T.NegativeInfinity;
            if (row.Length >= Vector<T>.Count)
            {
                var m = new Vector<T>(T.NegativeInfinity);
                for (; i <= row.Length - Vector<T>.Count; i += Vector<T>.Count) m = Vector.Max(m, new Vector<T>(row.Slice(i)));
                for (int k = 0; k < Vector<T>.Count; k++) max = T.Max(max, m[k]);
            }
            for (; i < row.Length; i++) max = row[i] > max ? row[i] : max;
            return max;
        }

        /// <summary>target = exp(row - shift); returns the sum of target.</summary>
        public static T ExpShifted(ReadOnlySpan<T> row, T shift, Span<T> target)
        {
            int i = 0;
            var acc = Vector<T>.Zero;
            var s = new Vector<T>(shift);
            for (; i <= row.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var e = TOps.Exp(new Vector<T>(row.Slice(i)) - s);
                e.CopyTo(target.Slice(i));
                acc += e;
            }
            T sum = Vector.Sum(acc);
            for (; i < row.Length; i++) sum += target[i] = TOps.Exp(row[i] - shift);
            return sum;
        }

        /// <summary>The sum of exp(row - shift), nothing written.</summary>
        public static T SumExpShifted(ReadOnlySpan<T> row, T shift)
        {
            int i = 0;
            var acc = Vector<T>.Zero;
            var s = new Vector<T>(shift);
            for (; i <= row.Length - Vector<T>.Count; i += Vector<T>.Count) acc += TOps.Exp(new Vector<T>(row.Slice(i)) - s);
            T sum = Vector.Sum(acc);
            for (; i < row.Length; i++) sum += TOps.Exp(row[i] - shift);
            return sum;
        }

        public static void Row(Kind kind, ReadOnlySpan<T> row, Span<T> target)
        {
            T max = Max(row);
            int i = 0;
            if (kind == Kind.Softmax)
            {
                var sum = new Vector<T>(ExpShifted(row, max, target));
                for (; i <= row.Length - Vector<T>.Count; i += Vector<T>.Count) (new Vector<T>(target.Slice(i)) / sum).CopyTo(target.Slice(i));
                for (; i < row.Length; i++) target[i] /= sum[0];
                return;
            }
            T shift = T.IsFinite(max) ? max : T.Zero;
            T log = TOps.Log(SumExpShifted(row, shift));
            // (x - m) - log(s), in SciPy's order: x - m is exact for the row's maximum, which gives -log(s).
            var m = new Vector<T>(shift);
            var l = new Vector<T>(log);
            for (; i <= row.Length - Vector<T>.Count; i += Vector<T>.Count) (new Vector<T>(row.Slice(i)) - m - l).CopyTo(target.Slice(i));
            for (; i < row.Length; i++) target[i] = row[i] - shift - log;
        }

        public static T LogSumExp(ReadOnlySpan<T> row)
        {
            T max = Max(row);
            if (T.IsInfinity(max)) return HasNaN(row) ? T.NaN : max;
            return max + TOps.Log(SumExpShifted(row, max));
        }

        private static bool HasNaN(ReadOnlySpan<T> row)
        {
            foreach (var v in row)
                if (T.IsNaN(v)) return true;
            return false;
        }
    }

    /// <summary>The rows of one outer index, interleaved: element (i, j) of the block at i * inner + j; vectorized along j.</summary>
    private static class Interleaved<T, TOps> where T : unmanaged, IFloatingPointIeee754<T> where TOps : IExpLog<T>
    {
        public static void Rows(Kind kind, ReadOnlySpan<T> block, int length, Span<T> max, Span<T> sum, Span<T> target)
        {
            int n = max.Length, w = Vector<T>.Count;
            block.Slice(0, n).CopyTo(max);
            for (int i = 1; i < length; i++)
            {
                var line = block.Slice(i * n, n);
                int j = 0;
                for (; j <= n - w; j += w) Vector.Max(new Vector<T>(max.Slice(j)), new Vector<T>(line.Slice(j))).CopyTo(max.Slice(j));
                for (; j < n; j++) max[j] = line[j] > max[j] ? line[j] : max[j];
            }
            // A NaN in the first line is kept by the copy but may be lost by Vector.Max: only the log-sum-exp of an
            // infinite maximum depends on it, and that case looks for NaNs itself below.
            bool logSumExp = kind == Kind.LogSumExp;
            var shift = max;
            if (kind == Kind.LogSoftmax)
                for (int j = 0; j < n; j++)
                    if (!T.IsFinite(shift[j])) shift[j] = T.Zero;
            // Where the maximum is ±inf the log-sum-exp is that maximum: recorded in the output, then shifted by 0.
            Span<T> infinite = logSumExp ? target : default;
            if (logSumExp) RecordInfinite(block, length, n, shift, infinite);
            sum.Clear();
            for (int i = 0; i < length; i++)
            {
                var line = block.Slice(i * n, n);
                var written = logSumExp ? default : target.Slice(i * n, n);
                int j = 0;
                for (; j <= n - w; j += w)
                {
                    var e = TOps.Exp(new Vector<T>(line.Slice(j)) - new Vector<T>(shift.Slice(j)));
                    if (kind == Kind.Softmax) e.CopyTo(written.Slice(j));
                    (new Vector<T>(sum.Slice(j)) + e).CopyTo(sum.Slice(j));
                }
                for (; j < n; j++)
                {
                    T e = TOps.Exp(line[j] - shift[j]);
                    if (kind == Kind.Softmax) written[j] = e;
                    sum[j] += e;
                }
            }
            if (kind == Kind.Softmax)
            {
                for (int i = 0; i < length; i++)
                {
                    var line = target.Slice(i * n, n);
                    int j = 0;
                    for (; j <= n - w; j += w) (new Vector<T>(line.Slice(j)) / new Vector<T>(sum.Slice(j))).CopyTo(line.Slice(j));
                    for (; j < n; j++) line[j] /= sum[j];
                }
                return;
            }
            for (int j = 0; j < n; j++) sum[j] = TOps.Log(sum[j]);
            if (logSumExp)
            {
                for (int j = 0; j < n; j++) target[j] = T.IsZero(infinite[j]) ? shift[j] + sum[j] : infinite[j];
                return;
            }
            for (int i = 0; i < length; i++)
            {
                var line = block.Slice(i * n, n);
                var written = target.Slice(i * n, n);
                int j = 0;
                for (; j <= n - w; j += w)
                    (new Vector<T>(line.Slice(j)) - new Vector<T>(shift.Slice(j)) - new Vector<T>(sum.Slice(j))).CopyTo(written.Slice(j));
                for (; j < n; j++) written[j] = line[j] - shift[j] - sum[j];
            }
        }

        /// <summary>
        /// For the log-sum-exp: where column j's maximum is ±inf, infinite[j] is that maximum (NaN if the column holds
        /// a NaN) and shift[j] becomes 0 so the sums stay finite; elsewhere infinite[j] stays 0.
        /// </summary>
        private static void RecordInfinite(ReadOnlySpan<T> block, int length, int n, Span<T> shift, Span<T> infinite)
        {
            for (int j = 0; j < n; j++)
            {
                infinite[j] = T.Zero;
                if (!T.IsInfinity(shift[j])) continue;
                T value = shift[j];
                for (int i = 0; i < length; i++)
                    if (T.IsNaN(block[i * n + j])) value = T.NaN;
                infinite[j] = value;
                shift[j] = T.Zero;
            }
        }
    }
}
