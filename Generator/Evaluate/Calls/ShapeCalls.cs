using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Shapes and constructors: Arange, Reshape, Flatten, Dimshuffle, Zeros/Ones/Full, Eye, ...</summary>
internal static partial class ShapeCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        new(ApiFunction.Arange, Arange),
        new(ApiFunction.Reshape, Reshape),
        new(ApiFunction.Flatten, Flatten),
        new(ApiFunction.Dimshuffle, Dimshuffle),
        new(ApiFunction.ExpandDims, ExpandDims),
        new(ApiFunction.Squeeze, Squeeze),
        new(ApiFunction.TransposeAxes, TransposeAxes),
        new(ApiFunction.SpecifyShape, SpecifyShape),
        new(ApiFunction.Shape, ShapeOf),
        new(ApiFunction.Zeros, Zeros),
        new(ApiFunction.Ones, Ones),
        new(ApiFunction.Full, Full),
        new(ApiFunction.ZerosLike, ZerosLike),
        new(ApiFunction.OnesLike, OnesLike),
        new(ApiFunction.FullLike, FullLike),
        new(ApiFunction.Eye, Eye),
        new(ApiFunction.Outer, Outer),
        new(ApiFunction.Tile, Tile),
        new(ApiFunction.Repeat, Repeat),
        new(ApiFunction.Diagonal, Diagonal),
        new(ApiFunction.Trace, Trace),
    ];

    /// <summary><c>Arange(stop)</c> or <c>Arange(start, stop, step, dtype)</c>: the bounds' common dtype unless one is given.</summary>
    private static Value Arange(ApiCall call)
    {
        bool one = !call.Has("start");
        int stop = call.Tensor(one ? "stop" : "stop");
        int start = one ? call.Graph.Constant(ScalarValue.Integer(0), DType.Int64) : call.Tensor("start");
        int step = call.Has("step") ? call.Tensor("step") : call.Graph.Constant(ScalarValue.Integer(1), DType.Int64);
        if (start < 0 || stop < 0 || step < 0) return ErrorValue.Instance;
        foreach (var (node, name) in new[] { (start, "start"), (stop, "stop"), (step, "step") })
            if (call.Graph[node].Rank != 0 || call.Graph[node].DType == DType.Bool)
                return call.Error(Model.Diagnostics.DTypeMismatch, $"the {name} of Arange must be a number or a 0-d numeric tensor, not {call.Describe(node)}", name);
        var dtype = call.DType("dtype") ?? DTypes.Promote(DTypes.Promote(call.Graph[start].DType, call.Graph[stop].DType), call.Graph[step].DType);
        int result = ArangeOp.Instance.Build(call.Graph, start, stop, step, dtype, out var error);
        return error is null ? call.Result(result) : call.SizeMismatch(error, "step");
    }
}
