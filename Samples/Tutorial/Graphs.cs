using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Samples.Tutorial;

/// <summary>
/// The graphs of PyTensor's tutorial page "More Examples", in the page's order. Each method's body is
/// the page's Python translated line by line; the generator turns it into a nested
/// <c>{Method}Function</c> class (see obj/GeneratedFiles after a build).
/// </summary>
public static partial class Graphs
{
    // Logistic Function
    //   x = pt.dmatrix('x')
    //   s = 1 / (1 + pt.exp(-x))
    //   logistic = pytensor.function([x], s)
    [TensorFunction]
    public static FunctionGraph Logistic()
    {
        var x = DMatrix("x");
        var s = 1 / (1 + Exp(-x));
        return Function([x], s);
    }

    //   s2 = (1 + pt.tanh(x / 2)) / 2
    //   logistic2 = pytensor.function([x], s2)
    [TensorFunction]
    public static FunctionGraph Logistic2()
    {
        var x = DMatrix("x");
        var s2 = (1 + Tanh(x / 2)) / 2;
        return Function([x], s2);
    }

    // Computing More than one Thing at the Same Time
    //   a, b = pt.dmatrices('a', 'b')
    //   diff = a - b
    //   abs_diff = abs(diff)
    //   diff_squared = diff**2
    //   f = pytensor.function([a, b], [diff, abs_diff, diff_squared])
    [TensorFunction]
    public static FunctionGraph Differences()
    {
        var (a, b) = DMatrices("a", "b");
        var diff = a - b;
        var absDiff = Abs(diff);
        var diffSquared = Pow(diff, 2);
        return Function([a, b], [diff, absDiff, diffSquared]);
    }

    // Setting a Default Value for an Argument
    //   x, y = pt.dscalars('x', 'y')
    //   z = x + y
    //   f = function([x, In(y, value=1)], z)
    [TensorFunction]
    public static FunctionGraph AddWithDefault()
    {
        var (x, y) = DScalars("x", "y");
        var z = x + y;
        return Function([x, In(y, value: 1)], z);
    }

    //   x, y, w = pt.dscalars('x', 'y', 'w')
    //   z = (x + y) * w
    //   f = function([x, In(y, value=1), In(w, value=2, name='w_by_name')], z)
    [TensorFunction]
    public static FunctionGraph AddThenScale()
    {
        var (x, y, w) = DScalars("x", "y", "w");
        var z = (x + y) * w;
        return Function([x, In(y, value: 1), In(w, value: 2, name: "w_by_name")], z);
    }

    // Using Shared Variables
    //   state = shared(0)
    //   inc = pt.iscalar('inc')
    //   accumulator = function([inc], state, updates=[(state, state+inc)])
    public static readonly Shared<long> State = Shared(0);

    [TensorFunction]
    public static FunctionGraph Accumulator()
    {
        var inc = IScalar("inc");
        return Function([inc], State, updates: [(State, State + inc)]);
    }

    //   decrementor = function([inc], state, updates=[(state, state-inc)])
    [TensorFunction]
    public static FunctionGraph Decrementor()
    {
        var inc = IScalar("inc");
        return Function([inc], State, updates: [(State, State - inc)]);
    }

    //   fn_of_state = state * 2 + inc
    //   foo = pt.scalar(dtype=state.dtype)
    //   skip_shared = function([inc, foo], fn_of_state, givens=[(state, foo)])
    [TensorFunction]
    public static FunctionGraph SkipShared()
    {
        var inc = IScalar("inc");
        var fnOfState = State * 2 + inc;
        var foo = Scalar("foo", State.DType);
        return Function([inc, foo], fnOfState, givens: [(State, foo)]);
    }

    // Using Random Numbers
    //   srng = RandomStream(seed=234)
    //   rv_u = srng.uniform(0, 1, size=(2,2))
    //   rv_n = srng.normal(0, 1, size=(2,2))
    public static readonly RandomStream Srng = new(seed: 234);
    public static readonly RandomVariable RvU = Srng.Uniform(0, 1, size: [2, 2]);
    public static readonly RandomVariable RvN = Srng.Normal(0, 1, size: [2, 2]);

    //   f = function([], rv_u)
    [TensorFunction]
    public static FunctionGraph F() => Function([], RvU);

    //   g = function([], rv_n, no_default_updates=True)
    [TensorFunction]
    public static FunctionGraph G() => Function([], RvN, noDefaultUpdates: true);

    //   nearly_zeros = function([], rv_u + rv_u - 2 * rv_u)
    [TensorFunction]
    public static FunctionGraph NearlyZeros() => Function([], RvU + RvU - 2 * RvU);
}

/// <summary>
/// The page's "Copying Random State Between PyTensor Graphs": a graph object with its own stream and one
/// uniform variable. <c>new RandomGraph(123)</c> is PyTensor's <c>Graph(seed=123)</c>.
/// </summary>
public sealed partial class RandomGraph(ulong seed)
{
    //   self.rng = RandomStream(seed)
    //   self.y = self.rng.uniform(size=1)
    public RandomVariable Y { get; } = new RandomStream(seed).Uniform(size: [1]);

    public RandomStream Rng => Y.Stream;

    //   f = pytensor.function([], g.y)
    [TensorFunction]
    public FunctionGraph F() => Function([], Y);
}
