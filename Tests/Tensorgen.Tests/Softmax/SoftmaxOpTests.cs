using System;
using Tensorgen.Tests.Shapes;
using Xunit;

namespace Tensorgen.Tests.SoftmaxFamily;

/// <summary>
/// Softmax, LogSoftmax and LogSumExp on every axis (negative ones, none, several), ranks 1 to 3, sizes 0, 1, 17 and 33,
/// against PyTensor's values (softmax_reference.py → softmax_expected.json), in float64 and float32, through the
/// generated code and the reference evaluator.
/// </summary>
public sealed class SoftmaxOpTests
{
    private const string File = "Tests/Tensorgen.Tests/Softmax/softmax_expected.json";

    private static readonly ShapeInput M = new("x", "Matrix(NAME, DTYPE)");
    private static readonly ShapeInput V = new("x", "Vector(NAME, DTYPE)");
    private static readonly ShapeInput T3 = new("x", "Tensor3(NAME, DTYPE)");

    internal static readonly ShapeCase[] Cases =
    [
        new("SoftmaxRows", [M], "Softmax(x, 1)"),
        new("SoftmaxCols", [M], "Softmax(x, axis: 0)"),
        new("SoftmaxAll", [M], "Softmax(x)"),
        new("SoftmaxVector", [V], "Softmax(x)"),
        new("SoftmaxMiddle", [T3], "Softmax(x, 1)"),
        new("SoftmaxNegative", [T3], "Softmax(x, -1)"),
        new("LogSoftmaxRows", [M], "LogSoftmax(x, 1)"),
        new("LogSoftmaxCols", [M], "LogSoftmax(x, 0)"),
        new("LogSoftmaxAll", [M], "LogSoftmax(x)"),
        new("LogSoftmaxFirst", [T3], "LogSoftmax(x, 0)"),
        new("LogSoftmaxNegative", [T3], "LogSoftmax(x, -2)"),
        new("LogSumExpRows", [M], "LogSumExp(x, 1)"),
        new("LogSumExpCols", [M], "LogSumExp(x, 0)"),
        new("LogSumExpAll", [M], "LogSumExp(x)"),
        new("LogSumExpVector", [V], "LogSumExp(x)"),
        new("LogSumExpKeep", [M], "LogSumExp(x, 1, keepdims: true)"),
        new("LogSumExpOuter", [T3], "LogSumExp(x, [0, 2])"),
        new("LogSumExpOuterKeep", [T3], "LogSumExp(x, [0, 2], keepdims: true)"),
        new("LogSumExpLastTwo", [T3], "LogSumExp(x, [-2, -1])"),
        new("LogSumExpMiddle", [T3], "LogSumExp(x, 1)"),
        new("LogSumExpByHand", [M], "Log(Sum(Exp(x), 1))"),
        new("LogSumExpByHandOuter", [T3], "Log(Sum(Exp(x), [0, 2]))"),
        new("LogOfSoftmax", [M], "Log(Softmax(x, 1))"),
    ];

    private static readonly Lazy<ShapeCases> Float64 = new(() => new ShapeCases(Cases, single: false, file: File));
    private static readonly Lazy<ShapeCases> Float32 = new(() => new ShapeCases(Cases, single: true, file: File));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [Theory, MemberData(nameof(Names))]
    public void Float64_matches_pytensor(string name) => Float64.Value.Verify(name);

    [Theory, MemberData(nameof(Names))]
    public void Float32_matches_pytensor(string name) => Float32.Value.Verify(name);
}
