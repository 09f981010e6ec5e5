using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// A gradient asked for by <c>Grad</c>: evaluation records it as a request node, typed as its variable (as the
/// cost, for a call with no variable), and the differentiate stage replaces it by the gradient
/// (<c>Differentiate/GradRequest</c>). So no graph after that stage holds one, and the facets only a
/// scheduled or differentiated node needs say so rather than answer.
/// </summary>
internal sealed class GradOp() : RequestOp(OpCode.Grad, "grad", "its gradient")
{
    public static readonly GradOp Instance = new();

    /// <summary>Inputs are the cost, then the call's variables: the node's type is its variable's.</summary>
    public override EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) =>
        operands[node.Parameters<Differentiate.GradParams>().Index + 1].Shape;
}
