using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// A gradient asked for in graph code. Evaluation records <c>Grad(cost, wrt, considerConstant:,
/// disconnectedInputs:)</c> as one <see cref="OpCode.Grad"/> node per variable, typed as its variable, and
/// the differentiate stage replaces the call's nodes by the gradients (<see cref="GradExpansion"/>).
/// Nodes of one call share its <see cref="Node.Identity"/>, which the gradient's nodes get too.
/// </summary>
/// <remarks>
/// Layout: inputs are the cost, every variable of the call, then the values considered constant; params
/// are this node's variable, whether a disconnected variable gets zeros, the call's site, then each
/// variable's site (<see cref="SiteTable"/> numbers).
/// </remarks>
internal readonly struct GradRequest(Node node)
{
    private const int Fixed = 3;

    /// <summary>The <see cref="Index"/> of the node of a call with no variables.</summary>
    public const int NoVariable = -1;

    /// <summary>Adds the nodes of one <c>Grad</c> call, one per variable, in order.</summary>
    public static int[] Add(GraphBuilder graph, int cost, IReadOnlyList<int> wrt, IReadOnlyList<int> constants,
        bool zerosWhenDisconnected, int callSite, IReadOnlyList<int> variableSites)
    {
        var inputs = new[] { cost }.Concat(wrt).Concat(constants).ToEquatableArray();
        // With respect to nothing, the cost is still differentiated (its stabilized copy is part of the graph):
        // one node, typed as the cost, that nothing reads.
        if (wrt.Count == 0)
        {
            var parameters = new[] { NoVariable, zerosWhenDisconnected ? 1 : 0, callSite }.ToEquatableArray();
            graph.Add(new Node(OpCode.Grad, graph[cost].DType, graph[cost].Shape, inputs, parameters, default, null));
            return [];
        }
        var ids = new int[wrt.Count];
        for (int i = 0; i < wrt.Count; i++)
        {
            var parameters = new[] { i, zerosWhenDisconnected ? 1 : 0, callSite }.Concat(variableSites).ToEquatableArray();
            var variable = graph[wrt[i]];
            ids[i] = graph.Add(new Node(OpCode.Grad, variable.DType, variable.Shape, inputs, parameters, default, null));
        }
        return ids;
    }

    public int Cost => node.Inputs[0];

    /// <summary>How many variables the call has.</summary>
    public int Count => node.Params.Count - Fixed;

    /// <summary>Which of the call's variables this node is the gradient for (<see cref="NoVariable"/>: none).</summary>
    public int Index => node.Params[0];

    public bool ZerosWhenDisconnected => node.Params[1] == 1;

    /// <summary>The site of the <c>Grad(...)</c> call.</summary>
    public int CallSite => node.Params[2];

    public int Variable(int k) => node.Inputs[1 + k];

    /// <summary>The site of variable <paramref name="k"/> in the call.</summary>
    public int VariableSite(int k) => node.Params[Fixed + k];

    public IEnumerable<int> Constants => node.Inputs.Skip(1 + Count);
}
