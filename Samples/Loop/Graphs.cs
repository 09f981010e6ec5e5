using System.Collections.Generic;
using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Samples.Loop;

/// <summary>
/// The graphs of PyTensor's tutorial page "Loop" (scan), in the page's order. Each method's body is the page's
/// Python translated line by line; the generator compiles each scan's body as a nested function and the loop
/// that calls it (see obj/GeneratedFiles after a build).
/// </summary>
public static partial class Graphs
{
    // Scan Example: Computing tanh(x(t).dot(W) + b) elementwise
    //   X = pt.matrix("X"); W = pt.matrix("W"); b_sym = pt.vector("b_sym")
    //   results, updates = pytensor.scan(lambda v: pt.tanh(pt.dot(v, W) + b_sym), sequences=X)
    //   compute_elementwise = pytensor.function(inputs=[X, W, b_sym], outputs=results)
    [TensorFunction]
    public static FunctionGraph ComputeElementwise()
    {
        var x = Matrix("X");
        var w = Matrix("W");
        var b = Vector("b_sym");
        var (results, _) = Scan(v => Tanh(Dot(v, w) + b), sequences: [x]);
        return Function([x, w, b], results);
    }

    // Scan Example: Computing the sequence x(t) = tanh(x(t - 1).dot(W) + y(t).dot(U) + p(T - t).dot(V))
    //   results, updates = pytensor.scan(lambda y, p, x_tm1: pt.tanh(pt.dot(x_tm1, W) + pt.dot(y, U) + pt.dot(p, V)),
    //             sequences=[Y, P[::-1]], outputs_info=[X])
    //   compute_seq = pytensor.function(inputs=[X, W, Y, U, P, V], outputs=results)
    [TensorFunction]
    public static FunctionGraph ComputeSeq()
    {
        var x = Vector("X");
        var (w, u, y, v, p) = (Matrix("W"), Matrix("U"), Matrix("Y"), Matrix("V"), Matrix("P"));
        var (results, _) = Scan((yt, pt, previous) => Tanh(Dot(previous, w) + Dot(yt, u) + Dot(pt, v)),
            sequences: [y, p[Slice(null, null, -1)]], outputsInfo: [x]);
        return Function([x, w, y, u, p, v], results);
    }

    // Scan Example: Computing norms of lines of X
    //   results, updates = pytensor.scan(lambda x_i: pt.sqrt((x_i ** 2).sum()), sequences=[X])
    [TensorFunction]
    public static FunctionGraph ComputeNormLines()
    {
        var x = Matrix("X");
        var (results, _) = Scan(row => Sqrt((row * row).Sum()), sequences: [x]);
        return Function([x], results);
    }

    // Scan Example: Computing norms of columns of X
    //   results, updates = pytensor.scan(lambda x_i: pt.sqrt((x_i ** 2).sum()), sequences=[X.T])
    [TensorFunction]
    public static FunctionGraph ComputeNormCols()
    {
        var x = Matrix("X");
        var (results, _) = Scan(column => Sqrt((column * column).Sum()), sequences: [x.T]);
        return Function([x], results);
    }

    // Scan Example: Computing trace of X
    //   results, updates = pytensor.scan(lambda i, j, t_f: pt.cast(X[i, j] + t_f, floatX),
    //                     sequences=[pt.arange(X.shape[0]), pt.arange(X.shape[1])],
    //                     outputs_info=np.asarray(0., dtype=floatX))        # floatX = "float32"
    //   result = results[-1]
    [TensorFunction]
    public static FunctionGraph ComputeTrace()
    {
        var x = Matrix("X");
        var (results, _) = Scan((i, j, total) => Cast(x[i, j] + total, DType.Float32),
            sequences: [Arange(x.Shape[0]), Arange(x.Shape[1])], outputsInfo: [Constant(0.0, DType.Float32)]);
        return Function([x], results[-1]);
    }

    // Scan Example: Computing the sequence x(t) = x(t - 2).dot(U) + x(t - 1).dot(V) + tanh(x(t - 1).dot(W) + b)
    //   results, updates = pytensor.scan(lambda x_tm2, x_tm1: pt.dot(x_tm2, U) + pt.dot(x_tm1, V) + pt.tanh(pt.dot(x_tm1, W) + b_sym),
    //                       n_steps=n_sym, outputs_info=[dict(initial=X, taps=[-2, -1])])
    //   compute_seq2 = pytensor.function([X, U, V, W, b_sym, n_sym], results)
    [TensorFunction]
    public static FunctionGraph ComputeSeq2()
    {
        var (x, u, v, w) = (Matrix("X"), Matrix("U"), Matrix("V"), Matrix("W"));
        var b = Vector("b_sym");
        var n = IScalar("n_sym");
        var (results, _) = Scan((previous2, previous1) => Dot(previous2, u) + Dot(previous1, v) + Tanh(Dot(previous1, w) + b),
            nSteps: n, outputsInfo: [Taps(x, -2, -1)]);
        return Function([x, u, v, w, b, n], results);
    }

    // Scan Example: Computing the Jacobian of y = tanh(v.dot(A)) wrt x
    //   y = pt.tanh(pt.dot(v, A))
    //   results, updates = pytensor.scan(lambda i: pt.grad(y[i], v), sequences=[pt.arange(y.shape[0])])
    //   compute_jac_t = pytensor.function([A, v], results)
    // and the same with pytensor.gradient.jacobian(y, v), which builds that scan.
    [TensorFunction]
    public static FunctionGraph ComputeJacT()
    {
        var v = Vector("v");
        var a = Matrix("A");
        var y = Tanh(Dot(v, a));
        var (results, _) = Scan(i => Grad(y[i], v), sequences: [Arange(y.Shape[0])]);
        return Function([a, v], [results, Jacobian(y, v)]);
    }

    // Scan Example: Accumulate number of loop during a scan
    //   k = pytensor.shared(0)
    //   results, updates = pytensor.scan(lambda:{k:(k + 1)}, n_steps=n_sym)
    //   accumulator = pytensor.function([n_sym], [], updates=updates)
    public static readonly Shared<long> K = Shared(0L, name: "k");

    [TensorFunction]
    public static FunctionGraph Accumulator()
    {
        var n = IScalar("n_sym");
        var (_, updates) = Scan(() => new Dictionary<TensorVariable, TensorVariable> { [K] = K + 1 }, nSteps: n);
        return Function([n], [], updates: updates);
    }

    // Scan Example: Computing pow(A, k)
    //   result, updates = pytensor.scan(fn=inner_fct, outputs_info=pt.ones_like(A), non_sequences=A, n_steps=k)
    //   final_result = result[-1]
    //   power = pytensor.function(inputs=[A, k], outputs=final_result, updates=updates)
    [TensorFunction]
    public static FunctionGraph Power()
    {
        var k = IScalar("k");
        var a = Vector("A");
        var (result, updates) = Scan(InnerFct, outputsInfo: [OnesLike(a)], nonSequences: [a], nSteps: k);
        return Function([a, k], result[-1], updates: updates);
    }

    //   def inner_fct(prior_result, B):
    //       return prior_result * B
    private static TensorVariable InnerFct(TensorVariable priorResult, TensorVariable b) => priorResult * b;

    // Scan Example: Calculating a Polynomial
    //   full_range = pytensor.tensor.arange(max_coefficients_supported)      # 10000
    //   components, updates = pytensor.scan(fn=lambda coeff, power, free_var: coeff * (free_var ** power),
    //                                       outputs_info=None, sequences=[coefficients, full_range], non_sequences=x)
    //   polynomial = components.sum()
    [TensorFunction]
    public static FunctionGraph CalculatePolynomial()
    {
        var coefficients = Vector("coefficients");
        var x = Scalar("x");
        var fullRange = Arange(10000);
        var (components, _) = Scan((coeff, power, freeVar) => coeff * Pow(freeVar, power),
            outputsInfo: null, sequences: [coefficients, fullRange], nonSequences: [x]);
        return Function([coefficients, x], components.Sum());
    }

    // Exercise: the polynomial with the reduction done by scan (the page's loop_solution_1.py).
    //   outputs_info = pt.as_tensor_variable(np.asarray(0, "float64")); full_range = pt.arange(10000)
    //   components, updates = pytensor.scan(fn=lambda coeff, power, prior_value, free_var: prior_value + (coeff * (free_var ** power)),
    //                                       outputs_info=outputs_info, sequences=[coefficients, full_range], non_sequences=x)
    //   polynomial = components[-1]
    [TensorFunction]
    public static FunctionGraph CalculatePolynomialByScan()
    {
        var coefficients = Vector("coefficients");
        var x = Scalar("x");
        var (components, _) = Scan((coeff, power, priorValue, freeVar) => priorValue + coeff * Pow(freeVar, power),
            outputsInfo: [Constant(0.0)], sequences: [coefficients, Arange(10000)], nonSequences: [x]);
        return Function([coefficients, x], components[-1]);
    }
}

/// <summary>
/// The page's "Computing tanh(v.dot(W) + b) * d where d is binomial": a graph object with its own stream, so
/// <c>new BinomialNoise(1234)</c> draws what PyTensor's <c>RandomStream(1234)</c> draws.
/// </summary>
public sealed partial class BinomialNoise(ulong seed)
{
    //   trng = pytensor.tensor.random.utils.RandomStream(1234)
    public RandomStream Trng { get; } = new(seed);

    //   d = trng.binomial(size=W[1].shape, n=1, p=0.5)     # PyTensor 2.24 needs n and p
    //   results, updates = pytensor.scan(lambda v: pt.tanh(pt.dot(v, W) + b_sym) * d, sequences=X)
    //   compute_with_bnoise = pytensor.function(inputs=[X, W, b_sym], outputs=results, updates=updates)
    // d is drawn once per call, before the loop (PyTensor 2.24 passes it to the scan as a non-sequence).
    [TensorFunction]
    public FunctionGraph ComputeWithBnoise()
    {
        var x = Matrix("X");
        var w = Matrix("W");
        var b = Vector("b_sym");
        var d = Trng.Binomial(1, 0.5, size: w[1].Shape);
        var (results, updates) = Scan(v => Tanh(Dot(v, w) + b) * d, sequences: [x]);
        return Function([x, w, b], results, updates: updates);
    }
}
