using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>Prod</c>: floats keep their dtype, integers and bools multiply in int64 (NumPy's and PyTensor's
/// accumulator). A fold like the sum, so it fuses with the element-wise work feeding it and takes the vector loop.
/// </summary>
internal sealed class ProdOp() : ReductionOp(OpCode.Prod, "prod", ReductionFacet.Prod)
{
    public static readonly ProdOp Instance = new();

    public override DType ResultType(DType operand) => operand.IsFloat() ? operand : DType.Int64;

    /// <summary>
    /// PyTensor's <c>Prod.L_op</c> with zeros allowed: in a group (the elements multiplied together) with no zero,
    /// g·prod/x; with exactly one zero, the zero's element gets g times the product of the others and the rest 0;
    /// with two or more, every element gets 0. The division's infinities in groups with zeros are never selected.
    /// </summary>
    public override int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        int x = n.Inputs[0];
        var p = n.Parameters<ReduceParams>();
        var axes = p.Axes.AsImmutableArray().ToArray();
        var dtype = n.DType;
        int gz = Unreduce(b, g, n);
        int zero = b.Scalar(0, dtype), one = b.Scalar(1, dtype);
        int zeros = b.Ew(OpCode.Eq, x, zero);
        int count = Unreduce(b, SumOp.Instance.Build(b, zeros, axes, p.KeepDims), n);
        int withoutZeros = Unreduce(b, Instance.Build(b, b.Ew(OpCode.Switch, zeros, one, x), axes, p.KeepDims), n);
        int noZero = b.Ew(OpCode.Mul, gz, b.Ew(OpCode.TrueDiv, Unreduce(b, id, n), x));
        int oneZero = b.Ew(OpCode.Mul, b.Ew(OpCode.Switch, zeros, withoutZeros, zero), gz);
        int oneZeroGroups = b.Ew(OpCode.Switch, b.Ew(OpCode.Eq, count, b.Scalar(1, DType.Int64)), oneZero, zero);
        return [b.Ew(OpCode.Switch, b.Ew(OpCode.Eq, count, b.Scalar(0, DType.Int64)), noZero, oneZeroGroups)];
    }
}

/// <summary>
/// PyTensor's <c>All</c> and <c>Any</c>: the operand as bools (nonzero is true, NaN included, as NumPy's
/// <c>astype(bool)</c>), folded with and / or. Not differentiable: no gradient flows (PyTensor's are disconnected).
/// </summary>
internal sealed class LogicalReductionOp(OpCode op, string name, ReductionFacet fold) : ReductionOp(op, name, fold)
{
    public static readonly LogicalReductionOp All = new(OpCode.All, "all", ReductionFacet.All);

    public static readonly LogicalReductionOp Any = new(OpCode.Any, "any", ReductionFacet.Any);

    public override DType ResultType(DType operand) => DType.Bool;

    public override int[] Pullback(GraphBuilder b, int id, int g) => [-1];
}
