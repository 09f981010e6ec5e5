using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests;

/// <summary>
/// <see cref="NumPy"/> prints as NumPy 1.24 does. Each expected string is NumPy's own output for the
/// same array (repr, then str), so a tutorial run can be compared with a PyTensor session by eye.
/// </summary>
public sealed class NumPyFormatTests
{
    private static Tensor<T> T<T>(T[] data, params nint[] shape) => Tensor.Create(data, shape);

    [Fact]
    public void Floats_pad_to_a_common_width() =>
        Assert.Equal("array([[0.5       , 0.73105858],\n       [0.26894142, 0.11920292]])",
            NumPy.Repr(T(new[] { 0.5, 0.7310585786300049, 0.2689414213699951, 0.11920292202211755 }, 2, 2)));

    [Fact]
    public void Whole_floats_print_with_a_trailing_point_and_sign_padding() =>
        Assert.Equal("array([[ 1.,  0.],\n       [-1., -2.]])", NumPy.Repr(T(new[] { 1.0, 0, -1, -2 }, 2, 2)));

    [Theory]
    [InlineData(34.0, "array(34.)")]
    [InlineData(0.5, "array(0.5)")]
    [InlineData(-2.25, "array(-2.25)")]
    [InlineData(1e-7, "array(1.e-07)")]
    public void Zero_d_float_repr(double value, string expected) => Assert.Equal(expected, NumPy.Repr(value));

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(34.0, "34.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789.5, "123456789.5")]
    [InlineData(-0.0001, "-0.0001")]
    public void Zero_d_str_is_python_float_repr(double value, string expected) => Assert.Equal(expected, NumPy.Str(value));

    [Fact]
    public void Integers_and_bools()
    {
        Assert.Equal("array(0)", NumPy.Repr(0L));
        Assert.Equal("array([ 1, -2, 30])", NumPy.Repr(T(new[] { 1L, -2, 30 }, 3)));
        Assert.Equal("array([ True, False])", NumPy.Repr(T(new[] { true, false }, 2)));
        Assert.Equal("[ True False]", NumPy.Str(T(new[] { true, false }, 2)));
        Assert.Equal("array([1, 2], dtype=int32)", NumPy.Repr(T(new[] { 1, 2 }, 2)));
    }

    [Fact]
    public void Float32_shows_its_dtype() =>
        Assert.Equal("array([0.5, 1.5], dtype=float32)", NumPy.Repr(T(new[] { 0.5f, 1.5f }, 2)));

    [Fact]
    public void Scientific_when_the_range_is_wide() =>
        Assert.Equal("array([1.e-05, 1.e+00])", NumPy.Repr(T(new[] { 1e-5, 1.0 }, 2)));

    [Fact]
    public void Empty_arrays() =>
        Assert.Equal("array([], shape=(0, 3), dtype=float64)", NumPy.Repr(T(new double[0], 0, 3)));

    [Fact]
    public void Long_vectors_wrap_at_75_columns()
    {
        var data = new double[12];
        for (int i = 0; i < data.Length; i++) data[i] = i + 0.5;
        Assert.Equal(
            "array([ 0.5,  1.5,  2.5,  3.5,  4.5,  5.5,  6.5,  7.5,  8.5,  9.5, 10.5,\n       11.5])",
            NumPy.Repr(T(data, 12)));
        var longer = new double[20];
        for (int i = 0; i < longer.Length; i++) longer[i] = i + 0.5;
        Assert.Equal(
            "array([ 0.5,  1.5,  2.5,  3.5,  4.5,  5.5,  6.5,  7.5,  8.5,  9.5, 10.5,\n" +
            "       11.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5, 18.5, 19.5])",
            NumPy.Repr(T(longer, 20)));
    }

    [Fact]
    public void More_than_a_thousand_elements_are_summarised()
    {
        var data = new long[2000];
        for (int i = 0; i < data.Length; i++) data[i] = i;
        Assert.Equal("array([   0,    1,    2, ..., 1997, 1998, 1999])", NumPy.Repr(T(data, 2000)));
        Assert.Equal("[   0    1    2 ... 1997 1998 1999]", NumPy.Str(T(data, 2000)));
    }

    /// <summary>Cases printed by NumPy 1.24 itself (Data/make_numpy_format.py; the numbers are committed).</summary>
    public static IEnumerable<object[]> NumPyCases()
    {
        var lines = File.ReadAllLines(Repo.File("Tests/Tensorgen.Tests/Data/numpy_format.txt"));
        for (int i = 0; i + 4 < lines.Length; i += 5)
            yield return new object[] { i / 5, lines[i], lines[i + 1], lines[i + 2], Unescape(lines[i + 3]), Unescape(lines[i + 4]) };
    }

    [Theory, MemberData(nameof(NumPyCases))]
    public void Matches_numpy(int index, string dtype, string shapeText, string values, string repr, string str)
    {
        var shape = shapeText.Length == 0 ? System.Array.Empty<nint>() : shapeText.Split(',').Select(d => (nint)int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        var items = values.Length == 0 ? System.Array.Empty<string>() : values.Split(' ');
        double Parse(string v) => v switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.Parse(v, CultureInfo.InvariantCulture) };
        (string Repr, string Str) Print<TValue>(TValue[] data) => shape.Length == 0
            ? (NumPy.Repr(data[0]), NumPy.Str(data[0]))
            : (NumPy.Repr(Tensor.Create(data, shape)), NumPy.Str(Tensor.Create(data, shape)));
        var printed = dtype switch
        {
            "float64" => Print(items.Select(Parse).ToArray()),
            "float32" => Print(items.Select(v => (float)Parse(v)).ToArray()),
            "int64" => Print(items.Select(long.Parse).ToArray()),
            "int32" => Print(items.Select(int.Parse).ToArray()),
            "bool" => Print(items.Select(v => v != "0").ToArray()),
            _ => throw new InvalidOperationException(dtype),
        };
        Assert.True(repr == printed.Repr, $"case {index} repr:\nnumpy:\n{repr}\ntensorgen:\n{printed.Repr}");
        Assert.True(str == printed.Str, $"case {index} str:\nnumpy:\n{str}\ntensorgen:\n{printed.Str}");
    }

    private static string Unescape(string s) => s.Replace("\\n", "\n").Replace("\\\\", "\\");
}
