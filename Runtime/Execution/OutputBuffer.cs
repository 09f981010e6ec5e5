using System;
using System.ComponentModel;
using System.Numerics.Tensors;

namespace Tensorgen;

/// <summary>
/// One output of a generated function: a new array and tensor per call, or, when the function's
/// <see cref="CompiledFunction.BorrowOutputs"/> is set, the same ones reused while the shape stays the
/// same, so steady-state calls allocate nothing. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct OutputBuffer<T>
{
    private T[]? _array;
    private Tensor<T>? _tensor;

    /// <summary>The array to compute the output into.</summary>
    public T[] Rent(nint size, bool borrow)
    {
        if (!borrow) return FreshArrays.Uninitialized<T>(size);
        if (_array is null || _array.Length != size)
        {
            _array = FreshArrays.Uninitialized<T>(size);
            _tensor = null;
        }
        return _array;
    }

    /// <summary>The tensor to return over <paramref name="array"/>.</summary>
    public Tensor<T> Wrap(T[] array, ReadOnlySpan<nint> lengths, bool borrow)
    {
        if (!borrow) return Tensor.Create(array, lengths);
        if (_tensor is null || !ReferenceEquals(array, _array) || !_tensor.Lengths.SequenceEqual(lengths)) _tensor = Tensor.Create(array, lengths);
        return _tensor;
    }
}
