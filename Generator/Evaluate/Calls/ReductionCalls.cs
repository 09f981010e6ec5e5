using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Reductions beyond sum, mean, max and min: Prod, All, Any, Argmax, Argmin, Var, Std, and the cumulative CumSum and
/// CumProd. An axis is an int (negative counts from the end), several ints, or null for every axis; an axis that does
/// not fit the tensor is TG0207 at the argument.
/// </summary>
internal static class ReductionCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Prod, call => Fold(call, ProdOp.Instance)),
        new(ApiFunction.All, call => Fold(call, LogicalReductionOp.All)),
        new(ApiFunction.Any, call => Fold(call, LogicalReductionOp.Any)),
        new(ApiFunction.Argmax, call => Position(call, ArgExtremumOp.Argmax)),
        new(ApiFunction.Argmin, call => Position(call, ArgExtremumOp.Argmin)),
        new(ApiFunction.Var, call => Variance(call, root: false)),
        new(ApiFunction.Std, call => Variance(call, root: true)),
        new(ApiFunction.CumSum, call => Cumulative(call, CumOp.Sum)),
        new(ApiFunction.CumProd, call => Cumulative(call, CumOp.Product)),
    ];

    /// <summary>Prod, All, Any: a fold over the axes; over no axes (a 0-d tensor), the operand in the fold's dtype.</summary>
    private static Value Fold(ApiCall call, ReductionOp fold)
    {
        int x = call.Tensor("x");
        if (x < 0 || Axes(call, x) is not { } axes) return ErrorValue.Instance;
        var b = call.Graph;
        if (axes.Length == 0) return call.Result(b.Convert(x, fold.ResultType(b[x].DType)));
        return call.Result(fold.Build(b, x, axes, call.Bool("keepdims")));
    }

    /// <summary>Argmax, Argmin: int64 positions over the axes (over every axis, the position in the flattened tensor).</summary>
    private static Value Position(ApiCall call, ArgExtremumOp op)
    {
        int x = call.Tensor("x");
        if (x < 0 || Axes(call, x) is not { } axes) return ErrorValue.Instance;
        return call.Result(op.Build(call.Graph, x, axes, call.Bool("keepdims")));
    }

    /// <summary>
    /// PyTensor's <c>var</c> (two passes): m = mean(x, keepdims), c = x - m; with ddof 0 the mean of c², else the sum of
    /// c² divided by (n - ddof) once per reduced axis, as PyTensor divides (so float32 becomes float64 there, as in
    /// PyTensor). <c>corrected</c> subtracts the mean (sum) of c, squared, likewise divided. Std is its square root.
    /// </summary>
    private static Value Variance(ApiCall call, bool root)
    {
        int x = call.Tensor("x");
        if (x < 0 || Axes(call, x) is not { } axes || call.Int("ddof", 0) is not { } ddof) return ErrorValue.Instance;
        var b = call.Graph;
        bool keepdims = call.Bool("keepdims");
        int mean = b.Reduce(OpCode.Mean, x, axes, keepdims: true);
        int centered = b.Ew(OpCode.Sub, x, mean);
        int squares = b.Ew(OpCode.Mul, centered, centered);
        int v = ddof == 0 ? b.Reduce(OpCode.Mean, squares, axes, keepdims) : PerAxis(b, b.Reduce(OpCode.Sum, squares, axes, keepdims), x, axes, ddof, times: false);
        if (call.Bool("corrected"))
        {
            int error = ddof == 0 ? b.Reduce(OpCode.Mean, centered, axes, keepdims) : b.Reduce(OpCode.Sum, centered, axes, keepdims);
            error = b.Ew(OpCode.Mul, error, error);
            if (ddof != 0) error = PerAxis(b, error, x, axes, ddof, times: true);
            v = b.Ew(OpCode.Sub, v, error);
        }
        return call.Result(root ? b.Ew(OpCode.Sqrt, v) : v);
    }

    /// <summary><paramref name="value"/> divided by (n - ddof) for each axis, and with <paramref name="times"/> by n too.</summary>
    private static int PerAxis(GraphBuilder b, int value, int x, int[] axes, int ddof, bool times)
    {
        foreach (int a in axes)
        {
            int n = b.DimSize(x, a);
            int divisor = b.Ew(OpCode.Sub, n, b.Constant(ScalarValue.Integer(ddof), DType.Int64));
            if (times) divisor = b.Ew(OpCode.Mul, divisor, n);
            value = b.Ew(OpCode.TrueDiv, value, divisor);
        }
        return value;
    }

    /// <summary>CumSum, CumProd along an axis; with none (PyTensor's default), along the flattened tensor. Bools count in int64.</summary>
    private static Value Cumulative(ApiCall call, CumOp op)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var b = call.Graph;
        if (b[x].DType == DType.Bool) x = b.Convert(x, DType.Int64);
        if (!call.Has("axis")) return call.Result(op.Build(b, ShapeCalls.Flat(b, x, 1), 0));
        if (call.Int("axis") is not { } axis) return ErrorValue.Instance;
        int rank = b[x].Rank;
        if (axis < -rank || axis >= rank)
            return call.BadAxis($"{call.Name} of {call.Describe(x)} along axis {axis.ToString(CultureInfo.InvariantCulture)}: the axis must be from {(-rank).ToString(CultureInfo.InvariantCulture)} to {(rank - 1).ToString(CultureInfo.InvariantCulture)}", "axis");
        return call.Result(op.Build(b, x, axis < 0 ? axis + rank : axis));
    }

    /// <summary>The axes of the call (sorted, non-negative), every axis when left out or null; null (reported) when one does not fit.</summary>
    private static int[]? Axes(ApiCall call, int x)
    {
        int rank = call.Graph[x].Rank;
        if (!call.Has("axis")) return Enumerable.Range(0, rank).ToArray();
        if (call.Ints("axis") is not { } given) return null;
        var axes = new List<int>();
        foreach (int a in given)
        {
            int axis = a < 0 ? a + rank : a;
            if (axis < 0 || axis >= rank)
            {
                call.BadAxis($"{call.Name} of {call.Describe(x)} over axis {a.ToString(CultureInfo.InvariantCulture)}: the axis must be from {(-rank).ToString(CultureInfo.InvariantCulture)} to {(rank - 1).ToString(CultureInfo.InvariantCulture)}", "axis");
                return null;
            }
            if (axes.Contains(axis))
            {
                call.BadAxis($"{call.Name} of {call.Describe(x)}: axis {axis.ToString(CultureInfo.InvariantCulture)} is given twice", "axis");
                return null;
            }
            axes.Add(axis);
        }
        axes.Sort();
        return axes.ToArray();
    }
}
