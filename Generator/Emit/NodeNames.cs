using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Rewrite;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The readable name of each node: those given (inputs, shared variables, outputs, updates, draws), and
/// <c>t{id}</c> for any other, made when asked rather than for every node of a large graph.
/// </summary>
internal sealed class NodeNames(Dictionary<int, string> given)
{
    public string this[int id] => given.TryGetValue(id, out var name) ? name : "t" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A readable name for every node that has a buffer or a parameter: the input's parameter name, the
    /// shared variable's name, the output's tuple name (or <c>result</c>), else <c>t{id}</c>. Unescaped, not yet unique.
    /// </summary>
    public static NodeNames Of(OptimizedFunction f)
    {
        var names = new Dictionary<int, string>();
        foreach (var input in f.Inputs) names[input.Node] = input.Name;
        foreach (var shared in f.Shared) names[shared.Node] = Naming.Camel(Naming.Identifier(shared.Name));
        var outputNames = Signature.OutputNames(f.Outputs.ToList());
        for (int i = 0; i < f.Outputs.Count; i++)
        {
            int node = f.Outputs[i].Node;
            if (names.ContainsKey(node) || f.Graph[node].IsLeaf) continue;
            names[node] = outputNames[i] ?? (f.Outputs.Count == 1 ? "result" : "out" + i.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var update in f.Updates)
            if (!names.ContainsKey(update.Node)) names[update.Node] = "new" + Naming.Pascal(names[f.Shared[update.Shared].Node]);
        foreach (var random in f.Randoms)
            if (!names.ContainsKey(random.Node)) names[random.Node] = Naming.Camel(Naming.Identifier(random.Name));
        return new NodeNames(names);
    }
}
