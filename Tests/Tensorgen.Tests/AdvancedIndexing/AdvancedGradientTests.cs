using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.AdvancedIndexing;

/// <summary>
/// Gradients through advanced indexing, against finite differences (<see cref="GradientChecker"/>, PyTensor's
/// <c>verify_grad</c>) in float64 and float32: a gather's pullback is a scatter-add (repeated indices accumulate),
/// a scatter's is g (zeroed where a set wrote) for x and g gathered (summed where y broadcast) for y. Index vectors
/// are built in the graph: <c>Mod(Arange(5) * 2, 3)</c> is [0, 2, 1, 0, 2], <c>Arange(3) - 4</c> is [-4, -3, -2].
/// </summary>
public sealed class AdvancedGradientTests
{
    private static GradInput X() => new("x", "Matrix", [3, 4]);
    private static GradInput P(params int[] shape) => new("p", shape.Length switch { 0 => "Scalar", 1 => "Vector", _ => "Matrix" }, shape);

    private static readonly GradCase[] Cases =
    [
        new("TakeRowsRepeated", [X()], "Take(x, Mod(Arange(5) * 2, 3), 0)", P(5, 4)),
        new("TakeColumnsNegative", [X()], "x.Take(Arange(3) - 4, axis: 1)", P(3, 3)),
        new("TakeFlat", [X()], "Take(x, Mod(Arange(7) * 5, 12)) * Take(x, Mod(Arange(7) * 5, 12))", P(7)),
        new("TakeEmpty", [X()], "Take(x, Arange(0), 0).Sum(0) + x.Sum(0)", P(4)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.Length * 31);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
