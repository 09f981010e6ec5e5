using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;

namespace Tensorgen.Tests.Joins;

/// <summary>
/// Matmul, Dot of every rank and Tensordot: the generated code against the reference evaluator on several shapes,
/// float64 and float32, and against NumPy's values (joins_reference.py).
/// </summary>
public sealed class ProductTests
{
    private static readonly JoinHarness Cases = new(
        new("Batched", "var a = DTensor3(\"a\"); var b = DMatrix(\"b\"); return Function([a, b], Matmul(a, b));", ["double", "double"], ["double"]),
        new("Batched32", "var a = FTensor3(\"a\"); var b = FTensor3(\"b\"); return Function([a, b], Matmul(a, b));", ["float", "float"], ["float"]),
        new("Broadcast", "var a = Tensor(\"a\", DType.Float64, [null, 1, null, null]); var b = DTensor3(\"b\"); return Function([a, b], Matmul(a, b));", ["double", "double"], ["double"]),
        new("VectorLeft", "var u = DVector(\"u\"); var b = DTensor3(\"b\"); return Function([u, b], Matmul(u, b));", ["double", "double"], ["double"]),
        new("VectorRight", "var a = FTensor3(\"a\"); var v = FVector(\"v\"); return Function([a, v], Matmul(a, v));", ["float", "float"], ["float"]),
        new("Matrices", "var a = DMatrix(\"a\"); var b = DMatrix(\"b\"); return Function([a, b], Matmul(a, b));", ["double", "double"], ["double"]),
        new("Mixed", "var a = FTensor3(\"a\"); var b = DMatrix(\"b\"); return Function([a, b], Matmul(a, b));", ["float", "double"], ["double"]),
        new("Dot33", "var a = DTensor3(\"a\"); var b = DTensor3(\"b\"); return Function([a, b], Dot(a, b));", ["double", "double"], ["double"]),
        new("Dot3v", "var a = DTensor3(\"a\"); var v = DVector(\"v\"); return Function([a, v], Dot(a, v));", ["double", "double"], ["double"]),
        new("DotM3", "var a = FMatrix(\"a\"); var b = FTensor3(\"b\"); return Function([a, b], Dot(a, b));", ["float", "float"], ["float"]),
        new("Pairs", "var a = DTensor3(\"a\"); var b = DMatrix(\"b\"); return Function([a, b], Tensordot(a, b, [[1, 2], [1, 0]]));", ["double", "double"], ["double"]),
        new("One", "var a = FTensor3(\"a\"); var b = FMatrix(\"b\"); return Function([a, b], Tensordot(a, b, 1));", ["float", "float"], ["float"]),
        new("Outer", "var a = DVector(\"a\"); var b = DMatrix(\"b\"); return Function([a, b], Tensordot(a, b, 0));", ["double", "double"], ["double"]),
        new("Full", "var a = FMatrix(\"a\"); var b = FMatrix(\"b\"); return Function([a, b], Stack([Tensordot(a, b, 2)]));", ["float", "float"], ["float"]));

    public static TheoryData<int, int> Sizes => new() { { 0, 3 }, { 1, 1 }, { 2, 3 }, { 17, 5 }, { 3, 0 } };

    [Fact]
    public void Builds_without_diagnostics() => Assert.Empty(Cases.Run.CompileErrors);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Batched_products(int m, int n)
    {
        int seed = m * 31 + n;
        Cases.Compare("Batched", seed, [3, m, n], [n, m + 1]);
        Cases.Compare("Batched32", seed, [m, 2, n], [m, n, 3]);
        Cases.Compare("Batched32", seed, [m, 1, 1], [m, 1, n]);
        Cases.Compare("Mixed", seed, [2, m, n], [n, 3]);
        Cases.Compare("Matrices", seed, [m, n], [n, m]);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Batch_axes_broadcast(int m, int n)
    {
        Cases.Compare("Broadcast", m * 31 + n, [2, 1, m, n], [4, n, 3]);
        Cases.Compare("Broadcast", m * 31 + n, [m, 1, 2, n], [1, n, m]);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Vectors_are_rows_or_columns(int m, int n)
    {
        Cases.Compare("VectorLeft", m * 31 + n, [n], [m, n, 3]);
        Cases.Compare("VectorRight", m * 31 + n, [2, m, n], [n]);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Dot_of_every_rank(int m, int n)
    {
        Cases.Compare("Dot33", m * 31 + n, [2, m, n], [3, n, m]);
        Cases.Compare("Dot3v", m * 31 + n, [m, 3, n], [n]);
        Cases.Compare("DotM3", m * 31 + n, [m, n], [2, n, 3]);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tensordot_sums_over_paired_axes(int m, int n)
    {
        Cases.Compare("Pairs", m * 31 + n, [2, m, n], [n, m]);
        Cases.Compare("One", m * 31 + n, [2, m, n], [n, 3]);
        Cases.Compare("Outer", m * 31 + n, [m], [n, 2]);
        Cases.Compare("Full", m * 31 + n, [m, n], [m, n]);
    }

    [Fact]
    public void Inner_sizes_are_checked_at_run_time_naming_the_function()
    {
        var e = Assert.ThrowsAny<System.ArgumentException>(() => Cases.Call("Batched", TensorData.Random(new System.Random(1), [2, 3, 4]), TensorData.Random(new System.Random(2), [5, 2])));
        Assert.Contains("Batched", e.Message);
        e = Assert.ThrowsAny<System.ArgumentException>(() => Cases.Call("Batched32", TensorData.Random(new System.Random(1), [2, 3, 4]), TensorData.Random(new System.Random(2), [3, 4, 2])));
        Assert.Contains("Batched32", e.Message);
    }

    private static Array Range(int[] shape, System.Func<double, double> f) =>
        new(Enumerable.Range(0, shape.Aggregate(1, (p, d) => p * d)).Select(i => f(i)).ToArray(), shape);

    // NumPy (joins_reference.py): matmul(arange(24).reshape(2, 3, 4), arange(20).reshape(4, 5)), matmul of (2, 1, 3, 2) and (4, 2, 2),
    // matmul([1, -1, 2], arange(24).reshape(2, 3, 4)), dot of (2, 3, 2) and (3, 2, 2) tensors, tensordot with [[1, 2], [1, 0]] and 1.
    [Fact]
    public void Matches_numpy()
    {
        var batched = Cases.Call("Batched", Range([2, 3, 4], i => i), Range([4, 5], i => i))[0];
        Assert.Equal([2, 3, 5], batched.Shape);
        Assert.Equal([70.0, 76, 82, 88, 94, 190, 212, 234, 256, 278, 310, 348, 386, 424, 462, 430, 484, 538, 592, 646, 550, 620, 690, 760, 830, 670, 756, 842, 928, 1014], batched.Data);
        var broadcast = Cases.Call("Broadcast", Range([2, 1, 3, 2], i => i - 5), Range([4, 2, 2], i => i / 4))[0];
        Assert.Equal([2, 4, 3, 2], broadcast.Shape);
        Assert.Equal([-2.0, -4.25, -1.0, -2.25, 0.0, -0.25, -11.0, -13.25, -6.0, -7.25, -1.0, -1.25, -20.0, -22.25, -11.0, -12.25, -2.0, -2.25, -29.0, -31.25, -16.0, -17.25, -3.0, -3.25,
            1.0, 1.75, 2.0, 3.75, 3.0, 5.75, 4.0, 4.75, 9.0, 10.75, 14.0, 16.75, 7.0, 7.75, 16.0, 17.75, 25.0, 27.75, 10.0, 10.75, 23.0, 24.75, 36.0, 38.75], broadcast.Data);
        var left = Cases.Call("VectorLeft", new Array([1, -1, 2], [3]), Range([2, 3, 4], i => i))[0];
        Assert.Equal([2, 4], left.Shape);
        Assert.Equal([12.0, 14, 16, 18, 36, 38, 40, 42], left.Data);
        var dot = Cases.Call("Dot33", Range([2, 3, 2], i => i), Range([3, 2, 2], i => i - 6))[0];
        Assert.Equal([2, 3, 3, 2], dot.Shape);
        Assert.Equal([-4.0, -3, 0, 1, 4, 5, -24, -19, -4, 1, 16, 21, -44, -35, -8, 1, 28, 37, -64, -51, -12, 1, 40, 53, -84, -67, -16, 1, 52, 69, -104, -83, -20, 1, 64, 85], dot.Data);
        var dotVector = Cases.Call("Dot3v", Range([2, 3, 2], i => i), new Array([2, -1], [2]))[0];
        Assert.Equal([2, 3], dotVector.Shape);
        Assert.Equal([-1.0, 1, 3, 5, 7, 9], dotVector.Data);
        var pairs = Cases.Call("Pairs", Range([2, 3, 4], i => i), Range([4, 3], i => i))[0];
        Assert.Equal([440.0, 1232], pairs.Data);
        var one = Cases.Call("One", Range([2, 3, 4], i => i), Range([4, 3], i => i))[0];
        Assert.Equal([2, 3, 3], one.Shape);
        Assert.Equal([42.0, 48, 54, 114, 136, 158, 186, 224, 262, 258, 312, 366, 330, 400, 470, 402, 488, 574], one.Data);
    }
}
