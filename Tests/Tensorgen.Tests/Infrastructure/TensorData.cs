using System;
using System.Linq;
using System.Numerics.Tensors;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>Conversions between the reference evaluator's arrays and typed tensors, and random data.</summary>
internal static class TensorData
{
    public static Array Random(Random random, int[] shape, bool integers = false, bool positive = false)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        var data = new double[size];
        for (int i = 0; i < size; i++)
            data[i] = integers ? random.Next(positive ? 1 : -5, 6) : positive ? 0.1 + 3 * random.NextDouble() : 6 * random.NextDouble() - 3;
        return new Array(data, shape);
    }

    public static Tensor<T> ToTensor<T>(Array a) where T : struct =>
        Tensor.Create(a.Data.Select(Convert<T>).ToArray(), a.Shape.Select(d => (nint)d).ToArray());

    public static Array FromTensor<T>(Tensor<T> t)
    {
        var data = new T[t.FlattenedLength];
        t.FlattenTo(data);
        return new Array(data.Select(v => v switch
        {
            bool b => b ? 1.0 : 0.0,
            IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
            _ => double.NaN,
        }).ToArray(), t.Lengths.ToArray().Select(d => (int)d).ToArray());
    }

    public static Array FromScalar(double value) => Array.Scalar(value);

    public static T Convert<T>(double v)
    {
        object o = typeof(T) == typeof(double) ? v : typeof(T) == typeof(float) ? (float)v : typeof(T) == typeof(int) ? (int)v
            : typeof(T) == typeof(long) ? (long)v : typeof(T) == typeof(bool) ? v != 0 : throw new NotSupportedException(typeof(T).Name);
        return (T)o;
    }
}
