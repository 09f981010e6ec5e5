using System.Collections.Generic;
using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Graphs;

/// <summary>
/// Stateful graphs. The static fields are only the types and default bindings: tests bind their own
/// shared variables through the constructors, so tests running in parallel never share state.
/// </summary>
public static partial class StateGraphs
{
    public static readonly Shared<double> A = Shared(new double[] { 1, 2, 3 }, name: "a");
    public static readonly Shared<double> B = Shared(new double[] { 10, 20, 30 }, name: "b");
    public static readonly Shared<long> Counter = Shared(0, name: "counter");
    public static Shared<double> Row { get; } = Shared(new double[,] { { 1, 2, 3 } }, name: "row", shape: [1, null]);

    /// <summary>Updates see the values from before the call: a and b trade places.</summary>
    [TensorFunction]
    public static FunctionGraph Swap() => Function([], [], updates: [(A, B), (B, A)]);

    /// <summary>An update whose value is also the output.</summary>
    [TensorFunction]
    public static FunctionGraph Double()
    {
        var doubled = A * 2;
        return Function([], doubled, updates: [(A, doubled)]);
    }

    /// <summary>Reads an input against a shared variable's size: a wrong size must leave a and counter alone.</summary>
    [TensorFunction]
    public static FunctionGraph AddTo()
    {
        var x = DVector("x");
        return Function([x], [A + x, A], updates: [(A, A + x), (Counter, Counter + 1)]);
    }

    /// <summary>A shared variable may take a value of another size.</summary>
    [TensorFunction]
    public static FunctionGraph Replace()
    {
        var x = DVector("x");
        return Function([x], Counter, updates: [(A, x * 1.0)]);
    }

    /// <summary>Givens replace an intermediate expression, not only shared variables.</summary>
    [TensorFunction]
    public static FunctionGraph ReplaceIntermediate()
    {
        var (x, z) = DVectors("x", "z");
        var hidden = Exp(x);
        var y = hidden * 2 + 1;
        return Function([x, z], y + x, givens: [(hidden, z)]);
    }

    /// <summary>Givens replace a constant: this one, not the equal literal next to it.</summary>
    [TensorFunction]
    public static FunctionGraph ReplaceConstant()
    {
        var x = DVector("x");
        var scale = Constant(2.0);
        var offset = DScalar("offset");
        return Function([x, offset], x * scale + 2.0, givens: [(scale, offset)]);
    }

    /// <summary>PyTensor's other way to write updates: a dictionary.</summary>
    [TensorFunction]
    public static FunctionGraph CountWithDictionary() =>
        Function([], Counter, updates: new Dictionary<TensorVariable, TensorVariable> { [Counter] = Counter + 1 });

    /// <summary>A shared row (static shape (1, ?)) broadcasts over a matrix's rows.</summary>
    [TensorFunction]
    public static FunctionGraph AddRow()
    {
        var m = DMatrix("m");
        return Function([m], m + Row);
    }
}

/// <summary>A model whose parameters are instance members: each model object has its own.</summary>
public sealed partial class TinyModel
{
    public Shared<double> Weights { get; } = Shared(new double[] { 0.5, -0.25 }, name: "weights");

    /// <summary>One step of gradient descent with a given gradient; returns the weights before the step.</summary>
    [TensorFunction]
    public FunctionGraph Step()
    {
        var g = DVector("g");
        return Function([g], Weights, updates: [(Weights, Weights - 0.1 * g)]);
    }
}
