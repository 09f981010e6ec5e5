using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.SoftmaxFamily;

/// <summary>Gradients of the softmax family against finite differences (PyTensor's verify_grad), float64 and float32.</summary>
public sealed class SoftmaxGradientTests
{
    private static GradInput M(string name, params int[] shape) => new(name, shape.Length switch { 1 => "Vector", 2 => "Matrix", 3 => "Tensor3", _ => "Scalar" }, shape);

    private static readonly GradCase[] Cases =
    [
        new("SoftmaxRows", [M("x", 3, 5)], "Softmax(x, 1)", M("p", 3, 5)),
        new("SoftmaxCols", [M("x", 4, 3)], "Softmax(x, 0)", M("p", 4, 3)),
        new("SoftmaxAll", [M("x", 2, 3)], "Softmax(x)", M("p", 2, 3)),
        new("SoftmaxMiddle", [M("x", 2, 3, 4)], "Softmax(x, -2)", M("p", 2, 3, 4)),
        new("LogSoftmaxRows", [M("x", 3, 5)], "LogSoftmax(x, 1)", M("p", 3, 5)),
        new("LogSoftmaxFirst", [M("x", 3, 2, 4)], "LogSoftmax(x, 0)", M("p", 3, 2, 4)),
        new("LogSoftmaxAll", [M("x", 5)], "LogSoftmax(x)", M("p", 5)),
        new("LogSumExpRows", [M("x", 3, 5)], "LogSumExp(x, 1)", M("p", 3)),
        new("LogSumExpKeep", [M("x", 3, 5)], "LogSumExp(x, 0, keepdims: true)", M("p", 1, 5) with { Declaration = "Tensor(NAME, DTYPE, [1, null])" }),
        new("LogSumExpAll", [M("x", 2, 3)], "LogSumExp(x)", M("p")),
        new("LogSumExpOuter", [M("x", 2, 3, 4)], "LogSumExp(x, [0, 2])", M("p", 3)),
        new("LogOfSoftmax", [M("x", 3, 4)], "Log(Softmax(x, 1))", M("p", 3, 4)),
        new("LogSumOfExp", [M("x", 3, 4)], "Log(Sum(Exp(x), 1))", M("p", 3)),
        new("SoftmaxOfProduct", [M("x", 3, 4), M("w", 4, 5)], "LogSoftmax(Dot(x, w), 1) * Softmax(Dot(x, w), 1)", M("p", 3, 5)),
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
