using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>The axis a join, a piece or a padding works along (non-negative).</summary>
internal sealed record AxisParams(int Axis) : OpParams;

/// <summary>
/// PyTensor's <c>Join</c> (<c>pt.concatenate</c>): tensors of one rank joined along an axis, every other axis
/// of one size. Its operands are the tensors (converted to their common dtype), then the joined length, an
/// int64 scalar built with it (the sum of the operands' sizes along the axis): a size given by a value. The
/// runtime kernel copies each operand's blocks into place.
/// </summary>
internal sealed class JoinOp : IStructuralOp, ICallOp
{
    public static readonly JoinOp Instance = new();

    public OpCode Op => OpCode.Join;

    public string Name => "join";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>
    /// <paramref name="xs"/> joined along <paramref name="axis"/> (in range, non-negative); one tensor is itself.
    /// An error (with both shapes) for operands of other ranks or whose other axes differ in static size.
    /// </summary>
    public int Build(GraphBuilder b, int[] xs, int axis, out string? error)
    {
        error = null;
        int rank = b[xs[0]].Rank;
        for (int k = 1; k < xs.Length; k++)
            if (b[xs[k]].Rank != rank)
            {
                error = $"cannot join {b.Describe(Operand.Of(xs[0]))} and {b.Describe(Operand.Of(xs[k]))}: their ranks differ";
                return -1;
            }
        for (int d = 0; d < rank; d++)
        {
            if (d == axis) continue;
            int first = -1;
            foreach (var x in xs)
            {
                int size = b[x].Shape[d];
                if (size < 0) continue;
                if (first < 0) first = x;
                else if (b[first].Shape[d] != size)
                {
                    error = $"cannot join {b.Describe(Operand.Of(first))} and {b.Describe(Operand.Of(x))} along axis {axis}: " +
                        $"sizes {b[first].Shape[d]} and {size} of axis {d} differ";
                    return -1;
                }
            }
        }
        var dtype = xs.Select(x => b[x].DType).Aggregate(DTypes.Promote);
        xs = xs.Select(x => b.Convert(x, dtype)).ToArray();
        if (xs.Length == 1) return xs[0];
        int length = Sum(b, xs.Select(x => b.DimSize(x, axis)).ToArray());
        var parameters = new AxisParams(axis);
        return b.Add(new Node(OpCode.Join, dtype, Shape(xs.Select(x => b[x]).ToList(), b[length], axis), xs.Append(length).ToEquatableArray(), parameters, default, null));
    }

    /// <summary>The sum of int64 scalars: a constant when all are, else a chain of additions.</summary>
    public static int Sum(GraphBuilder b, int[] sizes)
    {
        if (sizes.Length == 0) return b.Constant(ScalarValue.Integer(0), DType.Int64);
        if (sizes.All(s => b[s].IsConstant)) return b.Constant(ScalarValue.Integer(sizes.Sum(s => b[s].Value.Long)), DType.Int64);
        return sizes.Skip(1).Aggregate(sizes[0], (sum, s) => b.Ew(OpCode.Add, sum, s));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) =>
        Shape(operands.Take(operands.Count - 1).ToList(), operands[operands.Count - 1], node.Parameters<AxisParams>().Axis);

    /// <summary>Each other axis: its static size where any operand knows it; the axis: the length when constant.</summary>
    private static EquatableArray<int> Shape(IReadOnlyList<Node> xs, Node length, int axis) =>
        Enumerable.Range(0, xs[0].Rank)
            .Select(d => d == axis ? (length.IsConstant ? (int)length.Value.Long : -1) : xs.Select(x => x.Shape[d]).DefaultIfEmpty(-1).Max())
            .ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>Every other axis is one size in all operands and the result; the joined axis is the length.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        int axis = node.Parameters<AxisParams>().Axis, n = node.Inputs.Count - 1;
        for (int k = 0; k < n; k++)
            for (int d = 0; d < node.Rank; d++)
                if (d != axis) sizes.Same(sizes.Output(d), sizes.Operand(k, d));
        sizes.GivenBy(sizes.Output(axis), node.Inputs[n]);
    }

    /// <summary>Each operand's gradient is its block of g: a piece of g along the axis, where the operand lay.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        int axis = node.Parameters<AxisParams>().Axis, n = node.Inputs.Count - 1;
        var result = new int[n + 1];
        var before = new List<int>();
        for (int k = 0; k < n; k++)
        {
            int size = b.DimSize(node.Inputs[k], axis);
            result[k] = AxisSliceOp.Instance.Build(b, g, Sum(b, before.ToArray()), size, node.Inputs[n], axis);
            before.Add(size);
        }
        result[n] = -1;
        return result;
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "{axis=" + node.Parameters<AxisParams>().Axis.ToString(CultureInfo.InvariantCulture) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>One <c>Joins.Place</c> per operand: its rows of blocks copied at its offset within each output row.</summary>
    public void Write(CallSite site)
    {
        int axis = site.Node.Parameters<AxisParams>().Axis, n = site.Node.Inputs.Count - 1;
        string outer = Product(site.OutputDims.Take(axis)), width = Product(site.OutputDims.Skip(axis));
        var offset = new List<string>();
        for (int k = 0; k < n; k++)
        {
            string inner = Product(site.Dims(k).Skip(axis));
            site.Line($"global::Tensorgen.Joins.Place({site.Input(k)}, {outer}, {inner}, {(offset.Count == 0 ? "0" : string.Join(" + ", offset))}, {width}, {site.Output});");
            offset.Add(inner);
        }
    }

    /// <summary>A product of size expressions (<c>1</c> for none).</summary>
    public static string Product(IEnumerable<string> sizes)
    {
        var list = sizes.ToList();
        return list.Count == 0 ? "1" : list.Count == 1 ? list[0] : "(" + string.Join(" * ", list) + ")";
    }
}
