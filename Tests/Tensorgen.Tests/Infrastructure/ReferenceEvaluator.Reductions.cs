extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Ops;

namespace Tensorgen.Tests.Infrastructure;

using OpCode = generator::Tensorgen.OpCode;

// Prod, All, Any, Argmax, Argmin, CumSum, CumProd by NumPy's definitions (issue 13): each output element from the
// list of the elements that go into it, in row-major order, written without the generator's kernels in mind.
internal static partial class ReferenceEvaluator
{
    private static Array MoreReductions(Node node, Array x, bool strict) => node.Op switch
    {
        OpCode.CumSum or OpCode.CumProd => Cumulative(x, node.Parameters<CumParams>(), node.Op == OpCode.CumProd),
        _ => Groups(node, x, strict),
    };

    /// <summary>Each output element from its group: the elements whose kept indices name it, in row-major order.</summary>
    private static Array Groups(Node node, Array x, bool strict)
    {
        var p = node.Parameters<ReduceParams>();
        var axes = p.Axes.ToArray();
        bool positions = node.Op is OpCode.Argmax or OpCode.Argmin;
        if (positions && strict && axes.Any(a => x.Shape[a] == 0))
            throw new EmptyReductionException($"attempt to get {(node.Op == OpCode.Argmax ? "argmax" : "argmin")} of an empty sequence");
        var shape = new List<int>();
        for (int d = 0; d < x.Shape.Length; d++)
            if (!axes.Contains(d)) shape.Add(x.Shape[d]);
            else if (p.KeepDims) shape.Add(1);
        int size = shape.Aggregate(1, (a, b) => a * b);
        var groups = Enumerable.Range(0, size).Select(_ => new List<double>()).ToArray();
        var into = ReducedOffsets(x.Shape, axes);
        // Row-major order of x keeps each group in row-major order of its reduced axes.
        for (int flat = 0; flat < x.Size; flat++) groups[into[flat]].Add(x.Data[flat]);
        var data = groups.Select(g => node.Op switch
        {
            OpCode.Prod => g.Aggregate(1.0, (a, v) => a * v),
            OpCode.All => g.All(v => v != 0) ? 1.0 : 0.0,
            OpCode.Any => g.Any(v => v != 0) ? 1.0 : 0.0,
            OpCode.Argmax => Position(g, (v, best) => v > best),
            _ => Position(g, (v, best) => v < best),
        }).ToArray();
        return new Array(data, shape.ToArray());
    }

    /// <summary>NumPy's argmax/argmin of a list: the first NaN if any, else the first element no other beats.</summary>
    private static double Position(List<double> g, Func<double, double, bool> beats)
    {
        if (g.Count == 0) return 0;
        int nan = g.FindIndex(double.IsNaN);
        if (nan >= 0) return nan;
        int best = 0;
        for (int i = 1; i < g.Count; i++)
            if (beats(g[i], g[best])) best = i;
        return best;
    }

    /// <summary>Running sums or products along the axis, from its start or from its end.</summary>
    private static Array Cumulative(Array x, CumParams p, bool product)
    {
        var data = new double[x.Size];
        int n = x.Shape[p.Axis];
        int inner = x.Shape.Skip(p.Axis + 1).Aggregate(1, (a, b) => a * b);
        for (int flat = 0; flat < x.Size; flat++)
        {
            int k = flat / inner % n;
            int first = flat - k * inner;
            double acc = product ? 1 : 0;
            int from = p.Reverse ? k : 0, to = p.Reverse ? n - 1 : k;
            for (int j = from; j <= to; j++) acc = product ? acc * x.Data[first + j * inner] : acc + x.Data[first + j * inner];
            data[flat] = acc;
        }
        return new Array(data, x.Shape);
    }
}
