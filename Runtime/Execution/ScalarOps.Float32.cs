using System;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>The float32 forms of <see cref="ScalarOps"/> (the runtime's alone: the generator folds constants in double).</summary>
public static partial class ScalarOps
{
    /// <summary>1 / (1 + e^-x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary>log(1 + x), accurate for tiny x.</summary>
    public static float Log1p(float x) => (float)Log1p((double)x);

    /// <summary>e^x - 1, accurate for tiny x.</summary>
    public static float Expm1(float x) => (float)Expm1((double)x);

    /// <summary>log(1 + e^x) without overflow for large x.</summary>
    public static float Softplus(float x) => (float)Softplus((double)x);

    /// <summary>Floor division as NumPy's (see the double form).</summary>
    public static float FloorDiv(float a, float b) => (float)FloorDiv((double)a, b);

    /// <summary>Python's remainder: the result has the divisor's sign.</summary>
    public static float Mod(float a, float b) => (float)Mod((double)a, b);
}
