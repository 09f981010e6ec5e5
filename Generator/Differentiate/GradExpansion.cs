using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// The evaluated graph rebuilt node by node in a new builder, each <see cref="GradRequest"/> replaced by its
/// gradient. A request comes after every node its cost depends on, other requests included, so gradients
/// of gradients are taken innermost first; and as every node is added in the order evaluation added it,
/// the graph is the one differentiating during evaluation would have built, node for node.
/// </summary>
internal sealed class GradExpansion(TensorGraph source, SiteDiagnostics diagnostics)
{
    /// <summary>The gradients of each Grad call (by its identity), or null where one does not exist.</summary>
    private readonly Dictionary<int, int[]?> _calls = new();

    /// <summary>The rebuilt graph, under the limit evaluation has (the node limit option applies after this stage).</summary>
    public GraphBuilder Graph { get; } = new(GeneratorLimits.Default.MaxNodes);

    /// <summary>For each evaluated node, its node in <see cref="Graph"/>, or -1 where it needs a gradient that does not exist.</summary>
    public int[] Map { get; } = new int[source.Count];

    /// <summary>The site of the last Grad call expanded: the place of a graph grown past the limit.</summary>
    public int LastCallSite { get; private set; } = SiteDiagnostic.Method;

    public void Run(CancellationToken cancellation)
    {
        for (int id = 0; id < source.Count; id++)
        {
            if ((id & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            Map[id] = Rebuild(id);
        }
    }

    private int Rebuild(int id)
    {
        var node = source[id];
        if (node.Inputs.Count == 0) return Graph.Add(node);
        if (node.Op == OpCode.ScanRequest) return ExpandScan(node);
        if (OpInfo.IsRequest(node.Op)) return Expand(node);
        var inputs = new int[node.Inputs.Count];
        bool retyped = false;
        for (int k = 0; k < inputs.Length; k++)
        {
            inputs[k] = Map[node.Inputs[k]];
            if (inputs[k] < 0) return -1;
            retyped |= Graph[inputs[k]].Shape != source[node.Inputs[k]].Shape;
        }
        if (OpInfo.Kind(node.Op) == OpKind.Product && node.Inputs.Any(i => OpInfo.IsRequest(source[i].Op))) return Product(node, inputs);
        if (!retyped) return Graph.Add(node with { Inputs = inputs.ToEquatableArray() });
        // A gradient may know static sizes its variable did not: its users' shapes follow, and a size it knows is
        // a constant, as evaluation makes it.
        if (OpInfo.Kind(node.Op) == OpKind.Size) return Stamped(node.Identity, () => Graph.DimSize(inputs[0], node.Parameters<DimSizeParams>().Axis));
        return Graph.Rebuild(node, inputs);
    }

    /// <summary>Adds nodes as the API call <paramref name="identity"/> made them (<see cref="Node.Identity"/>).</summary>
    private T Stamped<T>(int identity, System.Func<T> add)
    {
        Graph.Stamp = identity;
        try
        {
            return add();
        }
        finally
        {
            Graph.Stamp = 0;
        }
    }

    private int Expand(Node node)
    {
        var request = new GradRequest(node);
        if (!_calls.TryGetValue(node.Identity, out var gradients))
            _calls[node.Identity] = gradients = Differentiate(node, request);
        if (gradients is null || request.Index == GradRequest.NoVariable) return -1;
        int gradient = gradients[request.Index];
        if (Graph[gradient].DType != node.DType || Graph[gradient].Rank != node.Rank)
            throw new System.InvalidOperationException($"the gradient with respect to {Graph.Describe(Operand.Of(Map[request.Variable(request.Index)]))} has type {Graph.Describe(Operand.Of(gradient))}");
        return gradient;
    }

    /// <summary>
    /// A scan whose body takes a Grad: built now, over the rebuilt graph, where the body's gradients exist (a Jacobian's
    /// rows). Each result's request builds the whole scan; equal scan nodes are one node.
    /// </summary>
    private int ExpandScan(Node node)
    {
        var inputs = node.Inputs.Select(i => Map[i]).ToArray();
        if (inputs.Any(i => i < 0)) return -1;
        var p = node.Parameters<ScanRequestParams>();
        var results = Evaluate.ScanNodes.Of(Graph, p, inputs).Build(out var unsupported);
        if (results is null)
        {
            diagnostics.Report(Model.Diagnostics.ScanUnsupported, p.CallSite, unsupported!);
            return -1;
        }
        return results[p.Output];
    }

    /// <summary>PyTensor's <c>grad</c> for one call, its nodes stamped as the call's; null (reported) where the cost does not depend on a variable.</summary>
    private int[]? Differentiate(Node node, GradRequest request)
    {
        int cost = Map[request.Cost];
        var wrt = Enumerable.Range(0, request.Count).Select(k => Map[request.Variable(k)]).ToList();
        if (cost < 0 || wrt.Any(w => w < 0)) return null;
        // A value considered constant that does not exist was never one (evaluation skipped it).
        var constants = new HashSet<int>(request.Constants.Select(c => Map[c]).Where(c => c >= 0));
        LastCallSite = request.CallSite;
        return Stamped<int[]?>(node.Identity, () =>
        {
            var gradients = Differentiator.Grad(Graph, cost, wrt, constants);
            for (int k = 0; k < wrt.Count; k++)
            {
                if (gradients[k] >= 0) continue;
                if (!request.ZerosWhenDisconnected)
                {
                    diagnostics.Report(Model.Diagnostics.Disconnected, request.VariableSite(k), Graph.Describe(Operand.Of(wrt[k])));
                    return null;
                }
                // PyTensor's zeros_like.
                gradients[k] = Graph.Ew(OpCode.Second, wrt[k], Graph.Scalar(0, Graph[wrt[k]].DType));
            }
            return gradients;
        });
    }

    /// <summary>
    /// <c>Dot(Grad(...), b)</c>: evaluation reads a transposed operand of a product through the product's flag
    /// (<c>Dot(a.T, b)</c> copies nothing), and so it reads a gradient that is a transpose (unless it read the
    /// gradient's own transpose so: <c>Dot(b, Grad(...).T)</c>).
    /// </summary>
    private int Product(Node node, int[] inputs)
    {
        (int, bool) Operand(int k, bool transposed) =>
            OpInfo.IsRequest(source[node.Inputs[k]].Op) && !transposed ? Graph.Untranspose(inputs[k]) : (inputs[k], transposed);
        var flags = node.Parameters<DotParams>();
        var (a, transA) = Operand(0, flags.TransposeA);
        var (b, transB) = Operand(1, flags.TransposeB);
        return Stamped(node.Identity, () =>
        {
            int product = Graph.Dot(a, b, transA, transB, out var error);
            return error is null ? product : throw new System.InvalidOperationException(error);
        });
    }
}
