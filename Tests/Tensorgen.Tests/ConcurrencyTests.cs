using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using System.Threading;
using Tensorgen.Tests.Graphs;
using Xunit;
using static Tensorgen.Pt;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Tests;

/// <summary>
/// Calls that share mutable state, made from many threads at once: each one either succeeds exactly as
/// it would alone or is refused with a <see cref="ConcurrentCallException"/> having changed nothing.
/// The threads start together; how many calls are refused depends on timing, but what is asserted does
/// not: the final state is exactly what the successful calls made it.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 8;

    [Fact]
    public void Accumulator_calls_from_eight_threads_lose_no_increment()
    {
        var state = Shared(0, name: "state");
        var accumulator = new Page.AccumulatorFunction(state);
        var succeeded = new long[Threads];
        var refused = new ConcurrentBag<ConcurrentCallException>();
        RunTogether(t =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                try
                {
                    accumulator.Invoke(1);
                    succeeded[t]++;
                }
                catch (ConcurrentCallException e) when (refused.Count < 10)
                {
                    refused.Add(e);
                }
                catch (ConcurrentCallException)
                {
                }
            }
        });
        Assert.Equal(succeeded.Sum(), state.Value);
        foreach (var e in refused)
        {
            Assert.Equal("Graphs.Accumulator", e.Function);
            Assert.Equal("state", e.Variable);
            Assert.Contains("Graphs.Accumulator: shared variable 'state' is in use by another call on another thread", e.Message);
            Assert.Contains("one thread at a time", e.Message);
        }
    }

    [Fact]
    public void Concurrent_draws_are_each_the_next_numbers_of_the_NumPy_stream()
    {
        const ulong Seed = 2024;
        var model = new DrawingModel(Seed);
        var draw = new DrawingModel.DrawFunction(model);
        var draws = new ConcurrentQueue<double[]>();
        RunTogether(t =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                try
                {
                    draws.Enqueue(Flat(draw.Invoke()));
                }
                catch (ConcurrentCallException e)
                {
                    Assert.Equal("U", e.Variable);
                }
            }
        });

        // The successful calls, in whatever order they ran, drew the stream's first chunks of 8, each whole.
        var stream = RandomGenerator.DefaultRng(new SeedSequence(Seed).Spawn(1)[0]);
        var chunks = new Dictionary<double, (int Index, double[] Values)>();
        for (int i = 0; i < draws.Count; i++)
        {
            var chunk = new double[8];
            stream.Uniform(0, 1, chunk);
            chunks.Add(chunk[0], (i, chunk));
        }
        var seen = new HashSet<int>();
        foreach (var values in draws)
        {
            Assert.True(chunks.TryGetValue(values[0], out var expected), "a draw that is not among the stream's next chunks");
            Assert.Equal(expected.Values, values);
            Assert.True(seen.Add(expected.Index), "two calls drew the same numbers");
        }
        // And the generator has moved exactly past them.
        var next = new double[8];
        stream.Uniform(0, 1, next);
        Assert.Equal(next, Flat(draw.Invoke()));
    }

    [Fact]
    public void Borrowed_outputs_are_never_written_by_two_calls_at_once()
    {
        var f = new SafetyGraphs.ScaleAndNormFunction { BorrowOutputs = true };
        var inputs = Enumerable.Range(0, Threads).Select(t => Enumerable.Repeat(t + 1.0, 4096).ToArray()).ToArray();
        var wrong = new ConcurrentBag<string>();
        RunTogether(t =>
        {
            // Dot(y, y) reads y's borrowed buffer after the kernel wrote it: another call writing it meanwhile would show here.
            double expected = 100.0 * (t + 1) * (t + 1) * 4096;
            for (int i = 0; i < 300; i++)
            {
                try
                {
                    var (_, norm) = f.Invoke(inputs[t]);
                    if (norm != expected) wrong.Add($"thread {t}: {norm} where {expected}");
                }
                catch (ConcurrentCallException e)
                {
                    Assert.Equal("borrowed outputs", e.Variable);
                    Assert.Contains("BorrowOutputs", e.Message);
                }
            }
        });
        Assert.Empty(wrong);
        // One thread again: the buffer is reused and right.
        var (y, n) = f.Invoke(inputs[2]);
        Assert.Same(y, f.Invoke(inputs[2]).y);
        Assert.Equal(100.0 * 9 * 4096, n);
        Assert.All(Flat(y), v => Assert.Equal(30.0, v));
    }

    [Fact]
    public void SetValue_resizing_while_calls_run_never_tears_a_value()
    {
        var values = Shared(Fill(3), name: "values");
        var read = new SafetyGraphs.ReadValuesFunction(values);
        var torn = new ConcurrentBag<string>();
        RunTogether(t =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                try
                {
                    switch (t % 3)
                    {
                        case 0:
                            values.SetValue(Fill(i % 2 == 0 ? 5 : 3));
                            break;
                        case 1:
                            var (doubled, sum) = read.Invoke();
                            var d = Flat(doubled);
                            // A value of length L holds L everywhere: doubled is 2L, the sum L².
                            if (!(d.Length is 3 or 5) || d.Any(v => v != 2 * d.Length) || sum != d.Length * d.Length)
                                torn.Add($"call: [{string.Join(", ", d)}], sum {sum}");
                            break;
                        default:
                            var v = Flat(values.GetValue());
                            if (!(v.Length is 3 or 5) || v.Any(x => x != v.Length)) torn.Add($"GetValue: [{string.Join(", ", v)}]");
                            break;
                    }
                }
                catch (ConcurrentCallException e)
                {
                    Assert.Equal("values", e.Variable);
                }
            }
        });
        Assert.Empty(torn);
    }

    [Fact]
    public void A_refused_SetValue_or_Seed_changes_nothing()
    {
        // Hold the variable as a call would (the generated code's own protocol), then try to set it.
        var state = Shared(7, name: "state");
        Assert.True(state.TryEnter(write: true));
        var e = Assert.Throws<ConcurrentCallException>(() => state.SetValue(8));
        Assert.Null(e.Function);
        Assert.Equal("state", e.Variable);
        Assert.Contains("shared variable 'state' is in use by a function call on another thread, so SetValue was refused", e.Message);
        Assert.Throws<ConcurrentCallException>(() => state.Value);
        Assert.Throws<ConcurrentCallException>(() => new Page.AccumulatorFunction(state).Invoke(1));
        state.Exit(write: true);
        Assert.Equal(7, state.Value);

        // Readers share: two calls that only read may overlap, and GetValue with them.
        Assert.True(state.TryEnter(write: false));
        Assert.Equal(7, state.Value);
        Assert.Equal(7, new Page.AccumulatorFunction(state).Copy(deleteUpdates: true).Invoke(1));
        Assert.Throws<ConcurrentCallException>(() => new Page.AccumulatorFunction(state).Invoke(1));
        state.Exit(write: false);
        Assert.Equal(7, new Page.AccumulatorFunction(state).Invoke(1));
        Assert.Equal(8, state.Value);

        var model = new DrawingModel(99);
        var f = new DrawingModel.DrawFunction(model);
        var before = model.U.Rng.GetValue().BitGenerator.State;
        Assert.True(model.U.Rng.TryEnter(write: true));
        var seed = Assert.Throws<ConcurrentCallException>(() => model.U.Stream.Seed(5));
        Assert.Contains("Seed was refused", seed.Message);
        var call = Assert.Throws<ConcurrentCallException>(() => f.Invoke());
        Assert.Equal("DrawingModel.Draw", call.Function);
        Assert.Contains("random variable 'U' (generator 'uniform_rng') is in use", call.Message);
        model.U.Rng.Exit(write: true);
        Assert.Equal(before, model.U.Rng.GetValue().BitGenerator.State);
    }

    [Fact]
    public void A_variable_a_function_updates_cannot_be_bound_to_two_of_its_roles()
    {
        var a = Shared(new double[] { 1, 2, 3 }, name: "a");
        var e = Assert.Throws<ArgumentException>(() => new StateGraphs.SwapFunction(a, a));
        Assert.Contains("StateGraphs.Swap", e.Message);
        Assert.Contains("'a' is bound both as 'A' and as 'B'", e.Message);
        // Read-only roles may share a variable.
        var frozen = new StateGraphs.SwapFunction(a, Shared(new double[] { 4, 5, 6 })).Copy(deleteUpdates: true);
        Assert.NotNull(frozen);
    }

    [Fact]
    public void Pure_functions_run_on_many_threads_at_once()
    {
        var logistic = new Page.LogisticFunction();
        var x = new double[,] { { 0, 1 }, { -1, -2 } };
        var expected = Flat(logistic.Invoke(x));
        var wrong = 0;
        RunTogether(_ =>
        {
            for (int i = 0; i < 2_000; i++)
                if (!Flat(logistic.Invoke(x)).SequenceEqual(expected)) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }

    /// <summary>Runs <paramref name="body"/> on <see cref="Threads"/> threads released together; rethrows what they threw.</summary>
    private static void RunTogether(Action<int> body)
    {
        using var start = new Barrier(Threads);
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                body(t);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (!errors.IsEmpty) throw new AggregateException(errors);
    }

    private static double[] Fill(int length) => Enumerable.Repeat((double)length, length).ToArray();

    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }
}
