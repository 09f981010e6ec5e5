using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>A piece along an axis.</summary>
internal sealed record AxisSliceParams(int Axis) : OpParams;

/// <summary>
/// One output of PyTensor's <c>Split</c>, and the gradient of a join for one operand: the block of its operand
/// from start to start + length along an axis. Its operands are the tensor, the start, the length and the total
/// (int64 scalars): the length is a size given by a value, the total what the axis' length must be (a split's
/// sizes added up). The kernel checks the block lies within the axis and the total is the axis' length, so the
/// first piece of a split already checks all its sizes, and throws naming the function and the input otherwise.
/// </summary>
internal sealed class AxisSliceOp : IStructuralOp, ICallOp
{
    public static readonly AxisSliceOp Instance = new();

    public OpCode Op => OpCode.AxisSlice;

    public string Name => "axis_slice";

    public int Arity => 4;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The block of <paramref name="x"/> along <paramref name="axis"/>; <paramref name="total"/> must be the axis' length (its DimSize when nothing else is known).</summary>
    public int Build(GraphBuilder b, int x, int start, int length, int total, int axis)
    {
        var parameters = new AxisSliceParams(axis);
        return b.Add(new Node(OpCode.AxisSlice, b[x].DType, Shape(b[x], b[length], axis), new[] { x, start, length, total }.ToEquatableArray(), parameters, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0], operands[2], node.Parameters<AxisSliceParams>().Axis);

    /// <summary>The operand's shape with the axis as long as the length (when constant).</summary>
    public static EquatableArray<int> Shape(Node x, Node length, int axis) =>
        x.Shape.Select((d, j) => j == axis ? (length.IsConstant ? (int)length.Value.Long : -1) : d).ToEquatableArray();

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        int axis = node.Parameters<AxisSliceParams>().Axis;
        for (int d = 0; d < node.Rank; d++)
            if (d != axis) sizes.Same(sizes.Output(d), sizes.Operand(0, d));
        sizes.GivenBy(sizes.Output(axis), node.Inputs[2]);
    }

    /// <summary>g placed in zeros where the block was (PyTensor's gradient of a split: its pieces' gradients joined).</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        int axis = node.Parameters<AxisSliceParams>().Axis;
        return [AxisPadOp.Instance.Build(b, g, node.Inputs[1], b.DimSize(node.Inputs[0], axis), axis), -1, -1, -1];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "{axis=" + node.Parameters<AxisSliceParams>().Axis.ToString(CultureInfo.InvariantCulture) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Joins.Take(x, outer, axisLength, rest, start, length, total, output, function, input, axis)</c>.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<AxisSliceParams>();
        var dims = site.Dims(0);
        string outer = JoinOp.Product(dims.Take(p.Axis)), rest = JoinOp.Product(dims.Skip(p.Axis + 1));
        site.Line($"global::Tensorgen.Joins.Take({site.Input(0)}, {outer}, {dims[p.Axis]}, {rest}, {site.Scalar(1)}, {site.Scalar(2)}, " +
            $"{site.Scalar(3)}, {site.Output}, {site.FunctionName}, {site.NameOf(0)}, {p.Axis.ToString(CultureInfo.InvariantCulture)});");
    }
}

/// <summary>
/// A block placed in zeros along an axis: the gradient of <see cref="AxisSliceOp"/> (PyTensor builds it as an
/// <c>IncSubtensor</c> into zeros). Its operands are the block, the start and the total length along the axis.
/// </summary>
internal sealed class AxisPadOp : IStructuralOp, ICallOp
{
    public static readonly AxisPadOp Instance = new();

    public OpCode Op => OpCode.AxisPad;

    public string Name => "axis_pad";

    public int Arity => 3;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    public int Build(GraphBuilder b, int block, int start, int total, int axis) =>
        b.Add(new Node(OpCode.AxisPad, b[block].DType, AxisSliceOp.Shape(b[block], b[total], axis), new[] { block, start, total }.ToEquatableArray(), new AxisParams(axis), default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => AxisSliceOp.Shape(operands[0], operands[2], node.Parameters<AxisParams>().Axis);

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        int axis = node.Parameters<AxisParams>().Axis;
        for (int d = 0; d < node.Rank; d++)
            if (d != axis) sizes.Same(sizes.Output(d), sizes.Operand(0, d));
        sizes.GivenBy(sizes.Output(axis), node.Inputs[2]);
    }

    /// <summary>The block's gradient is g's block where it was placed.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        int axis = node.Parameters<AxisParams>().Axis;
        return [AxisSliceOp.Instance.Build(b, g, node.Inputs[1], b.DimSize(node.Inputs[0], axis), node.Inputs[2], axis), -1, -1];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "{axis=" + node.Parameters<AxisParams>().Axis.ToString(CultureInfo.InvariantCulture) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>The output cleared, then the block's rows placed at the start's offset within each output row.</summary>
    public void Write(CallSite site)
    {
        int axis = site.Node.Parameters<AxisParams>().Axis;
        string outer = JoinOp.Product(site.OutputDims.Take(axis)), width = JoinOp.Product(site.OutputDims.Skip(axis));
        string rest = JoinOp.Product(site.OutputDims.Skip(axis + 1)), inner = JoinOp.Product(site.Dims(0).Skip(axis));
        site.Line($"{site.Output}.Clear();");
        site.Line($"global::Tensorgen.Joins.Place({site.Input(0)}, {outer}, {inner}, (nint){site.Scalar(1)} * {rest}, {width}, {site.Output});");
    }
}
