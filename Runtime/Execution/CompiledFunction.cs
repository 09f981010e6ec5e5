namespace Tensorgen;

/// <summary>
/// Base of every generated function class (PyTensor's <c>Function</c>). A compiled function is an
/// object so that it can hold the shared variables it is bound to and be copied with other ones.
/// </summary>
public abstract class CompiledFunction
{
    /// <summary>Creates a function named <paramref name="name"/>.</summary>
    protected CompiledFunction(string name) => Name = name;

    /// <summary>The name of the <see cref="TensorFunctionAttribute"/> method it was compiled from.</summary>
    public string Name { get; }

    /// <summary>The optimized graph, as printed in the generated class's remarks.</summary>
    public abstract string Graph { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {GetType().Name}";
}
