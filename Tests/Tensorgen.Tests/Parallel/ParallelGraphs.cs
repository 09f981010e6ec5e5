using static Tensorgen.Pt;

namespace Tensorgen.Tests.MultiCore;

/// <summary>Functions whose large work is split across cores: element-wise kernels with vector and scalar paths that differ, and products.</summary>
public static partial class ParallelGraphs
{
    /// <summary>exp's vector approximation and Math.Exp differ in the last bits: a wrong chunk boundary would show.</summary>
    [TensorFunction]
    public static FunctionGraph Logistic()
    {
        var x = DVector("x");
        return Function([x], 1 / (1 + Exp(-x)));
    }

    [TensorFunction]
    public static FunctionGraph LogisticF32()
    {
        var x = FVector("x");
        return Function([x], [Sigmoid(x), Exp(x) * x]);
    }

    /// <summary>A·v, Aᵀ·u and A·B in one function.</summary>
    [TensorFunction]
    public static FunctionGraph Products()
    {
        var (a, b) = DMatrices("a", "b");
        var (v, u) = DVectors("v", "u");
        return Function([a, b, v, u], [Dot(a, v), Dot(u, a), Dot(a, b)]);
    }

    /// <summary>Reductions of whole runs to one value: a sum of a fused expression, a maximum, a float32 sum and mean, an int64 sum.</summary>
    [TensorFunction]
    public static FunctionGraph Reductions()
    {
        var x = DVector("x");
        var y = FVector("y");
        var k = LVector("k");
        return Function([x, y, k], [(Exp(x) * x).Sum(), Max(x * x), y.Sum(), Mean(y), k.Sum()]);
    }
}
