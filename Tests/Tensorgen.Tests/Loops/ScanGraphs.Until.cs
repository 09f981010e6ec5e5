using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>Scans that stop early (PyTensor's until): read at their last step, and their stacked results.</summary>
public static partial class ScanGraphs
{
    /// <summary>Powers of 2 until one exceeds m (at most 1024 steps); Newton's square root until it settles; a running sum until it passes 10.</summary>
    [TensorFunction]
    public static FunctionGraph Stopping()
    {
        var m = DScalar("m");
        var a = DScalar("a");
        var s = DVector("s");
        var (powers, _) = Scan((p, limit) => [p * 2, Until(p * 2 > limit)], outputsInfo: [Constant(1.0)], nonSequences: [m], nSteps: 1024);
        var (roots, _) = Scan((x, v) => [(x + v / x) / 2, Until(Abs((x + v / x) / 2 - x) < 1e-12)], outputsInfo: [a], nonSequences: [a], nSteps: 100);
        var (sums, _) = Scan((v, total) => [total + v, Until(total + v > 10)], sequences: [s], outputsInfo: [Constant(0.0)]);
        return Function([m, a, s], [powers[0][-1], roots[0][-1], sums[0][-1]]);
    }

    /// <summary>The "Loop" page's powers of 2 while they stay under m, stacked: the steps the loop ran.</summary>
    [TensorFunction]
    public static FunctionGraph PowersUnder()
    {
        var m = DScalar("m");
        var (values, _) = Scan((p, limit) => [p * 2, Until(p * 2 > limit)], outputsInfo: [Constant(1.0)], nonSequences: [m], nSteps: 1024);
        return Function([m], values[0]);
    }

    /// <summary>Stacked results of loops that stop early, read by other ops: two results of one body, a sequence, nSteps an input.</summary>
    [TensorFunction]
    public static FunctionGraph StoppingStacked()
    {
        var m = DScalar("m");
        var s = DVector("s");
        var n = LScalar("n");
        var (ab, _) = Scan((p, limit) => [p * 2, p + 1, Until(p * 2 > limit)], outputsInfo: [Constant(1.0), null], nonSequences: [m], nSteps: 10);
        var (a, b) = (ab[0], ab[1]);
        var (sums, _) = Scan((v, total) => [total + v, Until(total + v > 10)], sequences: [s], outputsInfo: [Constant(0.0)]);
        var (c, _) = Scan(p => [p * 2, Until(p > 100)], outputsInfo: [Constant(1.0)], nSteps: n);
        return Function([m, s, n], [a * 3, b.Sum(), a.Shape[0], a[-1], Max(b), sums[0], sums[0] * 2 + 1, sums[0].Shape[0], c[0], Outer(c[0], c[0]).Sum()]);
    }

    /// <summary>A slice up to a value computed by a product: its length is known only once the product has run.</summary>
    [TensorFunction]
    public static FunctionGraph LateSlice()
    {
        var x = DMatrix("x");
        var y = DMatrix("y");
        return Function([x, y], x[Slice(0, Argmax(Dot(y, y).Sum(1)))] * 2);
    }

    /// <summary>Updated by <see cref="StoppingProducts"/>, which nothing else calls.</summary>
    public static readonly Shared<double> StoppingTotal = Shared(0.0, name: "total");

    /// <summary>Products of a loop's stacked results, in buffers taken once it has run, and an update from them.</summary>
    [TensorFunction]
    public static FunctionGraph StoppingProducts()
    {
        var n = LScalar("n");
        var (c, _) = Scan(p => [p * 2, Until(p > 100)], outputsInfo: [Constant(1.0)], nSteps: n);
        var o = Outer(c[0], c[0]);
        var r = Dot(o, o + 1).Sum();
        return Function([n], [r, Max(c[0])], updates: [(StoppingTotal, StoppingTotal + r)]);
    }
}
