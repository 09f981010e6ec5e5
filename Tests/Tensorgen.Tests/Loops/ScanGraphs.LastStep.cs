using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>Scans of which only the last step is read (PyTensor's scan_save_mem), and one read whole as well.</summary>
public static partial class ScanGraphs
{
    /// <summary>A running sum from 5 and a running product of rows, last steps only; a result not fed back, last step.</summary>
    [TensorFunction]
    public static FunctionGraph LastSteps()
    {
        var x = DVector("x");
        var m = DMatrix("m");
        var (sum, _) = Scan((v, s) => s + v, sequences: [x], outputsInfo: [Constant(5.0)]);
        var (product, _) = Scan((row, p) => p * row, sequences: [m], outputsInfo: [OnesLike(m[0])]);
        return Function([x, m], [sum[-1], product[-1]]);
    }

    /// <summary>A result not fed back, its last step only.</summary>
    [TensorFunction]
    public static FunctionGraph LastDouble()
    {
        var x = DVector("x");
        var (doubled, _) = Scan(v => v * 2, sequences: [x]);
        return Function([x], doubled[-1]);
    }

    /// <summary>A running sum read whole and at its last step: the stacked loop, not a last-step one.</summary>
    [TensorFunction]
    public static FunctionGraph LastAndAll()
    {
        var x = DVector("x");
        var (sum, _) = Scan((v, s) => s + v, sequences: [x], outputsInfo: [Constant(5.0)]);
        return Function([x], [sum[-1], sum]);
    }
}
