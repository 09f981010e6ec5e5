using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>
/// Maps over bodies of every form the vectorization extends, each computed twice: without nSteps (over whole
/// sequences, no loop) and with nSteps (the loop kept). The two must agree.
/// </summary>
public static partial class ScanGraphs
{
    [TensorFunction]
    public static FunctionGraph MapForms()
    {
        var x = DVector("x");          // (n)
        var m = DMatrix("m");          // (n, k)
        var w = DMatrix("w");          // (k, k)
        var u = DVector("u");          // (k)
        var n = IScalar("n");
        TensorVariable[] Body(TensorVariable a, TensorVariable row, TensorVariable wm, TensorVariable uv) =>
        [
            a * uv + row,                                   // a batched scalar broadcast against vectors
            Dot(row, wm) + Dot(wm, row) * a,                // v·W and W·v
            Dot(row, uv) + Dot(uv, row) + Dot(row, row),    // vector products, batched with both sides
            Sum(row * row, axis: 0, keepdims: true) - Max(row),  // reductions, keepdims
            Exp(row).Dimshuffle("x", 0) * uv.Dimshuffle(0, "x"), // dimshuffles: an outer product per step
            Softplus(-a) + Sqr(a).Sum(),                    // element-wise and a 0-d reduction
        ];
        var (fast, _) = Scan(Body, sequences: [x, m], nonSequences: [w, u]);
        var (slow, _) = Scan(Body, sequences: [x, m], nonSequences: [w, u], nSteps: n);
        var (fastBack, _) = Scan(Body, sequences: [x, m], nonSequences: [w, u], goBackwards: true);
        var (slowBack, _) = Scan(Body, sequences: [x, m], nonSequences: [w, u], nSteps: n, goBackwards: true);
        return Function([x, m, w, u, n], [.. fast, .. slow, .. fastBack, .. slowBack, Grad(fast[1].Sum() + fast[4].Sum(), w), Grad(slow[1].Sum() + slow[4].Sum(), w)]);
    }
}
