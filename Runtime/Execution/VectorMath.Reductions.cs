using System.Numerics;

namespace Tensorgen;

// The lane folds of the product reduction kernel (issue 13).
public static partial class VectorMath
{
    /// <summary>The product of the lanes, multiplied in lane order (NaN if any lane is NaN).</summary>
    public static T ProductAcross<T>(Vector<T> v) where T : unmanaged, INumber<T>
    {
        T result = v[0];
        for (int i = 1; i < Vector<T>.Count; i++) result *= v[i];
        return result;
    }
}
