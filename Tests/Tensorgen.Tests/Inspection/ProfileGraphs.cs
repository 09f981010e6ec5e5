using static Tensorgen.Pt;

namespace Tensorgen.Tests.Inspection;

/// <summary>Graphs whose profiles are checked: steps of known kinds and sizes.</summary>
public static partial class ProfileGraphs
{
    /// <summary>A product, then one fused element-wise kernel, then a reduction.</summary>
    [TensorFunction]
    public static FunctionGraph Layer()
    {
        var x = DMatrix("x");
        var w = DMatrix("w");
        var b = DVector("b");
        var h = Tanh(Dot(x, w) + b);
        return Function([x, w, b], [h, h.Sum()]);
    }

    /// <summary>The same, its instrumentation compiled out.</summary>
    [TensorFunction(Profiling = false)]
    public static FunctionGraph LayerUnprofiled()
    {
        var x = DMatrix("x");
        var w = DMatrix("w");
        var b = DVector("b");
        var h = Tanh(Dot(x, w) + b);
        return Function([x, w, b], [h, h.Sum()]);
    }

    /// <summary>DebugPrint in graph code: x's graph printed at build time; the value is x's.</summary>
    [TensorFunction]
    public static FunctionGraph Printed()
    {
        var x = DVector("x");
        var y = DebugPrint(Exp(x) * 2 + x, "y");
        return Function([x], DebugPrint(y.Sum()));
    }
}
