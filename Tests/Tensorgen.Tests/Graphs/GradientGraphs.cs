using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Graphs;

/// <summary>Gradient features beyond single pullbacks: second order, stopping gradients, disconnection, stability.</summary>
public static partial class GradientGraphs
{
    /// <summary>A Hessian-vector product: the gradient graph differentiated again. f(x) = Σ exp(x)·x + (Σ x)².</summary>
    [TensorFunction]
    public static FunctionGraph HessianVector()
    {
        var (x, v) = DVectors("x", "v");
        var cost = (Exp(x) * x).Sum() + Sqr(x.Sum());
        var g = Grad(cost, x);
        var hv = Grad((g * v).Sum(), x);
        return Function([x, v], [g, hv]);
    }

    /// <summary>ZeroGrad and considerConstant stop gradients: d/dx of x·zero_grad(x) is x, not 2x.</summary>
    [TensorFunction]
    public static FunctionGraph Stopped()
    {
        var x = DVector("x");
        var y = Exp(x);
        var cost = (x * ZeroGrad(x)).Sum() + (x * y).Sum();
        var viaZeroGrad = Grad(cost, x, considerConstant: [y]);
        return Function([x], [viaZeroGrad, x * ZeroGrad(x)]);
    }

    /// <summary>A variable the cost does not depend on gets zeros when asked for.</summary>
    [TensorFunction]
    public static FunctionGraph Disconnected()
    {
        var (x, unused) = DVectors("x", "unused");
        var (gx, gu) = Grad(Sqr(x).Sum(), [x, unused], disconnectedInputs: DisconnectedInputs.Ignore);
        return Function([x, unused], [gx, gu]);
    }

    /// <summary>The tutorial's cross-entropy and its gradient, for logits far beyond exp's range.</summary>
    [TensorFunction]
    public static FunctionGraph CrossEntropy()
    {
        var z = DVector("z");
        var y = DVector("y");
        var p = 1 / (1 + Exp(-z));
        var xent = -y * Log(p) - (1 - y) * Log(1 - p);
        return Function([z, y], [xent, Grad(xent.Sum(), z)]);
    }
}
