using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Rewrite;

/// <summary>The function after rewriting: the new graph, the signature mapped onto it, and what fired.</summary>
internal sealed record OptimizedFunction(
    FunctionSpec Source,
    TensorGraph Graph,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<OutputSpec> Outputs,
    EquatableArray<SharedSpec> Shared,
    EquatableArray<UpdateSpec> Updates,
    EquatableArray<RandomSpec> Randoms,
    EquatableArray<string> Fired)
{
    /// <summary>The nodes a call reads from outside: the inputs, then the shared variables. Sizes are bound from these.</summary>
    public List<int> Sources => Inputs.Select(i => i.Node).Concat(Shared.Select(s => s.Node)).ToList();
}
