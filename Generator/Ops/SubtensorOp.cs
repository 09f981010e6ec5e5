using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>Subtensor</c>: basic indexing, <c>x[2]</c>, <c>x[1:-1, 0]</c>, <c>x[::-1]</c>. Its operands are the
/// tensor, then per indexed axis a position or a slice's first position and length (<see cref="SubtensorParams"/>);
/// a length is a size given by a value, computed before any buffer is taken. New axes are a DimShuffle after it.
/// </summary>
internal sealed class SubtensorOp : IStructuralOp, ICallOp
{
    public static readonly SubtensorOp Instance = new();

    public OpCode Op => OpCode.Subtensor;

    public string Name => "subtensor";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The region of <paramref name="x"/> given by <paramref name="steps"/> and its int64 scalar <paramref name="index"/> operands.</summary>
    public int Build(GraphBuilder b, int x, int[] steps, int[] index)
    {
        var p = new SubtensorParams(steps.ToEquatableArray());
        var shape = SubtensorRegion.Shape(b[x], p, index.Select(i => b[i]).ToList());
        return b.Add(new Node(OpCode.Subtensor, b[x].DType, shape, new[] { x }.Concat(index).ToEquatableArray(), p, default, null));
    }

    /// <summary>Whether <paramref name="node"/> is a basic index (a node <c>SetSubtensor</c> can write into).</summary>
    public static bool Made(Node node) => node.Op == OpCode.Subtensor;

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) =>
        SubtensorRegion.Shape(operands[0], node.Parameters<SubtensorParams>(), operands.Skip(1).ToList());

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes) => SubtensorRegion.RelateSizes(node, sizes, 1, 0);

    /// <summary>PyTensor's <c>Subtensor.grad</c>: the adjoint added into zeros of x's shape at the region; none for the positions.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        int x = n.Inputs[0];
        int zeros = b.Ew(OpCode.Second, x, b.Constant(0, b[x].DType));
        var result = Enumerable.Repeat(-1, n.Inputs.Count).ToArray();
        result[0] = IncSubtensorOp.Instance.Build(b, zeros, g, n.Parameters<SubtensorParams>().Steps.ToArray(), n.Inputs.Skip(1).ToArray(), set: false);
        return result;
    }

    public bool Disconnected => false;

    /// <summary>A contiguous region with elements (<see cref="SubtensorRegion.IsContiguous"/>) views its tensor's data at an offset; a single element is read into a local.</summary>
    public bool IsView(Node node) => node.Rank > 0 && SubtensorRegion.IsContiguous(node.Parameters<SubtensorParams>());

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{:, i}</c>: the index's structure; its positions and bounds are the operands.</summary>
    public string PrintedParameters(Node node) => SubtensorRegion.Pattern(node.Parameters<SubtensorParams>());

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Subtensors.Take(x, dims, first, steps, counts, output)</c>, or <c>Element</c> for a single element.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<SubtensorParams>();
        site.Line($"// {SubtensorRegion.Plain(site.NameOf(0))}[{SubtensorRegion.Text(p, site.Operand, 1)}]: a copy{(IsView(site.Node) ? " (a value returned or stored has a buffer of its own)" : "")}");
        var (dims, first, steps, counts) = SubtensorRegion.Arguments(site, 0, 1);
        if (site.Node.Rank == 0)
            site.Line($"{site.Node.DType.CSharp()} {site.OutputLocal} = global::Tensorgen.Subtensors.Element({site.Input(0)}, {dims}, {first});");
        else
            site.Line($"global::Tensorgen.Subtensors.Take({site.Input(0)}, {dims}, {first}, {steps}, {counts}, {site.Output});");
    }
}
