using System;
using Xunit;

namespace Tensorgen.Tests.Elementwise;

/// <summary>log Γ at whole numbers: SciPy's gammaln gives log((n - 1)!) to the last bit, so 0 exactly at 1 and 2.</summary>
public sealed class GammalnTests
{
    [Fact]
    public void Whole_numbers_are_log_factorials()
    {
        Assert.Equal(0.0, ScalarOps.Gammaln(1.0));
        Assert.Equal(0.0, ScalarOps.Gammaln(2.0));
        Assert.Equal(0.0f, ScalarOps.Gammaln(1.0f));
        Assert.Equal(0.0f, ScalarOps.Gammaln(2.0f));
        double factorial = 1;
        for (int n = 2; n <= 19; n++)
        {
            // Independent of the implementation's loop: (n - 1)! built up as n goes, and Math.Log of it.
            Assert.Equal(Math.Log(factorial), ScalarOps.Gammaln((double)n));
            factorial *= n;
        }
        // Past the exact factorials the series takes over and stays close: log(19!) from the running product.
        Assert.True(Math.Abs(ScalarOps.Gammaln(20.0) - Math.Log(factorial)) <= 1e-14 * Math.Log(factorial));
    }
}
