using System;
using System.ComponentModel;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

/// <summary>
/// A shared variable (PyTensor's <c>shared</c>): a tensor value that compiled functions read, and update
/// through their <c>updates</c>. Many functions can be bound to one shared variable and see each
/// other's writes. Its dtype (<typeparamref name="T"/>) and rank are fixed at creation; its size may
/// change unless a static shape pins it. Create one with <see cref="Pt.Shared(int, string?)"/> and its
/// overloads, as a field or property of the type that holds your <see cref="TensorFunctionAttribute"/>
/// methods, so the generator can see its type.
/// </summary>
/// <remarks>
/// Functions never write the current value while computing: an update is computed into a second
/// buffer, and all updates of a call are swapped in at the end, after every output is computed. So
/// updates see the values from before the call, and a call that fails leaves every value as it was.
/// <para>
/// Not thread-safe, like PyTensor's, but never silently corrupted: calls reading the variable may run
/// together, while a call updating it, or <c>SetValue</c>, runs alone. Anything that would overlap
/// with those is refused with a <see cref="ConcurrentCallException"/> and changes nothing.
/// </para>
/// </remarks>
public sealed class Shared<T> : TensorVariable, ISharedVariable
    where T : unmanaged
{
    private T[] _data;
    private nint[] _lengths;
    private T[]? _next;
    private readonly int?[] _staticShape;
    // Readers: calls that read the value, GetValue. Writers: calls that update it, SetValue.
    private AccessGate _gate;

    internal Shared(T[] data, nint[] lengths, string? name, int?[]? shape)
    {
        _staticShape = shape ?? new int?[lengths.Length];
        if (_staticShape.Length != lengths.Length)
            throw new ArgumentException($"shared variable '{name}': static shape has {_staticShape.Length} dimensions, but the value has {lengths.Length}.", nameof(shape));
        SharedName = name;
        CheckStatic(lengths);
        _data = data;
        _lengths = lengths;
    }

    /// <inheritdoc/>
    public override string? Name => SharedName;

    private string? SharedName { get; }

    /// <inheritdoc/>
    public override DType DType => DTypes.Of<T>();

    /// <inheritdoc/>
    public int Rank => _lengths.Length;

    /// <inheritdoc/>
    public override int NDim => Rank;

    /// <inheritdoc/>
    public ReadOnlySpan<int?> StaticShape => _staticShape;

    /// <inheritdoc/>
    public ReadOnlySpan<nint> Lengths => _lengths;

    /// <inheritdoc/>
    public string TypeText => DTypes.Describe(DType, _staticShape);

    private string Display => SharedName is null ? "shared variable" : $"shared variable '{SharedName}'";

    /// <summary>
    /// The current value (PyTensor's <c>get_value</c>): a copy, or with <paramref name="borrow"/> the
    /// buffer itself, which later function calls may overwrite.
    /// </summary>
    public TensorValue<T> GetValue(bool borrow = false)
    {
        int caller = Enter(write: false, nameof(GetValue));
        try
        {
            if (Rank == 0) return new TensorValue<T>(_data[0]);
            var data = borrow ? _data : (T[])_data.Clone();
            return new TensorValue<T>(Tensor.Create(data, _lengths));
        }
        finally
        {
            _gate.Exit(write: false, caller);
        }
    }

    /// <summary>The value of a 0-d shared variable, read or written.</summary>
    public T Value
    {
        get
        {
            if (Rank != 0) throw new InvalidOperationException($"{Display} has rank {Rank}; read it with GetValue().");
            int caller = Enter(write: false, nameof(Value));
            T value = _data[0];
            _gate.Exit(write: false, caller);
            return value;
        }
        set => SetValue(value);
    }

    /// <summary>Sets the value of a 0-d shared variable (PyTensor's <c>set_value</c>).</summary>
    public void SetValue(T value)
    {
        if (Rank != 0) throw new ArgumentException($"{Display} has rank {Rank}, so it cannot be set to a scalar.", nameof(value));
        int caller = Enter(write: true, nameof(SetValue));
        _data[0] = value;
        _gate.Exit(write: true, caller);
    }

    /// <summary>Sets the value from a tensor of the same rank (copied), any size the static shape allows.</summary>
    public void SetValue(Tensor<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var data = new T[value.FlattenedLength];
        value.FlattenTo(data);
        Assign(data, value.Lengths.ToArray());
    }

    /// <summary>
    /// Sets the value from row-major <paramref name="data"/> with the given shape. With
    /// <paramref name="borrow"/> the shared variable keeps the array itself, and later function calls may
    /// overwrite it; otherwise it is copied.
    /// </summary>
    public void SetValue(T[] data, ReadOnlySpan<nint> shape, bool borrow = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        long size = 1;
        foreach (var d in shape) size *= d;
        if (size != data.Length)
            throw new ArgumentException($"{Display}: {data.Length} elements do not make shape {ShapeText(shape)}.", nameof(data));
        Assign(borrow ? data : (T[])data.Clone(), shape.ToArray());
    }

    /// <summary>Sets the value from a vector; <paramref name="borrow"/> keeps the array itself.</summary>
    public void SetValue(T[] value, bool borrow = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        Assign(borrow ? value : (T[])value.Clone(), [value.Length]);
    }

    /// <summary>Sets the value from a matrix (copied).</summary>
    public void SetValue(T[,] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Assign(Flatten(value), [value.GetLength(0), value.GetLength(1)]);
    }

    /// <summary>Sets the value from a 3-d array (copied).</summary>
    public void SetValue(T[,,] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Assign(Flatten(value), [value.GetLength(0), value.GetLength(1), value.GetLength(2)]);
    }

    /// <summary>Sets the value from a 4-d array (copied).</summary>
    public void SetValue(T[,,,] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Assign(Flatten(value), [value.GetLength(0), value.GetLength(1), value.GetLength(2), value.GetLength(3)]);
    }

    /// <summary>"w: float64 vector (784,)".</summary>
    public override string ToString() => $"{SharedName ?? "shared"}: {DType.ToString().ToLowerInvariant()} {DTypes.RankName(Rank)} {ShapeText(_lengths)}".TrimEnd();

    private void Assign(T[] data, nint[] lengths)
    {
        CheckRank(lengths.Length, "value");
        CheckStatic(lengths);
        int caller = Enter(write: true, nameof(SetValue));
        _data = data;
        _lengths = lengths;
        _gate.Exit(write: true, caller);
    }

    /// <summary>Enters the gate for <paramref name="operation"/>, or refuses it while a call on another thread uses the variable.</summary>
    private int Enter(bool write, string operation)
    {
        int caller = AccessGate.Caller;
        if (!_gate.TryEnter(write, caller)) throw ConcurrentCallException.ForAccess(SharedName ?? "shared", Display, operation);
        return caller;
    }

    private void CheckRank(int rank, string parameter)
    {
        if (rank != Rank)
            throw new ArgumentException($"{Display} is a {TypeText} and keeps its rank: it cannot be set to a value of rank {rank}.", parameter);
    }

    private void CheckStatic(ReadOnlySpan<nint> lengths)
    {
        for (int d = 0; d < _staticShape.Length; d++)
            if (_staticShape[d] is { } size && lengths[d] != size)
                throw new ArgumentException($"{Display} has static shape {DTypes.ShapeText(_staticShape)}, so it cannot hold a value of shape {ShapeText(lengths)}.", "value");
    }

    private static string ShapeText(ReadOnlySpan<nint> lengths)
    {
        var parts = new string[lengths.Length];
        for (int i = 0; i < parts.Length; i++) parts[i] = lengths[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return parts.Length == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    private static T[] Flatten(Array array)
    {
        var data = new T[array.Length];
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length).CopyTo(data);
        return data;
    }

    // ---- Used by generated code ---------------------------------------------------------------------

    /// <summary>
    /// Enters the variable for a call on thread <paramref name="caller"/> (<see cref="AccessGate.Caller"/>): as a
    /// writer when the call updates it (alone), else as a reader (with other readers); false, holding nothing,
    /// when that would overlap a call on another thread. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnter(bool write, int caller) => _gate.TryEnter(write, caller);

    /// <summary>Leaves what <see cref="TryEnter"/> entered. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit(bool write, int caller) => _gate.Exit(write, caller);

    /// <summary>The current value's elements, row-major. For generated code, between <see cref="TryEnter"/> and <see cref="Exit"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlySpan<T> Data => _data;

    /// <summary>The current size of dimension <paramref name="dimension"/>. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public nint Length(int dimension) => _lengths[dimension];

    /// <summary>The current shape as NumPy prints it. For generated code's messages.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string ShapeText() => ShapeText(_lengths);

    /// <summary>
    /// A buffer of <paramref name="size"/> elements for the next value, reused from call to call. An
    /// update is computed into it and swapped in by <see cref="CommitNext"/>. For generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T[] NextBuffer(nint size)
    {
        // Not zeroed: an update is written in full (the buffer swapped back in holds an older value anyway).
        if (_next is null || _next.Length != size || ReferenceEquals(_next, _data)) _next = FreshArrays.Uninitialized<T>(size);
        return _next;
    }

    /// <summary>Makes the buffer from <see cref="NextBuffer"/> the value, with the given shape. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void CommitNext(ReadOnlySpan<nint> lengths)
    {
        (_data, _next) = (_next!, _data);
        SetLengths(lengths);
    }

    /// <summary>Writes a 0-d value. For generated code, after every output is computed.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Store(T value) => _data[0] = value;

    /// <summary>Copies <paramref name="data"/> in as the value. For generated code, after every output is computed.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void StoreCopy(ReadOnlySpan<T> data, ReadOnlySpan<nint> lengths)
    {
        if (_data.Length != data.Length) _data = new T[data.Length];
        data.CopyTo(_data);
        SetLengths(lengths);
    }

    private void SetLengths(ReadOnlySpan<nint> lengths)
    {
        if (!lengths.SequenceEqual(_lengths)) _lengths = lengths.ToArray();
    }
}
