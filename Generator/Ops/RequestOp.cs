using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// What request ops share (a <c>Grad</c>, a scan whose body takes one): evaluation records the request as a node and
/// the differentiate stage replaces it, so no graph after that stage holds one; the facets only a scheduled or
/// differentiated node needs say so rather than answer.
/// </summary>
internal abstract class RequestOp(OpCode op, string name, string replacedBy) : IStructuralOp
{
    public OpCode Op { get; } = op;

    public string Name { get; } = name;

    public int Arity => -1;

    public OpKind Kind => OpKind.Request;

    public StepKind Step => StepKind.Lowered;

    public abstract EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands);

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

    private System.InvalidOperationException Requested() =>
        new($"a {Name} request is replaced by {replacedBy} when differentiating: no graph after that holds it");
}
