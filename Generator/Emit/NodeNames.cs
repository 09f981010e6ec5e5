using System.Collections.Generic;
using System.Globalization;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The readable name of each node: those given (inputs, shared variables, outputs, updates, draws), and
/// <c>t{id}</c> for any other, made when asked rather than for every node of a large graph.
/// </summary>
internal sealed class NodeNames(Dictionary<int, string> given)
{
    public string this[int id] => given.TryGetValue(id, out var name) ? name : "t" + id.ToString(CultureInfo.InvariantCulture);
}
