using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// A gradient asked for by <c>Grad</c>: evaluation records it as a request node, typed as its variable (as the
/// cost, for a call with no variable), and the differentiate stage replaces it by the gradient
/// (<c>Differentiate/GradRequest</c>). So no graph after that stage holds one, and the facets only a
/// scheduled or differentiated node needs say so rather than answer.
/// </summary>
internal sealed class GradOp : IStructuralOp
{
    public static readonly GradOp Instance = new();

    public OpCode Op => OpCode.Grad;

    public string Name => "grad";

    public int Arity => -1;

    public OpKind Kind => OpKind.Request;

    public StepKind Step => StepKind.Lowered;

    /// <summary>Inputs are the cost, then the call's variables: the node's type is its variable's.</summary>
    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) =>
        operands[node.Parameters<Differentiate.GradParams>().Index + 1].Shape;

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes) => throw Requested();

    public int[] Pullback(GraphBuilder b, int id, int g) => throw Requested();

    public bool Disconnected => false;

    public bool IsView(Node node) => throw Requested();

    public bool ReadsBuffers => false;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;

    private static System.InvalidOperationException Requested() =>
        new("a Grad request is replaced by its gradient when differentiating: no graph after that holds it");
}
