using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>A scan request's shape: how many sequences, states and results, which result it is, and where it was asked for.</summary>
internal sealed record ScanRequestParams(int Sequences, int States, int Outputs, EquatableArray<int> FedFrom, int Output, bool GoBackwards, bool Last, int CallSite,
    int TruncateGradient = -1) : OpParams;

/// <summary>
/// A scan whose body takes a Grad (a Jacobian's rows, a Hessian's): the body cannot be cut out before the gradient
/// exists, since the gradient reads the graph outside the body. Operands: the number of steps, the sequences, the
/// initial states, the placeholders, the body's results. The differentiate stage replaces it by the scan
/// (<c>Evaluate/ScanNodes</c>), so no graph after that stage holds one.
/// </summary>
internal sealed class ScanRequestOp : IStructuralOp
{
    public static readonly ScanRequestOp Instance = new();

    public OpCode Op => OpCode.ScanRequest;

    public string Name => "scan_request";

    public int Arity => -1;

    public OpKind Kind => OpKind.Request;

    public StepKind Step => StepKind.Lowered;

    /// <summary>As made: the result's (stacked) shape, which the scan will have.</summary>
    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => node.Shape;

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
        new("a scan request is replaced by its scan when differentiating: no graph after that holds it");
}
