using System.Collections.Generic;
using System.Globalization;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>The axis a cumulative op runs along (non-negative), and whether it runs from the end (the pullback's).</summary>
internal sealed record CumParams(int Axis, bool Reverse) : OpParams;

/// <summary>
/// PyTensor's <c>CumOp</c> (<c>cumsum</c>, <c>cumprod</c>) along one axis, keeping the shape and the dtype. A runtime
/// kernel (<c>ReductionKernels.CumSum</c>) runs along the axis; rows after the axis are added or multiplied a vector
/// at a time. Running from the end is the pullback's reversed cumulative sum (PyTensor's <c>x[::-1]</c> twice).
/// </summary>
internal sealed class CumOp(OpCode op, string name, bool isProduct) : IStructuralOp, ICallOp
{
    public static readonly CumOp Sum = new(OpCode.CumSum, "cumsum", isProduct: false);

    public static readonly CumOp Product = new(OpCode.CumProd, "cumprod", isProduct: true);

    public OpCode Op { get; } = op;

    public string Name { get; } = name;

    public bool IsProduct { get; } = isProduct;

    public int Arity => 1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The cumulative op of <paramref name="x"/> (rank 1 or more) along <paramref name="axis"/> (checked by the caller).</summary>
    public int Build(GraphBuilder b, int x, int axis, bool reverse = false) =>
        b.Add(new Node(Op, b[x].DType, b[x].Shape, new[] { x }.ToEquatableArray(), new CumParams(axis, reverse), default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => operands[0].Shape;

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int k = 0; k < node.Rank; k++) sizes.Same(sizes.Output(k), sizes.Operand(0, k));
    }

    /// <summary>
    /// PyTensor's <c>CumOp.L_op</c>: of a sum, the adjoint summed from the end; of a product z, the sum from the end
    /// of z·g divided by x (PyTensor's formula: not finite where x has zeros, as PyTensor's).
    /// </summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        var p = n.Parameters<CumParams>();
        if (!IsProduct) return [Sum.Build(b, g, p.Axis, !p.Reverse)];
        int x = n.Inputs[0];
        return [b.Ew(OpCode.TrueDiv, Sum.Build(b, b.Ew(OpCode.Mul, id, g), p.Axis, !p.Reverse), x)];
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{axis=1}</c>, or <c>{axis=1, reverse}</c>.</summary>
    public string PrintedParameters(Node node)
    {
        var p = node.Parameters<CumParams>();
        return "{axis=" + p.Axis.ToString(CultureInfo.InvariantCulture) + (p.Reverse ? ", reverse}" : "}");
    }

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>ReductionKernels.CumSum(x, [sizes], axis, reverse, output)</c>.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<CumParams>();
        string kernel = IsProduct ? "CumProd" : "CumSum";
        site.Line($"global::Tensorgen.ReductionKernels.{kernel}({site.Input(0)}, [{string.Join(", ", site.Dims(0))}], {p.Axis.ToString(CultureInfo.InvariantCulture)}, {(p.Reverse ? "true" : "false")}, {site.Output});");
    }
}
