using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// A Grad request's parameters: which of the call's variables the node stands for (<see cref="GradRequest.NoVariable"/>
/// for a call with none), whether a variable the cost does not depend on gets zeros, and the sites
/// (<see cref="SiteTable"/> numbers) of the call and of each variable.
/// </summary>
internal sealed record GradParams(int Index, bool ZerosWhenDisconnected, int CallSite, EquatableArray<int> VariableSites) : OpParams;

/// <summary>
/// A gradient asked for in graph code. Evaluation records <c>Grad(cost, wrt, considerConstant:,
/// disconnectedInputs:)</c> as one <see cref="OpCode.Grad"/> node per variable, typed as its variable, and
/// the differentiate stage replaces the call's nodes by the gradients (<see cref="GradExpansion"/>).
/// Nodes of one call share its <see cref="Node.Identity"/>, which the gradient's nodes get too. Inputs are
/// the cost, every variable of the call, then the values considered constant.
/// </summary>
internal readonly struct GradRequest(Node node)
{
    /// <summary>The <see cref="Index"/> of the node of a call with no variables.</summary>
    public const int NoVariable = -1;

    private readonly GradParams _params = node.Parameters<GradParams>();

    /// <summary>Adds the nodes of one <c>Grad</c> call, one per variable, in order.</summary>
    public static int[] Add(GraphBuilder graph, int cost, IReadOnlyList<int> wrt, IReadOnlyList<int> constants,
        bool zerosWhenDisconnected, int callSite, IReadOnlyList<int> variableSites)
    {
        var inputs = new[] { cost }.Concat(wrt).Concat(constants).ToEquatableArray();
        var sites = variableSites.ToEquatableArray();
        // With respect to nothing, the cost is still differentiated (its stabilized copy is part of the graph):
        // one node, typed as the cost, that nothing reads.
        if (wrt.Count == 0)
        {
            graph.Add(new Node(OpCode.Grad, graph[cost].DType, graph[cost].Shape, inputs, new GradParams(NoVariable, zerosWhenDisconnected, callSite, sites), default, null));
            return [];
        }
        var ids = new int[wrt.Count];
        for (int i = 0; i < wrt.Count; i++)
        {
            var variable = graph[wrt[i]];
            ids[i] = graph.Add(new Node(OpCode.Grad, variable.DType, variable.Shape, inputs, new GradParams(i, zerosWhenDisconnected, callSite, sites), default, null));
        }
        return ids;
    }

    public int Cost => node.Inputs[0];

    /// <summary>How many variables the call has.</summary>
    public int Count => _params.VariableSites.Count;

    /// <summary>Which of the call's variables this node is the gradient for (<see cref="NoVariable"/>: none).</summary>
    public int Index => _params.Index;

    public bool ZerosWhenDisconnected => _params.ZerosWhenDisconnected;

    /// <summary>The site of the <c>Grad(...)</c> call.</summary>
    public int CallSite => _params.CallSite;

    public int Variable(int k) => node.Inputs[1 + k];

    /// <summary>The site of variable <paramref name="k"/> in the call.</summary>
    public int VariableSite(int k) => _params.VariableSites[k];

    public IEnumerable<int> Constants => node.Inputs.Skip(1 + Count);
}
