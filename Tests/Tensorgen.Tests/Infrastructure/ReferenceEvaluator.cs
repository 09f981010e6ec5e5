extern alias generator;
using System;
using System.Collections.Generic;
using System.Linq;
using generator::Tensorgen.Generator.Graph;
using generator::Tensorgen.Generator.Model;

namespace Tensorgen.Tests.Infrastructure;

using DType = generator::Tensorgen.DType;
using OpCode = generator::Tensorgen.OpCode;

/// <summary>A dense array: values held as doubles, whatever the dtype, and a row-major shape.</summary>
internal sealed record Array(double[] Data, int[] Shape)
{
    public static Array Scalar(double value) => new(new[] { value }, System.Array.Empty<int>());

    public int Size => Data.Length;
}

/// <summary>
/// A plain interpreter of an evaluated (unoptimized) graph: NumPy broadcasting, one op at a time,
/// every intermediate materialized, written from NumPy's definitions rather than from the generator's
/// code. Generated kernels are checked against it (differential testing, as the Regex tests do).
/// </summary>
internal static partial class ReferenceEvaluator
{
    public static Array[] Run(FunctionSpec spec, IReadOnlyList<Array> inputs)
    {
        var values = RunAll(spec, inputs);
        return spec.Outputs.Select(o => values[o.Node]!).ToArray();
    }

    /// <summary>
    /// The value of every node the outputs and updates need, indexed by node id (null for the others: a
    /// value nothing needs is not computed, as in PyTensor, so its Max of an empty axis raises nothing).
    /// A value needed only for its shape (the first operand of a second, a size's operand) is not computed
    /// either in PyTensor, whose shape inference reads the shapes of its inputs: here it is computed (shapes
    /// come from values), but its Max or Min of an empty axis is no error (its values are never read).
    /// </summary>
    public static Array?[] RunAll(FunctionSpec spec, IReadOnlyList<Array> inputs)
    {
        var graph = spec.Graph;
        var values = new Array?[graph.Count];
        var needed = new bool[graph.Count];
        foreach (var o in spec.Outputs) needed[o.Node] = true;
        foreach (var u in spec.Updates) needed[u.Node] = true;
        var valueNeeded = new bool[graph.Count];
        foreach (var o in spec.Outputs) valueNeeded[o.Node] = true;
        foreach (var u in spec.Updates) valueNeeded[u.Node] = true;
        for (int id = graph.Count - 1; id >= 0; id--)
        {
            if (!needed[id]) continue;
            var operands = graph[id].Inputs;
            for (int k = 0; k < operands.Count; k++)
            {
                needed[operands[k]] = true;
                bool shapeOnly = (graph[id].Op == OpCode.Second && k == 0) || graph[id].Op == OpCode.DimSize;
                if (valueNeeded[id] && !shapeOnly) valueNeeded[operands[k]] = true;
            }
        }
        for (int i = 0; i < spec.Inputs.Count; i++) values[spec.Inputs[i].Node] = Round(inputs[i], graph[spec.Inputs[i].Node].DType);
        for (int id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (node.IsInput || !needed[id]) continue;
            if (node.IsConstant)
            {
                values[id] = Array.Scalar(node.Value.Double);
                continue;
            }
            var operands = node.Inputs.Select(i => values[i] ?? throw new InvalidOperationException($"operand %{i} of %{id} is unset")).ToArray();
            values[id] = node.Op switch
            {
                OpCode.Dot => Round(Dot(operands[0], operands[1], node.Parameters<DotParams>().TransposeA, node.Parameters<DotParams>().TransposeB), node.DType),
                OpCode.Sum or OpCode.Max or OpCode.Min => Round(Reduce(node, operands[0], strict: valueNeeded[id]), node.DType),
                OpCode.DimShuffle => DimShuffle(operands[0], node.Parameters<ShuffleParams>().Pattern.ToArray()),
                OpCode.DimSize => Array.Scalar(operands[0].Shape[node.Parameters<DimSizeParams>().Axis]),
                // Shapes and constructors
                var op when ShapeReference.Handles(op) => Round(ShapeReference.Evaluate(node, operands), node.DType),
                // Advanced indexing
                OpCode.CheckIndex or OpCode.Nonzero or OpCode.AdvancedSubtensor or OpCode.AdvancedIncSubtensor => AdvancedIndexing(node, operands),
                // Basic indexing
                OpCode.Subtensor or OpCode.IncSubtensor => Indexing(node, operands),
                // Joins and products (ReferenceEvaluator.Joins.cs)
                OpCode.Join or OpCode.AxisSlice or OpCode.AxisPad or OpCode.BatchedMatmul => Round(Joins(node, operands), node.DType),
                // reductions (issue 13): ReferenceEvaluator.Reductions.cs
                OpCode.Prod or OpCode.All or OpCode.Any or OpCode.Argmax or OpCode.Argmin or OpCode.CumSum or OpCode.CumProd
                    => Round(MoreReductions(node, operands[0], strict: valueNeeded[id]), node.DType),
                // softmax (issue 13): ReferenceEvaluator.Softmax.cs
                var op when SoftmaxReference.Handles(op) => Round(SoftmaxReference.Evaluate(node, operands[0]), node.DType),
                _ => Elementwise(operands, a => Round(Scalar(node.Op, graph[node.Inputs[node.Op is OpCode.Switch or OpCode.Second ? 1 : 0]].DType, node.DType, a), node.DType)),
            };
        }
        return values;
    }

    /// <summary>NumPy broadcasting: shapes align on the right; a size-1 dimension stretches.</summary>
    private static Array Elementwise(Array[] operands, Func<double[], double> f)
    {
        int rank = operands.Max(o => o.Shape.Length);
        var shape = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            shape[d] = 1;
            foreach (var o in operands)
            {
                int k = d - (rank - o.Shape.Length);
                if (k < 0 || o.Shape[k] == 1) continue;
                if (shape[d] != 1 && shape[d] != o.Shape[k]) throw new InvalidOperationException("shapes do not broadcast");
                shape[d] = o.Shape[k];
            }
        }
        int size = shape.Aggregate(1, (a, b) => a * b);
        var result = new double[size];
        var offsets = BroadcastOffsets(shape, operands);
        var args = new double[operands.Length];
        for (int flat = 0; flat < size; flat++)
        {
            for (int j = 0; j < operands.Length; j++) args[j] = operands[j].Data[offsets[j][flat]];
            result[flat] = f(args);
        }
        return new Array(result, shape);
    }

    /// <summary>For each operand, the flat index each element of a result of <paramref name="shape"/> reads (NumPy broadcasting).</summary>
    public static int[][] BroadcastOffsets(int[] shape, Array[] operands)
    {
        int rank = shape.Length;
        int size = shape.Aggregate(1, (a, b) => a * b);
        var offsets = operands.Select(_ => new int[size]).ToArray();
        var index = new int[rank];
        for (int flat = 0; flat < size; flat++)
        {
            int rest = flat;
            for (int d = rank - 1; d >= 0; d--)
            {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }
            for (int j = 0; j < operands.Length; j++)
            {
                var o = operands[j];
                int offset = 0;
                for (int k = 0; k < o.Shape.Length; k++)
                    offset = offset * o.Shape[k] + (o.Shape[k] == 1 ? 0 : index[k + rank - o.Shape.Length]);
                offsets[j][flat] = offset;
            }
        }
        return offsets;
    }

    /// <summary>Matrix products by their definition: C[i, j] = Σ_k A[i, k] B[k, j], vectors as rows or columns.</summary>
    private static Array Dot(Array a, Array b, bool transA, bool transB)
    {
        double A(int i, int k) => a.Shape.Length == 1 ? a.Data[k] : transA ? a.Data[k * a.Shape[1] + i] : a.Data[i * a.Shape[1] + k];
        double B(int k, int j) => b.Shape.Length == 1 ? b.Data[k] : transB ? b.Data[j * b.Shape[1] + k] : b.Data[k * b.Shape[1] + j];
        int m = a.Shape.Length == 1 ? 1 : transA ? a.Shape[1] : a.Shape[0];
        int inner = a.Shape.Length == 1 ? a.Shape[0] : transA ? a.Shape[0] : a.Shape[1];
        int n = b.Shape.Length == 1 ? 1 : transB ? b.Shape[0] : b.Shape[1];
        var data = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < inner; k++) sum += A(i, k) * B(k, j);
                data[i * n + j] = sum;
            }
        var shape = new System.Collections.Generic.List<int>();
        if (a.Shape.Length == 2) shape.Add(m);
        if (b.Shape.Length == 2) shape.Add(n);
        return new Array(data, shape.ToArray());
    }

    /// <summary>A reduction by its definition: every element folded into the output element its kept indices name.</summary>
    /// <param name="strict">Whether a max or min of an empty axis raises, as NumPy's; otherwise it is the fold's start, ±∞ (a value needed only for its shape).</param>
    private static Array Reduce(Node node, Array x, bool strict = true)
    {
        var axes = node.Parameters<ReduceParams>().Axes.ToArray();
        bool keepdims = node.Parameters<ReduceParams>().KeepDims;
        // NumPy's rule: a max or min over any axis of size 0 has no identity, even when the result is empty too.
        if (strict && node.Op != OpCode.Sum && axes.Any(a => x.Shape[a] == 0))
            throw new EmptyReductionException($"zero-size array to reduction operation {(node.Op == OpCode.Max ? "maximum" : "minimum")} which has no identity");
        var outShape = new System.Collections.Generic.List<int>();
        for (int d = 0; d < x.Shape.Length; d++)
            if (System.Array.IndexOf(axes, d) < 0) outShape.Add(x.Shape[d]);
            else if (keepdims) outShape.Add(1);
        int outSize = outShape.Aggregate(1, (p, q) => p * q);
        double start = node.Op switch { OpCode.Sum => 0, OpCode.Max => double.NegativeInfinity, _ => double.PositiveInfinity };
        var data = Enumerable.Repeat(start, outSize).ToArray();
        var reducedTo = ReducedOffsets(x.Shape, axes);
        for (int flat = 0; flat < x.Size; flat++)
        {
            int o = reducedTo[flat];
            double v = x.Data[flat];
            data[o] = node.Op switch
            {
                OpCode.Sum => data[o] + v,
                OpCode.Max => double.IsNaN(data[o]) || double.IsNaN(v) ? double.NaN : Math.Max(data[o], v),
                _ => double.IsNaN(data[o]) || double.IsNaN(v) ? double.NaN : Math.Min(data[o], v),
            };
        }
        return new Array(data, outShape.ToArray());
    }

    /// <summary>For each element of a value of <paramref name="shape"/>, the flat index of the element of its reduction over <paramref name="axes"/> it goes into.</summary>
    public static int[] ReducedOffsets(int[] shape, int[] axes)
    {
        int size = shape.Aggregate(1, (p, q) => p * q);
        var result = new int[size];
        var index = new int[shape.Length];
        for (int flat = 0; flat < size; flat++)
        {
            int rest = flat;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = rest % shape[d];
                rest /= shape[d];
            }
            int o = 0;
            for (int d = 0; d < shape.Length; d++)
                if (System.Array.IndexOf(axes, d) < 0) o = o * shape[d] + index[d];
            result[flat] = o;
        }
        return result;
    }

    /// <summary>Output dimension j is input dimension pattern[j], or a new size-1 dimension where it is -1.</summary>
    public static Array DimShuffle(Array x, int[] pattern)
    {
        var shape = pattern.Select(p => p < 0 ? 1 : x.Shape[p]).ToArray();
        int size = shape.Aggregate(1, (p, q) => p * q);
        var data = new double[size];
        var index = new int[shape.Length];
        var strides = new int[x.Shape.Length];
        for (int d = x.Shape.Length - 1, stride = 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= x.Shape[d];
        }
        for (int flat = 0; flat < size; flat++)
        {
            int rest = flat;
            for (int j = shape.Length - 1; j >= 0; j--)
            {
                index[j] = rest % shape[j];
                rest /= shape[j];
            }
            int source = 0;
            for (int j = 0; j < shape.Length; j++)
                if (pattern[j] >= 0) source += index[j] * strides[pattern[j]];
            data[flat] = x.Data[source];
        }
        return new Array(data, shape);
    }

    private static Array Round(Array a, DType dtype) => new(a.Data.Select(v => Round(v, dtype)).ToArray(), a.Shape);

    private static double Round(double v, DType dtype) => dtype switch
    {
        DType.Float32 => (float)v,
        DType.Int32 => double.IsNaN(v) ? 0 : unchecked((int)(long)v),
        DType.Int64 => double.IsNaN(v) ? 0 : (long)v,
        DType.Bool => v != 0 ? 1 : 0,
        // dtypes (issue 13): NumPy's fixed-width integers wrap; a float gets there through int32, as NumPy's C cast does.
        DType.Int8 => double.IsNaN(v) ? 0 : unchecked((sbyte)(long)Math.Clamp(v, int.MinValue, int.MaxValue)),
        DType.Int16 => double.IsNaN(v) ? 0 : unchecked((short)(long)Math.Clamp(v, int.MinValue, int.MaxValue)),
        DType.UInt8 => double.IsNaN(v) ? 0 : unchecked((byte)(long)Math.Clamp(v, int.MinValue, int.MaxValue)),
        _ => v,
    };

    /// <summary>
    /// NumPy's float remainder (npy_divmod): fmod, moved into the divisor's sign. Exact, unlike
    /// a - floor(a/b)·b, and right for an infinite divisor (-5 % ∞ is ∞, as in Python).
    /// </summary>
    /// <summary>NumPy's float floor_divide (npy_divmod): from fmod, so 2 // -inf is -1 and inf // 2 is NaN, not floor(a / b).</summary>
    private static double FloatFloorDiv(double a, double b)
    {
        if (b == 0) return a / b;
        double remainder = a % b;
        double quotient = (a - remainder) / b;
        if (remainder != 0 && (remainder < 0) != (b < 0)) quotient -= 1;
        if (quotient == 0) return Math.CopySign(0.0, a / b);
        double whole = Math.Floor(quotient);
        return quotient - whole > 0.5 ? whole + 1 : whole;
    }

    private static double FloatMod(double a, double b)
    {
        double mod = a % b;
        if (mod != 0) return (b < 0) != (mod < 0) ? mod + b : mod;
        return b < 0 ? -0.0 : 0.0;
    }

    private static double Scalar(OpCode op, DType operandType, DType resultType, double[] a)
    {
        bool integer = operandType is DType.Int32 or DType.Int64 or DType.Int8 or DType.Int16 or DType.UInt8;
        return op switch
        {
            OpCode.Add => a[0] + a[1],
            OpCode.Sub => a[0] - a[1],
            OpCode.Mul => a[0] * a[1],
            OpCode.TrueDiv => a[0] / a[1],
            OpCode.IntDiv => integer ? (a[1] == 0 ? 0 : Math.Floor(a[0] / a[1])) : FloatFloorDiv(a[0], a[1]),
            OpCode.Mod => integer ? (a[1] == 0 ? 0 : a[0] - Math.Floor(a[0] / a[1]) * a[1]) : FloatMod(a[0], a[1]),
            OpCode.Pow => Math.Pow(a[0], a[1]),
            OpCode.Maximum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
            OpCode.Minimum => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
            OpCode.Neg => -a[0],
            OpCode.Identity => a[0],
            OpCode.Abs => Math.Abs(a[0]),
            OpCode.Exp => Math.Exp(a[0]),
            OpCode.Expm1 => a[0] == 0 ? 0 : Math.Abs(a[0]) < 1e-5 ? a[0] + a[0] * a[0] / 2 + a[0] * a[0] * a[0] / 6 : Math.Exp(a[0]) - 1,
            OpCode.Log => Math.Log(a[0]),
            OpCode.Log1p => Math.Abs(a[0]) < 1e-5 ? a[0] - a[0] * a[0] / 2 + a[0] * a[0] * a[0] / 3 : Math.Log(1 + a[0]),
            OpCode.Tanh => Math.Tanh(a[0]),
            OpCode.Sigmoid => 1 / (1 + Math.Exp(-a[0])),
            OpCode.Softplus => a[0] > 30 ? a[0] + Math.Exp(-a[0]) : Math.Log(1 + Math.Exp(a[0])),
            OpCode.Sqr => a[0] * a[0],
            OpCode.Sqrt => Math.Sqrt(a[0]),
            OpCode.Sin => Math.Sin(a[0]),
            OpCode.Cos => Math.Cos(a[0]),
            OpCode.Erf => ReferenceErf.Erf(a[0]),
            OpCode.Erfc => ReferenceErf.Erfc(a[0]),
            OpCode.Lt => a[0] < a[1] ? 1 : 0,
            OpCode.Gt => a[0] > a[1] ? 1 : 0,
            OpCode.Le => a[0] <= a[1] ? 1 : 0,
            OpCode.Ge => a[0] >= a[1] ? 1 : 0,
            OpCode.Eq => a[0] == a[1] ? 1 : 0,
            OpCode.Neq => a[0] != a[1] ? 1 : 0,
            // Bitwise on integers; bools are the integers 0 and 1 (ReferenceEvaluator.Elementwise.cs).
            OpCode.And or OpCode.Or => Bitwise(op, operandType, a),
            OpCode.Not => a[0] == 0 ? 1 : 0,
            OpCode.Switch => a[0] != 0 ? a[1] : a[2],
            OpCode.Cast => a[0],
            OpCode.Sign => double.IsNaN(a[0]) ? a[0] : Math.Sign(a[0]),
            OpCode.Second => a[1],
            OpCode.ZeroGrad => a[0],
            // Element-wise functions of issue 13 (ReferenceEvaluator.Elementwise.cs)
            _ => Functions(op, operandType, a),
        };
    }
}

/// <summary>The reference's NumPy ValueError for a max or min over an empty axis.</summary>
public sealed class EmptyReductionException(string message) : Exception(message);
