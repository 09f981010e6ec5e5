using System;
using System.Numerics.Tensors;

namespace Tensorgen;

/// <summary>
/// A value read from a shared variable: a scalar for a 0-d variable, else a tensor. It converts to
/// either (to the scalar explicitly), and prints as NumPy's <c>print</c> would, so <c>Console.WriteLine(state.GetValue())</c>
/// shows <c>0</c> and <c>Console.WriteLine(w.GetValue())</c> shows <c>[ 0.1 -0.3 ...]</c>.
/// </summary>
public readonly struct TensorValue<T> : IEquatable<TensorValue<T>>
    where T : unmanaged
{
    private readonly T _scalar;
    private readonly Tensor<T>? _tensor;

    internal TensorValue(T scalar)
    {
        _scalar = scalar;
        _tensor = null;
    }

    internal TensorValue(Tensor<T> tensor)
    {
        _scalar = default;
        _tensor = tensor;
    }

    /// <summary>The number of dimensions: 0 for a scalar.</summary>
    public int Rank => _tensor?.Rank ?? 0;

    /// <summary>The scalar (rank 0 only).</summary>
    public T Scalar => _tensor is null ? _scalar : throw new InvalidOperationException($"the value has rank {Rank}; use Tensor.");

    /// <summary>The tensor (rank 1 and more).</summary>
    public Tensor<T> Tensor => _tensor ?? throw new InvalidOperationException("the value is a scalar; use Scalar.");

    /// <summary>
    /// The scalar of a 0-d value. Explicit, so that <c>Console.WriteLine(value)</c> prints the value as NumPy
    /// does instead of choosing <c>WriteLine(double)</c>; read <see cref="Scalar"/> or <c>Shared.Value</c> directly.
    /// </summary>
    public static explicit operator T(TensorValue<T> value) => value.Scalar;

    /// <summary>The tensor of a value of rank 1 or more.</summary>
    public static implicit operator Tensor<T>(TensorValue<T> value) => value.Tensor;

    /// <summary>NumPy's <c>str</c>: what Python's <c>print(shared.get_value())</c> shows.</summary>
    public override string ToString() => _tensor is null ? NumPy.Str(_scalar) : NumPy.Str(_tensor);

    /// <summary>NumPy's <c>repr</c>: <c>array(0)</c>, <c>array([1., 2.])</c>.</summary>
    public string Repr() => _tensor is null ? NumPy.Repr(_scalar) : NumPy.Repr(_tensor);

    /// <inheritdoc/>
    public bool Equals(TensorValue<T> other)
    {
        if (_tensor is null || other._tensor is null) return _tensor is null && other._tensor is null && _scalar.Equals(other._scalar);
        if (!_tensor.Lengths.SequenceEqual(other._tensor.Lengths)) return false;
        var a = new T[_tensor.FlattenedLength];
        var b = new T[other._tensor.FlattenedLength];
        _tensor.FlattenTo(a);
        other._tensor.FlattenTo(b);
        return a.AsSpan().SequenceEqual(b);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorValue<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _tensor is null ? _scalar.GetHashCode() : _tensor.FlattenedLength.GetHashCode();
}
