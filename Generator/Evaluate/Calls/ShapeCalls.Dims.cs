using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

// Dimshuffle, ExpandDims, Squeeze and Transpose: PyTensor's DimShuffle patterns (views where they keep the order).
internal static partial class ShapeCalls
{
    /// <summary><c>x.Dimshuffle(0, "x")</c>: PyTensor's pattern of input dimensions and "x" for a new broadcastable one.</summary>
    private static Value Dimshuffle(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || call.List("pattern") is not { } list) return ErrorValue.Instance;
        var pattern = new int[list.Items.Length];
        for (int j = 0; j < pattern.Length; j++)
        {
            switch (list.Items[j])
            {
                case ConstValue { Constant: int d }:
                    pattern[j] = d;
                    break;
                case ConstValue { Constant: "x" }:
                    pattern[j] = -1;
                    break;
                case ErrorValue:
                    return ErrorValue.Instance;
                default:
                    return call.BadAxis($"the pattern of Dimshuffle takes ints and \"x\", not '{call.TextOf("pattern")}'", "pattern");
            }
        }
        return Shuffled(call, x, pattern, "pattern", "Dimshuffle");
    }

    /// <summary>A pattern checked as PyTensor's DimShuffle checks it: each dimension once, in range; one left out must have static size 1.</summary>
    private static Value Shuffled(ApiCall call, int x, int[] pattern, string parameter, string function)
    {
        var n = call.Graph[x];
        string text = "(" + string.Join(", ", pattern.Select(p => p < 0 ? "x" : p.ToString(CultureInfo.InvariantCulture))) + ")";
        foreach (var d in pattern.Where(d => d >= 0))
            if (d >= n.Rank || pattern.Count(p => p == d) > 1)
                return call.BadAxis($"{function} of {call.Describe(x)} by {text}: dimension {d.ToString(CultureInfo.InvariantCulture)} is out of range or repeated", parameter);
        foreach (var k in Enumerable.Range(0, n.Rank).Where(k => !pattern.Contains(k)))
            if (n.Shape[k] != 1)
                return call.BadAxis($"{function} of {call.Describe(x)} by {text} drops dimension {k.ToString(CultureInfo.InvariantCulture)}, which does not have static size 1", parameter);
        return call.Result(call.Graph.DimShuffle(x, pattern));
    }

    /// <summary><c>ExpandDims(x, axis)</c>: new broadcastable dimensions at the axes of the result (NumPy's <c>expand_dims</c>).</summary>
    private static Value ExpandDims(ApiCall call)
    {
        int x = call.Tensor("x");
        var axes = call.Ints("axis");
        if (x < 0 || axes is null) return ErrorValue.Instance;
        int rank = call.Graph[x].Rank + axes.Length;
        var normalized = axes.Select(a => a < 0 ? a + rank : a).ToArray();
        if (normalized.Any(a => a < 0 || a >= rank) || normalized.Distinct().Count() != normalized.Length)
            return call.BadAxis($"ExpandDims of {call.Describe(x)} at axis ({string.Join(", ", axes)}): an axis is out of range for a result of rank {rank.ToString(CultureInfo.InvariantCulture)} or repeated", "axis");
        var pattern = new int[rank];
        int next = 0;
        for (int j = 0; j < rank; j++) pattern[j] = normalized.Contains(j) ? -1 : next++;
        return call.Result(call.Graph.DimShuffle(x, pattern));
    }

    /// <summary><c>Squeeze(x, axis)</c>: the dimensions of static size 1 dropped (those of <c>axis</c>, which must be, or all).</summary>
    private static Value Squeeze(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var n = call.Graph[x];
        int[] dropped;
        if (!call.Has("axis")) dropped = Enumerable.Range(0, n.Rank).Where(k => n.Shape[k] == 1).ToArray();
        else
        {
            if (call.Ints("axis") is not { } axes) return ErrorValue.Instance;
            dropped = axes.Select(a => a < 0 ? a + n.Rank : a).ToArray();
            foreach (var a in dropped)
                if (a < 0 || a >= n.Rank || n.Shape[a] != 1)
                    return call.BadAxis($"Squeeze of {call.Describe(x)} at axis ({string.Join(", ", axes)}): only a dimension of static size 1 can be dropped", "axis");
        }
        return call.Result(call.Graph.DimShuffle(x, Enumerable.Range(0, n.Rank).Where(k => !dropped.Contains(k)).ToArray()));
    }

    /// <summary><c>Transpose(x, axes)</c> / <c>x.Transpose(axes)</c>: result dimension j is <c>axes[j]</c>; no axes reverses them.</summary>
    private static Value TransposeAxes(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        int rank = call.Graph[x].Rank;
        int[] axes;
        if (call.Raw("axes") is null or ConstValue { Constant: null } or ListValue { Items.Length: 0 }) axes = Enumerable.Range(0, rank).Reverse().ToArray();
        else if (call.Ints("axes") is { } given) axes = given.Select(a => a < 0 ? a + rank : a).ToArray();
        else return ErrorValue.Instance;
        if (axes.Length != rank || axes.Any(a => a < 0 || a >= rank) || axes.Distinct().Count() != rank)
            return call.BadAxis($"Transpose of {call.Describe(x)} by ({string.Join(", ", axes)}): the axes must be a permutation of the {rank.ToString(CultureInfo.InvariantCulture)} dimensions", "axes");
        return call.Result(call.Graph.DimShuffle(x, axes));
    }
}
