using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// A scan: its body graph (whose inputs are, in order, a step's slice of each sequence, each fed-back state, and each
/// captured value), which body outputs it computes, and which of them this node stacks.
/// </summary>
/// <param name="Body">The body's nodes, in topological order; its inputs are <see cref="OpCode.Input"/> nodes with positions 0, 1, ...</param>
/// <param name="BodyInputs">The body's input nodes in operand order: sequences' slices, states, captured values.</param>
/// <param name="BodyOutputs">The body's results, each a body node.</param>
/// <param name="States">For each fed-back state (the node's operands after the sequences): the body result it is fed from.</param>
/// <param name="Output">The body result this node stacks.</param>
/// <param name="StepDims">For each dimension of a step of <see cref="Output"/>: the operand whose dimension it equals, or -1 when static.</param>
/// <param name="StepAxes">For each such dimension: that operand's axis.</param>
/// <param name="TruncateGradient">How many steps back a gradient goes (PyTensor's truncate_gradient); -1: all.</param>
/// <param name="Packed">
/// A merged scan (<see cref="Rewrite.ScanMerging"/>): the body results it stacks, in order, into one flat buffer, each
/// result's steps after the one before's. Its operands then end with each result's elements per step and the buffer's
/// length (int64 scalars). Empty: the node stacks <see cref="Output"/> alone, shape (steps, ...).
/// </param>
/// <param name="Until">The body result that stops the loop after its step when true (PyTensor's until); -1: none.</param>
/// <param name="LastOnly">
/// The node keeps only the last step of <see cref="Output"/> (PyTensor's scan_save_mem, for <c>result[-1]</c>), shape
/// (...): with no steps, a fed-back result's initial state, as PyTensor returns it, and an index error otherwise.
/// </param>
internal sealed record ScanParams(
    EquatableArray<Node> Body,
    EquatableArray<int> BodyInputs,
    EquatableArray<int> BodyOutputs,
    int Sequences,
    EquatableArray<int> States,
    int Output,
    EquatableArray<int> StepDims,
    EquatableArray<int> StepAxes,
    bool GoBackwards,
    int TruncateGradient = -1,
    EquatableArray<int> Packed = default,
    bool LastOnly = false,
    int Until = -1) : OpParams
{
    /// <summary>The body results the node stacks: the packed ones, or <see cref="Output"/>.</summary>
    public IReadOnlyList<int> Stacked => Packed.Count > 0 ? Packed.ToArray() : [Output];

    /// <summary>The first operand after the number of steps, the sequences and the initial states: the captured values.</summary>
    public int FirstCaptured => 1 + Sequences + States.Count;

    public TensorGraph Graph => new(Body);

    /// <summary>These parameters for another result of the same body: its step's dimensions found again.</summary>
    public ScanParams WithOutput(int output)
    {
        var (dims, axes) = StepShape(ShapeAnalysis.Run(Graph, BodyInputs), BodyOutputs[output], Sequences);
        return this with { Output = output, StepDims = dims, StepAxes = axes };
    }

    /// <summary>
    /// For each dimension of a step of body node <paramref name="result"/>: the scan operand whose dimension it equals
    /// (a sequence's from its second axis on) and that operand's axis, or -1 and 0 when it is static or not an operand's.
    /// </summary>
    public static (EquatableArray<int> Dims, EquatableArray<int> Axes) StepShape(ShapeAnalysis shapes, int result, int sequences)
    {
        var dims = new List<int>();
        var axes = new List<int>();
        foreach (var d in shapes.NodeDims[result].Select(d => shapes.Dims[d]))
        {
            bool known = !d.IsStatic && d.Input >= 0;
            dims.Add(known ? 1 + d.Input : -1);
            axes.Add(known ? (d.Input < sequences ? d.Axis + 1 : d.Axis) : 0);
        }
        return (dims.ToEquatableArray(), axes.ToEquatableArray());
    }
}

/// <summary>
/// PyTensor's <c>Scan</c>, forward: operands are the number of steps (int64), the sequences, the initial states and
/// the captured values; the value is one body result stacked over the steps, shape (steps, ...). The body is compiled
/// as a nested function (<see cref="FunctionEmitter"/>) and the loop calls it once per step, feeding back the states.
/// </summary>
internal sealed class ScanOp : IStructuralOp, ICallOp
{
    public static readonly ScanOp Instance = new();

    public OpCode Op => OpCode.Scan;

    public string Name => "scan";

    /// <summary>Any number of operands.</summary>
    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The nested class compiled from the body of the scan node <paramref name="id"/>.</summary>
    public static string BodyClass(int id) => "ScanBody" + id.ToString(CultureInfo.InvariantCulture) + "Function";

    /// <summary>The node stacking result <c>p.Output</c> of the body: operands the number of steps (int64), then the rest in order.</summary>
    public int Build(GraphBuilder b, int steps, IEnumerable<int> rest, ScanParams p)
    {
        var operands = new[] { steps }.Concat(rest).ToEquatableArray();
        var node = new Node(Op, p.Body[p.BodyOutputs[p.Output]].DType, default, operands, p, default, null);
        return b.Add(node with { Shape = StaticShape(node, operands.Select(i => b[i]).ToList()) });
    }

    /// <summary>
    /// One loop stacking several results of one body into a flat buffer (<see cref="ScanParams.Packed"/>):
    /// <paramref name="stepLengths"/> are each result's elements per step, <paramref name="length"/> the buffer's.
    /// </summary>
    public int BuildPacked(GraphBuilder b, IReadOnlyList<int> operands, ScanParams p, IReadOnlyList<int> stepLengths, int length)
    {
        var inputs = operands.Concat(stepLengths).Append(length).ToEquatableArray();
        var node = new Node(Op, p.Body[p.BodyOutputs[p.Packed[0]]].DType, default, inputs, p, default, null);
        return b.Add(node with { Shape = StaticShape(node, inputs.Select(i => b[i]).ToList()) });
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands)
    {
        var p = node.Parameters<ScanParams>();
        if (p.Packed.Count > 0)
        {
            var length = operands[operands.Count - 1];
            return new[] { length.IsConstant ? (int)length.Value.Long : -1 }.ToEquatableArray();
        }
        // (A loop that stops early holds the most steps it may run; its result is a slice of them, ScanLengthOp.)
        var steps = operands[0].IsConstant ? (int)operands[0].Value.Long : -1;
        var step = p.Body[p.BodyOutputs[p.Output]].Shape;
        return p.LastOnly ? step : new[] { steps }.Concat(step).ToEquatableArray();
    }

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<ScanParams>();
        if (p.Packed.Count > 0)
        {
            sizes.GivenBy(sizes.Output(0), node.Inputs[node.Inputs.Count - 1]);
            return;
        }
        int first = p.LastOnly ? 0 : 1;
        if (!p.LastOnly) sizes.GivenBy(sizes.Output(0), node.Inputs[0]);
        for (int d = 0; d < p.StepDims.Count; d++)
            if (p.StepDims[d] >= 0) sizes.Same(sizes.Output(d + first), sizes.Operand(p.StepDims[d], p.StepAxes[d]));
        // A state's step has its initial state's shape, and a sequence is at least the steps long (checked at run time).
        for (int r = 0; r < p.States.Count; r++)
        {
            var initial = sizes.Graph[node.Inputs[1 + p.Sequences + r]];
            var fed = p.Body[p.BodyOutputs[p.States[r]]];
            if (p.States[r] == p.Output)
                for (int d = 0; d < initial.Rank && d < fed.Rank; d++) sizes.Same(sizes.Output(d + first), sizes.Operand(1 + p.Sequences + r, d));
        }
    }

    /// <summary>Back-propagation through time: a scan over the steps backwards (<see cref="Differentiate.ScanPullback"/>).</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => b[id].Parameters<ScanParams>().Until >= 0
        ? throw new Differentiate.GradientNotImplementedException("Scan", "a scan without Until (a gradient through a loop that stops early is not built yet)")
        : Differentiate.ScanPullback.Of(b, id, g);

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node)
    {
        var p = node.Parameters<ScanParams>();
        string results = p.Packed.Count > 0 ? "results=" + string.Join("+", p.Packed.Select(k => k.ToString(CultureInfo.InvariantCulture))) : "result=" + p.Output.ToString(CultureInfo.InvariantCulture);
        return "{" + $"body={p.Body.Count} nodes, {results}" + (p.LastOnly ? ", last" : "") + (p.GoBackwards ? ", backwards" : "") + "}";
    }

    public string PrintedOperand(Node node, int k, string name) => name;

    public void Write(CallSite site) => ScanWriter.Write(site);
}
