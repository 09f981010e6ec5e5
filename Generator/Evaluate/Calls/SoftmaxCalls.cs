using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// The softmax family: Softmax, LogSoftmax, LogSumExp (one <see cref="SoftmaxOp"/> each), ToOneHot and
/// CategoricalCrossEntropy (built from other ops; their stability over a softmax comes from the rewrites in
/// <see cref="Rewrite.SoftmaxRules"/>).
/// </summary>
internal static class SoftmaxCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Softmax, call => Normalize(call, SoftmaxOp.Softmax)),
        new(ApiFunction.LogSoftmax, call => Normalize(call, SoftmaxOp.LogSoftmax)),
        new(ApiFunction.LogSumExp, LogSumExp),
        new(ApiFunction.ToOneHot, ToOneHot),
        new(ApiFunction.CategoricalCrossEntropy, CategoricalCrossEntropy),
    ];

    /// <summary>
    /// <c>Softmax(x, axis)</c> / <c>LogSoftmax(x, axis)</c>: one axis, or every axis when none is given (PyTensor's
    /// default). A float tensor only: PyTensor would type an int softmax as int and truncate its values to 0 and 1.
    /// </summary>
    private static Value Normalize(ApiCall call, SoftmaxOp op)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var g = call.Graph;
        if (!g[x].DType.IsFloat())
            return call.Error(Model.Diagnostics.DTypeMismatch, $"{call.Name} of {call.Describe(x)} needs a float tensor (cast it first: PyTensor would give {g[x].DType.NumPy()} values of 0 and 1)", "x");
        int rank = g[x].Rank;
        if (!call.Has("axis")) return call.Result(op.Build(g, x, new SoftmaxParams(0, rank - 1, All: true, KeepDims: false)));
        if (call.Int("axis") is not { } axis) return ErrorValue.Instance;
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
            return call.BadAxis($"{call.Name} of {call.Describe(x)} along axis {axis.ToString(CultureInfo.InvariantCulture)}: the axis is out of range for a tensor of rank {rank.ToString(CultureInfo.InvariantCulture)}", "axis");
        return call.Result(op.Build(g, x, new SoftmaxParams(a, a, All: rank == 1, KeepDims: false)));
    }

    /// <summary>
    /// <c>LogSumExp(x, axis, keepdims)</c> (PyTensor's <c>logsumexp</c>): every axis by default, or the axes given.
    /// Axes that are not consecutive are moved to the end first (a transposed copy), so one kernel reduces them.
    /// Integers are converted to float64, as exp's result is.
    /// </summary>
    private static Value LogSumExp(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var g = call.Graph;
        if (g[x].DType == DType.Bool)
            return call.Error(Model.Diagnostics.DTypeMismatch, $"LogSumExp of {call.Describe(x)} needs a number tensor (cast it first)", "x");
        if (!g[x].DType.IsFloat()) x = g.Convert(x, DType.Float64);
        int rank = g[x].Rank;
        bool keepdims = call.Bool("keepdims");
        int[] axes;
        if (!call.Has("axis")) axes = Enumerable.Range(0, rank).ToArray();
        else
        {
            if (call.Ints("axis") is not { } given) return ErrorValue.Instance;
            axes = given.Select(a => a < 0 ? a + rank : a).ToArray();
            if (axes.Any(a => a < 0 || a >= rank) || axes.Distinct().Count() != axes.Length)
                return call.BadAxis($"LogSumExp of {call.Describe(x)} over axis ({string.Join(", ", given.Select(a => a.ToString(CultureInfo.InvariantCulture)))}): an axis is out of range for a tensor of rank {rank.ToString(CultureInfo.InvariantCulture)} or repeated", "axis");
            System.Array.Sort(axes);
        }
        // A 0-d tensor (or no axes): log(sum(exp(x))) over nothing is x itself.
        if (axes.Length == 0) return call.Result(x);
        bool all = axes.Length == rank;
        if (axes[axes.Length - 1] - axes[0] == axes.Length - 1)
            return call.Result(SoftmaxOp.LogSumExp.Build(g, x, new SoftmaxParams(axes[0], axes[axes.Length - 1], all, keepdims)));
        var kept = Enumerable.Range(0, rank).Where(d => !axes.Contains(d)).ToArray();
        int moved = g.DimShuffle(x, kept.Concat(axes).ToArray());
        int lse = SoftmaxOp.LogSumExp.Build(g, moved, new SoftmaxParams(kept.Length, rank - 1, All: false, KeepDims: false));
        if (!keepdims) return call.Result(lse);
        var pattern = new int[rank];
        for (int d = 0, k = 0; d < rank; d++) pattern[d] = axes.Contains(d) ? -1 : k++;
        return call.Result(g.DimShuffle(lse, pattern));
    }

    /// <summary>
    /// <c>ToOneHot(y, nbClass, dtype)</c> (PyTensor's <c>extra_ops.to_one_hot</c>): row i is 1 at column y[i]. The classes
    /// are checked as indices (negative from the end, out of range throws) into an arange of nbClass, then compared with it.
    /// </summary>
    private static Value ToOneHot(ApiCall call)
    {
        int y = call.Tensor("y");
        int n = call.Size("nbClass");
        if (y < 0 || n < 0) return ErrorValue.Instance;
        var g = call.Graph;
        if (g[y].Rank != 1 || !g[y].DType.IsInteger())
            return call.Error(Model.Diagnostics.DTypeMismatch, $"the classes of ToOneHot must be an int vector, not {call.Describe(y)}", "y");
        int classes = ArangeOp.Instance.Build(g, g.Constant(ScalarValue.Integer(0), DType.Int64), n, g.Constant(ScalarValue.Integer(1), DType.Int64), DType.Int64, out var error);
        if (error is not null) return call.SizeMismatch(error, "nbClass");
        int index = CheckIndexOp.Instance.Build(g, y, classes, 0);
        int equal = g.Ew(OpCode.Eq, g.DimShuffle(index, [0, -1]), g.DimShuffle(classes, [-1, 0]));
        return call.Result(g.Convert(equal, call.DType("dtype") ?? DType.Float64));
    }

    /// <summary>
    /// <c>CategoricalCrossEntropy(codingDist, trueDist)</c> as Theano's <c>nnet.categorical_crossentropy</c>:
    /// -sum(trueDist * log(codingDist), axis=-1) for a distribution of codingDist's rank; -log(codingDist[arange(n), y])
    /// for int classes y (Theano's <c>crossentropy_categorical_1hot</c>), the classes checked as indices.
    /// </summary>
    private static Value CategoricalCrossEntropy(ApiCall call)
    {
        int coding = call.Tensor("codingDist");
        int truth = call.Tensor("trueDist");
        if (coding < 0 || truth < 0) return ErrorValue.Instance;
        var g = call.Graph;
        var (c, t) = (g[coding], g[truth]);
        if (!c.DType.IsFloat() || c.Rank == 0)
            return call.Error(Model.Diagnostics.DTypeMismatch, $"the coding distribution of CategoricalCrossEntropy must be a float tensor of rank 1 or more, not {call.Describe(coding)}", "codingDist");
        if (t.Rank == c.Rank)
        {
            if (t.DType == DType.Bool) truth = g.Convert(truth, c.DType);
            for (int d = 0; d < c.Rank; d++)
                if (c.Shape[d] >= 0 && t.Shape[d] >= 0 && c.Shape[d] != t.Shape[d])
                    return call.SizeMismatch($"CategoricalCrossEntropy of {call.Describe(coding)} and {call.Describe(truth)}: the shapes do not match", "trueDist");
            int product = g.Ew(OpCode.Mul, truth, g.Ew(OpCode.Log, coding));
            return call.Result(g.Ew(OpCode.Neg, g.Reduce(OpCode.Sum, product, [c.Rank - 1], keepdims: false)));
        }
        if (t.Rank != 1 || c.Rank != 2 || !t.DType.IsInteger())
            return call.Error(Model.Diagnostics.DTypeMismatch, $"CategoricalCrossEntropy takes a distribution of the coding distribution's rank or an int vector of classes beside a matrix, not {call.Describe(truth)} beside {call.Describe(coding)}", "trueDist");
        if (c.Shape[0] >= 0 && t.Shape[0] >= 0 && c.Shape[0] != t.Shape[0])
            return call.SizeMismatch($"CategoricalCrossEntropy of {call.Describe(coding)} and {call.Describe(truth)}: one class is needed per row", "trueDist");
        // coding[arange(n), y]: rows by position (an arange of coding's rows, which the call checks against y's
        // length as element-wise operands), columns by the checked classes, one flat index into both axes.
        int rows = ArangeOp.Instance.Build(g, g.Constant(ScalarValue.Integer(0), DType.Int64), g.DimSize(coding, 0), g.Constant(ScalarValue.Integer(1), DType.Int64), DType.Int64, out _);
        int column = CheckIndexOp.Instance.Build(g, truth, coding, 1);
        int flat = g.Ew(OpCode.Add, g.Ew(OpCode.Mul, rows, g.DimSize(coding, 1)), column);
        int picked = AdvancedSubtensorOp.Instance.Build(g, coding, flat, 0, 2);
        return call.Result(g.Ew(OpCode.Neg, g.Ew(OpCode.Log, picked)));
    }
}
