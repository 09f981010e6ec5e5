using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>
/// Scans whose bodies draw random numbers from a stream, each object with its own stream, so that
/// <c>new ScanDrawing(234)</c> draws what PyTensor's <c>RandomStream(seed=234)</c> draws.
/// </summary>
public sealed partial class ScanDrawing(ulong seed)
{
    public RandomStream S { get; } = new(seed);

    /// <summary>Noise added to each row, the scan's updates given to the function: the generator moves on.</summary>
    [TensorFunction]
    public FunctionGraph NoisyGiven()
    {
        var x = DMatrix("x");
        var (rows, updates) = Scan(v => v + S.Normal(0, 1, size: [3]), sequences: [x]);
        return Function([x], rows, updates: updates);
    }

    /// <summary>The same without the scan's updates: the same draws at every call, as PyTensor's.</summary>
    [TensorFunction]
    public FunctionGraph NoisyNotGiven()
    {
        var x = DMatrix("x");
        var (rows, _) = Scan(v => v + S.Normal(0, 1, size: [3]), sequences: [x]);
        return Function([x], rows);
    }

    /// <summary>Backwards over the rows: step t (row n - 1 - t) takes the t-th draw.</summary>
    [TensorFunction]
    public FunctionGraph Backwards()
    {
        var x = DMatrix("x");
        var (rows, updates) = Scan(v => v * S.Uniform(0, 1, size: [3]), sequences: [x], goBackwards: true);
        return Function([x], rows, updates: updates);
    }

    /// <summary>A recurrence with noise in each step, and its gradient (the draws have none).</summary>
    [TensorFunction]
    public FunctionGraph Recurrent()
    {
        var w = DScalar("w");
        var h0 = DVector("h0");
        var n = LScalar("n");
        var (h, updates) = Scan((previous, weight) => Tanh(previous * weight + S.Normal(0, 0.5, size: [2])), outputsInfo: [h0], nonSequences: [w], nSteps: n);
        return Function([w, h0, n], [h, Grad(Sqr(h).Sum(), w)], updates: updates);
    }

    /// <summary>Every distribution in one body, 3 steps of 4 draws each.</summary>
    [TensorFunction]
    public FunctionGraph Distributions()
    {
        var (draws, updates) = Scan(() =>
        [
            Cast(S.Uniform(-1, 2, size: [4]), DType.Float64), Cast(S.Normal(1, 2, size: [4]), DType.Float64),
            Cast(S.Integers(0, 10, size: [4]), DType.Float64), Cast(S.Binomial(5, 0.3, size: [4]), DType.Float64),
            Cast(S.Bernoulli(0.4, size: [4]), DType.Float64), Cast(S.Poisson(3.0, size: [4]), DType.Float64),
            Cast(S.Exponential(2.0, size: [4]), DType.Float64), Cast(S.Gamma(2.0, 1.5, size: [4]), DType.Float64),
            Cast(S.Beta(2.0, 3.0, size: [4]), DType.Float64),
        ], nSteps: 3);
        return Function([], draws, updates: updates);
    }

    /// <summary>Draws sized as the step's values (<c>size: v.Shape</c>, <c>size: h.Shape</c>): a dropout mask and a scale.</summary>
    [TensorFunction]
    public FunctionGraph ShapedAsTheStep()
    {
        var x = DMatrix("x");
        var h0 = DVector("h0");
        var (h, updates) = Scan((v, previous) => (previous + v * S.Bernoulli(0.5, size: v.Shape)) * S.Uniform(0.5, 1.5, size: previous.Shape),
            sequences: [x], outputsInfo: [h0]);
        return Function([x, h0], h, updates: updates);
    }
}
