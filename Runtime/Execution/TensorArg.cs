using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

/// <summary>
/// A tensor argument of a compiled function, converted implicitly from a <see cref="Tensor{T}"/>, a
/// <see cref="TensorSpan{T}"/> or <see cref="ReadOnlyTensorSpan{T}"/> (slices and other views
/// included), a plain C# array (<c>T[]</c> to <c>T[,,,,,,,]</c>; any rank with
/// <see cref="FromArray"/>), or a <see cref="ReadOnlySpan{T}"/> or <see cref="Span{T}"/> as a vector.
/// <see cref="Data"/> holds the elements in row-major order. Arrays, spans and dense views
/// (row-major and contiguous, wherever they start in their memory) are read in place, never copied;
/// a strided, transposed or broadcast view is copied once, into a new row-major array.
/// </summary>
public readonly ref struct TensorArg<T>
{
    private readonly ReadOnlySpan<T> _data;
    private readonly InlineLengths _inline;
    private readonly nint[]? _lengths;
    private readonly int _rank;
    private readonly Status _status;

    private enum Status : byte { Ready, Null, TooLarge }

    private TensorArg(ReadOnlySpan<T> data, scoped ReadOnlySpan<nint> lengths, Status status = Status.Ready)
    {
        _data = data;
        _rank = lengths.Length;
        _status = status;
        // Sizes are copied: a tensor span's lengths live inside the span, which a conversion gets by value.
        if (lengths.Length <= InlineLengths.Capacity) lengths.CopyTo(_inline);
        else _lengths = lengths.ToArray();
    }

    private TensorArg(ReadOnlySpan<T> data, nint length)
    {
        _data = data;
        _rank = 1;
        _inline[0] = length;
    }

    /// <summary>True when made from a null array or tensor: the compiled function reports it by name.</summary>
    public bool IsNull => _status == Status.Null;

    /// <summary>
    /// True when the view has more elements than an array can hold (a broadcast view can claim
    /// billions): <see cref="Data"/> is then empty and the compiled function reports it by name.
    /// </summary>
    public bool IsTooLarge => _status == Status.TooLarge;

    /// <summary>The elements in row-major order.</summary>
    public ReadOnlySpan<T> Data => _data;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _rank;

    /// <summary>The size of dimension <paramref name="dimension"/>.</summary>
    public nint Length(int dimension)
    {
        if ((uint)dimension >= (uint)_rank) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"The argument has rank {_rank}.");
        return _lengths is null ? _inline[dimension] : _lengths[dimension];
    }

    /// <summary>The shape as NumPy prints it, e.g. <c>(2, 3)</c>.</summary>
    public string ShapeText()
    {
        var parts = new string[_rank];
        for (int i = 0; i < _rank; i++) parts[i] = Length(i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _rank == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>A tensor, read in place from its first element when dense; any other view is copied once.</summary>
    public static implicit operator TensorArg<T>(Tensor<T> tensor) =>
        tensor is null ? Null : View(tensor.AsReadOnlyTensorSpan());

    /// <summary>A tensor span, read in place when dense; any other view is copied once.</summary>
    public static implicit operator TensorArg<T>(TensorSpan<T> span) => View(span);

    /// <summary>A read-only tensor span, read in place when dense; any other view is copied once.</summary>
    public static implicit operator TensorArg<T>(ReadOnlyTensorSpan<T> span) => View(span);

    /// <summary>A span, as a vector, read in place.</summary>
    public static implicit operator TensorArg<T>(ReadOnlySpan<T> span) => new(span, span.Length);

    /// <summary>A span, as a vector, read in place.</summary>
    public static implicit operator TensorArg<T>(Span<T> span) => new(span, span.Length);

    /// <summary>A vector, read in place.</summary>
    public static implicit operator TensorArg<T>(T[] array) => array is null ? Null : new(array, array.Length);

    /// <summary>A matrix, read in place (a C# array is row-major).</summary>
    public static implicit operator TensorArg<T>(T[,] array) => Whole(array);

    /// <summary>A 3-d array, read in place.</summary>
    public static implicit operator TensorArg<T>(T[,,] array) => Whole(array);

    /// <summary>A 4-d array, read in place.</summary>
    public static implicit operator TensorArg<T>(T[,,,] array) => Whole(array);

    /// <summary>A 5-d array, read in place.</summary>
    public static implicit operator TensorArg<T>(T[,,,,] array) => Whole(array);

    /// <summary>A 6-d array, read in place.</summary>
    public static implicit operator TensorArg<T>(T[,,,,,] array) => Whole(array);

    /// <summary>A 7-d array, read in place.</summary>
    public static implicit operator TensorArg<T>(T[,,,,,,] array) => Whole(array);

    /// <summary>An 8-d array, read in place.</summary>
    public static implicit operator TensorArg<T>(T[,,,,,,,] array) => Whole(array);

    /// <summary>
    /// An array of any rank (including one with non-zero lower bounds), read in place; for code that
    /// holds a <see cref="Array"/> whose rank it does not know statically.
    /// </summary>
    /// <exception cref="ArgumentException">The array's element type is not <typeparamref name="T"/>.</exception>
    public static TensorArg<T> FromArray(Array? array)
    {
        if (array is null) return Null;
        var type = array.GetType();
        if (type.GetElementType() != typeof(T))
            throw new ArgumentException(
                $"A TensorArg<{typeof(T).Name}> needs an array of {typeof(T).Name}, but got a {type.Name}" +
                (type.GetElementType()?.IsArray == true ? " (an array of arrays is not a tensor; use a multi-dimensional array)." : "."), nameof(array));
        return Whole(array);
    }

    private static TensorArg<T> Null => new(ReadOnlySpan<T>.Empty, ReadOnlySpan<nint>.Empty, Status.Null);

    /// <summary>A whole array: one contiguous row-major block, whatever its rank and lower bounds.</summary>
    private static TensorArg<T> Whole(Array array)
    {
        if (array is null) return Null;
        int rank = array.Rank;
        Span<nint> lengths = stackalloc nint[rank];
        for (int d = 0; d < rank; d++) lengths[d] = array.GetLength(d);
        if (array.LongLength > Array.MaxLength) return new(default, lengths, Status.TooLarge);
        var data = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), (int)array.LongLength);
        return new(data, lengths);
    }

    /// <summary>
    /// Any view: in place from its true first element when its strides are row-major for its lengths
    /// (<see cref="Tensor{T}.GetPinnableReference"/> would give the backing array's element 0, wrong for a
    /// slice); otherwise copied once, through its strides, into a new row-major array.
    /// </summary>
    private static TensorArg<T> View(ReadOnlyTensorSpan<T> span)
    {
        var lengths = span.Lengths;
        long count = TensorLayout.ElementCount(lengths);
        if (count < 0) return new(default, lengths, Status.TooLarge);
        // Rank 0 (a default span) has no element in System.Numerics.Tensors.
        if (count == 0 || lengths.Length == 0) return new(ReadOnlySpan<T>.Empty, lengths);
        ref readonly T first = ref span.GetPinnableReference();
        if (TensorLayout.IsRowMajor(lengths, span.Strides))
            return new(MemoryMarshal.CreateReadOnlySpan(in first, (int)count), lengths);
        // Not zeroed first: the copy writes every element.
        var copy = GC.AllocateUninitializedArray<T>((int)count);
        TensorLayout.CopyRowMajor(in first, lengths, span.Strides, copy);
        return new(copy, lengths);
    }
}

/// <summary>The sizes of an argument of rank up to <see cref="Capacity"/>, kept inside it, so no call allocates for them.</summary>
[InlineArray(Capacity)]
internal struct InlineLengths
{
    public const int Capacity = 8;
    private nint _first;
}
