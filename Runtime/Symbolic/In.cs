namespace Tensorgen;

/// <summary>
/// A function input with options (PyTensor's <c>In</c>): a default value and a keyword name.
/// Every <see cref="TensorVariable"/> converts to an <see cref="In"/> with no options.
/// </summary>
public sealed class In
{
    internal In() { }

    /// <summary>An input with no options.</summary>
    [Builtin(Builtin.In)]
    public static implicit operator In(TensorVariable variable) => Inert.In;
}

/// <summary>The result of <see cref="Pt.Function(In[], TensorVariable, Pairs?, Pairs?, bool, OnUnusedInput)"/>: what a <see cref="TensorFunctionAttribute"/> method returns.</summary>
public sealed class FunctionGraph
{
    private FunctionGraph() { }
}

/// <summary>Several symbolic variables made at once (<c>DMatrices("a", "b")</c>), to deconstruct.</summary>
public readonly struct Variables
{
    /// <summary>Deconstructs two variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b) => a = b = Inert.Variable;
    /// <summary>Deconstructs three variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c) => a = b = c = Inert.Variable;
    /// <summary>Deconstructs four variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c, out TensorVariable d) => a = b = c = d = Inert.Variable;
    /// <summary>Deconstructs five variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c, out TensorVariable d, out TensorVariable e) => a = b = c = d = e = Inert.Variable;
    /// <summary>Deconstructs six variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c, out TensorVariable d, out TensorVariable e, out TensorVariable f) => a = b = c = d = e = f = Inert.Variable;
    /// <summary>The variable at <paramref name="index"/>.</summary>
    public TensorVariable this[int index] => Inert.Variable;
}
