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
}
