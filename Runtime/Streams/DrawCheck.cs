using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// NumPy's rules for each distribution's parameters, checked by generated code before a call does any
/// work, so that a bad parameter (a negative scale, <c>low >= high</c>) is an error naming the function
/// and the random variable, and leaves outputs, shared variables and generators as they were. The
/// generator's own draws check the same rules again (a test keeps the two in step). For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DrawCheck
{
    /// <summary><c>uniform(low, high)</c>: high - low finite and not negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Uniform(string function, string variable, double low, double high)
    {
        double range = high - low;
        if (!double.IsFinite(range) || double.IsNegative(range))
            Throw(function, variable, "uniform", $"low = {Text(low)}, high = {Text(high)}", double.IsFinite(range) ? "high - low < 0" : "high - low range exceeds valid bounds");
    }

    /// <summary><c>normal(loc, scale)</c>: scale not negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normal(string function, string variable, double loc, double scale)
    {
        if (Negative(scale)) Throw(function, variable, "normal", $"scale = {Text(scale)}", "scale < 0");
    }

    /// <summary><c>integers(low, high)</c>: low below high.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Integers(string function, string variable, long low, long high)
    {
        if (low >= high) Throw(function, variable, "integers", $"low = {low}, high = {high}", low == 0 ? "high <= 0" : "low >= high");
    }

    /// <summary><c>binomial(n, p)</c> (and <c>bernoulli(p)</c>, which is <c>binomial(1, p)</c>): p in [0, 1], n not negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binomial(string function, string variable, long n, double p)
    {
        if (!(p >= 0) || !(p <= 1)) Throw(function, variable, "binomial", $"p = {Text(p)}", "p < 0, p > 1 or p is NaN");
        if (n < 0) Throw(function, variable, "binomial", $"n = {n}", "n < 0");
    }

    /// <summary><c>poisson(lam)</c>: lam not negative, not NaN, not too large.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poisson(string function, string variable, double lam)
    {
        if (!(lam >= 0)) Throw(function, variable, "poisson", $"lam = {Text(lam)}", "lam < 0 or lam is NaN");
        if (!(lam <= PoissonLamMax)) Throw(function, variable, "poisson", $"lam = {Text(lam)}", "lam value too large");
    }

    /// <summary><c>exponential(scale)</c>: scale not negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exponential(string function, string variable, double scale)
    {
        if (Negative(scale)) Throw(function, variable, "exponential", $"scale = {Text(scale)}", "scale < 0");
    }

    /// <summary><c>gamma(shape, scale)</c>: neither negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gamma(string function, string variable, double shape, double scale)
    {
        if (Negative(shape)) Throw(function, variable, "gamma", $"shape = {Text(shape)}", "shape < 0");
        if (Negative(scale)) Throw(function, variable, "gamma", $"scale = {Text(scale)}", "scale < 0");
    }

    /// <summary><c>beta(a, b)</c>: both positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Beta(string function, string variable, double a, double b)
    {
        if (a <= 0) Throw(function, variable, "beta", $"a = {Text(a)}", "a <= 0");
        if (b <= 0) Throw(function, variable, "beta", $"b = {Text(b)}", "b <= 0");
    }

    // As RandomGenerator.Poisson: NumPy's POISSON_LAM_MAX.
    private static readonly double PoissonLamMax = long.MaxValue - Math.Sqrt(long.MaxValue) * 10;

    private static bool Negative(double value) => !double.IsNaN(value) && double.IsNegative(value);

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    [DoesNotReturn]
    private static void Throw(string function, string variable, string distribution, string values, string rule) =>
        throw new ArgumentOutOfRangeException(variable,
            $"{function}: random variable '{variable}' ({distribution}) got {values}: {rule}. Nothing was drawn or written.");
}
