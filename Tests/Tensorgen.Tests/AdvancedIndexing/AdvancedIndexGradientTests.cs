using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.AdvancedIndexing;

/// <summary>
/// Gradients through <c>Take</c>, <c>x[idx]</c>, <c>x[i, j]</c>, <c>x[.., idx]</c>, masks and <c>SetSubtensor</c>/<c>IncSubtensor</c>
/// into them, against finite differences in float64 and float32 (a gather's pullback is a scatter-add: repeated indices
/// accumulate). <c>Arange(3) - 4</c> is [-4, -3, -2]. <c>Mod(Arange(5) * 2, 3)</c> is [0, 2, 1, 0, 2]
/// (repeated rows), <c>Arange(2) * 2 - 2</c> is [-2, 0] (distinct: a set with a repeated index keeps one write, whose
/// gradient PyTensor does not single out either).
/// </summary>
public sealed class AdvancedIndexGradientTests
{
    private static GradInput X() => new("x", "Matrix", [3, 4]);
    private static GradInput P(params int[] shape) => new("p", shape.Length switch { 0 => "Scalar", 1 => "Vector", _ => "Matrix" }, shape);

    private static readonly GradCase[] Cases =
    [
        new("TakeRowsRepeated", [X()], "Take(x, Mod(Arange(5) * 2, 3), 0)", P(5, 4)),
        new("TakeColumnsNegative", [X()], "x.Take(Arange(3) - 4, axis: 1)", P(3, 3)),
        new("TakeFlat", [X()], "Take(x, Mod(Arange(7) * 5, 12)) * Take(x, Mod(Arange(7) * 5, 12))", P(7)),
        new("TakeEmpty", [X()], "Take(x, Arange(0), 0).Sum(0) + x.Sum(0)", P(4)),
        new("RowsRepeated", [X()], "x[Mod(Arange(5) * 2, 3)]", P(5, 4)),
        new("ColumnsNegative", [X()], "x[.., Arange(3) - 4]", P(3, 3)),
        new("Pairs", [X()], "x[Mod(Arange(5), 3), Arange(5) - 4]", P(5)),
        new("Mask", [X()], "Sqr(x[x > 0.5]).Sum()", P()),
        new("IncRepeated", [X(), new("y", "Matrix", [5, 4])], "IncSubtensor(x[Mod(Arange(5) * 2, 3)], y)", P(3, 4)),
        new("IncBroadcastRow", [X(), new("r", "Row", [1, 4])], "x[Mod(Arange(5) * 2, 3)].Inc(r)", P(3, 4)),
        new("Set", [X(), new("y", "Matrix", [2, 4])], "SetSubtensor(x[Arange(2) * 2 - 2], y)", P(3, 4)),
        new("SetColumnBroadcast", [X(), new("c", "Col", [3, 1])], "SetSubtensor(x[.., Arange(2) * 2 - 3], c)", P(3, 4)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.Length * 31);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
