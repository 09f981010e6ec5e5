using System.Collections.Generic;
using System.Globalization;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The number of steps a scan that stops early (PyTensor's until) ran, an int64 scalar: its operand is the scan node,
/// whose buffer holds the most steps it may run, and its stacked result is the slice of that buffer up to this length.
/// The loop counts its steps as it runs; this node reads the count, so it is known only once the loop has run, and
/// whatever that length sizes is taken in a later stage (<see cref="SizeStages"/>).
/// </summary>
internal sealed class ScanLengthOp : IStructuralOp, ICallOp
{
    public static readonly ScanLengthOp Instance = new();

    public OpCode Op => OpCode.ScanLength;

    public string Name => "scan_length";

    public int Arity => 1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The steps the scan node <paramref name="scan"/> ran.</summary>
    public int Build(GraphBuilder b, int scan) =>
        b.Add(new Node(OpCode.ScanLength, DType.Int64, EquatableArray<int>.Empty, new[] { scan }.ToEquatableArray(), null, default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => EquatableArray<int>.Empty;

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
    }

    /// <summary>A count has no gradient.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1];

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    /// <summary>The loop's count, not the values it stacked.</summary>
    public bool ReadsValue(int k) => false;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;

    public void Write(CallSite site) => site.Line($"long {site.OutputLocal} = {StepsRun(site.Node.Inputs[0])};");

    /// <summary>The local in which the scan node <paramref name="scan"/> counts the steps it ran.</summary>
    public static string StepsRun(int scan) => "scanStepsRun" + scan.ToString(CultureInfo.InvariantCulture);
}
