extern alias generator;
using System;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Ops;

namespace Tensorgen.Tests.Infrastructure;

using OpCode = generator::Tensorgen.OpCode;

/// <summary>
/// The reference evaluator's softmax family, written from SciPy's definitions (what PyTensor's <c>perform</c> calls)
/// in float64, one row at a time, with no vectors: softmax = exp(x - max) / sum; log_softmax = (x - m) - log(sum(exp(x - m)))
/// with m the maximum where finite, else 0; log-sum-exp = max + log(sum(exp(x - max))), the maximum itself where ±inf.
/// </summary>
internal static class SoftmaxReference
{
    public static bool Handles(OpCode op) => op is OpCode.Softmax or OpCode.LogSoftmax or OpCode.LogSumExp;

    public static Array Evaluate(Node node, Array x)
    {
        var p = node.Parameters<SoftmaxParams>();
        int outer = 1, length = 1, inner = 1;
        for (int d = 0; d < x.Shape.Length; d++)
        {
            if (d < p.First) outer *= x.Shape[d];
            else if (p.Spans(d)) length *= x.Shape[d];
            else inner *= x.Shape[d];
        }
        if (length == 0 && outer * inner > 0) throw new InvalidOperationException("zero-size array to reduction operation maximum which has no identity");
        bool reduce = node.Op == OpCode.LogSumExp;
        var shape = reduce ? x.Shape.Select((s, d) => p.Spans(d) ? (p.KeepDims ? 1 : -1) : s).Where(s => s >= 0).ToArray() : x.Shape;
        var data = new double[reduce ? outer * inner : x.Size];
        var row = new double[length];
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < inner; j++)
            {
                for (int i = 0; i < length; i++) row[i] = x.Data[(o * length + i) * inner + j];
                double max = row.Length == 0 ? double.NegativeInfinity : row.Max();
                if (reduce)
                {
                    data[o * inner + j] = double.IsInfinity(max) ? (row.Any(double.IsNaN) ? double.NaN : max) : max + Math.Log(row.Sum(v => Math.Exp(v - max)));
                    continue;
                }
                if (node.Op == OpCode.Softmax)
                {
                    double total = row.Sum(v => Math.Exp(v - max));
                    for (int i = 0; i < length; i++) data[(o * length + i) * inner + j] = Math.Exp(row[i] - max) / total;
                    continue;
                }
                double shift = double.IsFinite(max) ? max : 0;
                double log = Math.Log(row.Sum(v => Math.Exp(v - shift)));
                for (int i = 0; i < length; i++) data[(o * length + i) * inner + j] = row[i] - shift - log;
            }
        return new Array(data, shape);
    }
}
