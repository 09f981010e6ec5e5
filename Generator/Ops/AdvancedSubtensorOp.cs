using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>Which axes of x an advanced index covers: <paramref name="Count"/> consecutive ones from <paramref name="Axis"/>, read as one merged axis.</summary>
internal sealed record AdvancedIndexParams(int Axis, int Count) : OpParams
{
    /// <summary>The shape of x indexed by positions of shape <paramref name="index"/>: the covered axes replaced by the index's.</summary>
    public EquatableArray<int> Gathered(EquatableArray<int> x, EquatableArray<int> index) =>
        x.Take(Axis).Concat(index).Concat(x.Skip(Axis + Count)).ToEquatableArray();

    public string Printed => "{axis=" + Axis.ToString(CultureInfo.InvariantCulture) + ", count=" + Count.ToString(CultureInfo.InvariantCulture) + "}";

    /// <summary>The kernel's outer, merged and inner sizes as <c>int</c> expressions, from x's sizes.</summary>
    public (string Outer, string Merged, string Inner) Blocks(IReadOnlyList<string> x) =>
        (Product(x.Take(Axis)), Product(x.Skip(Axis).Take(Count)), Product(x.Skip(Axis + Count)));

    private static string Product(IEnumerable<string> sizes)
    {
        var list = sizes.ToList();
        return list.Count == 0 ? "1" : CallSite.Int(string.Join(" * ", list.Select(s => s.Contains(' ') ? $"({s})" : s)));
    }
}

/// <summary>
/// PyTensor's <c>AdvancedSubtensor</c> in the form NumPy defines for int arrays on consecutive axes:
/// <c>x[:, i0, i1, :]</c> has the shape of x with the indexed axes replaced by the (broadcast) index's. The
/// indexed axes are read as one merged axis and the index is the flat position into it, checked and
/// non-negative (<see cref="CheckIndexOp"/>, or <see cref="NonzeroOp"/> for a mask). Operands: x, the positions.
/// </summary>
internal sealed class AdvancedSubtensorOp : IStructuralOp, ICallOp
{
    public static readonly AdvancedSubtensorOp Instance = new();

    public OpCode Op => OpCode.AdvancedSubtensor;

    public string Name => "advanced_subtensor";

    public int Arity => 2;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>Whether <paramref name="node"/> is a gather (the target of an advanced <c>SetSubtensor</c>/<c>IncSubtensor</c>).</summary>
    public static bool Is(Node node) => node.Op == OpCode.AdvancedSubtensor;

    /// <summary><paramref name="x"/> gathered at the checked flat positions <paramref name="index"/> over its axes from <paramref name="axis"/>.</summary>
    public int Build(GraphBuilder b, int x, int index, int axis, int count)
    {
        var p = new AdvancedIndexParams(axis, count);
        return b.Add(new Node(OpCode.AdvancedSubtensor, b[x].DType, p.Gathered(b[x].Shape, b[index].Shape), new[] { x, index }.ToEquatableArray(), p, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) =>
        node.Parameters<AdvancedIndexParams>().Gathered(operands[0].Shape, operands[1].Shape);

    public bool OwnIdentity => false;

    /// <summary>The axes before and after the indexed ones are x's; those between are the index's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<AdvancedIndexParams>();
        int indexRank = sizes.Graph[node.Inputs[1]].Rank, xRank = sizes.Graph[node.Inputs[0]].Rank;
        for (int d = 0; d < p.Axis; d++) sizes.Same(sizes.Output(d), sizes.Operand(0, d));
        for (int d = 0; d < indexRank; d++) sizes.Same(sizes.Output(p.Axis + d), sizes.Operand(1, d));
        for (int d = p.Axis + p.Count; d < xRank; d++) sizes.Same(sizes.Output(d - p.Count + indexRank), sizes.Operand(0, d));
    }

    /// <summary>PyTensor's <c>AdvancedSubtensor.grad</c>: g added at the gathered positions of zeros (repeats accumulate); the index gets none.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        var p = n.Parameters<AdvancedIndexParams>();
        int x = n.Inputs[0];
        int zeros = b.Ew(OpCode.Second, x, b.Scalar(0, b[x].DType));
        return [AdvancedIncSubtensorOp.Instance.Build(b, zeros, g, n.Inputs[1], p.Axis, p.Count, set: false), -1];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => node.Parameters<AdvancedIndexParams>().Printed;

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Gathers.Take(x, index, outer, merged, inner, output)</c>.</summary>
    public void Write(CallSite site)
    {
        var (outer, merged, inner) = site.Node.Parameters<AdvancedIndexParams>().Blocks(site.Dims(0));
        site.Line($"global::Tensorgen.Gathers.Take({site.Input(0)}, {site.Input(1)}, {outer}, {merged}, {inner}, {site.Output});");
    }
}
