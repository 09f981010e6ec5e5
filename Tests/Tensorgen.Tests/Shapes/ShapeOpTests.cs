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
