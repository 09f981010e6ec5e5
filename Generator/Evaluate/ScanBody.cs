using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// A scan's body, cut out of the graph its lambda was run in. The lambda ran over placeholder inputs (a step's
/// slices and states); the nodes that depend on a placeholder are the body, computed once per step. Every other node
/// the body reads is computed once, before the loop, and passed in as a captured value (PyTensor's non-sequences,
/// found here rather than listed: a variable the lambda captures, a non-sequence, a product of the two).
/// </summary>
internal sealed record ScanBody(
    EquatableArray<Node> Nodes,
    EquatableArray<int> Inputs,
    EquatableArray<int> Outputs,
    IReadOnlyList<int> Captured)
{
    /// <summary>
    /// The body of <paramref name="outputs"/> over <paramref name="placeholders"/> (ids in <paramref name="g"/>), or the
    /// reason it cannot be compiled yet. A loop over the ids above the first placeholder, and one walk back from the
    /// outputs: linear in the graph, no recursion.
    /// </summary>
    /// <param name="takesGradients">Whether the body holds a Grad request: it can be cut out once the gradient exists.</param>
    public static ScanBody? Extract(GraphBuilder g, IReadOnlyList<int> placeholders, IReadOnlyList<int> outputs, out string? unsupported, out bool takesGradients)
    {
        unsupported = null;
        takesGradients = false;
        var variant = Variant(g, placeholders);

        // The body nodes the outputs need, and what they read from outside the body.
        var needed = new HashSet<int>();
        var captured = new List<int>();
        var seen = new HashSet<int>();
        var stack = new Stack<int>(outputs);
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (!seen.Add(id)) continue;
            if (!variant.Contains(id))
            {
                if (!g[id].IsConstant) captured.Add(id);
                continue;
            }
            needed.Add(id);
            var kind = OpInfo.Kind(g[id].Op);
            if (kind == OpKind.Random) unsupported = "the body draws random numbers, which a scan does not support yet (draw them outside and pass them as a sequence)";
            else if (kind == OpKind.Request)
            {
                unsupported = "the body takes a Grad, which the differentiate stage must expand first";
                takesGradients = true;
            }
            else if (g[id].Op == OpCode.Scan) unsupported = "the body runs a scan of its own, which is not supported yet";
            foreach (var input in g[id].Inputs) stack.Push(input);
        }
        if (unsupported is not null) return null;
        captured.Sort();

        var nodes = new List<Node>();
        var map = new Dictionary<int, int>();
        int Position(int id, string name)
        {
            var n = g[id];
            map[id] = nodes.Count;
            nodes.Add(new Node(OpCode.Input, n.DType, n.Shape, EquatableArray<int>.Empty, new SourceParams(nodes.Count), default, name));
            return map[id];
        }
        var inputs = new List<int>();
        for (int k = 0; k < placeholders.Count; k++) inputs.Add(Position(placeholders[k], g[placeholders[k]].Name!));
        for (int c = 0; c < captured.Count; c++) inputs.Add(Position(captured[c], "captured" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Constants the body reads, then its nodes, in the graph's order (topological).
        var order = needed.Concat(needed.SelectMany(id => g[id].Inputs).Where(i => g[i].IsConstant)).Concat(outputs.Where(o => g[o].IsConstant))
            .Distinct().Where(id => !map.ContainsKey(id)).OrderBy(id => id);
        foreach (var id in order)
        {
            var n = g[id];
            map[id] = nodes.Count;
            nodes.Add((n with { Inputs = n.Inputs.Select(i => map[i]).ToEquatableArray() }) with { Identity = 0 });
        }
        return new ScanBody(nodes.ToEquatableArray(), inputs.ToEquatableArray(), outputs.Select(o => map[o]).ToEquatableArray(), captured);
    }

    /// <summary>The nodes that depend on a placeholder (made after the first): computed once per step.</summary>
    public static HashSet<int> Variant(GraphBuilder g, IReadOnlyList<int> placeholders)
    {
        var variant = new HashSet<int>(placeholders);
        for (int id = placeholders.Count > 0 ? placeholders.Min() : g.Count; id < g.Count; id++)
            if (!variant.Contains(id) && g[id].Inputs.Any(variant.Contains)) variant.Add(id);
        return variant;
    }
}
