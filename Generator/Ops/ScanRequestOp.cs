using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Ops;

/// <summary>A scan request's shape: how many sequences, states and results, which result it is, and where it was asked for.</summary>
internal sealed record ScanRequestParams(int Sequences, int States, int Outputs, EquatableArray<int> FedFrom, int Output, bool GoBackwards, bool Last, int CallSite,
    int TruncateGradient = -1, bool Vectorize = false, int Until = -1) : OpParams;

/// <summary>
/// A scan whose body takes a Grad (a Jacobian's rows, a Hessian's): the body cannot be cut out before the gradient
/// exists, since the gradient reads the graph outside the body. Operands: the number of steps, the sequences, the
/// initial states, the placeholders, the body's results. The differentiate stage replaces it by the scan
/// (<c>Evaluate/ScanNodes</c>), so no graph after that stage holds one.
/// </summary>
internal sealed class ScanRequestOp() : RequestOp(OpCode.ScanRequest, "scan_request", "its scan")
{
    public static readonly ScanRequestOp Instance = new();

    /// <summary>As made: the result's (stacked) shape, which the scan will have.</summary>
    public override EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => node.Shape;
}
