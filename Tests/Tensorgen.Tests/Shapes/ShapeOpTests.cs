using System;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Shapes;

/// <summary>
/// Shape ops and constructors against NumPy's values (shapes_reference.py → shapes_expected.json), in float64
/// and float32, through the generated code and the reference evaluator; gradients by finite differences.
/// </summary>
public sealed class ShapeOpTests
{
    private static ShapeInput In(string name, string declaration) => new(name, declaration.Replace("X(", "Tensor(NAME, DTYPE, ").Replace("M", "Matrix(NAME, DTYPE)"));

    private static readonly ShapeInput X = new("x", "Matrix(NAME, DTYPE)");
    private static readonly ShapeInput V = new("x", "Vector(NAME, DTYPE)");
    private static readonly ShapeInput X3 = new("x", "Tensor3(NAME, DTYPE)");
    private static ShapeInput Int(string name) => new(name, "LScalar(NAME)");
    private static ShapeInput Static(string name, string shape) => new(name, $"Tensor(NAME, DTYPE, {shape})");

    internal static readonly ShapeCase[] Cases =
    [
        // Reshape and Flatten
        new("ReshapeMinus", [X], "x.Reshape([-1, 2])"),
        new("ReshapeSizes", [X], "Reshape(x, [x.Shape[1], x.Shape[0]])"),
        new("ReshapeInput", [V, Int("n")], "x.Reshape([n, -1]) * 2.0"),
        new("ReshapeStatic", [Static("x", "[2, 3]")], "x.Reshape([3, 2]) + 1.0"),
        new("ReshapeThenAdd", [V, new("y", "Matrix(NAME, DTYPE)")], "x.Reshape(y.Shape) + y"),
        new("FlattenAll", [X3], "Flatten(x)"),
        new("Flatten2", [X3], "x.Flatten(2)"),
        // Dimshuffle, ExpandDims, Squeeze, Transpose
        new("DimshuffleCol", [V], "x.Dimshuffle(0, \"x\")"),
        new("DimshufflePermute", [X3], "x.Dimshuffle(2, 0, 1)"),
        new("DimshuffleDrop", [Static("x", "[null, 1]")], "x.Dimshuffle(0) * 1.0"),
        new("ExpandMiddle", [X], "ExpandDims(x, 1)"),
        new("ExpandLast", [X], "ExpandDims(x, -1) + 0.0"),
        new("SqueezeAll", [Static("x", "[1, null, 1]")], "Squeeze(x)"),
        new("SqueezeFirst", [Static("x", "[1, null, 1]")], "x.Squeeze([0])"),
        new("TransposeAxes", [X3], "Transpose(x, [1, 2, 0])"),
        new("TransposeReverse", [X3], "x.Transpose() * 1.0"),
        // SpecifyShape, Shape
        new("Specified", [X], "SpecifyShape(x, [3, null]) + 1.0"),
        new("ShapeOf", [X3], "Shape(x)"),
        // Constructors
        new("ZerosOf", [X], "Zeros([x.Shape[1], x.Shape[0]], DTYPE)"),
        new("OnesN", [Int("n")], "Ones([n, 2], DTYPE)"),
        new("FullN", [Int("n")], "Full([n], 2.5, DTYPE)"),
        new("FullStatic", [], "Full([2, 3], -1.5, DTYPE)"),
        new("Likes", [X], "ZerosLike(x) + 2 * OnesLike(x) + FullLike(x, 3.0) + x"),
        new("EyeN", [Int("n")], "Eye(n, dtype: DTYPE)"),
        new("EyeNMK", [Int("n"), Int("m"), Int("k")], "Eye(n, m, k, DTYPE)"),
        new("EyeStatic", [], "Eye(3, 4, 1, DTYPE) * 2.0"),
        // Composites
        new("OuterVectors", [new("a", "Vector(NAME, DTYPE)"), new("b", "Vector(NAME, DTYPE)")], "Outer(a, b)"),
        new("OuterMatrix", [new("a", "Matrix(NAME, DTYPE)"), new("b", "Vector(NAME, DTYPE)")], "Outer(a, b)"),
        new("TileMatrix", [X], "Tile(x, [2, 3])"),
        new("TileVector", [V], "Tile(x, [2, 2])"),
        new("TileShort", [X], "Tile(x, [3])"),
        new("RepeatRows", [X], "Repeat(x, 2, axis: 0)"),
        new("RepeatCols", [X], "x.Repeat(3, 1)"),
        new("RepeatFlat", [X], "Repeat(x, 2)"),
        new("DiagonalMain", [X], "Diagonal(x) * 1.0"),
        new("DiagonalUpper", [X], "x.Diagonal(1) * 1.0"),
        new("DiagonalLower", [X], "Diagonal(x, -1) * 1.0"),
        new("Diagonal3", [X3], "Diagonal(x, 0, 1, 2) * 1.0"),
        new("Diagonal3Outer", [X3], "Diagonal(x, 1, 0, 2) * 1.0"),
        new("TraceMatrix", [X], "Trace(x) + 0.0"),
    ];

    private static readonly Lazy<ShapeCases> Float64 = new(() => new ShapeCases(Cases, single: false));
    private static readonly Lazy<ShapeCases> Float32 = new(() => new ShapeCases(Cases, single: true));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_matches_numpy(string name) => Float64.Value.Verify(name);

    [Theory, MemberData(nameof(Names))]
    public void Float32_matches_numpy(string name) => Float32.Value.Verify(name);
}
