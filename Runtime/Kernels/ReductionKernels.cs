using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;

namespace Tensorgen;

/// <summary>
/// Kernels of the reductions that are not folds, for generated code: argmax and argmin (NumPy's: the first position
/// on ties, the first NaN if any) and the cumulative sum and product along an axis. Operands are dense, row-major,
/// with the sizes given; reduced axes are never empty (the generated code checks that before any work).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReductionKernels
{
    /// <summary>The position of the largest element of <paramref name="x"/>, flattened.</summary>
    public static long ArgmaxFlat<T>(ReadOnlySpan<T> x) where T : unmanaged, INumber<T> => Best(x, maximum: true);

    /// <summary>The position of the smallest element of <paramref name="x"/>, flattened.</summary>
    public static long ArgminFlat<T>(ReadOnlySpan<T> x) where T : unmanaged, INumber<T> => Best(x, maximum: false);

    /// <summary>The position of the first true, or 0 (False &lt; True, as NumPy orders bools).</summary>
    public static long ArgmaxFlat(ReadOnlySpan<bool> x) => First(x, true);

    /// <summary>The position of the first false, or 0.</summary>
    public static long ArgminFlat(ReadOnlySpan<bool> x) => First(x, false);

    /// <summary>Argmax over <paramref name="axes"/> (sorted) of a tensor of sizes <paramref name="dims"/>: one position per kept element.</summary>
    public static void Argmax<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<int> axes, Span<long> output) where T : unmanaged, INumber<T>
    {
        if (IsLeading(axes) && axes.Length < dims.Length) Leading(x, output, maximum: true);
        else Positions(x, dims, axes, output, maximum: true);
    }

    /// <summary>Argmin over <paramref name="axes"/>.</summary>
    public static void Argmin<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<int> axes, Span<long> output) where T : unmanaged, INumber<T>
    {
        if (IsLeading(axes) && axes.Length < dims.Length) Leading(x, output, maximum: false);
        else Positions(x, dims, axes, output, maximum: false);
    }

    /// <summary>Argmax of bools over <paramref name="axes"/>.</summary>
    public static void Argmax(ReadOnlySpan<bool> x, ReadOnlySpan<nint> dims, ReadOnlySpan<int> axes, Span<long> output) =>
        Positions(x, dims, axes, output, maximum: true);

    /// <summary>Argmin of bools over <paramref name="axes"/>.</summary>
    public static void Argmin(ReadOnlySpan<bool> x, ReadOnlySpan<nint> dims, ReadOnlySpan<int> axes, Span<long> output) =>
        Positions(x, dims, axes, output, maximum: false);

    /// <summary>
    /// The first position of the extreme: the extreme found a vector at a time (NaN if any element is NaN), then its
    /// first occurrence (a NaN finds the first NaN; -0 and 0 are equal, as NumPy compares them).
    /// </summary>
    private static long Best<T>(ReadOnlySpan<T> row, bool maximum) where T : unmanaged, INumber<T>
    {
        if (row.Length == 1) return 0;
        T extreme = maximum ? TensorPrimitives.Max(row) : TensorPrimitives.Min(row);
        if (T.IsNaN(extreme))
        {
            for (int i = 0; i < row.Length; i++)
                if (T.IsNaN(row[i])) return i;
        }
        for (int i = 0; i < row.Length; i++)
            if (row[i] == extreme) return i;
        return 0;
    }

    /// <summary>Whether the reduced axes are the first ones (axis 0 of a matrix): each group is strided, the kept elements contiguous.</summary>
    private static bool IsLeading(ReadOnlySpan<int> axes)
    {
        for (int i = 0; i < axes.Length; i++)
            if (axes[i] != i) return false;
        return true;
    }

    /// <summary>
    /// Positions over the leading axes: the best value and its position so far for every kept element, updated by one
    /// contiguous row after another (a strictly better value wins, so ties keep the first; a NaN wins once and stays).
    /// </summary>
    private static void Leading<T>(ReadOnlySpan<T> x, Span<long> output, bool maximum) where T : unmanaged, INumber<T>
    {
        int kept = output.Length;
        output.Clear();
        if (kept == 0) return;
        int rows = x.Length / kept;
        var best = x.Slice(0, kept).ToArray();
        for (int r = 1; r < rows; r++)
        {
            var row = x.Slice(r * kept, kept);
            for (int c = 0; c < kept; c++)
            {
                T v = row[c], b = best[c];
                if (T.IsNaN(b)) continue;
                if (T.IsNaN(v) || (maximum ? v > b : v < b))
                {
                    best[c] = v;
                    output[c] = r;
                }
            }
        }
    }

    private static long First(ReadOnlySpan<bool> row, bool value)
    {
        int i = row.IndexOf(value);
        return i < 0 ? 0 : i;
    }

    /// <summary>
    /// One position per kept element. When the reduced axes are the last ones each group is a contiguous row (the
    /// vector search above); otherwise the group is gathered through its strides, in row-major order of the reduced axes.
    /// </summary>
    private static void Positions<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, ReadOnlySpan<int> axes, Span<long> output, bool maximum) where T : struct
    {
        int rank = dims.Length;
        nint group = 1;
        foreach (int a in axes) group *= dims[a];
        bool trailing = true;
        for (int i = 0; i < axes.Length; i++) trailing &= axes[i] == rank - axes.Length + i;
        if (trailing)
        {
            for (int r = 0; r < output.Length; r++) output[r] = Row(x.Slice((int)(r * group), (int)group), maximum);
            return;
        }
        Span<nint> strides = stackalloc nint[rank];
        nint stride = 1;
        for (int d = rank - 1; d >= 0; d--) { strides[d] = stride; stride *= dims[d]; }
        Span<bool> reduced = stackalloc bool[rank];
        foreach (int a in axes) reduced[a] = true;
        Span<nint> at = stackalloc nint[rank];
        var values = new T[group];
        for (int r = 0; r < output.Length; r++)
        {
            // The first element of the group: the kept axes' indices of output element r.
            nint rest = r, start = 0;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (reduced[d]) continue;
                start += rest % dims[d] * strides[d];
                rest /= dims[d];
            }
            // Gather the group in row-major order of the reduced axes (an odometer over them).
            at.Clear();
            nint offset = start;
            for (nint j = 0; j < group; j++)
            {
                values[j] = x[(int)offset];
                for (int i = axes.Length - 1; i >= 0; i--)
                {
                    int a = axes[i];
                    at[a]++;
                    offset += strides[a];
                    if (at[a] < dims[a]) break;
                    offset -= at[a] * strides[a];
                    at[a] = 0;
                }
            }
            output[r] = Row<T>(values, maximum);
        }
    }

    private static long Row<T>(ReadOnlySpan<T> row, bool maximum) where T : struct
    {
        if (typeof(T) == typeof(bool))
            return First(System.Runtime.InteropServices.MemoryMarshal.Cast<T, bool>(row), maximum);
        if (typeof(T) == typeof(double)) return Best(System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(row), maximum);
        if (typeof(T) == typeof(float)) return Best(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(row), maximum);
        if (typeof(T) == typeof(long)) return Best(System.Runtime.InteropServices.MemoryMarshal.Cast<T, long>(row), maximum);
        if (typeof(T) == typeof(int)) return Best(System.Runtime.InteropServices.MemoryMarshal.Cast<T, int>(row), maximum);
        throw new NotSupportedException($"argmax of {typeof(T).Name}");
    }

    /// <summary>The cumulative sum along <paramref name="axis"/>, from its start or (<paramref name="reverse"/>) from its end.</summary>
    public static void CumSum<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, int axis, bool reverse, Span<T> output) where T : unmanaged, INumber<T> =>
        Cumulate(x, dims, axis, reverse, output, product: false);

    /// <summary>The cumulative product along <paramref name="axis"/>.</summary>
    public static void CumProd<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, int axis, bool reverse, Span<T> output) where T : unmanaged, INumber<T> =>
        Cumulate(x, dims, axis, reverse, output, product: true);

    /// <summary>
    /// Along the axis, each slab (the elements after the axis, contiguous) is the previous slab's result combined with
    /// the operand's slab: a vector at a time when the slab is long, one running value when the axis is the last.
    /// </summary>
    private static void Cumulate<T>(ReadOnlySpan<T> x, ReadOnlySpan<nint> dims, int axis, bool reverse, Span<T> output, bool product) where T : unmanaged, INumber<T>
    {
        nint outer = 1, inner = 1, n = dims[axis];
        for (int d = 0; d < axis; d++) outer *= dims[d];
        for (int d = axis + 1; d < dims.Length; d++) inner *= dims[d];
        if (n == 0 || inner == 0 || outer == 0) return;
        int step = reverse ? -1 : 1;
        for (nint o = 0; o < outer; o++)
        {
            int block = (int)(o * n * inner);
            int first = reverse ? (int)(n - 1) : 0;
            if (inner == 1)
            {
                T acc = x[block + first];
                output[block + first] = acc;
                for (int k = first + step, m = 1; m < n; k += step, m++)
                {
                    acc = product ? acc * x[block + k] : acc + x[block + k];
                    output[block + k] = acc;
                }
                continue;
            }
            int w = (int)inner;
            x.Slice(block + first * w, w).CopyTo(output.Slice(block + first * w, w));
            for (int k = first + step, m = 1; m < n; k += step, m++)
            {
                var previous = output.Slice(block + (k - step) * w, w);
                var slab = x.Slice(block + k * w, w);
                var target = output.Slice(block + k * w, w);
                if (product) TensorPrimitives.Multiply<T>(previous, slab, target);
                else TensorPrimitives.Add<T>(previous, slab, target);
            }
        }
    }
}
