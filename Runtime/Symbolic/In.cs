namespace Tensorgen;

/// <summary>
/// A function input with options (PyTensor's <c>In</c>): a default value and a keyword name.
/// Every <see cref="TensorVariable"/> converts to an <see cref="In"/> with no options.
/// </summary>
public sealed class In
{
    private In() { }

    /// <summary>An input with no options.</summary>
    [Builtin(Builtin.In)]
    public static implicit operator In(TensorVariable variable) => throw BuildTimeOnly.Error();
}

/// <summary>The result of <see cref="Pt.Function(In[], TensorVariable, Pairs?, Pairs?, bool)"/>: what a <see cref="TensorFunctionAttribute"/> method returns.</summary>
public sealed class FunctionGraph
{
    private FunctionGraph() { }
}

/// <summary>Several symbolic variables made at once (<c>DMatrices("a", "b")</c>), to deconstruct.</summary>
public readonly struct Variables
{
    /// <summary>Deconstructs two variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b) => throw BuildTimeOnly.Error();
    /// <summary>Deconstructs three variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c) => throw BuildTimeOnly.Error();
    /// <summary>Deconstructs four variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c, out TensorVariable d) => throw BuildTimeOnly.Error();
    /// <summary>Deconstructs five variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c, out TensorVariable d, out TensorVariable e) => throw BuildTimeOnly.Error();
    /// <summary>Deconstructs six variables.</summary>
    public void Deconstruct(out TensorVariable a, out TensorVariable b, out TensorVariable c, out TensorVariable d, out TensorVariable e, out TensorVariable f) => throw BuildTimeOnly.Error();
    /// <summary>The variable at <paramref name="index"/>.</summary>
    public TensorVariable this[int index] => throw BuildTimeOnly.Error();
}
