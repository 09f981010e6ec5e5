namespace Tensorgen;

// The distributions, as PyTensor's RandomStream methods. Parameters are scalar tensors (numbers
// convert), so they may be constants, shared variables, inputs or expressions. size is the shape: each
// entry a number, an int scalar input or shared variable, or a size of another tensor (x.Shape[0]);
// null for a single draw. At run time these only create the variable and its generator: the
// draws happen in the generated functions.
public sealed partial class RandomStream
{
    /// <summary>Uniform on [low, high), float64 (PyTensor's <c>uniform</c>; <paramref name="low"/> 0 and <paramref name="high"/> 1 when null).</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Uniform)]
    public RandomVariable Uniform(TensorVariable? low = null, TensorVariable? high = null, TensorVariable[]? size = null) => NewVariable(Distribution.Uniform);

    /// <summary>Normal with mean <paramref name="loc"/> (0) and standard deviation <paramref name="scale"/> (1), float64.</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Normal)]
    public RandomVariable Normal(TensorVariable? loc = null, TensorVariable? scale = null, TensorVariable[]? size = null) => NewVariable(Distribution.Normal);

    /// <summary>Integers in [low, high), int64 (NumPy's <c>integers</c>).</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Integers)]
    public RandomVariable Integers(TensorVariable low, TensorVariable high, TensorVariable[]? size = null) => NewVariable(Distribution.Integers);

    /// <summary>Successes in <paramref name="n"/> trials of probability <paramref name="p"/>, int64.</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Binomial)]
    public RandomVariable Binomial(TensorVariable n, TensorVariable p, TensorVariable[]? size = null) => NewVariable(Distribution.Binomial);

    /// <summary>1 with probability <paramref name="p"/>, else 0, int64 (a binomial of one trial, as PyTensor's).</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Bernoulli)]
    public RandomVariable Bernoulli(TensorVariable p, TensorVariable[]? size = null) => NewVariable(Distribution.Bernoulli);

    /// <summary>Poisson with mean <paramref name="lam"/> (1 when null), int64.</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Poisson)]
    public RandomVariable Poisson(TensorVariable? lam = null, TensorVariable[]? size = null) => NewVariable(Distribution.Poisson);

    /// <summary>Exponential with mean <paramref name="scale"/> (1 when null), float64.</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Exponential)]
    public RandomVariable Exponential(TensorVariable? scale = null, TensorVariable[]? size = null) => NewVariable(Distribution.Exponential);

    /// <summary>Gamma with <paramref name="shape"/> and <paramref name="scale"/> (1 when null), float64.</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Gamma)]
    public RandomVariable Gamma(TensorVariable shape, TensorVariable? scale = null, TensorVariable[]? size = null) => NewVariable(Distribution.Gamma);

    /// <summary>Beta with parameters <paramref name="a"/> and <paramref name="b"/>, float64.</summary>
    [Builtin(Builtin.Random, rank: (int)Distribution.Beta)]
    public RandomVariable Beta(TensorVariable a, TensorVariable b, TensorVariable[]? size = null) => NewVariable(Distribution.Beta);
}
