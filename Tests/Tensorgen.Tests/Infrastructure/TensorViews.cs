using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>How a test hands a tensor input to a compiled function.</summary>
internal enum InputLayout
{
    /// <summary>A tensor over exactly its row-major elements.</summary>
    Dense,

    /// <summary>Rows 1..n+1 of a tensor with one more row on each side: dense, not at element 0.</summary>
    Offset,

    /// <summary>The odd elements along the last axis of a tensor twice as wide: every other column.</summary>
    Strided,

    /// <summary>Stored as the transpose (axes reversed), viewed back through permuted strides.</summary>
    Transposed,

    /// <summary>A smaller tensor repeated along one axis with stride 0.</summary>
    Broadcast,
}

/// <summary>
/// Makes random inputs and the <see cref="Tensor{T}"/> views that show them in one layout. The logical
/// values (the arrays the reference evaluator gets) are the same whatever the layout, except for
/// <see cref="InputLayout.Broadcast"/>, whose inputs repeat along one axis so that a stride-0 view can
/// produce them. Cells a view must not read hold 77, so reading them changes the results.
/// </summary>
internal sealed class TensorViews(InputLayout layout)
{
    private const double Outside = 77;

    // The smaller array each broadcast input repeats, and the axis it repeats along.
    private readonly Dictionary<Array, (Array Source, int Axis)> _broadcasts = new(ReferenceEqualityComparer.Instance);

    public InputLayout Layout => layout;

    /// <summary>
    /// Random inputs of the given shapes; in the broadcast layout, each tensor input repeats along its
    /// first axis longer than 1 (even inputs) or its last (odd inputs), so rows and columns both occur.
    /// </summary>
    public Array[] Inputs(Random random, int[][] shapes, bool[] integers) =>
        Inputs(random, shapes, (r, i, shape) => TensorData.Random(r, shape, integers[i]));

    /// <summary>As above, with <paramref name="values"/> making input i's values (or the smaller array it repeats) for a shape.</summary>
    public Array[] Inputs(Random random, int[][] shapes, Func<Random, int, int[], Array> values)
    {
        var inputs = new Array[shapes.Length];
        for (int i = 0; i < shapes.Length; i++)
        {
            var shape = shapes[i];
            var axes = Enumerable.Range(0, shape.Length).Where(d => shape[d] > 1).ToList();
            if (layout != InputLayout.Broadcast || axes.Count == 0)
            {
                inputs[i] = values(random, i, shape);
                continue;
            }
            int axis = i % 2 == 0 ? axes[0] : axes[^1];
            var small = values(random, i, shape.Select((n, d) => d == axis ? 1 : n).ToArray());
            inputs[i] = Repeat(small, axis, shape[axis]);
            _broadcasts[inputs[i]] = (small, axis);
        }
        return inputs;
    }

    /// <summary>A tensor whose logical values are <paramref name="a"/>, laid out as this layout says.</summary>
    public Tensor<T> Tensor<T>(Array a) where T : struct
    {
        var shape = a.Shape;
        int rank = shape.Length;
        var lengths = shape.Select(n => (nint)n).ToArray();
        switch (layout)
        {
            case InputLayout.Offset when rank > 0:
            {
                int rowSize = shape.Skip(1).Aggregate(1, (x, y) => x * y);
                var storage = Filled<T>((shape[0] + 2) * rowSize);
                for (int k = 0; k < a.Size; k++) storage[rowSize + k] = TensorData.Convert<T>(a.Data[k]);
                var bigger = System.Numerics.Tensors.Tensor.Create(storage, lengths.Select((n, d) => d == 0 ? n + 2 : n).ToArray());
                var ranges = lengths.Select((n, d) => d == 0 ? new NRange(1, n + 1) : new NRange(0, n)).ToArray();
                return bigger.Slice(ranges);
            }
            case InputLayout.Strided when rank > 0:
            {
                var storage = Filled<T>(Math.Max(1, a.Size * 2));
                for (int k = 0; k < a.Size; k++) storage[2 * k + 1] = TensorData.Convert<T>(a.Data[k]);
                var strides = RowMajorStrides(shape).Select(s => 2 * s).ToArray();
                return Create(storage, a.Size == 0 ? 0 : 1, lengths, strides);
            }
            case InputLayout.Transposed when rank > 1:
            {
                // storage[j_{r-1}, ..., j_0] = a[j_0, ..., j_{r-1}]: element (i_0, ...) is at Σ i_d · Π_{k<d} n_k.
                var strides = new nint[rank];
                nint step = 1;
                for (int d = 0; d < rank; d++)
                {
                    strides[d] = step;
                    step *= shape[d];
                }
                var storage = Filled<T>(a.Size);
                var rowMajor = RowMajorStrides(shape);
                for (int k = 0; k < a.Size; k++)
                {
                    nint offset = 0;
                    for (int d = 0; d < rank; d++) offset += k / rowMajor[d] % shape[d] * strides[d];
                    storage[offset] = TensorData.Convert<T>(a.Data[k]);
                }
                return Create(storage, 0, lengths, strides);
            }
            case InputLayout.Broadcast when _broadcasts.TryGetValue(a, out var broadcast):
            {
                var storage = broadcast.Source.Data.Select(TensorData.Convert<T>).ToArray();
                var strides = RowMajorStrides(broadcast.Source.Shape);
                strides[broadcast.Axis] = 0;
                return Create(storage, 0, lengths, strides);
            }
            default:
                return TensorData.ToTensor<T>(a);
        }
    }

    private static Array Repeat(Array small, int axis, int times)
    {
        var shape = small.Shape.Select((n, d) => d == axis ? times : n).ToArray();
        int inner = small.Shape.Skip(axis + 1).Aggregate(1, (x, y) => x * y);
        int outer = small.Shape.Take(axis).Aggregate(1, (x, y) => x * y);
        var data = new double[outer * times * inner];
        for (int o = 0; o < outer; o++)
            for (int t = 0; t < times; t++)
                System.Array.Copy(small.Data, o * inner, data, (o * times + t) * inner, inner);
        return new Array(data, shape);
    }

    private static T[] Filled<T>(int count) where T : struct =>
        Enumerable.Repeat(TensorData.Convert<T>(Outside), count).ToArray();

    private static nint[] RowMajorStrides(int[] shape)
    {
        var strides = new nint[shape.Length];
        nint step = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = step;
            step *= shape[d];
        }
        return strides;
    }

    /// <summary>System.Numerics.Tensors wants stride 0 for every dimension of length 0 or 1.</summary>
    private static Tensor<T> Create<T>(T[] storage, int start, nint[] lengths, nint[] strides)
    {
        for (int d = 0; d < lengths.Length; d++)
            if (lengths[d] <= 1) strides[d] = 0;
        return System.Numerics.Tensors.Tensor.Create(storage, start, lengths, strides);
    }
}
