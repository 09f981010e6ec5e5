using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tensorgen;

// Shared variables, PyTensor's pytensor.shared. These run: they make real objects holding data. The
// generator reads the element type and rank from the overload a field's initializer calls, so keep
// shared variables in fields or properties initialized with these.
public static partial class Pt
{
    /// <summary>A 0-d shared variable. A C# <c>int</c> makes an int64 one, as a Python int does: <c>Shared(0)</c>.</summary>
    [Builtin(Builtin.Shared, rank: 0)]
    public static Shared<long> Shared(int value, string? name = null) => new([value], [], name, null);

    /// <summary>A 0-d int64 shared variable.</summary>
    [Builtin(Builtin.Shared, rank: 0)]
    public static Shared<long> Shared(long value, string? name = null) => new([value], [], name, null);

    /// <summary>A 0-d float64 shared variable: <c>Shared(0.0, name: "b")</c>.</summary>
    [Builtin(Builtin.Shared, rank: 0)]
    public static Shared<double> Shared(double value, string? name = null) => new([value], [], name, null);

    /// <summary>A 0-d float32 shared variable.</summary>
    [Builtin(Builtin.Shared, rank: 0)]
    public static Shared<float> Shared(float value, string? name = null) => new([value], [], name, null);

    /// <summary>A 0-d bool shared variable.</summary>
    [Builtin(Builtin.Shared, rank: 0)]
    public static Shared<bool> Shared(bool value, string? name = null) => new([value], [], name, null);

    /// <summary>A vector shared variable holding a copy of <paramref name="value"/> (or the array itself, with <paramref name="borrow"/>).</summary>
    /// <param name="value">The initial value.</param>
    /// <param name="name">The name, for messages and printed graphs.</param>
    /// <param name="shape">The static shape: a size fixes that dimension, 1 makes it broadcast, null leaves it free.</param>
    /// <param name="borrow">Keep <paramref name="value"/> itself instead of a copy.</param>
    [Builtin(Builtin.Shared, rank: 1)]
    public static Shared<T> Shared<T>(T[] value, string? name = null, int?[]? shape = null, bool borrow = false) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(borrow ? value : (T[])value.Clone(), [value.Length], name, shape);
    }

    /// <summary>A matrix shared variable holding a copy of <paramref name="value"/>. <paramref name="shape"/> as for vectors.</summary>
    [Builtin(Builtin.Shared, rank: 2)]
    public static Shared<T> Shared<T>(T[,] value, string? name = null, int?[]? shape = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(Flatten<T>(value), [value.GetLength(0), value.GetLength(1)], name, shape);
    }

    /// <summary>A 3-d shared variable holding a copy of <paramref name="value"/>.</summary>
    [Builtin(Builtin.Shared, rank: 3)]
    public static Shared<T> Shared<T>(T[,,] value, string? name = null, int?[]? shape = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(Flatten<T>(value), [value.GetLength(0), value.GetLength(1), value.GetLength(2)], name, shape);
    }

    /// <summary>A 4-d shared variable holding a copy of <paramref name="value"/>.</summary>
    [Builtin(Builtin.Shared, rank: 4)]
    public static Shared<T> Shared<T>(T[,,,] value, string? name = null, int?[]? shape = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(Flatten<T>(value), [value.GetLength(0), value.GetLength(1), value.GetLength(2), value.GetLength(3)], name, shape);
    }

    /// <summary>
    /// A shared variable holding a copy of a tensor of any rank. The generator cannot see a tensor's
    /// rank, so <paramref name="shape"/> is required: one entry per dimension (null for any size).
    /// </summary>
    [Builtin(Builtin.Shared)]
    public static Shared<T> Shared<T>(Tensor<T> value, int?[] shape, string? name = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(shape);
        var data = new T[value.FlattenedLength];
        value.FlattenTo(data);
        return new(data, value.Lengths.ToArray(), name, shape);
    }

    private static T[] Flatten<T>(Array array) where T : unmanaged
    {
        var data = new T[array.Length];
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length).CopyTo(data);
        return data;
    }
}
