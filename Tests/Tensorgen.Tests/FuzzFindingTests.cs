using System.Linq;
using System.Numerics;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// Regression tests for defects the graph fuzz (<see cref="GraphFuzzTests"/>) found, each reduced to
/// the smallest graph or call that showed it.
/// </summary>
public sealed class FuzzFindingTests
{
    /// <summary>log1p(∞) is ∞ (NumPy's); the scalar and vector forms gave NaN (∞·∞/∞).</summary>
    [Fact]
    public void Log1p_of_infinity_is_infinity()
    {
        Assert.Equal(double.PositiveInfinity, ScalarOps.Log1p(double.PositiveInfinity));
        Assert.Equal(float.PositiveInfinity, ScalarOps.Log1p(float.PositiveInfinity));
        Assert.Equal(-1e-20, ScalarOps.Log1p(-1e-20));
        var v = VectorMath.Log1p(new Vector<double>(double.PositiveInfinity));
        Assert.All(Enumerable.Range(0, Vector<double>.Count), i => Assert.Equal(double.PositiveInfinity, v[i]));
        var w = VectorMath.Log1p(new Vector<float>(float.PositiveInfinity));
        Assert.All(Enumerable.Range(0, Vector<float>.Count), i => Assert.Equal(float.PositiveInfinity, w[i]));
        Assert.Equal(double.NegativeInfinity, VectorMath.Log1p(new Vector<double>(-1))[0]);
        Assert.Equal(double.PositiveInfinity, VectorMath.Softplus(new Vector<double>(double.PositiveInfinity))[0]);
    }
}
