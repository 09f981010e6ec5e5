using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

// SpecifyShape and Shape; the constructors Zeros, Ones, Full, ZerosLike, OnesLike, FullLike and Eye.
internal static partial class ShapeCalls
{
    /// <summary><c>SpecifyShape(x, [3, null])</c>: static sizes stated, checked at build time where known and at call time otherwise.</summary>
    private static Value SpecifyShape(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0 || call.List("shape") is not { } list) return ErrorValue.Instance;
        var n = call.Graph[x];
        var shape = new int[list.Items.Length];
        for (int k = 0; k < shape.Length; k++)
        {
            if (list.Items[k] is ConstValue { Constant: int s } && s >= 0) shape[k] = s;
            else if (list.Items[k] is ConstValue { Constant: null }) shape[k] = -1;
            else return call.SizeMismatch($"the shape of SpecifyShape takes sizes known at build time (ints, null for any), not '{call.TextOf("shape")}'", "shape");
        }
        string text = GraphBuilder.ShapeText(shape.ToEquatableArray());
        if (shape.Length != n.Rank)
            return call.SizeMismatch($"SpecifyShape of {call.Describe(x)} as {text}: the ranks differ", "shape");
        if (shape.Where((s, k) => s >= 0 && n.Shape[k] >= 0 && s != n.Shape[k]).Any())
            return call.SizeMismatch($"SpecifyShape of {call.Describe(x)} as {text}: the static sizes differ", "shape");
        return call.Result(SpecifyShapeOp.Instance.Build(call.Graph, x, shape));
    }

    /// <summary><c>Shape(x)</c>: the sizes as an int64 vector.</summary>
    private static Value ShapeOf(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        return call.Result(MakeVectorOp.Instance.Build(call.Graph, Enumerable.Range(0, call.Graph[x].Rank).Select(k => call.Graph.DimSize(x, k)).ToArray()));
    }

    private static Value Zeros(ApiCall call) => Filled(call, call.Graph.Constant(ScalarValue.Integer(0), call.DType("dtype") ?? DType.Float64));

    private static Value Ones(ApiCall call) => Filled(call, call.Graph.Constant(ScalarValue.Integer(1), call.DType("dtype") ?? DType.Float64));

    /// <summary><c>Full(shape, value, dtype)</c>: the value's dtype unless one is given.</summary>
    private static Value Full(ApiCall call)
    {
        int value = call.Tensor("value");
        if (value < 0) return ErrorValue.Instance;
        if (call.Graph[value].Rank != 0) return call.SizeMismatch($"the value of Full must be 0-d, not {call.Describe(value)}", "value");
        return Filled(call, call.DType("dtype") is { } dtype ? call.Graph.Convert(value, dtype) : value);
    }

    /// <summary>A tensor of the sizes of argument <c>shape</c> filled with <paramref name="value"/> (an Alloc).</summary>
    private static Value Filled(ApiCall call, int value)
    {
        var sizes = call.Sizes("shape");
        if (sizes is null) return ErrorValue.Instance;
        foreach (var s in sizes)
            if (call.Graph[s].IsConstant && call.Graph[s].Value.Long < 0)
                return call.SizeMismatch($"{call.Name} of shape ({string.Join(", ", sizes.Select(z => call.Graph[z].IsConstant ? call.Graph[z].Value.Long.ToString(CultureInfo.InvariantCulture) : "?"))}): sizes cannot be negative", "shape");
        return call.Result(AllocOp.Instance.Build(call.Graph, value, sizes));
    }

    private static Value ZerosLike(ApiCall call) => Like(call, ScalarValue.Integer(0));

    private static Value OnesLike(ApiCall call) => Like(call, ScalarValue.Integer(1));

    /// <summary><c>ZerosLike(x)</c>, <c>OnesLike(x)</c>: x's shape and dtype (or the dtype given); PyTensor's <c>fill</c> (a second).</summary>
    private static Value Like(ApiCall call, ScalarValue fill)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var dtype = call.DType("dtype") ?? call.Graph[x].DType;
        return call.Result(call.Graph.Ew(OpCode.Second, x, call.Graph.Constant(fill, dtype)));
    }

    /// <summary><c>FullLike(x, value, dtype)</c>: x's shape; a number takes x's dtype, a tensor keeps its own, unless one is given.</summary>
    private static Value FullLike(ApiCall call)
    {
        int x = call.Tensor("x");
        if (x < 0) return ErrorValue.Instance;
        var dtype = call.DType("dtype");
        int value;
        if (call.Raw("value") is TensorValue { Operand.Weak: { } literal }) value = call.Graph.Constant(literal.Value, dtype ?? call.Graph[x].DType);
        else if (call.Raw("value") is ConstValue { Constant: { } c } && ScalarValues.FromObject(c) is { } number) value = call.Graph.Constant(number, dtype ?? call.Graph[x].DType);
        else
        {
            value = call.Tensor("value");
            if (value < 0) return ErrorValue.Instance;
            if (call.Graph[value].Rank != 0) return call.SizeMismatch($"the value of FullLike must be 0-d, not {call.Describe(value)}", "value");
            if (dtype is { } d) value = call.Graph.Convert(value, d);
        }
        return call.Result(call.Graph.Ew(OpCode.Second, x, value));
    }

    /// <summary><c>Eye(n, m, k, dtype)</c>: ones where column - row = k (NumPy's <c>eye</c>), built as arange(n)[:, None] + k == arange(m).</summary>
    private static Value Eye(ApiCall call)
    {
        var b = call.Graph;
        int n = call.Size("n");
        int m = call.Has("m") ? call.Size("m") : n;
        int k = call.Has("k") ? call.Size("k") : b.Constant(ScalarValue.Integer(0), DType.Int64);
        if (n < 0 || m < 0 || k < 0) return ErrorValue.Instance;
        int zero = b.Constant(ScalarValue.Integer(0), DType.Int64), one = b.Constant(ScalarValue.Integer(1), DType.Int64);
        int rows = ArangeOp.Instance.Build(b, zero, n, one, DType.Int64, out _);
        int columns = ArangeOp.Instance.Build(b, zero, m, one, DType.Int64, out _);
        int diagonal = b.Ew(OpCode.Eq, b.Ew(OpCode.Add, b.DimShuffle(rows, [0, -1]), k), b.DimShuffle(columns, [-1, 0]));
        return call.Result(b.Convert(diagonal, call.DType("dtype") ?? DType.Float64));
    }
}
