extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Ops;

namespace Tensorgen.Tests.Infrastructure;

using OpCode = generator::Tensorgen.OpCode;

internal static partial class ReferenceEvaluator
{
    /// <summary>
    /// Basic indexing as NumPy does it, element by element: a Subtensor reads the region (a position wraps once when
    /// negative and must then be in range, IndexError otherwise), an IncSubtensor copies x and sets or adds y, broadcast.
    /// </summary>
    private static Array Indexing(Node node, Array[] operands)
    {
        bool write = node.Op == OpCode.IncSubtensor;
        var x = operands[0];
        var steps = node.Parameters<SubtensorParams>().Steps.ToArray();
        int o = write ? 2 : 1;
        var first = new List<int>();
        var step = new List<int>();
        var count = new List<int>();
        var kept = new List<bool>();
        for (int k = 0; k < x.Shape.Length; k++)
        {
            if (k >= steps.Length)
            {
                first.Add(0); step.Add(1); count.Add(x.Shape[k]); kept.Add(true);
            }
            else if (steps[k] == 0)
            {
                long p = (long)operands[o++].Data[0];
                if (p < 0) p += x.Shape[k];
                if (p < 0 || p >= x.Shape[k]) throw new IndexOutOfRangeException($"index {p} is out of bounds for axis {k} with size {x.Shape[k]}");
                first.Add((int)p); step.Add(1); count.Add(1); kept.Add(false);
            }
            else
            {
                first.Add((int)operands[o].Data[0]); step.Add(steps[k]); count.Add((int)operands[o + 1].Data[0]); kept.Add(true);
                o += 2;
            }
        }
        var strides = new int[x.Shape.Length];
        for (int d = x.Shape.Length - 1, s = 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= x.Shape[d];
        }
        int size = count.Aggregate(1, (a, b) => a * b);
        var offsets = new int[size];
        var index = new int[count.Count];
        for (int flat = 0; flat < size; flat++)
        {
            int rest = flat;
            for (int d = count.Count - 1; d >= 0; d--)
            {
                index[d] = rest % count[d];
                rest /= count[d];
            }
            offsets[flat] = Enumerable.Range(0, count.Count).Sum(d => (first[d] + index[d] * step[d]) * strides[d]);
        }
        var regionShape = Enumerable.Range(0, count.Count).Where(d => kept[d]).Select(d => count[d]).ToArray();
        if (!write) return new Array(offsets.Select(f => x.Data[f]).ToArray(), regionShape);

        // y, broadcast to the region (NumPy's rule), in the region's row-major order.
        bool set = ((IncSubtensorParams)node.Params!).Set;
        var spread = Elementwise([new Array(new double[size], regionShape), operands[1]], a => a[1]);
        var data = (double[])x.Data.Clone();
        for (int i = 0; i < size; i++) data[offsets[i]] = set ? spread.Data[i] : data[offsets[i]] + spread.Data[i];
        return Round(new Array(data, x.Shape), node.DType);
    }
}
