using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>Maps computed over whole sequences (no loop): backwards, over sequences of two lengths, with a gradient.</summary>
public static partial class ScanGraphs
{
    [TensorFunction]
    public static FunctionGraph MapBackwards()
    {
        var x = DVector("x");
        var m = DMatrix("m");
        var w = DVector("w");
        var (r, _) = Map((a, row, u) => a * (row * row).Sum() + Dot(row, u), sequences: [x, m], nonSequences: [w], goBackwards: true);
        return Function([x, m, w], [r, Grad(r.Sum(), w)]);
    }
}
