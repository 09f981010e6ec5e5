using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Graphs;

/// <summary>Random variables from two streams, with symbolic parameters, in one function.</summary>
public static partial class RandomGraphs
{
    public static readonly RandomStream First = new(seed: 11);
    public static readonly RandomStream Second = new(seed: 22);
    public static readonly RandomStream Third = new(seed: 33);
    public static readonly RandomVariable Noise = First.Normal(0, 1, size: [3, 4]);
    public static readonly RandomVariable Coins = Second.Integers(0, 2, size: [4]);

    /// <summary>Draws from both streams once per call, plus a variable made here (one per function object) with a scalar input as its scale.</summary>
    [TensorFunction]
    public static FunctionGraph TwoStreams()
    {
        var x = DMatrix("x");
        var scale = DScalar("scale");
        var jitter = Second.Uniform(-scale, scale, size: [3, 4]);
        return Function([x, scale], [x + Noise * Cast(Coins, DType.Float64) + jitter, Noise]);
    }

    /// <summary>The same member variable in another function: both move one generator.</summary>
    [TensorFunction]
    public static FunctionGraph NoiseOnly() => Function([], Noise);

    /// <summary>Every other distribution, each a scalar draw made here.</summary>
    [TensorFunction]
    public static FunctionGraph Distributions()
    {
        return Function([], [First.Binomial(10, 0.3), First.Bernoulli(0.5), First.Poisson(4.0), First.Exponential(2.0),
            First.Gamma(2.5, 1.5), First.Beta(0.5, 0.7)]);
    }

    /// <summary>Dropout: a mask drawn in the shape of the input (size: x.Shape).</summary>
    [TensorFunction]
    public static FunctionGraph Dropout()
    {
        var x = DMatrix("x");
        var keep = First.Bernoulli(0.8, size: x.Shape);
        return Function([x], x * Cast(keep, DType.Float64) / 0.8);
    }

    /// <summary>A size given by a scalar input.</summary>
    [TensorFunction]
    public static FunctionGraph SizedByInput()
    {
        var n = LScalar("n");
        return Function([n], Third.Normal(0, 1, size: [n, 2]));
    }
}
