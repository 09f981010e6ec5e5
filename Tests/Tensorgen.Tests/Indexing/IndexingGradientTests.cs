using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Indexing;

/// <summary>
/// Gradients of basic indexing and of writes into it (PyTensor's Subtensor.grad and IncSubtensor.grad) against
/// finite differences (<see cref="GradientChecker"/>), float64 and float32.
/// </summary>
public sealed class IndexingGradientTests
{
    private static GradInput X(params int[] shape) => new("x", shape.Length switch { 1 => "Vector", 2 => "Matrix", _ => "Tensor3" }, shape);
    private static GradInput Y(string declaration, params int[] shape) => new("y", declaration, shape);
    private static GradInput P(params int[] shape) => new("p", shape.Length switch { 0 => "Scalar", 1 => "Vector", 2 => "Matrix", _ => "Tensor3" }, shape);

    private static readonly GradCase[] Cases =
    [
        new("Row", [X(3, 4)], "x[1]", P(4)),
        new("InnerColumn", [X(4, 3)], "x[1..^1, 0]", P(2)),
        new("Element", [X(3, 4)], "x[2, ^1]", P()),
        new("ReversedStep", [X(5, 3)], "x[Slice(null, null, -2), 1..]", P(3, 2)),
        new("NewAxis", [X(3, 4)], "x[.., NewAxis, 0]", new("p", "Col", [3, 1])),
        new("Ellipsis", [X(2, 3, 4)], "x[Ellipsis, 1]", P(2, 3)),
        new("Overlapping", [X(5)], "x[1..] * x[..^1]", P(4)),
        new("OddVector", [X(37)], "x[Slice(3, null, 2)] * 2", P(17)),
        new("SetRows", [X(3, 4), Y("Vector", 4)], "x[1..].Set(y)", P(3, 4)),
        new("IncColumn", [X(3, 4), Y("Vector", 3)], "x[.., 0].Inc(y)", P(3, 4)),
        new("SetBroadcast", [X(3, 4), Y("Tensor(NAME, DTYPE, [null, 1])", 3, 1)], "SetSubtensor(x[.., 1..3], y)", P(3, 4)),
        new("IncScalar", [X(3, 4), Y("Scalar")], "IncSubtensor(x[1, ^1], y)", P(3, 4)),
        new("SetReversed", [X(5), Y("Vector", 3)], "x[Slice(null, null, -2)].Set(y * y)", P(5)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.GetHashCode(StringComparison.Ordinal) & 0xffff);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
