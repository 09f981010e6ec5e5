using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Threading;
using Tensorgen.Tests.Graphs;
using Xunit;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.MultiCore;

/// <summary>
/// Work split across cores gives the one-thread result bit for bit: generated element-wise kernels (whose vector and
/// scalar paths differ in the last bits), A·v, Aᵀ·v and matrix products. Small inputs with the thresholds lowered, so
/// the tests stay light; each checks that a split really happened (<see cref="Parallelism.SplitCount"/>). The
/// collection runs alone: the thresholds and the global degree are process-wide.
/// </summary>
[Collection(nameof(ParallelTests))]
public sealed class ParallelTests : IDisposable
{
    private readonly int _elementwise = Parallelism.ElementwiseMinimum;
    private readonly long _matVec = Parallelism.MatVecMinimum, _gemm = Parallelism.GemmMinimum;
    private readonly int _degree = Parallelism.MaxDegreeOfParallelism;
    private readonly int _reduction = Parallelism.ReductionMinimum, _reductionChunk = Parallelism.ReductionChunkMinimum;

    public ParallelTests()
    {
        Parallelism.ElementwiseMinimum = 1024;
        Parallelism.MatVecMinimum = 0;
        Parallelism.GemmMinimum = 0;
    }

    public void Dispose()
    {
        Parallelism.ElementwiseMinimum = _elementwise;
        Parallelism.MatVecMinimum = _matVec;
        Parallelism.GemmMinimum = _gemm;
        Parallelism.MaxDegreeOfParallelism = _degree;
        Parallelism.ReductionMinimum = _reduction;
        Parallelism.ReductionChunkMinimum = _reductionChunk;
    }

    private static double[] Values(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++) values[i] = random.NextDouble() * 60 - 30;
        // Kept as they are: NaN, infinities, signed zeros, and values where exp under- or overflows.
        values[5] = double.NaN;
        values[1500] = double.PositiveInfinity;
        values[2600] = double.NegativeInfinity;
        values[3000] = -0.0;
        values[length - 1] = double.NaN;
        values[length - 2] = 800;
        values[length - 3] = -800;
        return values;
    }

    private static long[] Bits(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data.Select(BitConverter.DoubleToInt64Bits).ToArray();
    }

    private static int[] Bits(Tensor<float> t)
    {
        var data = new float[t.FlattenedLength];
        t.FlattenTo(data);
        return data.Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    /// <summary>Runs <paramref name="call"/> and returns whether it split work across threads.</summary>
    private static bool Splits(Action call)
    {
        long before = Parallelism.SplitCount;
        call();
        return Parallelism.SplitCount > before;
    }

    [Fact]
    public void A_split_element_wise_kernel_gives_the_one_core_bits_float64()
    {
        // 10,003 elements: chunks of 1024, a scalar tail of 3 (any vector width), NaN and infinities.
        var x = Values(10_003, 1);
        var one = new ParallelGraphs.LogisticFunction { MaxDegreeOfParallelism = 1 };
        var three = new ParallelGraphs.LogisticFunction { MaxDegreeOfParallelism = 3 };
        Tensor<double> expected = null!, actual = null!;
        Assert.False(Splits(() => expected = one.Invoke(x)));
        Assert.True(Splits(() => actual = three.Invoke(x)));
        Assert.Equal(Bits(expected), Bits(actual));
        var flat = new double[actual.FlattenedLength];
        actual.FlattenTo(flat);
        Assert.True(double.IsNaN(flat[5]) && double.IsNaN(flat[^1]));
        Assert.Equal(1.0, flat[1500]);
        Assert.Equal(0.0, flat[2600]);
    }

    [Fact]
    public void A_split_element_wise_kernel_gives_the_one_core_bits_float32()
    {
        var x = Values(5_000 + 13, 2).Select(v => (float)v).ToArray();
        var one = new ParallelGraphs.LogisticF32Function { MaxDegreeOfParallelism = 1 };
        var two = new ParallelGraphs.LogisticF32Function { MaxDegreeOfParallelism = 2 };
        (Tensor<float> First, Tensor<float> Second) expected = default!, actual = default!;
        Assert.False(Splits(() => expected = one.Invoke(x)));
        Assert.True(Splits(() => actual = two.Invoke(x)));
        Assert.Equal(Bits(expected.First!), Bits(actual.First!));
        Assert.Equal(Bits(expected.Second!), Bits(actual.Second!));
    }

    [Fact]
    public void Split_products_give_the_one_core_bits()
    {
        // A (70, 300): A·v splits rows, Aᵀ·u columns, A·B (70×50, depth 300: two depth blocks) row blocks.
        var random = new Random(3);
        double[,] Matrix(int rows, int columns)
        {
            var m = new double[rows, columns];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < columns; j++) m[i, j] = random.NextDouble() - 0.5;
            return m;
        }
        var a = Matrix(70, 300);
        var b = Matrix(300, 50);
        var v = Values(4000, 4).Take(300).Select(t => t / 30).ToArray();
        var u = Values(4000, 5).Take(70).Select(t => t / 30).ToArray();
        // NaN and infinity in one row and one column of A; v and u finite, so the other sums stay numbers to compare.
        v[5] = 0.25;
        u[5] = -0.25;
        a[3, 7] = double.NaN;
        a[66, 299] = double.PositiveInfinity;
        var one = new ParallelGraphs.ProductsFunction { MaxDegreeOfParallelism = 1 };
        var three = new ParallelGraphs.ProductsFunction { MaxDegreeOfParallelism = 3 };
        (Tensor<double>, Tensor<double>, Tensor<double>) expected = default, actual = default;
        Assert.False(Splits(() => expected = one.Invoke(a, b, v, u)));
        long before = Parallelism.SplitCount;
        actual = three.Invoke(a, b, v, u);
        Assert.True(Parallelism.SplitCount >= before + 4, $"{Parallelism.SplitCount - before} splits");
        Assert.Equal(Bits(expected.Item1!), Bits(actual.Item1));
        Assert.Equal(Bits(expected.Item2!), Bits(actual.Item2));
        Assert.Equal(Bits(expected.Item3!), Bits(actual.Item3));
        var av = actual.Item1.ToArray();
        Assert.True(double.IsNaN(av[3]) && double.IsInfinity(av[66]) && av.Count(double.IsFinite) == 68);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_split_float32_matrix_product_gives_the_one_core_bits(bool transA, bool transB)
    {
        const int m = 70, n = 90, k = 50;
        var random = new Random(6);
        var a = Enumerable.Range(0, m * k).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        a[17] = float.NaN;
        b[k * n - 1] = float.NegativeInfinity;
        var expected = new float[m * n];
        var actual = new float[m * n];
        Linalg.Gemm<float>(a, transA, b, transB, expected, m, n, k, Cores.One);
        Assert.True(Splits(() => Linalg.Gemm<float>(a, transA, b, transB, actual, m, n, k, new Cores(2))));
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    private static (double[] X, float[] Y, long[] K) ReductionInputs(int n, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 6 - 3).ToArray();
        // int64 values that overflow when summed: the sum wraps, as NumPy's does.
        var k = Enumerable.Range(0, n).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        return (x, x.Select(v => (float)v).ToArray(), k);
    }

    private static long[] Bits((double, double, float, float, long) r) =>
        [BitConverter.DoubleToInt64Bits(r.Item1), BitConverter.DoubleToInt64Bits(r.Item2),
         BitConverter.SingleToInt32Bits(r.Item3), BitConverter.SingleToInt32Bits(r.Item4), r.Item5];

    [Fact]
    public void A_folded_reduction_gives_the_same_bits_on_any_number_of_cores()
    {
        // 10,003 elements in chunks of 1024: ten chunks, the last of 787 (a scalar tail at any vector width).
        Parallelism.ReductionMinimum = 4096;
        Parallelism.ReductionChunkMinimum = 1024;
        var (x, y, k) = ReductionInputs(10_003, 11);
        var one = new ParallelGraphs.ReductionsFunction { MaxDegreeOfParallelism = 1 };
        var three = new ParallelGraphs.ReductionsFunction { MaxDegreeOfParallelism = 3 };
        (double, double, float, float, long) expected = default, actual = default;
        Assert.False(Splits(() => expected = one.Invoke(x, y, k)));
        Assert.True(Splits(() => actual = three.Invoke(x, y, k)));
        Assert.Equal(Bits(expected), Bits(actual));
        Assert.Equal(Bits(expected), Bits(new ParallelGraphs.ReductionsFunction { MaxDegreeOfParallelism = 2 }.Invoke(x, y, k)));

        // Against plain references: float64 to 1e-12 relative, float32 to 1e-5 (a float32 sum of 10^4 terms), exact
        // for the maximum and the wrapping int64 sum.
        double sum = 0, compensation = 0;
        foreach (var v in x)
        {
            double term = Math.Exp(v) * v, t = sum + term;
            compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        sum += compensation;
        Assert.Equal(sum, actual.Item1, Math.Abs(sum) * 1e-12);
        Assert.Equal(x.Max(v => v * v), actual.Item2);
        double ySum = y.Sum(v => (double)v);
        Assert.Equal(ySum, actual.Item3, Math.Abs(ySum) * 1e-5 + 1e-3);
        Assert.Equal(ySum / y.Length, actual.Item4, Math.Abs(ySum / y.Length) * 1e-5 + 1e-7);
        long wrapped = 0;
        foreach (var v in k) wrapped = unchecked(wrapped + v);
        Assert.Equal(wrapped, actual.Item5);

        // Below the minimum: one pass, no chunks; the same maximum and int64 sum, sums within rounding.
        Parallelism.ReductionMinimum = 1 << 20;
        var plain = three.Invoke(x, y, k);
        Assert.Equal(actual.Item2, plain.Item2);
        Assert.Equal(actual.Item5, plain.Item5);
        Assert.Equal(plain.Item1, actual.Item1, Math.Abs(sum) * 1e-12);
        Assert.Equal(plain.Item3, actual.Item3, Math.Abs(ySum) * 1e-5 + 1e-3);
    }

    [Fact]
    public void NaN_and_infinity_in_one_chunk_reach_a_folded_reduction()
    {
        Parallelism.ReductionMinimum = 4096;
        Parallelism.ReductionChunkMinimum = 1024;
        var (x, y, k) = ReductionInputs(9000, 12);
        x[7000] = double.NaN;
        y[3000] = float.PositiveInfinity;
        var r = new ParallelGraphs.ReductionsFunction { MaxDegreeOfParallelism = 2 }.Invoke(x, y, k);
        Assert.True(double.IsNaN(r.Item1) && double.IsNaN(r.Item2));
        Assert.Equal(float.PositiveInfinity, r.Item3);
        Assert.Equal(float.PositiveInfinity, r.Item4);
    }

    [Fact]
    public void The_global_degree_applies_unless_the_function_sets_its_own()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MaxDegreeOfParallelism = 0);
        var f = new ParallelGraphs.LogisticFunction();
        Assert.Throws<ArgumentOutOfRangeException>(() => f.MaxDegreeOfParallelism = 0);
        Assert.Null(f.MaxDegreeOfParallelism);
        var x = Values(4096, 7);

        Parallelism.MaxDegreeOfParallelism = 1;
        Assert.False(Splits(() => f.Invoke(x)));
        f.MaxDegreeOfParallelism = 2;
        Assert.True(Splits(() => f.Invoke(x)));

        Parallelism.MaxDegreeOfParallelism = 2;
        f.MaxDegreeOfParallelism = 1;
        Assert.False(Splits(() => f.Invoke(x)));
        f.MaxDegreeOfParallelism = null;
        Assert.True(Splits(() => f.Invoke(x)));

        // Under the threshold nothing is split, whatever the degree.
        Parallelism.ElementwiseMinimum = 4097;
        Assert.False(Splits(() => f.Invoke(x)));
    }

    [Fact]
    public void A_failing_call_with_split_work_changes_no_shared_variable()
    {
        var initial = Values(6000, 8);
        var a = Shared(initial, name: "a");
        var counter = Shared(5, name: "counter");
        var f = new StateGraphs.AddToFunction(a, counter) { MaxDegreeOfParallelism = 2 };
        Assert.Throws<TensorShapeException>(() => f.Invoke(new double[5999]));
        Assert.Equal(initial.Select(BitConverter.DoubleToInt64Bits), ((Tensor<double>)a.GetValue()).ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(5, counter.Value);

        var x = Values(6000, 9);
        Assert.True(Splits(() => f.Invoke(x)));
        var sum = ((Tensor<double>)a.GetValue()).ToArray();
        for (int i = 0; i < sum.Length; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(initial[i] + x[i]), BitConverter.DoubleToInt64Bits(sum[i]));
        Assert.Equal(6, counter.Value);
    }

    [Fact]
    public void Concurrent_calls_each_give_the_one_core_bits()
    {
        // One call at a time is split; the others run on their own threads. Either way the bits are the same.
        var x = Values(8192 + 5, 10);
        var expected = Bits(new ParallelGraphs.LogisticFunction { MaxDegreeOfParallelism = 1 }.Invoke(x));
        var f = new ParallelGraphs.LogisticFunction { MaxDegreeOfParallelism = 2 };
        var results = new long[4][][];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            results[t] = new long[25][];
            for (int i = 0; i < 25; i++) results[t][i] = Bits(f.Invoke(x));
        })).ToList();
        long before = Parallelism.SplitCount;
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.True(Parallelism.SplitCount > before);
        Assert.All(results.SelectMany(r => r), bits => Assert.Equal(expected, bits));
    }

    /// <summary>Adds each chunk's length to a counter; the chunk holding element <c>failing</c> throws instead.</summary>
    private readonly ref struct CountingJob(int[] done, int failing) : IChunkJob
    {
        public void Run(int start, int end)
        {
            if (start <= failing && failing < end) throw new InvalidOperationException($"chunk holding {failing}");
            Interlocked.Add(ref done[0], end - start);
        }
    }

    [Fact]
    public void An_exception_in_a_chunk_is_thrown_after_every_other_chunk_is_done()
    {
        const int length = 100 * 1024;
        var done = new int[1];
        var e = Assert.Throws<InvalidOperationException>(() => Parallelism.For(new CountingJob(done, 2048), length, new Cores(2)));
        Assert.Equal("chunk holding 2048", e.Message);
        // Chunks are whole multiples of 1024 elements: every one but the failed one was done before the throw.
        Assert.Equal(0, done[0] % 1024);
        Assert.True(done[0] >= length - length / 2 && done[0] < length, $"{done[0]} done");
        int settled = done[0];
        Assert.Equal(settled, Volatile.Read(ref done[0]));

        // The pool works after a failure; without a failing chunk, every element is done once.
        done[0] = 0;
        Assert.True(Splits(() => Parallelism.For(new CountingJob(done, -1), length, new Cores(2))));
        Assert.Equal(length, done[0]);
        done[0] = 0;
        Assert.False(Splits(() => Parallelism.For(new CountingJob(done, -1), length, Cores.One)));
        Assert.Equal(length, done[0]);
    }
}

[CollectionDefinition(nameof(ParallelTests), DisableParallelization = true)]
public sealed class ParallelTestsCollection;
