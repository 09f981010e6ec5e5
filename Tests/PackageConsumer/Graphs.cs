using Tensorgen;
using static Tensorgen.Pt;

// The graphs, in their own file: `using static Tensorgen.Pt;` here, the calling code (Program.cs) without it,
// so there `Tensor.Create` is System.Numerics.Tensors' and here every Pt function is called by its name.
public static partial class Consumer
{
    public static readonly Shared<long> Total = Shared(0, name: "total");

    [TensorFunction]
    public static FunctionGraph Logistic()
    {
        var x = DVector("x");
        return Function([x], 1 / (1 + Exp(-x)));
    }

    [TensorFunction]
    public static FunctionGraph Accumulate()
    {
        var inc = LScalar("inc");
        return Function([inc], Total, updates: [(Total, Total + inc)]);
    }

    [TensorFunction]
    public static FunctionGraph Parabola()
    {
        var x = DVector("x");
        var cost = Sqr(x).Sum();
        return Function([x], [cost, Grad(cost, x)]);
    }

    // Stack is also System.Collections.Generic.Stack<T>, imported by ImplicitUsings: here the call is Pt's.
    [TensorFunction]
    public static FunctionGraph Pair()
    {
        var x = DVector("x");
        return Function([x], Stack([x, -x]));
    }

    public static readonly RandomVariable Uniforms = new RandomStream(seed: 7).Uniform(size: [3]);

    [TensorFunction]
    public static FunctionGraph Draw() => Function([], Uniforms);
}
