using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Array = Tensorgen.Tests.Infrastructure.Array;

namespace Tensorgen.Tests.Joins;

/// <summary>
/// Concatenate, Stack and Split: the generated kernels against the reference evaluator on several shapes (empty, size 1,
/// odd sizes past the vector width), float64 and float32, and against NumPy's values (joins_reference.py).
/// </summary>
public sealed class JoinTests
{
    private static readonly JoinHarness Cases = new(
        new("Rows", "var a = DMatrix(\"a\"); var b = DMatrix(\"b\"); return Function([a, b], Concatenate([a, b]));", ["double", "double"], ["double"]),
        new("Columns", "var a = FMatrix(\"a\"); var b = FMatrix(\"b\"); return Function([a, b], Concatenate([a, b], axis: -1));", ["float", "float"], ["float"]),
        new("Three", "var a = DTensor3(\"a\"); var b = DTensor3(\"b\"); var c = DTensor3(\"c\"); return Function([a, b, c], Concatenate([a, b, c], 1));", ["double", "double", "double"], ["double"]),
        new("Promoted", "var a = FVector(\"a\"); var b = DVector(\"b\"); var n = LVector(\"n\"); return Function([a, b, n], Concatenate([a, b, n]) * 2);", ["float", "double", "long"], ["double"]),
        new("StackFirst", "var a = DVector(\"a\"); var b = DVector(\"b\"); return Function([a, b], Stack([a, b]));", ["double", "double"], ["double"]),
        new("StackLast", "var a = FMatrix(\"a\"); var b = FMatrix(\"b\"); return Function([a, b], Stack([a, b], axis: -1) + 1f);", ["float", "float"], ["float"]),
        new("StackScalars", "var a = DScalar(\"a\"); var b = DScalar(\"b\"); return Function([a, b], Stack([a, b, a]));", ["double0", "double0"], ["double"]),
        new("SplitRows", "var x = DMatrix(\"x\"); var (p, q) = Split(x, [2, 3]); return Function([x], [p, q * 10]);", ["double"], ["double", "double"]),
        new("SplitColumns", "var x = FMatrix(\"x\"); var n = LScalar(\"n\"); var parts = Split(x, [n, 1], axis: 1); return Function([x, n], [parts[0], parts[1]]);", ["float", "long0"], ["float", "float"]),
        new("Roundtrip", "var x = DMatrix(\"x\"); var n = LScalar(\"n\"); var (p, q) = Split(x, [n, x.Shape[0] - n]); return Function([x, n], Concatenate([q, p]));", ["double", "long0"], ["double"]));

    public static TheoryData<int, int> Sizes => new() { { 0, 3 }, { 1, 1 }, { 2, 3 }, { 17, 5 }, { 3, 0 } };

    [Fact]
    public void Builds_without_diagnostics() => Assert.Empty(Cases.Run.CompileErrors);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Concatenates_rows(int m, int n) => Cases.Compare("Rows", m * 31 + n, [m, n], [m + 2, n]);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Concatenates_columns_in_float32(int m, int n) => Cases.Compare("Columns", m * 31 + n, [m, n], [m, 2 * n + 1]);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Concatenates_three_along_the_middle_axis(int m, int n) => Cases.Compare("Three", m * 31 + n, [2, m, n], [2, 1, n], [2, n, n]);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Promotes_dtypes(int m, int n) => Cases.Compare("Promoted", m * 31 + n, [m], [n], [m + n]);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Stacks(int m, int n)
    {
        Cases.Compare("StackFirst", m * 31 + n, [m * n], [m * n]);
        Cases.Compare("StackLast", m * 31 + n, [m, n], [m, n]);
    }

    [Fact]
    public void Stacks_scalars() => Assert.Equal([1.5, -2.0, 1.5], Cases.Call("StackScalars", Array.Scalar(1.5), Array.Scalar(-2))[0].Data);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Splits(int m, int n)
    {
        Cases.Compare("SplitRows", m * 31 + n, [5, n]);
        Cases.Compare("SplitColumns", new Array(TensorData.Random(new System.Random(m), [m, n + 1]).Data, [m, n + 1]), Array.Scalar(n));
        Cases.Compare("Roundtrip", new Array(TensorData.Random(new System.Random(n), [m, n]).Data, [m, n]), Array.Scalar(m / 2));
    }

    [Fact]
    public void A_split_that_does_not_fit_throws_naming_the_function_and_input()
    {
        var x = TensorData.Random(new System.Random(1), [4, 3]);
        var e = Assert.Throws<TensorShapeException>(() => Cases.Call("SplitColumns", x, Array.Scalar(3)));
        Assert.Contains("SplitColumns", e.Message);
        Assert.Contains("'x'", e.Message);
        Assert.Contains("add up to 4, not to the length 3 of its axis 1", e.Message);
        Assert.Throws<TensorShapeException>(() => Cases.Call("SplitColumns", x, Array.Scalar(-1)));
        Assert.Throws<TensorShapeException>(() => Cases.Call("SplitRows", TensorData.Random(new System.Random(1), [4, 3])));
        Assert.Throws<TensorShapeException>(() => Cases.Call("Roundtrip", x, Array.Scalar(5)));
    }

    [Fact]
    public void Other_axes_are_checked_at_run_time_naming_the_function_and_inputs()
    {
        var e = Assert.ThrowsAny<System.ArgumentException>(() => Cases.Call("Rows", TensorData.Random(new System.Random(1), [2, 3]), TensorData.Random(new System.Random(2), [2, 4])));
        Assert.Contains("Rows", e.Message);
        Assert.Contains("'a'", e.Message);
        Assert.Contains("'b'", e.Message);
    }

    // NumPy (joins_reference.py): np.concatenate([arange(6).reshape(2, 3), [[10, 11, 12]]]), with axis=-1 and [[-1, -2], [-3, -4]];
    // np.stack([[1, 2, 3], [4, 5, 6]], axis=1); np.split(arange(10).reshape(5, 2), [2]).
    [Fact]
    public void Matches_numpy()
    {
        var a = new Array([0, 1, 2, 3, 4, 5], [2, 3]);
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 10, 11, 12], Cases.Call("Rows", a, new Array([10, 11, 12], [1, 3]))[0].Data);
        Assert.Equal([0.0, 1, 2, -1, -2, 3, 4, 5, -3, -4], Cases.Call("Columns", a, new Array([-1, -2, -3, -4], [2, 2]))[0].Data);
        var stacked = Cases.Call("StackFirst", new Array([1, 2, 3], [3]), new Array([4, 5, 6], [3]))[0];
        Assert.Equal([2, 3], stacked.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], stacked.Data);
        var last = Cases.Call("StackLast", a, new Array(a.Data.Select(v => 2 * v).ToArray(), [2, 3]))[0];
        Assert.Equal([2, 3, 2], last.Shape);
        Assert.Equal(new[] { 0.0, 0, 1, 2, 2, 4, 3, 6, 4, 8, 5, 10 }.Select(v => v + 1), last.Data);
        var pieces = Cases.Call("SplitRows", new Array(Enumerable.Range(0, 10).Select(i => (double)i).ToArray(), [5, 2]));
        Assert.Equal([0.0, 1, 2, 3], pieces[0].Data);
        Assert.Equal([40.0, 50, 60, 70, 80, 90], pieces[1].Data);
        Assert.Equal([3, 2], pieces[1].Shape);
    }
}
