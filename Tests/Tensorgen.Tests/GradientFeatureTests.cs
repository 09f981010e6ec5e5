using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Tests.Graphs;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>Second-order gradients, stopped gradients, disconnected variables and numerical stability.</summary>
public sealed class GradientFeatureTests
{
    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    [Fact]
    public void Hessian_vector_product_matches_the_exact_one()
    {
        var x = new[] { 0.3, -1.2, 0.8, 2.0, -0.5 };
        var v = new[] { 1.0, 0.5, -2.0, 0.25, 3.0 };
        var (g, hv) = new GradientGraphs.HessianVectorFunction().Invoke(x, v);
        // f = Σ e^x x + (Σ x)²: ∇f = e^x (1 + x) + 2Σx; H = diag(e^x (2 + x)) + 2·11ᵀ.
        double sum = x.Sum(), vsum = v.Sum();
        var expectedG = x.Select(xi => Math.Exp(xi) * (1 + xi) + 2 * sum).ToArray();
        var expectedHv = x.Select((xi, i) => Math.Exp(xi) * (2 + xi) * v[i] + 2 * vsum).ToArray();
        Assert.Equal(expectedG, Flat(g), new Close(1e-12));
        Assert.Equal(expectedHv, Flat(hv), new Close(1e-12));
    }

    [Fact]
    public void ZeroGrad_and_considerConstant_stop_gradients()
    {
        var x = new[] { 0.5, -1.0, 2.0 };
        var (grad, forward) = new GradientGraphs.StoppedFunction().Invoke(x);
        // d/dx [x·zero_grad(x)] = x; d/dx [x·y] with y constant = y = e^x.
        Assert.Equal(x.Select(xi => xi + Math.Exp(xi)).ToArray(), Flat(grad), new Close(1e-12));
        Assert.Equal(x.Select(xi => xi * xi).ToArray(), Flat(forward), new Close(0));
    }

    [Fact]
    public void Disconnected_variables_get_zeros_when_ignored()
    {
        var (gx, gu) = new GradientGraphs.DisconnectedFunction().Invoke(new[] { 1.0, -2.0 }, new[] { 5.0, 6.0, 7.0 });
        Assert.Equal(new[] { 2.0, -4.0 }, Flat(gx));
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, Flat(gu));
    }

    [Fact]
    public void Cross_entropy_and_its_gradient_stay_finite_for_huge_logits()
    {
        var z = new[] { -1000.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0 };
        var y = new[] { 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0 };
        var (xent, grad) = new GradientGraphs.CrossEntropyFunction().Invoke(z, y);
        // xent = y·softplus(-z) + (1-y)·softplus(z); d/dz = sigmoid(z) - y.
        var expected = z.Select((zi, i) => y[i] * Softplus(-zi) + (1 - y[i]) * Softplus(zi)).ToArray();
        var expectedGrad = z.Select((zi, i) => 1 / (1 + Math.Exp(-zi)) - y[i]).ToArray();
        Assert.All(Flat(xent), e => Assert.True(double.IsFinite(e)));
        Assert.All(Flat(grad), e => Assert.True(double.IsFinite(e)));
        Assert.Equal(expected, Flat(xent), new Close(1e-12));
        Assert.Equal(expectedGrad, Flat(grad), new Close(1e-12));
        Assert.Contains("local_log_sigmoid", new GradientGraphs.CrossEntropyFunction().Graph);
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    private sealed class Close(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * (1 + Math.Abs(b));
        public int GetHashCode(double obj) => 0;
    }
}
