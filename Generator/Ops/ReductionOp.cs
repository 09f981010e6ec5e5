using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>An op that takes axes to reduce (PyTensor's <c>axis</c>, <c>keepdims</c>): a fold, or the mean lowered to one.</summary>
internal interface IAxisReduction
{
    /// <summary>
    /// The reduction of <paramref name="x"/> over <paramref name="axes"/> (sorted, non-negative); with
    /// <paramref name="keepdims"/> reduced axes stay as size 1. No axes: <paramref name="x"/> itself.
    /// </summary>
    int Build(GraphBuilder b, int x, int[] axes, bool keepdims);
}

/// <summary>
/// A fold over axes (PyTensor's <c>CAReduce</c>): sum, max, min. The shared part: typing, shapes, sizes,
/// scheduling as a reduction kernel, printing; each op adds its result dtype, fold and pullback.
/// </summary>
internal abstract class ReductionOp : IStructuralOp, IAxisReduction
{
    protected ReductionOp(OpCode op, string name, ReductionFacet fold)
    {
        Op = op;
        Name = name;
        Fold = fold;
    }

    public OpCode Op { get; }

    public string Name { get; }

    public int Arity => 1;

    public OpKind Kind => OpKind.Reduction;

    public StepKind Step => StepKind.Reduction;

    /// <summary>How the reduction kernel folds, as C#.</summary>
    public ReductionFacet Fold { get; }

    /// <summary>The result's dtype for an operand of <paramref name="operand"/>; the operand is converted to it first.</summary>
    public abstract DType ResultType(DType operand);

    public int Build(GraphBuilder b, int x, int[] axes, bool keepdims)
    {
        if (axes.Length == 0) return x;
        var dtype = ResultType(b[x].DType);
        x = b.Convert(x, dtype);
        var parameters = new ReduceParams(axes.ToEquatableArray(), keepdims);
        return b.Add(new Node(Op, dtype, Shape(b[x].Shape, parameters), new[] { x }.ToEquatableArray(), parameters, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands[0].Shape, node.Parameters<ReduceParams>());

    private static EquatableArray<int> Shape(EquatableArray<int> operand, ReduceParams p)
    {
        var shape = new List<int>();
        for (int d = 0; d < operand.Count; d++)
        {
            if (!p.Reduces(d)) shape.Add(operand[d]);
            else if (p.KeepDims) shape.Add(1);
        }
        return shape.ToEquatableArray();
    }

    public bool OwnIdentity => false;

    /// <summary>Each kept axis is the operand's.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
        var p = node.Parameters<ReduceParams>();
        int rank = sizes.Graph[node.Inputs[0]].Rank;
        for (int d = 0, j = 0; d < rank; d++)
        {
            bool reduced = p.Reduces(d);
            if (!reduced) sizes.Same(sizes.Output(j), sizes.Operand(0, d));
            if (!reduced || p.KeepDims) j++;
        }
    }

    public abstract int[] Pullback(GraphBuilder b, int id, int g);

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    /// <summary>A reduction kernel computes its operand on the fly.</summary>
    public bool ReadsBuffers => false;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    /// <summary><c>{axis=(1,)}</c>, with <c>keepdims</c>.</summary>
    public string PrintedParameters(Node node)
    {
        var p = node.Parameters<ReduceParams>();
        var axes = string.Join(",", p.Axes.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        return "{axis=(" + axes + (p.Axes.Count == 1 ? ",)" : ")") + (p.KeepDims ? ", keepdims}" : "}");
    }

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>A reduction's result with its reduced axes put back as size 1, ready to broadcast.</summary>
    protected static int Unreduce(GraphBuilder b, int value, Node reduction)
    {
        var p = reduction.Parameters<ReduceParams>();
        if (p.KeepDims) return value;
        int rank = b[reduction.Inputs[0]].Rank;
        var pattern = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) pattern[d] = p.Reduces(d) ? -1 : k++;
        return b.DimShuffle(value, pattern);
    }
}

/// <summary>PyTensor's <c>Sum</c>: sums of integers and bools are int64, as NumPy's.</summary>
internal sealed class SumOp() : ReductionOp(OpCode.Sum, "sum", ReductionFacet.Sum)
{
    public static readonly SumOp Instance = new();

    public override DType ResultType(DType operand) => operand.IsFloat() ? operand : DType.Int64;

    /// <summary>Every element receives the adjoint of the sum it went into.</summary>
    public override int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        return [b.Ew(OpCode.Second, n.Inputs[0], Unreduce(b, g, n))];
    }
}

/// <summary>
/// PyTensor's <c>Max</c> and <c>Min</c>: they keep the dtype; the adjoint goes to every element equal to the
/// result (ties share it, as PyTensor's grad of max does).
/// </summary>
/// <remarks>NumPy's max and min of no elements raise rather than give the fold's start: the emitted code checks.</remarks>
internal sealed class ExtremumOp(OpCode op, string name, ReductionFacet fold, bool isMaximum) : ReductionOp(op, name, fold), INoIdentity
{
    public static readonly ExtremumOp Max = new(OpCode.Max, "max", ReductionFacet.Max, isMaximum: true);

    public static readonly ExtremumOp Min = new(OpCode.Min, "min", ReductionFacet.Min, isMaximum: false);

    public bool IsMaximum { get; } = isMaximum;

    public string EmptyError => $"zero-size array to reduction operation {(IsMaximum ? "maximum" : "minimum")} which has no identity";

    public string Verb => IsMaximum ? "max" : "min";

    public IReadOnlyList<int> NonEmptyAxes(Node node) => node.Parameters<ReduceParams>().Axes;

    public override DType ResultType(DType operand) => operand;

    public override int[] Pullback(GraphBuilder b, int id, int g)
    {
        var n = b[id];
        int x = n.Inputs[0];
        int spread = b.Ew(OpCode.Second, x, Unreduce(b, g, n));
        int mask = b.Convert(b.Ew(OpCode.Eq, x, Unreduce(b, id, n)), n.DType);
        return [b.Ew(OpCode.Mul, spread, mask)];
    }
}
