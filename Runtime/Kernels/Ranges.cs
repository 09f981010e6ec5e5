using System;
using System.ComponentModel;
using System.Numerics;

namespace Tensorgen;

/// <summary>Ranges for generated code (<c>Arange</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Ranges
{
    /// <summary>destination[i] = start + i·step, as NumPy's <c>arange</c> fills its result.</summary>
    public static void Arange<T>(T start, T step, Span<T> destination) where T : unmanaged, INumberBase<T>
    {
        T value = T.Zero;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = start + value * step;
            value += T.One;
        }
    }
}
