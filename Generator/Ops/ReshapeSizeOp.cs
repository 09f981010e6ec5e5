using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>A reshape's checked size: the operand's rank (its first operands are its sizes), and which new size is computed.</summary>
internal sealed record ReshapeSizeParams(int Rank, int Which) : OpParams;

/// <summary>
/// The size of dimension <c>Which</c> of a reshape, checked at call time: its operands are the reshaped tensor's
/// sizes, then the new sizes (the one to compute being -1, as the user wrote it, or its given value). The kernel
/// computes a -1 as the element count over the product of the others and checks that the sizes fit the count,
/// throwing with both shapes. An int64 scalar computed before any buffer is taken (a size given by a value).
/// </summary>
internal sealed class ReshapeSizeOp : IStructuralOp, ICallOp
{
    public static readonly ReshapeSizeOp Instance = new();

    public OpCode Op => OpCode.ReshapeSize;

    public string Name => "reshape_size";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The checked size <paramref name="which"/> of <paramref name="x"/> reshaped to <paramref name="sizes"/> (int64 scalars; -1 for the one to compute).</summary>
    public int Build(GraphBuilder b, int x, int[] sizes, int which)
    {
        int rank = b[x].Rank;
        var inputs = Enumerable.Range(0, rank).Select(k => b.DimSize(x, k)).Concat(sizes).ToEquatableArray();
        return b.Add(new Node(OpCode.ReshapeSize, DType.Int64, EquatableArray<int>.Empty, inputs, new ReshapeSizeParams(rank, which), default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => EquatableArray<int>.Empty;

    public bool OwnIdentity => false;

    /// <summary>A scalar: no dimensions to relate.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
    }

    /// <summary>Sizes have no gradient.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => Enumerable.Repeat(-1, b[id].Inputs.Count).ToArray();

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{2}</c>: which new size it is.</summary>
    public string PrintedParameters(Node node) => "{" + node.Parameters<ReshapeSizeParams>().Which.ToString(CultureInfo.InvariantCulture) + "}";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>long n = ShapeKernels.ReshapeSize(function, [old sizes], [new sizes], which);</c></summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<ReshapeSizeParams>();
        var old = Enumerable.Range(0, p.Rank).Select(site.Scalar);
        var sizes = Enumerable.Range(p.Rank, site.Node.Inputs.Count - p.Rank).Select(site.Scalar);
        site.Line($"long {site.OutputLocal} = global::Tensorgen.ShapeKernels.ReshapeSize({site.FunctionName}, [{string.Join(", ", old)}], [{string.Join(", ", sizes)}], {p.Which.ToString(CultureInfo.InvariantCulture)});");
    }
}
