using static Tensorgen.Pt;

namespace Tensorgen.AotBench;

/// <summary>The graphs of the benchmarks' large-output and accumulator cases, compiled into this runner.</summary>
public static partial class Graphs
{
    // The same as Tests/Tensorgen.Benchmarks/LargeOutputs.cs.
    [TensorFunction]
    public static FunctionGraph Logistic()
    {
        var x = DMatrix("x");
        return Function([x], 1 / (1 + Exp(-x)));
    }

    [TensorFunction]
    public static FunctionGraph Differences()
    {
        var (a, b) = DMatrices("a", "b");
        var diff = a - b;
        return Function([a, b], [diff, Abs(diff), diff * diff]);
    }

    // The tutorial's accumulator (Samples/Tutorial/Graphs.cs).
    public static readonly Shared<long> State = Shared(0);

    [TensorFunction]
    public static FunctionGraph Accumulator()
    {
        var inc = IScalar("inc");
        return Function([inc], State, updates: [(State, State + inc)]);
    }
}
