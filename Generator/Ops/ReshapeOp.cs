using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>The static shape a reshape was given when built: its sizes known at build time (-1 where not).</summary>
internal sealed record ReshapeParams(EquatableArray<int> Shape) : OpParams;

/// <summary>
/// PyTensor's <c>Reshape</c>: the same elements, in the same row-major order, in another shape. Buffers are
/// contiguous and row-major, so it is a view: no step computes it, and an output that is one is copied. Its
/// operands are the tensor and one int64 size per dimension; a size the user gave as -1 (or, when none is, the
/// last one) is a <see cref="ReshapeSizeOp"/>, which checks the sizes against the element count before any work.
/// </summary>
internal sealed class ReshapeOp : IStructuralOp
{
    public static readonly ReshapeOp Instance = new();

    public OpCode Op => OpCode.Reshape;

    public string Name => "reshape";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Copy;

    /// <summary>
    /// <paramref name="x"/> with the sizes <paramref name="sizes"/> (int64 scalars whose product is its element
    /// count: checked by the caller, or by a <see cref="ReshapeSizeOp"/> among them); <paramref name="shape"/> is the
    /// static shape known (-1 where not). <paramref name="x"/> itself when the sizes are its own.
    /// </summary>
    public int Build(GraphBuilder b, int x, int[] sizes, int[] shape)
    {
        var n = b[x];
        if (sizes.Length == n.Rank && sizes.Select((s, k) => s == b.DimSize(x, k)).All(same => same)) return x;
        var parameters = new ReshapeParams(shape.ToEquatableArray());
        var inputs = new[] { x }.Concat(sizes).ToEquatableArray();
        return b.Add(new Node(OpCode.Reshape, n.DType, Shape(parameters, sizes.Select(s => b[s]).ToList()), inputs, parameters, default, null));
    }

    /// <summary><paramref name="x"/> reshaped to its own sizes of <paramref name="like"/> (the same element count): a gradient back in its operand's shape.</summary>
    public int BuildLike(GraphBuilder b, int x, int like)
    {
        var target = b[like];
        return Build(b, x, Enumerable.Range(0, target.Rank).Select(k => b.DimSize(like, k)).ToArray(), target.Shape.ToArray());
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) =>
        Shape(node.Parameters<ReshapeParams>(), operands.Skip(1).ToList());

    private static EquatableArray<int> Shape(ReshapeParams p, IReadOnlyList<Node> sizes) =>
        p.Shape.Select((s, j) => s >= 0 ? s : sizes[j].IsConstant ? (int)sizes[j].Value.Long : -1).ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>Each dimension's size is its size operand's value (a measured size unifies with what it measures).</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int j = 0; j < node.Rank; j++) sizes.GivenBy(sizes.Output(j), node.Inputs[j + 1]);
    }

    /// <summary>The adjoint reshaped back to the operand's shape (PyTensor's <c>Reshape.L_op</c>); the sizes have none.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var node = b[id];
        var result = Enumerable.Repeat(-1, node.Inputs.Count).ToArray();
        result[0] = BuildLike(b, g, node.Inputs[0]);
        return result;
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => true;

    /// <summary>The viewed buffer is kept, and so are the sizes (their steps run before buffers are taken).</summary>
    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{shape=(2, ?)}</c>: the static shape.</summary>
    public string PrintedParameters(Node node) => "{shape=" + GraphBuilder.ShapeText(node.Shape) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;
}
