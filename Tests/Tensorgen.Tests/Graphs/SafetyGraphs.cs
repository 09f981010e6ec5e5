using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Graphs;

/// <summary>
/// Graphs for failed calls, named errors and concurrent calls. As in StateGraphs, the static shared
/// variables are only types and default bindings: each test binds variables of its own.
/// </summary>
public static partial class SafetyGraphs
{
    public static readonly Shared<double> Fixed = Shared(new double[] { 0, 0, 0 }, name: "fixed", shape: [3]);
    public static readonly Shared<double> W1 = Shared(new double[] { 1, 2, 3 }, name: "W1");
    public static readonly Shared<double> Unnamed = Shared(new double[] { 1, 2, 3 });
    public static readonly Shared<double> Values = Shared(new double[] { 1, 1, 1 }, name: "values");
    public static readonly RandomStream Stream = new(seed: 5);

    /// <summary>A borrowed output (x * 10) and an update whose size the static shape of 'fixed' checks: z must have 3 elements.</summary>
    [TensorFunction]
    public static FunctionGraph ScaleAndStore()
    {
        var x = DVector("x");
        var z = DVector("z");
        return Function([x, z], x * 10, updates: [(Fixed, z * 1.0)]);
    }

    /// <summary>A borrowed output computed before a draw whose scale (an input) must not be negative.</summary>
    [TensorFunction]
    public static FunctionGraph ScaleAndDraw()
    {
        var x = DVector("x");
        var scale = DScalar("scale");
        var y = x * 10;
        var noise = Stream.Normal(0, scale, size: [3]);
        return Function([x, scale], [y, noise]);
    }

    /// <summary>The same, with a scale computed from the input: checked as soon as it is known, before any output is written.</summary>
    [TensorFunction]
    public static FunctionGraph ScaleAndDrawComputed()
    {
        var x = DVector("x");
        var y = x * 10;
        var noise = Stream.Normal(0, x.Sum(), size: [3]);
        return Function([x], [y, noise]);
    }

    /// <summary>Shared variables named by name:, and one without a name, each checked against x.</summary>
    [TensorFunction]
    public static FunctionGraph AddNamed()
    {
        var x = DVector("x");
        return Function([x], [x + W1, x * Unnamed]);
    }

    /// <summary>Max and Min over axes that may be empty, directly and fused with element-wise work.</summary>
    [TensorFunction]
    public static FunctionGraph Extremes()
    {
        var x = DMatrix("x");
        return Function([x], [Max(x, 0), Min(x * 2, 1), x.Max(), Max(x, 1, keepdims: true)]);
    }

    /// <summary>An outer sum: the result's size is the product of two inputs' sizes.</summary>
    [TensorFunction]
    public static FunctionGraph Outer()
    {
        var c = DCol("c");
        var r = DRow("r");
        return Function([c, r], c + r);
    }

    /// <summary>Sizes given by values: their product may not fit in an array.</summary>
    [TensorFunction]
    public static FunctionGraph DrawSized()
    {
        var (n, m) = LScalars("n", "m");
        return Function([n, m], Stream.Uniform(0, 1, size: [n, m]));
    }

    /// <summary>A borrowed output that the call reads back (the product reads y's buffer): the scalar shows whether another call wrote y meanwhile.</summary>
    [TensorFunction]
    public static FunctionGraph ScaleAndNorm()
    {
        var x = DVector("x");
        var y = x * 10;
        return Function([x], [y, Dot(y, y)]);
    }

    /// <summary>An update computed into the variable's own next buffer, which the output then reads back.</summary>
    [TensorFunction]
    public static FunctionGraph ScaleValues()
    {
        var x = DVector("x");
        var scaled = Values * x;
        return Function([x], scaled.Sum(), updates: [(Values, scaled)]);
    }

    /// <summary>Reads a shared vector: every result is twice one value of it, and its sum.</summary>
    [TensorFunction]
    public static FunctionGraph ReadValues() => Function([], [Values * 2, Values.Sum()]);
}

/// <summary>A random variable of its own per object, as the tutorial's RandomGraph: tests draw from it on many threads.</summary>
public sealed partial class DrawingModel(ulong seed)
{
    public RandomVariable U { get; } = new RandomStream(seed).Uniform(size: [8]);

    [TensorFunction]
    public FunctionGraph Draw() => Function([], U);
}
