namespace Tensorgen;

// Looking inside (issue 16).
public static partial class Pt
{
    /// <summary>
    /// PyTensor's <c>pytensor.dprint(x)</c> in graph code: the generator prints <paramref name="x"/>'s graph as it is
    /// built there (before rewriting; PyTensor's tree layout) into the generated function's remarks, under
    /// <paramref name="label"/> or the call's text. Returns <paramref name="x"/>, so it can wrap any expression.
    /// A compiled function prints its optimized graph with <see cref="CompiledFunction.DebugPrint"/>.
    /// </summary>
    [Call(ApiFunction.DebugPrint)]
    public static TensorVariable DebugPrint(TensorVariable x, string? label = null) => Inert.Variable;
}
