using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Joins and splits: Concatenate, Stack, Split.</summary>
internal static class JoinCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Concatenate, Concatenate),
        new(ApiFunction.Stack, Stack),
        new(ApiFunction.Split, Split),
    ];

    /// <summary><c>Concatenate([a, b, ...], axis = 0)</c>: PyTensor's <c>join</c>.</summary>
    private static Value Concatenate(ApiCall call)
    {
        if (Operands(call, "Concatenate") is not { } xs) return ErrorValue.Instance;
        int rank = call.Graph[xs[0]].Rank;
        if (rank == 0) return call.BadAxis($"Concatenate cannot join 0-d tensors ({call.Describe(xs[0])}): use Stack", "tensors");
        if (Axis(call, rank, "Concatenate") is not { } axis) return ErrorValue.Instance;
        int result = JoinOp.Instance.Build(call.Graph, xs, axis, out var error);
        return error is null ? call.Result(result) : call.SizeMismatch($"Concatenate: {error}", "tensors");
    }

    /// <summary><c>Stack([a, b, ...], axis = 0)</c>: each given a new axis at <c>axis</c>, then joined along it.</summary>
    private static Value Stack(ApiCall call)
    {
        if (Operands(call, "Stack") is not { } xs) return ErrorValue.Instance;
        int rank = call.Graph[xs[0]].Rank;
        if (Axis(call, rank + 1, "Stack") is not { } axis) return ErrorValue.Instance;
        var expanded = new int[xs.Length];
        for (int k = 0; k < xs.Length; k++)
        {
            var x = call.Graph[xs[k]];
            if (x.Rank != rank || Enumerable.Range(0, rank).Any(d => x.Shape[d] >= 0 && call.Graph[xs[0]].Shape[d] >= 0 && x.Shape[d] != call.Graph[xs[0]].Shape[d]))
                return call.SizeMismatch($"Stack: {call.Describe(xs[0])} and {call.Describe(xs[k])} must have one shape", "tensors");
            var pattern = Enumerable.Range(0, rank).ToList();
            pattern.Insert(axis, -1);
            expanded[k] = call.Graph.DimShuffle(xs[k], pattern.ToArray());
        }
        int result = JoinOp.Instance.Build(call.Graph, expanded, axis, out var error);
        return error is null ? call.Result(result) : call.SizeMismatch($"Stack: {error}", "tensors");
    }

    /// <summary>
    /// <c>Split(x, sizes, axis = 0)</c>: one piece per size, each starting where the one before ended. Constant sizes are
    /// checked against a static axis here; otherwise each piece checks at run time that the sizes add up to it.
    /// </summary>
    private static Value Split(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || call.Sizes("sizes") is not { } sizes) return ErrorValue.Instance;
        var b = call.Graph;
        int rank = b[x].Rank;
        if (rank == 0) return call.BadAxis($"Split cannot cut a 0-d tensor ({call.Describe(x)})", "x");
        if (Axis(call, rank, "Split") is not { } axis) return ErrorValue.Instance;
        if (sizes.Length == 0) return call.SizeMismatch("Split needs at least one size", "sizes");
        if (sizes.Any(s => b[s].IsConstant && b[s].Value.Long < 0))
            return call.SizeMismatch($"Split of {call.Describe(x)}: a size is negative", "sizes");
        if (sizes.All(s => b[s].IsConstant) && b[x].Shape[axis] >= 0 && sizes.Sum(s => b[s].Value.Long) != b[x].Shape[axis])
            return call.SizeMismatch(
                $"Split of {call.Describe(x)} along axis {axis}: the sizes [{string.Join(", ", sizes.Select(s => b[s].Value.Long.ToString(CultureInfo.InvariantCulture)))}] " +
                $"add up to {sizes.Sum(s => b[s].Value.Long).ToString(CultureInfo.InvariantCulture)}, not {b[x].Shape[axis].ToString(CultureInfo.InvariantCulture)}", "sizes");
        var pieces = new int[sizes.Length];
        int total = JoinOp.Sum(b, sizes);
        for (int k = 0; k < sizes.Length; k++)
            pieces[k] = AxisSliceOp.Instance.Build(b, x, JoinOp.Sum(b, sizes.Take(k).ToArray()), sizes[k], total, axis);
        return call.Results(pieces);
    }

    /// <summary>The tensors of the list, or null (reported) when there are none or one is not a tensor.</summary>
    private static int[]? Operands(ApiCall call, string name)
    {
        if (call.Tensors("tensors") is not { } xs) return null;
        if (xs.Length == 0)
        {
            call.SizeMismatch($"{name} needs at least one tensor", "tensors");
            return null;
        }
        return xs;
    }

    /// <summary>The <c>axis</c> argument in [-rank, rank), made non-negative; null (reported as TG0207) otherwise.</summary>
    private static int? Axis(ApiCall call, int rank, string name)
    {
        if (call.Int("axis", 0) is not { } axis) return null;
        if (axis < -rank || axis >= rank)
        {
            call.BadAxis($"axis {axis.ToString(CultureInfo.InvariantCulture)} of {name} is out of range for {rank.ToString(CultureInfo.InvariantCulture)} dimensions", "axis");
            return null;
        }
        return axis < 0 ? axis + rank : axis;
    }
}
