extern alias generator;
using System;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Ops;

namespace Tensorgen.Tests.Infrastructure;

using OpCode = generator::Tensorgen.OpCode;

/// <summary>The reference evaluator's shape ops and constructors, from NumPy's definitions.</summary>
internal static class ShapeReference
{
    public static bool Handles(OpCode op) => op is OpCode.Arange or OpCode.Reshape or OpCode.ReshapeSize or OpCode.SpecifyShape or OpCode.Alloc or OpCode.MakeVector
        or OpCode.Diagonal or OpCode.DiagonalGrad;

    public static Array Evaluate(Node node, Array[] operands) => node.Op switch
    {
        // np.arange(start, stop, step), its length computed by the graph.
        OpCode.Arange => new Array(Enumerable.Range(0, (int)operands[3].Data[0]).Select(i => operands[0].Data[0] + i * operands[2].Data[0]).ToArray(), [(int)operands[3].Data[0]]),
        // np.reshape: the same row-major elements.
        OpCode.Reshape => Reshape(operands[0], operands.Skip(1).Select(s => (int)s.Data[0]).ToArray()),
        OpCode.ReshapeSize => ReshapeSize(node, operands),
        OpCode.SpecifyShape => SpecifyShape(node, operands[0]),
        // np.full(sizes, value)
        OpCode.Alloc => new Array(Enumerable.Repeat(operands[0].Data[0], operands.Skip(1).Aggregate(1, (p, s) => p * (int)s.Data[0])).ToArray(),
            operands.Skip(1).Select(s => (int)s.Data[0]).ToArray()),
        OpCode.MakeVector => new Array(operands.Select(o => o.Data[0]).ToArray(), [operands.Length]),
        OpCode.Diagonal => Diagonal(node, operands[0]),
        OpCode.DiagonalGrad => DiagonalGrad(node, operands),
        // np.full(sizes, value)
        _ => throw new InvalidOperationException($"no reference for {node.Op}"),
    };

    private static Array Reshape(Array x, int[] shape)
    {
        if (shape.Aggregate(1L, (p, d) => p * d) != x.Size) throw new InvalidOperationException($"cannot reshape {x.Size} elements into ({string.Join(", ", shape)})");
        return new Array(x.Data, shape);
    }

    /// <summary>NumPy's -1: the element count over the product of the other sizes.</summary>
    private static Array ReshapeSize(Node node, Array[] operands)
    {
        var p = node.Parameters<ReshapeSizeParams>();
        long total = operands.Take(p.Rank).Aggregate(1L, (a, o) => a * (long)o.Data[0]);
        var sizes = operands.Skip(p.Rank).Select(o => (long)o.Data[0]).ToArray();
        long others = sizes.Where((_, j) => j != p.Which).Aggregate(1L, (a, s) => a * s);
        long size = sizes[p.Which] == -1 ? (others != 0 && total % others == 0 ? total / others : -1) : sizes[p.Which];
        if (size < 0 || size * others != total) throw new InvalidOperationException("cannot reshape");
        return Array.Scalar(size);
    }

    private static Array SpecifyShape(Node node, Array x)
    {
        for (int k = 0; k < x.Shape.Length; k++)
            if (node.Shape[k] >= 0 && node.Shape[k] != x.Shape[k]) throw new InvalidOperationException("shape does not match its specification");
        return x;
    }

    /// <summary>np.diagonal(x, offset, axis1, axis2): the other axes in order, then the diagonal.</summary>
    private static Array Diagonal(Node node, Array x)
    {
        var p = node.Parameters<DiagonalParams>();
        var shape = x.Shape;
        int length = DiagonalLength(shape[p.Axis1], shape[p.Axis2], p.Offset);
        var others = Enumerable.Range(0, shape.Length).Where(k => k != p.Axis1 && k != p.Axis2).ToArray();
        var outShape = others.Select(k => shape[k]).Append(length).ToArray();
        var result = new double[outShape.Aggregate(1, (a, b) => a * b)];
        var index = new int[shape.Length];
        for (int flat = 0; flat < result.Length; flat++)
        {
            int rest = flat;
            int i = rest % length;
            rest /= length;
            for (int j = others.Length - 1; j >= 0; j--)
            {
                index[others[j]] = rest % shape[others[j]];
                rest /= shape[others[j]];
            }
            index[p.Axis1] = i + Math.Max(-p.Offset, 0);
            index[p.Axis2] = i + Math.Max(p.Offset, 0);
            result[flat] = x.Data[Flat(index, shape)];
        }
        return new Array(result, outShape);
    }

    /// <summary>Zeros of operand 0's shape with the diagonal set from operand 1.</summary>
    private static Array DiagonalGrad(Node node, Array[] operands)
    {
        var p = node.Parameters<DiagonalParams>();
        var shape = operands[0].Shape;
        var result = new double[operands[0].Size];
        var positions = new Array(Enumerable.Range(0, result.Length).Select(i => (double)i).ToArray(), shape);
        var diagonal = Diagonal(node, positions);
        for (int i = 0; i < diagonal.Size; i++) result[(int)diagonal.Data[i]] = operands[1].Data[i];
        return new Array(result, shape);
    }

    public static int DiagonalLength(int rows, int columns, int offset) =>
        Math.Max(0, offset >= 0 ? Math.Min(rows, columns - offset) : Math.Min(rows + offset, columns));

    private static int Flat(int[] index, int[] shape)
    {
        int flat = 0;
        for (int k = 0; k < shape.Length; k++) flat = flat * shape[k] + index[k];
        return flat;
    }
}
