using System.Collections.Generic;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>ARange</c>: start, start + step, ... before stop. Its operands are start, stop and step (of
/// the result's dtype) and its length, an int64 scalar built with it (<c>ceil((stop - start) / step)</c>, at
/// least 0, as NumPy): the length is a size given by a value, computed before any buffer is taken.
/// </summary>
internal sealed class ArangeOp : IStructuralOp, ICallOp
{
    public static readonly ArangeOp Instance = new();

    public OpCode Op => OpCode.Arange;

    public string Name => "arange";

    public int Arity => 4;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The range of <paramref name="dtype"/>; null (with <paramref name="error"/>) for a constant step of 0.</summary>
    public int Build(GraphBuilder b, int start, int stop, int step, DType dtype, out string? error)
    {
        error = null;
        start = b.Convert(start, dtype);
        stop = b.Convert(stop, dtype);
        step = b.Convert(step, dtype);
        int length;
        if (b[start].IsConstant && b[stop].IsConstant && b[step].IsConstant)
        {
            double first = b[start].Value.Double, last = b[stop].Value.Double, by = b[step].Value.Double;
            if (by == 0)
            {
                error = "the step of Arange is 0";
                return -1;
            }
            long count = System.Math.Max(0, (long)System.Math.Ceiling((last - first) / by));
            if (count > int.MaxValue)
            {
                error = $"Arange would have {count} elements, more than an array holds";
                return -1;
            }
            length = b.Constant(ScalarValue.Integer(count), DType.Int64);
        }
        else
        {
            // ceil(d / s) = -floor(-d / s), with floor division as Python's (and NumPy's) for ints and floats.
            var count = b.Ew(OpCode.Neg, b.Ew(OpCode.IntDiv, b.Ew(OpCode.Neg, b.Ew(OpCode.Sub, stop, start)), step));
            length = b.Ew(OpCode.Maximum, b.Convert(count, DType.Int64), b.Constant(ScalarValue.Integer(0), DType.Int64));
        }
        var inputs = new[] { start, stop, step, length }.ToEquatableArray();
        return b.Add(new Node(OpCode.Arange, dtype, Shape(b[length]), inputs, null, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[3]);

    private static EquatableArray<int> Shape(Node length) => new[] { length.IsConstant ? (int)length.Value.Long : -1 }.ToEquatableArray();

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes) => sizes.GivenBy(sizes.Output(0), node.Inputs[3]);

    /// <summary>PyTensor's gradient of a range is not defined with respect to its bounds here: they are sizes, not data.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1, -1, -1, -1];

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Ranges.Arange(start, step, output)</c>: element i is start + i·step, as NumPy fills it.</summary>
    public void Write(CallSite site) =>
        site.Line($"global::Tensorgen.Ranges.Arange({site.Scalar(0)}, {site.Scalar(2)}, {site.Output});");
}
