using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>Scans of PyTensor's "Loop" tutorial and the corners of the contract: states, sequences, non-sequences, directions.</summary>
public static partial class ScanGraphs
{
    /// <summary>The tutorial's A**k: the state multiplied by A, k times; the last step only.</summary>
    [TensorFunction]
    public static FunctionGraph Power()
    {
        var k = IScalar("k");
        var a = DVector("A");
        var (result, updates) = Scan((prior, x) => prior * x, outputsInfo: [OnesLike(a)], nonSequences: [a], nSteps: k);
        return Function([a, k], result[-1], updates: updates);
    }

    /// <summary>The tutorial's tanh(x(t)·W + b) over the rows of X; W and b captured by the lambda.</summary>
    [TensorFunction]
    public static FunctionGraph Layer()
    {
        var x = DMatrix("X");
        var w = DMatrix("W");
        var b = DVector("b_sym");
        var (results, _) = Scan(v => Tanh(Dot(v, w) + b), sequences: [x]);
        return Function([x, w, b], results);
    }

    /// <summary>The tutorial's polynomial: coefficient times x to the power, over the coefficients and a range.</summary>
    [TensorFunction]
    public static FunctionGraph Polynomial()
    {
        var coefficients = DVector("coefficients");
        var x = DScalar("x");
        var (components, _) = Scan((coefficient, power, free) => coefficient * Pow(free, power),
            sequences: [coefficients, Arange(10000)], nonSequences: [x]);
        return Function([coefficients, x], components.Sum());
    }

    /// <summary>A running sum and running maximum fed back, a scalar result not fed back; read backwards.</summary>
    [TensorFunction]
    public static FunctionGraph Running()
    {
        var x = DVector("x");
        var (results, _) = Scan((v, total, largest) => [total + v, Maximum(largest, v), v * 2],
            sequences: [x], outputsInfo: [Constant(0.0), Constant(double.NegativeInfinity), null], goBackwards: true);
        return Function([x], [results[0], results[1], results[2]]);
    }

    /// <summary>Map, Reduce, Foldl, Foldr and a backwards Map: the special cases PyTensor has.</summary>
    [TensorFunction]
    public static FunctionGraph Special()
    {
        var (x, y) = DVectors("x", "y");
        var (mapped, _) = Map((a, b) => a * b + 1, [x, y]);
        var (reduced, _) = Reduce((a, acc) => acc * 2 + a, [x], [Constant(0.0)]);
        var (left, _) = Foldl((a, acc) => acc * 2 + a, [x], [Constant(0.0)]);
        var (right, _) = Foldr((a, acc) => acc * 2 + a, [x], [Constant(0.0)]);
        var (backwards, _) = Map(a => a * 10, [x], goBackwards: true);
        return Function([x, y], [mapped, reduced, left, right, backwards]);
    }

    /// <summary>The tutorial's Jacobian of x ** 2 and Hessian of sum(x ** 2), and PyTensor's other cases.</summary>
    [TensorFunction]
    public static FunctionGraph Derivatives()
    {
        var x = DVector("x");
        var s = DScalar("s");
        return Function([x, s], [Jacobian(x * x, x), Hessian((x * x).Sum(), x), Jacobian(s * x, s), Jacobian((x * x * x).Sum(), x)]);
    }

    /// <summary>The Jacobians of tanh(W·x) with respect to x and W (shapes (3, 2) and (3, 3, 2)), and a Hessian with cross terms.</summary>
    [TensorFunction]
    public static FunctionGraph Layered()
    {
        var x = DVector("x");
        var w = DMatrix("W");
        var y = Tanh(Dot(w, x));
        var jacobians = Jacobian(y, [x, w]);
        return Function([x, w], [jacobians[0], jacobians[1], Hessian((Exp(x) * x.Sum()).Sum() + Dot(y, y), x)]);
    }

    /// <summary>A body taking a Grad: each row's gradient of sum(row²) (2·row), and of sum(row · w) with respect to w (row).</summary>
    [TensorFunction]
    public static FunctionGraph GradientsInside()
    {
        var x = DMatrix("x");
        var w = DVector("w");
        var (rows, _) = Scan(v => [Grad((v * v).Sum(), v), Grad((v * w).Sum(), w)], sequences: [x]);
        return Function([x, w], [rows[0], rows[1]]);
    }

    /// <summary>A recurrent net over the rows of X, h(t) = tanh(W·h(t-1) + U·x(t) + b), its cost and the cost's gradients.</summary>
    [TensorFunction]
    public static FunctionGraph Recurrent()
    {
        var x = DMatrix("X");
        var (w, u) = DMatrices("W", "U");
        var (b, h0) = DVectors("b", "h0");
        var (h, _) = Scan((xt, previous) => Tanh(Dot(w, previous) + Dot(u, xt) + b), sequences: [x], outputsInfo: [h0]);
        var cost = (h[-1] * h[-1]).Sum() + h.Mean();
        var gradients = Grad(cost, [x, w, u, b, h0]);
        return Function([x, w, u, b, h0], [cost, gradients[0], gradients[1], gradients[2], gradients[3], gradients[4]]);
    }

    /// <summary>A scalar recurrence read backwards, total·a + v², and a result not fed back, with the gradients.</summary>
    [TensorFunction]
    public static FunctionGraph Backwards()
    {
        var x = DVector("x");
        var (a, start) = DScalars("a", "start");
        var (results, _) = Scan((v, total) => [total * a + v * v, Sin(v) * a], sequences: [x], outputsInfo: [start, null], goBackwards: true);
        var cost = (results[0] * results[0]).Sum() + results[1].Sum();
        var gradients = Grad(cost, [x, a, start]);
        return Function([x, a, start], [cost, gradients[0], gradients[1], gradients[2]]);
    }

    /// <summary>The tutorial's R-operator and L-operator on y = x·W, and both on tanh(x)·sum(x).</summary>
    [TensorFunction]
    public static FunctionGraph Operators()
    {
        var (w, v) = DMatrices("W", "V");
        var (x, u) = DVectors("x", "v");
        var y = Dot(x, w);
        var z = Tanh(x) * x.Sum();
        return Function([w, v, x, u], [Rop(y, w, v), Lop(y, w, u), Rop(z, x, u), Lop(z, x, u)]);
    }

    /// <summary>Results fed back from two steps: a + 10·b over taps -2 and -1, and over taps -3 and -1.</summary>
    [TensorFunction]
    public static FunctionGraph Tapped()
    {
        var x0 = DVector("x0");
        var (two, _) = Scan((a, b) => a + 10 * b, outputsInfo: [Taps(x0, -2, -1)], nSteps: 4);
        var (three, _) = Scan((a, b) => a + 10 * b, outputsInfo: [Taps(x0, -3, -1)], nSteps: 3);
        return Function([x0], [two, three]);
    }

    /// <summary>The tutorial's x(t) = x(t-2)·U + x(t-1)·V + tanh(x(t-1)·W + b), and the gradient of its sum with respect to U.</summary>
    [TensorFunction]
    public static FunctionGraph TwoTaps()
    {
        var (u, v, w) = DMatrices("U", "V", "W");
        var b = DVector("b");
        var x0 = DMatrix("x0");
        var n = IScalar("n");
        var (x, _) = Scan((previous2, previous1) => Dot(previous2, u) + Dot(previous1, v) + Tanh(Dot(previous1, w) + b),
            outputsInfo: [Taps(x0, -2, -1)], nSteps: n);
        return Function([u, v, w, b, x0, n], [x, Grad(x.Sum(), u)]);
    }

    /// <summary>tanh(h·a + x(t)) and the gradients of its sum, in full and truncated to the last 2 steps.</summary>
    [TensorFunction]
    public static FunctionGraph Truncated()
    {
        var x = DVector("x");
        var (h0, a) = DScalars("h0", "a");
        var (full, _) = Scan((v, p, w) => Tanh(p * w + v), sequences: [x], outputsInfo: [h0], nonSequences: [a]);
        var (truncated, _) = Scan((v, p, w) => Tanh(p * w + v), sequences: [x], outputsInfo: [h0], nonSequences: [a], truncateGradient: 2);
        var g = Grad(full.Sum(), [x, h0, a]);
        var t = Grad(truncated.Sum(), [x, h0, a]);
        return Function([x, h0, a], [g[0], g[1], g[2], t[0], t[1], t[2]]);
    }
}
