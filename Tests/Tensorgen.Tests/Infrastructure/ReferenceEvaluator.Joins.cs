extern alias generator;
using System;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Ops;

namespace Tensorgen.Tests.Infrastructure;

using OpCode = generator::Tensorgen.OpCode;

// Joins and products by their NumPy definitions: element by element over multi-indices.
internal static partial class ReferenceEvaluator
{
    private static Array Joins(Node node, Array[] operands) => node.Op switch
    {
        OpCode.Join => Join(operands.Take(operands.Length - 1).ToArray(), node.Parameters<AxisParams>().Axis),
        OpCode.AxisSlice => AxisSlice(operands[0], (long)operands[1].Data[0], (long)operands[2].Data[0], (long)operands[3].Data[0], node.Parameters<AxisSliceParams>().Axis),
        OpCode.AxisPad => AxisPad(operands[0], (long)operands[1].Data[0], (int)operands[2].Data[0], node.Parameters<AxisParams>().Axis),
        _ => BatchedMatmul(operands[0], operands[1], node.Parameters<BatchedMatmulParams>()),
    };

    /// <summary>np.concatenate: output element at index i along the axis comes from the operand whose range holds i.</summary>
    private static Array Join(Array[] xs, int axis)
    {
        var shape = (int[])xs[0].Shape.Clone();
        shape[axis] = xs.Sum(x => x.Shape[axis]);
        var data = new double[shape.Aggregate(1, (p, d) => p * d)];
        for (int flat = 0; flat < data.Length; flat++)
        {
            var index = Unravel(flat, shape);
            int k = 0, position = index[axis];
            while (position >= xs[k].Shape[axis]) position -= xs[k++].Shape[axis];
            index[axis] = position;
            data[flat] = xs[k].Data[Ravel(index, xs[k].Shape)];
        }
        return new Array(data, shape);
    }

    /// <summary>x[..., start:start + length, ...] along the axis; a split's sizes must add up to the axis (np.split raises otherwise).</summary>
    private static Array AxisSlice(Array x, long start, long length, long total, int axis)
    {
        if (start < 0 || length < 0 || start + length > x.Shape[axis] || total != x.Shape[axis])
            throw new InvalidOperationException("split sizes do not fit the axis");
        var shape = (int[])x.Shape.Clone();
        shape[axis] = (int)length;
        var data = new double[shape.Aggregate(1, (q, d) => q * d)];
        for (int flat = 0; flat < data.Length; flat++)
        {
            var index = Unravel(flat, shape);
            index[axis] += (int)start;
            data[flat] = x.Data[Ravel(index, x.Shape)];
        }
        return new Array(data, shape);
    }

    /// <summary>zeros with the block written at start along the axis.</summary>
    private static Array AxisPad(Array block, long start, int total, int axis)
    {
        var shape = (int[])block.Shape.Clone();
        shape[axis] = total;
        var data = new double[shape.Aggregate(1, (q, d) => q * d)];
        for (int flat = 0; flat < block.Data.Length; flat++)
        {
            var index = Unravel(flat, block.Shape);
            index[axis] += (int)start;
            data[Ravel(index, shape)] = block.Data[flat];
        }
        return new Array(data, shape);
    }

    /// <summary>np.matmul of operands of one rank: C[b..., i, j] = Σ_r A[b'..., i, r]·B[b''..., r, j], batch indices broadcast.</summary>
    private static Array BatchedMatmul(Array a, Array b, BatchedMatmulParams p)
    {
        int r = a.Shape.Length;
        int m = a.Shape[r - (p.TransposeA ? 1 : 2)], k = a.Shape[r - (p.TransposeA ? 2 : 1)], n = b.Shape[r - (p.TransposeB ? 2 : 1)];
        if (b.Shape[r - (p.TransposeB ? 1 : 2)] != k) throw new InvalidOperationException("inner sizes differ");
        var shape = new int[r];
        for (int i = 0; i < r - 2; i++)
        {
            if (a.Shape[i] != b.Shape[i] && a.Shape[i] != 1 && b.Shape[i] != 1) throw new InvalidOperationException("batch shapes do not broadcast");
            shape[i] = a.Shape[i] == 1 ? b.Shape[i] : a.Shape[i];
        }
        shape[r - 2] = m;
        shape[r - 1] = n;
        var data = new double[shape.Aggregate(1, (q, d) => q * d)];
        for (int flat = 0; flat < data.Length; flat++)
        {
            var index = Unravel(flat, shape);
            var ia = index.Select((v, i) => i < r - 2 && a.Shape[i] == 1 ? 0 : v).ToArray();
            var ib = index.Select((v, i) => i < r - 2 && b.Shape[i] == 1 ? 0 : v).ToArray();
            int row = index[r - 2], column = index[r - 1];
            double sum = 0;
            for (int q = 0; q < k; q++)
            {
                (ia[r - 2], ia[r - 1]) = p.TransposeA ? (q, row) : (row, q);
                (ib[r - 2], ib[r - 1]) = p.TransposeB ? (column, q) : (q, column);
                sum += a.Data[Ravel(ia, a.Shape)] * b.Data[Ravel(ib, b.Shape)];
            }
            data[flat] = sum;
        }
        return new Array(data, shape);
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    private static int Ravel(int[] index, int[] shape)
    {
        int flat = 0;
        for (int d = 0; d < shape.Length; d++) flat = flat * shape[d] + index[d];
        return flat;
    }
}
