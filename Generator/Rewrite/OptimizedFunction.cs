using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Rewrite;

/// <summary>The function after rewriting: the new graph, the signature mapped onto it, and what fired.</summary>
internal sealed record OptimizedFunction(
    FunctionSpec Source,
    TensorGraph Graph,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<OutputSpec> Outputs,
    EquatableArray<string> Fired);
