using System;
using System.Collections.Generic;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Joins;

/// <summary>Gradients of joins, splits and products of every rank, checked by finite differences (PyTensor's verify_grad).</summary>
public sealed class JoinGradientTests
{
    private static GradInput M(string name, int m, int n) => new(name, "Matrix", [m, n]);
    private static GradInput V(string name, int n) => new(name, "Vector", [n]);
    private static GradInput T3(string name, params int[] shape) => new(name, "Tensor3", shape);
    private static GradInput T4(string name, params int[] shape) => new(name, "Tensor(NAME, DTYPE, [null, null, null, null])", shape);

    private static readonly GradCase[] Cases =
    [
        new("ConcatRows", [M("a", 2, 3), M("b", 3, 3)], "Concatenate([a, b])", M("p", 5, 3)),
        new("ConcatColumns", [M("a", 3, 2), M("b", 3, 4)], "Concatenate([a, b * a.Sum(1, keepdims: true)], -1)", M("p", 3, 6)),
        new("ConcatThree", [T3("a", 2, 1, 3), T3("b", 2, 2, 3)], "Concatenate([a, b, Exp(a)], 1)", T3("p", 2, 4, 3)),
        new("StackVectors", [V("u", 4), V("v", 4)], "Stack([u, v * u], 1)", M("p", 4, 2)),
        new("SplitRows", [M("x", 5, 3)], "Concatenate([Split(x, [2, 3])[1], Sqr(Split(x, [2, 3])[0])])", M("p", 5, 3)),
        new("SplitColumns", [M("x", 3, 4)], "Split(x, [1, 3], axis: 1)[1] * 3", M("p", 3, 3)),
        new("MatmulBatched", [T3("a", 2, 3, 4), M("b", 4, 2)], "Matmul(a, b)", T3("p", 2, 3, 2)),
        new("MatmulBatchedBoth", [T3("a", 2, 3, 4), T3("b", 2, 4, 2)], "Matmul(Tanh(a), b)", T3("p", 2, 3, 2)),
        new("MatmulBroadcast", [new("a", "Tensor(NAME, DTYPE, [null, 1, null, null])", [2, 1, 3, 4]), T3("b", 3, 4, 2)], "Matmul(a, b)", T4("p", 2, 3, 3, 2)),
        new("MatmulVectorLeft", [V("u", 3), T3("b", 2, 3, 4)], "Matmul(u, b)", M("p", 2, 4)),
        new("MatmulVectorRight", [T3("a", 2, 3, 4), V("v", 4)], "Matmul(a, v)", M("p", 2, 3)),
        new("DotTensors", [T3("a", 2, 3, 2), T3("b", 3, 2, 2)], "Dot(a, b)", T4("p", 2, 3, 3, 2)),
        new("DotMatrixTensor", [M("a", 3, 2), T3("b", 2, 2, 4)], "Dot(a, b)", T3("p", 3, 2, 4)),
        new("TensordotPairs", [T3("a", 2, 3, 4), M("b", 4, 3)], "Tensordot(a, b, [[1, 2], [1, 0]])", V("p", 2)),
        new("TensordotFull", [M("a", 3, 2), M("b", 3, 2)], "Stack([Tensordot(a, Exp(b), 2)])", V("p", 1)),
        new("TensordotOne", [T3("a", 2, 3, 4), M("b", 4, 3)], "Tensordot(a, b, 1)", T3("p", 2, 3, 3)),
    ];

    private static readonly Lazy<GradientChecker> Float64 = new(() => new GradientChecker(Cases, single: false));
    private static readonly Lazy<GradientChecker> Float32 = new(() => new GradientChecker(Cases, single: true));

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Name });

    [Theory, MemberData(nameof(Names))]
    public void Float64_gradient(string name) => Float64.Value.Verify(Cases.Single(c => c.Name == name), name.GetHashCode(StringComparison.Ordinal) & 0xffff);

    [Theory, MemberData(nameof(Names))]
    public void Float32_gradient(string name) => Float32.Value.Verify(Cases.Single(c => c.Name == name), 17 + name.Length);
}
