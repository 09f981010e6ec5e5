using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Tests;

/// <summary>
/// Every form a caller can pass as a tensor input: its <c>Data</c> in row-major order, its rank and
/// sizes, and whether it is read in place (dense forms) or copied (strided, transposed, broadcast).
/// Expected values come from index arithmetic over the backing array, not from System.Numerics.Tensors.
/// </summary>
public sealed class TensorArgTests
{
    private static double[] Iota(int n, double from = 0) => Enumerable.Range(0, n).Select(i => from + i).ToArray();

    /// <summary>The case: a slice that does not start at its array's element 0 was read from element 0.</summary>
    [Fact]
    public void Logistic_of_rows_4_to_11_of_a_larger_matrix_reads_those_rows()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 16 * 5).Select(_ => 8 * random.NextDouble() - 4).ToArray();
        var matrix = Tensor.Create(values, [16, 5]);
        var rows = matrix.Slice(4..12, ..);
        var copy = new double[8, 5];
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 5; j++) copy[i, j] = values[(4 + i) * 5 + j];

        var logistic = new Page.LogisticFunction();
        var fromSlice = logistic.Invoke(rows);
        var fromCopy = logistic.Invoke(copy);

        Assert.Equal(new nint[] { 8, 5 }, fromSlice.Lengths.ToArray());
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 5; j++)
            {
                Assert.Equal(fromCopy[i, j], fromSlice[i, j]);
                Assert.Equal(1 / (1 + Math.Exp(-copy[i, j])), fromSlice[i, j], 1e-15);
            }
    }

    [Fact]
    public void A_whole_tensor_is_read_in_place()
    {
        var data = Iota(12);
        TensorArg<double> arg = Tensor.Create(data, [3, 4]);
        AssertArg(arg, [3, 4], data);
        AssertInPlace(arg, data, 0);
    }

    [Fact]
    public void A_row_slice_is_read_in_place_from_its_first_element()
    {
        var data = Iota(48);
        var rows = Tensor.Create(data, [12, 4]).Slice(4..12, ..);
        TensorArg<double> arg = rows;
        AssertArg(arg, [8, 4], data[16..48]);
        AssertInPlace(arg, data, 16);

        TensorArg<double> one = Tensor.Create(data, [12, 4]).Slice(11..12, ..);
        AssertArg(one, [1, 4], data[44..48]);
        AssertInPlace(one, data, 44);
    }

    /// <summary>No copy at the call either: with borrowed outputs, a call on a dense slice allocates nothing.</summary>
    [Fact]
    public void A_call_on_a_dense_slice_allocates_nothing()
    {
        var rows = Tensor.Create(Iota(64 * 8), [64, 8]).Slice(16..48, ..);
        var logistic = new Page.LogisticFunction { BorrowOutputs = true };
        for (int i = 0; i < 40; i++) logistic.Invoke(rows);
        var (fewest, rounds) = Infrastructure.AllocationProbe.Measure(() => { for (int i = 0; i < 100; i++) logistic.Invoke(rows); });
        Assert.True(fewest == 0, rounds);
    }

    [Fact]
    public void A_slice_of_a_slice_is_read_from_its_own_first_element()
    {
        var data = Iota(60);
        var inner = Tensor.Create(data, [3, 4, 5]).Slice(1..3, .., ..).Slice(1..2, 2..4, ..);
        TensorArg<double> arg = inner;
        AssertArg(arg, [1, 2, 5], data[(20 + 20 + 10)..(20 + 20 + 20)]);
        AssertInPlace(arg, data, 50);
    }

    [Fact]
    public void Column_slices_are_copied_in_row_major_order()
    {
        var data = Iota(48);
        var m = Tensor.Create(data, [12, 4]);
        TensorArg<double> columns = m.Slice(.., 1..3);
        AssertArg(columns, [12, 2], Expected(data, 1, [12, 2], [4, 1]));
        AssertCopied(columns, data);

        TensorArg<double> column = m.Slice(.., 2..3);
        AssertArg(column, [12, 1], Expected(data, 2, [12, 1], [4, 1]));
        AssertCopied(column, data);
    }

    [Fact]
    public void Every_other_column_is_copied()
    {
        var data = Iota(48);
        TensorArg<double> arg = Tensor.Create(data, 1, [6, 4], [8, 2]);
        AssertArg(arg, [6, 4], Expected(data, 1, [6, 4], [8, 2]));
        AssertCopied(arg, data);
    }

    [Fact]
    public void Transposed_views_are_copied_in_their_logical_order()
    {
        var data = Iota(24);
        TensorArg<double> matrix = Tensor.PermuteDimensions(Tensor.Create(data, [4, 6]), [1, 0]);
        AssertArg(matrix, [6, 4], Expected(data, 0, [6, 4], [1, 6]));
        AssertCopied(matrix, data);

        TensorArg<double> cube = Tensor.PermuteDimensions(Tensor.Create(data, [2, 3, 4]), [2, 0, 1]);
        AssertArg(cube, [4, 2, 3], Expected(data, 0, [4, 2, 3], [1, 12, 4]));
        AssertCopied(cube, data);
    }

    [Fact]
    public void Broadcast_views_are_copied_with_their_repeats()
    {
        var data = Iota(10);
        TensorArg<double> rows = Tensor.Create(data, 2, [3, 4], [0, 1]);
        AssertArg(rows, [3, 4], [2, 3, 4, 5, 2, 3, 4, 5, 2, 3, 4, 5]);
        AssertCopied(rows, data);

        TensorArg<double> columns = Tensor.Create(data, 2, [3, 4], [1, 0]);
        AssertArg(columns, [3, 4], [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);

        TensorArg<double> middle = Tensor.Create(data, 0, [2, 3, 2], [2, 0, 1]);
        AssertArg(middle, [2, 3, 2], [0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3]);
    }

    [Fact]
    public void Empty_tensors_and_empty_slices_have_their_shape_and_no_data()
    {
        var data = Iota(48);
        var m = Tensor.Create(data, [12, 4]);
        foreach (var (tensor, shape) in new[] { (m.Slice(5..5, ..), new nint[] { 0, 4 }), (m.Slice(.., 2..2), new nint[] { 12, 0 }), (Tensor.Create(Array.Empty<double>(), [0, 3]), new nint[] { 0, 3 }) })
        {
            TensorArg<double> arg = tensor;
            AssertArg(arg, shape, []);
        }
    }

    [Fact]
    public void Tensor_spans_and_read_only_tensor_spans_are_read_like_tensors()
    {
        var data = Iota(48);
        TensorArg<double> dense = new TensorSpan<double>(data, 8, [3, 4], [4, 1]);
        AssertArg(dense, [3, 4], data[8..20]);
        AssertInPlace(dense, data, 8);

        TensorArg<double> slice = Tensor.Create(data, [12, 4]).AsTensorSpan().Slice(4..12, ..);
        AssertArg(slice, [8, 4], data[16..48]);
        AssertInPlace(slice, data, 16);

        TensorArg<double> strided = new ReadOnlyTensorSpan<double>(data, 2, [2, 3], [6, 2]);
        AssertArg(strided, [2, 3], [2, 4, 6, 8, 10, 12]);
        AssertCopied(strided, data);

        TensorArg<double> broadcast = new TensorSpan<double>(data, 2, [2, 3, 4], [0, 4, 1]);
        AssertArg(broadcast, [2, 3, 4], Expected(data, 2, [2, 3, 4], [0, 4, 1]));

        // Over memory that is not an array: a span's elements, read in place.
        Span<double> stack = stackalloc double[20];
        for (int i = 0; i < stack.Length; i++) stack[i] = 100 + i;
        TensorArg<double> fromSpan = new ReadOnlyTensorSpan<double>(stack.Slice(3, 15), [3, 5], [5, 1]);
        AssertArg(fromSpan, [3, 5], Iota(15, 103));
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(fromSpan.Data), ref Unsafe.AsRef(in stack[3])));

        TensorArg<double> none = default(ReadOnlyTensorSpan<double>);
        Assert.False(none.IsNull);
        Assert.Equal(0, none.Rank);
        Assert.Equal("()", none.ShapeText());
    }

    [Fact]
    public void Spans_are_vectors_read_in_place()
    {
        var data = Iota(10);
        TensorArg<double> span = data.AsSpan(2, 5);
        AssertArg(span, [5], data[2..7]);
        AssertInPlace(span, data, 2);

        TensorArg<double> readOnly = (ReadOnlySpan<double>)data.AsSpan(7);
        AssertArg(readOnly, [3], data[7..10]);
        AssertInPlace(readOnly, data, 7);
    }

    [Fact]
    public void Invoke_takes_spans_and_tensor_spans_as_it_takes_arrays()
    {
        var data = Iota(20).Select(v => v / 5 - 2).ToArray();
        var vector = new Graphs.TestGraphs.HelpersFunction();
        var expected = vector.Invoke(data[3..11]);
        Assert.True(expected.SequenceEqual(vector.Invoke(data.AsSpan(3, 8))));
        Assert.True(expected.SequenceEqual(vector.Invoke((ReadOnlySpan<double>)data.AsSpan(3, 8))));
        Assert.True(expected.SequenceEqual(vector.Invoke(new TensorSpan<double>(data, 3, [8], [1]))));

        var logistic = new Page.LogisticFunction();
        var matrix = new double[2, 4];
        for (int k = 0; k < 8; k++) matrix[k / 4, k % 4] = data[4 + k];
        var fromArray = logistic.Invoke(matrix);
        Assert.True(fromArray.SequenceEqual(logistic.Invoke(Tensor.Create(data, [5, 4]).AsTensorSpan().Slice(1..3, ..))));
        Assert.True(fromArray.SequenceEqual(logistic.Invoke(new ReadOnlyTensorSpan<double>(data, 4, [2, 4], [4, 1]))));
        Assert.True(fromArray.SequenceEqual(logistic.Invoke(TensorArg<double>.FromArray(matrix))));
    }

    [Fact]
    public void Arrays_of_every_rank_are_read_in_place()
    {
        var v = new double[] { 1, 2, 3 };
        TensorArg<double> a1 = v;
        AssertArg(a1, [3], v);
        AssertInPlace(a1, v, 0);

        AssertArray(new double[2, 3], a => (double[,])a);
        AssertArray(new double[2, 3, 2], a => (double[,,])a);
        AssertArray(new double[2, 1, 3, 2], a => (double[,,,])a);
        AssertArray(new double[2, 1, 3, 1, 2], a => (double[,,,,])a);
        AssertArray(new double[1, 2, 1, 3, 1, 2], a => (double[,,,,,])a);
        AssertArray(new double[1, 2, 1, 3, 1, 2, 2], a => (double[,,,,,,])a);
        AssertArray(new double[2, 1, 2, 1, 3, 1, 2, 2], a => (double[,,,,,,,])a);
        AssertArray(Array.CreateInstance(typeof(double), 2, 1, 2, 1, 3, 1, 2, 1, 2, 1), TensorArg<double>.FromArray);
        // Non-zero lower bounds change indices, not the layout.
        AssertArray(Array.CreateInstance(typeof(double), [2, 3], [5, -1]), TensorArg<double>.FromArray);
        AssertArray(Array.CreateInstance(typeof(double), [4], [1]), TensorArg<double>.FromArray);
        AssertArray(new double[3, 0], TensorArg<double>.FromArray);
    }

    [Fact]
    public void From_array_rejects_another_element_type_and_passes_null_on()
    {
        var e = Assert.Throws<ArgumentException>(() => TensorArg<int>.FromArray(new uint[3]));
        Assert.Equal("array", e.ParamName);
        Assert.Contains("needs an array of Int32, but got a UInt32[]", e.Message);
        var jagged = Assert.Throws<ArgumentException>(() => TensorArg<double>.FromArray(new double[2][]));
        Assert.Contains("an array of arrays is not a tensor", jagged.Message);
        Assert.Throws<ArgumentException>(() => TensorArg<float>.FromArray(new double[2, 2]));
        Assert.True(TensorArg<double>.FromArray(null).IsNull);
    }

    [Fact]
    public void Null_forms_are_null()
    {
        Assert.True(((TensorArg<double>)(double[])null!).IsNull);
        Assert.True(((TensorArg<double>)(double[,,,,])null!).IsNull);
        Assert.True(((TensorArg<double>)(Tensor<double>)null!).IsNull);
    }

    [Fact]
    public void Ranks_above_eight_keep_every_size()
    {
        var data = Iota(2 * 3 * 2);
        var tensor = Tensor.Create(data, [1, 2, 1, 1, 3, 1, 1, 1, 2, 1]);
        TensorArg<double> arg = tensor;
        AssertArg(arg, [1, 2, 1, 1, 3, 1, 1, 1, 2, 1], data);
        AssertInPlace(arg, data, 0);
        Assert.Equal("(1, 2, 1, 1, 3, 1, 1, 1, 2, 1)", arg.ShapeText());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TensorArg<double>)tensor).Length(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((TensorArg<double>)new double[2]).Length(1));
    }

    [Fact]
    public void A_view_with_more_elements_than_an_array_holds_is_reported_by_name()
    {
        var one = new double[1];
        var huge = Tensor.Create(one, 0, [70_000, 70_000], [0, 0]);
        TensorArg<double> arg = huge;
        Assert.True(arg.IsTooLarge);
        Assert.Equal("(70000, 70000)", arg.ShapeText());
        Assert.True(arg.Data.IsEmpty);

        var e = Assert.Throws<TensorShapeException>(() => new Page.LogisticFunction().Invoke(huge));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("Graphs.Logistic: input 'x' has shape (70000, 70000), more elements than", e.Message);
    }

    /// <summary>
    /// Random views of ranks 1 to 4 (permuted, stepped, broadcast, offset), each read against the
    /// element at <c>start + Σ i·stride</c> of its backing array.
    /// </summary>
    [Fact]
    public void Random_views_read_the_element_their_strides_address()
    {
        var random = new Random(3);
        int inPlace = 0, copied = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            int rank = random.Next(1, 5);
            var lengths = Enumerable.Range(0, rank).Select(_ => (nint)random.Next(1, 5)).ToArray();
            var order = Enumerable.Range(0, rank).OrderBy(_ => random.Next()).ToArray();
            // System.Numerics.Tensors takes strides that, sorted, each step over the whole previous
            // dimension (stride ≥ length · stride before it), and stride 0 for a dimension of length 1.
            var strides = new nint[rank];
            nint minimum = 1, last = 0;
            foreach (int d in order)
            {
                if (lengths[d] == 1 || random.Next(5) == 0) continue;
                strides[d] = minimum * random.Next(1, 3);
                minimum = strides[d] * lengths[d];
                last += (lengths[d] - 1) * strides[d];
            }
            int start = random.Next(3);
            var data = Iota(start + (int)last + 1 + random.Next(3), 1000);
            var tensor = Tensor.Create(data, start, lengths, strides);
            TensorArg<double> arg = tensor;
            AssertArg(arg, lengths, Expected(data, start, lengths, strides));
            bool rowMajor = true;
            nint expected = 1;
            for (int d = rank - 1; d >= 0; d--)
            {
                if (lengths[d] == 1) continue;
                rowMajor &= strides[d] == expected;
                expected *= lengths[d];
            }
            if (rowMajor) AssertInPlace(arg, data, start);
            else AssertCopied(arg, data);
            if (rowMajor) inPlace++;
            else copied++;
        }
        Assert.True(inPlace > 30 && copied > 30, $"{inPlace} dense and {copied} other views");
    }

    [Fact]
    public void Strided_views_give_the_same_results_as_their_copies()
    {
        var data = Iota(60).Select(v => v / 20 - 1.5).ToArray();
        var storage = Tensor.Create(data, [6, 10]);
        var everyOther = Tensor.Create(data, 1, [6, 5], [10, 2]);
        var transposed = Tensor.PermuteDimensions(storage, [1, 0]);
        var f = new Page.LogisticFunction();
        foreach (var view in new[] { everyOther, transposed })
        {
            var copy = new double[(int)view.Lengths[0], (int)view.Lengths[1]];
            for (int i = 0; i < copy.GetLength(0); i++)
                for (int j = 0; j < copy.GetLength(1); j++) copy[i, j] = view[i, j];
            var expected = f.Invoke(copy);
            var actual = f.Invoke(view);
            Assert.Equal(expected.Lengths.ToArray(), actual.Lengths.ToArray());
            Assert.True(expected.SequenceEqual(actual));
        }
    }

    private static double[] Expected(double[] data, int start, nint[] lengths, nint[] strides)
    {
        int count = (int)lengths.Aggregate((nint)1, (a, b) => a * b);
        var result = new double[count];
        var index = new nint[lengths.Length];
        for (int k = 0; k < count; k++)
        {
            nint offset = start;
            for (int d = 0; d < lengths.Length; d++) offset += index[d] * strides[d];
            result[k] = data[offset];
            for (int d = lengths.Length - 1; d >= 0 && ++index[d] == lengths[d]; d--) index[d] = 0;
        }
        return result;
    }

    private static void AssertArg(TensorArg<double> arg, nint[] lengths, double[] data)
    {
        Assert.False(arg.IsNull);
        Assert.False(arg.IsTooLarge);
        Assert.Equal(lengths.Length, arg.Rank);
        for (int d = 0; d < lengths.Length; d++) Assert.Equal(lengths[d], arg.Length(d));
        Assert.Equal(data, arg.Data.ToArray());
    }

    private static void AssertInPlace(TensorArg<double> arg, double[] backing, int offset) =>
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(arg.Data), ref backing[offset]), "read in place from its first element");

    private static void AssertCopied(TensorArg<double> arg, double[] backing) =>
        Assert.False(arg.Data.Overlaps(backing), "copied");

    private static void AssertArray(Array array, Func<Array, TensorArg<double>> convert)
    {
        var flat = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
        for (int i = 0; i < flat.Length; i++) flat[i] = i + 1;
        var arg = convert(array);
        AssertArg(arg, Enumerable.Range(0, array.Rank).Select(d => (nint)array.GetLength(d)).ToArray(), flat.ToArray());
        if (array.Length > 0) Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(arg.Data), ref flat[0]), "read in place");
    }
}
