using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>Scans that stop early (PyTensor's until), read at their last step.</summary>
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
}
