using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Shapes;

/// <summary>Gradients of the shape ops and composites against finite differences (PyTensor's verify_grad), float64 and float32.</summary>
public sealed class ShapeGradientTests
{
    private static GradInput M(string name, params int[] shape) => new(name, shape.Length switch { 1 => "Vector", 2 => "Matrix", 3 => "Tensor3", _ => "Scalar" }, shape);

    private static readonly GradCase[] Cases =
    [
        new("Reshape", [M("x", 2, 3)], "x.Reshape([3, -1])", M("p", 3, 2)),
        new("ReshapeSizes", [M("x", 3, 5)], "Reshape(x, [x.Shape[1], x.Shape[0]]) * 2.0", M("p", 5, 3)),
        new("Flatten", [M("x", 2, 3, 4)], "Flatten(Exp(x))", M("p", 24)),
        new("Flatten2", [M("x", 2, 3, 4)], "x.Flatten(2)", M("p", 2, 12)),
        new("Dimshuffle", [M("x", 2, 3, 4)], "x.Dimshuffle(2, \"x\", 0, 1)", M("p", 4, 1, 2, 3) with { Declaration = "Tensor(NAME, DTYPE, [null, 1, null, null])" }),
        new("ExpandDims", [M("x", 2, 3)], "ExpandDims(x, 1) * 3.0", M("p", 2, 1, 3) with { Declaration = "Tensor(NAME, DTYPE, [null, 1, null])" }),
        new("SpecifyShape", [M("x", 3, 2)], "SpecifyShape(x, [3, null]) * x", M("p", 3, 2)),
        new("Full", [M("x")], "Full([2, 3], x) * 2.0", M("p", 2, 3)),
        new("FullLike", [M("x"), M("y", 2, 3)], "FullLike(y, x) * y", M("p", 2, 3)),
        new("Outer", [M("a", 3), M("b", 2, 2)], "Outer(a, b)", M("p", 3, 4)),
        new("Tile", [M("x", 2, 3)], "Tile(x, [2, 1, 2])", M("p", 2, 2, 6)),
        new("Repeat", [M("x", 2, 3)], "Repeat(x, 2, 1)", M("p", 2, 6)),
        new("RepeatFlat", [M("x", 2, 3)], "Repeat(x * x, 3)", M("p", 18)),
        new("Diagonal", [M("x", 3, 4)], "Diagonal(x, 1)", M("p", 3)),
        new("Diagonal3", [M("x", 2, 3, 4)], "Diagonal(x, -1, 2, 1)", M("p", 2, 3)),
        new("Trace", [M("x", 3, 3)], "Trace(x * x)", M("p")),
        new("Eye", [M("x", 3, 4)], "Eye(3, 4, 1) * x", M("p", 3, 4)),
        new("Transpose", [M("x", 2, 3, 4)], "Transpose(Sin(x), [1, 2, 0])", M("p", 3, 4, 2)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.Length * 7919);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
