using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

/// <summary>
/// A tensor argument of a compiled function: a <see cref="Tensor{T}"/> or a plain C# array
/// (<c>T[]</c>, <c>T[,]</c>, <c>T[,,]</c>, <c>T[,,,]</c>), both converted implicitly. It views the
/// caller's data in row-major order without copying (only a non-dense tensor is copied).
/// </summary>
public readonly ref struct TensorArg<T>
{
    private readonly ReadOnlySpan<T> _data;
    private readonly ReadOnlySpan<nint> _tensorLengths;
    private readonly nint _d0, _d1, _d2, _d3;
    private readonly int _rank;
    private readonly bool _isNull;

    private TensorArg(ReadOnlySpan<T> data, int rank, nint d0, nint d1 = 0, nint d2 = 0, nint d3 = 0, bool isNull = false)
    {
        _isNull = isNull;
        _data = data;
        _rank = rank;
        (_d0, _d1, _d2, _d3) = (d0, d1, d2, d3);
    }

    private TensorArg(ReadOnlySpan<T> data, ReadOnlySpan<nint> lengths)
    {
        _data = data;
        _tensorLengths = lengths;
        _rank = lengths.Length;
    }

    /// <summary>True when made from a null array or tensor: the compiled function reports it by name.</summary>
    public bool IsNull => _isNull;

    /// <summary>The elements in row-major order.</summary>
    public ReadOnlySpan<T> Data => _data;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _rank;

    /// <summary>The size of dimension <paramref name="dimension"/>.</summary>
    public nint Length(int dimension) => _tensorLengths.Length > 0 ? _tensorLengths[dimension] : dimension switch
    {
        0 => _d0,
        1 => _d1,
        2 => _d2,
        _ => _d3,
    };

    /// <summary>The shape as NumPy prints it, e.g. <c>(2, 3)</c>.</summary>
    public string ShapeText()
    {
        var parts = new string[_rank];
        for (int i = 0; i < _rank; i++) parts[i] = Length(i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _rank == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>Views a tensor; a non-dense one is copied to row-major order first.</summary>
    public static implicit operator TensorArg<T>(Tensor<T> tensor)
    {
        if (tensor is null) return Null;
        if (tensor.IsDense)
        {
            var span = tensor.FlattenedLength == 0
                ? ReadOnlySpan<T>.Empty
                : MemoryMarshal.CreateReadOnlySpan(ref tensor.GetPinnableReference(), checked((int)tensor.FlattenedLength));
            return new TensorArg<T>(span, tensor.Lengths);
        }
        var copy = new T[tensor.FlattenedLength];
        tensor.FlattenTo(copy);
        return new TensorArg<T>(copy, tensor.Lengths);
    }

    /// <summary>Views a vector.</summary>
    public static implicit operator TensorArg<T>(T[] array)
    {
        if (array is null) return Null;
        return new TensorArg<T>(array, 1, array.Length);
    }

    /// <summary>Views a matrix, row-major.</summary>
    public static implicit operator TensorArg<T>(T[,] array)
    {
        if (array is null) return Null;
        return new TensorArg<T>(Flat(array), 2, array.GetLength(0), array.GetLength(1));
    }

    /// <summary>Views a 3-d array, row-major.</summary>
    public static implicit operator TensorArg<T>(T[,,] array)
    {
        if (array is null) return Null;
        return new TensorArg<T>(Flat(array), 3, array.GetLength(0), array.GetLength(1), array.GetLength(2));
    }

    /// <summary>Views a 4-d array, row-major.</summary>
    public static implicit operator TensorArg<T>(T[,,,] array)
    {
        if (array is null) return Null;
        return new TensorArg<T>(Flat(array), 4, array.GetLength(0), array.GetLength(1), array.GetLength(2), array.GetLength(3));
    }

    private static TensorArg<T> Null => new(ReadOnlySpan<T>.Empty, 0, 0, isNull: true);

    // A multi-dimensional array is one contiguous row-major block; view it as a span.
    private static ReadOnlySpan<T> Flat(Array array) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
}
