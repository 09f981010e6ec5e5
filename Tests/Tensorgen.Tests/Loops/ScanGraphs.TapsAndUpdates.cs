using System.Collections.Generic;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Loops;

/// <summary>Sequences read at several offsets (Taps in sequences), and bodies that update shared variables.</summary>
public static partial class ScanGraphs
{
    /// <summary>The tutorial's accumulator: a body returning only the update k → k + 1, run n times.</summary>
    public static readonly Shared<long> Count = Shared(0L, name: "k");

    /// <summary>A body that reads two shared variables and updates both, with a result.</summary>
    public static readonly Shared<double> Weights = Shared(new double[] { 1, 2 }, name: "w");

    [TensorFunction]
    public static FunctionGraph Accumulator()
    {
        var n = IScalar("n_sym");
        var (_, updates) = Scan(() => [(Count, Count + 1)], nSteps: n);
        return Function([n], [], updates: updates);
    }

    [TensorFunction]
    public static FunctionGraph Decay()
    {
        var x = DVector("x");
        var (result, updates) = Scan(v => (v * Weights.Sum() + Count, new Dictionary<TensorVariable, TensorVariable> { [Count] = Count + 1, [Weights] = Weights * 0.5 }), sequences: [x]);
        return Function([x], result, updates: updates);
    }

    /// <summary>Taps -2, 0, 1 of a sequence, forwards and backwards; taps 1, 2 and the gradient through them.</summary>
    [TensorFunction]
    public static FunctionGraph SequenceTaps()
    {
        var x = DVector("x");
        var (forwards, _) = Scan((a, b, c) => a * 100 + b * 10 + c, sequences: [Taps(x, -2, 0, 1)]);
        var (backwards, _) = Scan((a, b, c) => a * 100 + b * 10 + c, sequences: [Taps(x, -2, 0, 1)], goBackwards: true);
        var (ahead, _) = Scan((a, b) => a * 10 + b, sequences: [Taps(x, 1, 2)]);
        var weights = Arange(1.0, 5.0);
        return Function([x], [forwards, backwards, ahead, Grad(Sqr(ahead * weights).Sum(), x)]);
    }

    /// <summary>Taps reaching two back and one ahead, forwards and backwards, alone.</summary>
    [TensorFunction]
    public static FunctionGraph AroundTaps()
    {
        var x = DVector("x");
        var (forwards, _) = Scan((a, b, c) => a * 100 + b * 10 + c, sequences: [Taps(x, -2, 0, 1)]);
        var (backwards, _) = Scan((a, b, c) => a * 100 + b * 10 + c, sequences: [Taps(x, -2, 0, 1)], goBackwards: true);
        return Function([x], [forwards, backwards]);
    }
}
