using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>IncSubtensor</c> (<c>set_subtensor</c>, <c>inc_subtensor</c>): x with a basic index's region set to
/// or increased by y, which broadcasts to the region. Operands: x, y (of the region's rank), then the region's as a
/// <see cref="SubtensorOp"/>'s. Functional: x itself is not changed, the result is a new tensor.
/// </summary>
internal sealed class IncSubtensorOp : IStructuralOp, ICallOp
{
    public static readonly IncSubtensorOp Instance = new();

    public OpCode Op => OpCode.IncSubtensor;

    public string Name => "inc_subtensor";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>
    /// <paramref name="x"/> with the region set to (<paramref name="set"/>) or increased by <paramref name="y"/>: y is
    /// cast to x's dtype and given the region's rank (new leading axes of size 1); its sizes were checked by the caller.
    /// </summary>
    public int Build(GraphBuilder b, int x, int y, int[] steps, int[] index, bool set)
    {
        var p = new IncSubtensorParams(steps.ToEquatableArray(), set);
        int rank = SubtensorRegion.Shape(b[x], p, index.Select(i => b[i]).ToList()).Count;
        y = b.Convert(y, b[x].DType);
        int missing = rank - b[y].Rank;
        if (missing > 0) y = b.DimShuffle(y, Enumerable.Repeat(-1, missing).Concat(Enumerable.Range(0, b[y].Rank)).ToArray());
        return b.Add(new Node(OpCode.IncSubtensor, b[x].DType, b[x].Shape, new[] { x, y }.Concat(index).ToEquatableArray(), p, default, null));
    }

    /// <summary>The region of <paramref name="x"/> a write's node selects (a Subtensor of its index operands).</summary>
    private static int Region(GraphBuilder b, Node write, int x) =>
        SubtensorOp.Instance.Build(b, x, write.Parameters<SubtensorParams>().Steps.ToArray(), write.Inputs.Skip(2).ToArray());

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => operands[0].Shape;

    public bool OwnIdentity => false;

    /// <summary>The result has x's sizes; y's are checked against the region's counts by the kernel.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int k = 0; k < node.Rank; k++) sizes.Same(sizes.Output(k), sizes.Operand(0, k));
    }

    /// <summary>
    /// PyTensor's <c>IncSubtensor.grad</c>: x's adjoint is g (set: with the region zeroed), y's the region of g, summed
    /// over the axes where y broadcast.
    /// </summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        var p = n.Parameters<IncSubtensorParams>();
        var result = Enumerable.Repeat(-1, n.Inputs.Count).ToArray();
        result[0] = p.Set ? Build(b, g, b.Constant(0, n.DType), p.Steps.ToArray(), n.Inputs.Skip(2).ToArray(), set: true) : g;
        int region = Region(b, n, g);
        var y = b[n.Inputs[1]];
        var axes = Enumerable.Range(0, y.Rank).Where(j => y.Shape[j] == 1 && b[region].Shape[j] != 1).ToArray();
        result[1] = axes.Length == 0 ? region : b.Reduce(OpCode.Sum, region, axes, keepdims: true);
        return result;
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => node.Parameters<IncSubtensorParams>().Set ? "set_subtensor" : Name;

    public string PrintedParameters(Node node) => SubtensorRegion.Pattern(node.Parameters<SubtensorParams>());

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Subtensors.Put(x, dims, first, steps, counts, y, yDims, set, output, ...)</c>: a copy of x, then the region written.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<IncSubtensorParams>();
        string x = SubtensorRegion.Plain(site.NameOf(0));
        site.Line($"// {(p.Set ? "set" : "inc")}_subtensor({x}[{SubtensorRegion.Text(p, site.Operand, 2)}], {SubtensorRegion.Plain(site.NameOf(1))}): a copy of {x}, then the region written");
        var (dims, first, steps, counts) = SubtensorRegion.Arguments(site, 0, 2);
        string set = p.Set ? "true" : "false";
        if (site.Operand(1).Rank == 0)
        {
            site.Line($"global::Tensorgen.Subtensors.PutScalar({site.Input(0)}, {dims}, {first}, {steps}, {counts}, {site.Scalar(1)}, {set}, {site.Output});");
            return;
        }
        // y's sizes over x's axes: 1 where a position drops the axis.
        var yDims = site.Dims(1);
        var aligned = new List<string>();
        int j = 0;
        for (int k = 0; k < site.Operand(0).Rank; k++)
            aligned.Add(k < p.Steps.Count && p.Steps[k] == 0 ? "1" : yDims[j++]);
        site.Line($"global::Tensorgen.Subtensors.Put({site.Input(0)}, {dims}, {first}, {steps}, {counts}, {site.Input(1)}, " +
            $"{SubtensorRegion.List(aligned)}, {set}, {site.Output}, {site.FunctionName}, {site.NameOf(1)});");
    }
}
