// Compiled into both the runtime and the generator: the distributions a RandomStream draws from.
namespace Tensorgen;

/// <summary>The distributions of <see cref="RandomStream"/>, named as PyTensor's random variables.</summary>
public enum Distribution
{
    /// <summary><c>uniform(low, high)</c>, float64.</summary>
    Uniform,
    /// <summary><c>normal(loc, scale)</c>, float64.</summary>
    Normal,
    /// <summary><c>integers(low, high)</c>, high exclusive, int64.</summary>
    Integers,
    /// <summary><c>binomial(n, p)</c>, int64.</summary>
    Binomial,
    /// <summary><c>bernoulli(p)</c>: binomial(1, p), int64.</summary>
    Bernoulli,
    /// <summary><c>poisson(lam)</c>, int64.</summary>
    Poisson,
    /// <summary><c>exponential(scale)</c>, float64.</summary>
    Exponential,
    /// <summary><c>gamma(shape, scale)</c>, float64.</summary>
    Gamma,
    /// <summary><c>beta(a, b)</c>, float64.</summary>
    Beta,
}
