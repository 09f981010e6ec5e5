extern alias generator;
using System;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Ops;

namespace Tensorgen.Tests.Infrastructure;

using OpCode = generator::Tensorgen.OpCode;

// NumPy's advanced indexing, written from its definitions: an index into axes [axis, axis + count) of x is a position
// in those axes read as one (np.ravel_multi_index), negative counting from the end (IndexError outside);
// x[index] is np.take over them; the scatter is np.add.at (or a plain assignment, in order, for a set).
internal static partial class ReferenceEvaluator
{
    private static Array AdvancedIndexing(Node node, Array[] operands)
    {
        switch (node.Op)
        {
            case OpCode.CheckIndex:
            {
                var p = node.Parameters<CheckIndexParams>();
                long size = operands[1].Shape.Skip(p.Axis).Take(p.Count).Aggregate(1L, (a, b) => a * b);
                var data = operands[0].Data.Select(v =>
                    v < -size || v >= size ? throw new IndexOutOfRangeException($"index {v} is out of bounds for size {size}") : v < 0 ? v + size : v).ToArray();
                return new Array(data, operands[0].Shape);
            }
            case OpCode.Nonzero:
            {
                var positions = Enumerable.Range(0, operands[0].Size).Where(i => operands[0].Data[i] != 0).Select(i => (double)i).ToArray();
                return new Array(positions, [positions.Length]);
            }
            case OpCode.AdvancedSubtensor:
            {
                var p = node.Parameters<AdvancedIndexParams>();
                var (x, index) = (operands[0], operands[1]);
                var (outer, merged, inner) = Blocks(x.Shape, p.Axis, p.Count);
                var shape = x.Shape.Take(p.Axis).Concat(index.Shape).Concat(x.Shape.Skip(p.Axis + p.Count)).ToArray();
                var data = new double[outer * index.Size * inner];
                for (int o = 0; o < outer; o++)
                    for (int j = 0; j < index.Size; j++)
                        for (int i = 0; i < inner; i++)
                            data[(o * index.Size + j) * inner + i] = x.Data[(o * merged + (int)index.Data[j]) * inner + i];
                return new Array(data, shape);
            }
            default:
            {
                var p = node.Parameters<AdvancedWriteParams>();
                var (x, y, index) = (operands[0], operands[1], operands[2]);
                var (outer, merged, inner) = Blocks(x.Shape, p.Axis, p.Count);
                var shape = x.Shape.Take(p.Axis).Concat(index.Shape).Concat(x.Shape.Skip(p.Axis + p.Count)).ToArray();
                // y broadcast to the gathered shape: NumPy's rule, shapes aligned on the right.
                var offsets = BroadcastOffsets(shape, [y])[0];
                var data = (double[])x.Data.Clone();
                for (int o = 0, at = 0; o < outer; o++)
                    for (int j = 0; j < index.Size; j++)
                        for (int i = 0; i < inner; i++, at++)
                        {
                            int target = (o * merged + (int)index.Data[j]) * inner + i;
                            data[target] = p.Set ? y.Data[offsets[at]] : data[target] + y.Data[offsets[at]];
                        }
                return Round(new Array(data, x.Shape), node.DType);
            }
        }
    }

    private static (int Outer, int Merged, int Inner) Blocks(int[] shape, int axis, int count) =>
        (shape.Take(axis).Aggregate(1, (a, b) => a * b), shape.Skip(axis).Take(count).Aggregate(1, (a, b) => a * b), shape.Skip(axis + count).Aggregate(1, (a, b) => a * b));
}
