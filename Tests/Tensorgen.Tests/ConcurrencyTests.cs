using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
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
/// The threads start together and call for at most <see cref="Budget"/> (a refused call throws, which
/// takes microseconds); how many calls succeed depends on timing, but what is asserted does not: the
/// final state is exactly what the successful calls made it.
/// These run alone (their eight busy threads would otherwise slow the tests that count allocations or
/// time nothing, and be slowed by them).
/// </summary>
[Collection(nameof(ConcurrencyTests))]
public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(150);

    [ThreadStatic]
    private static Stopwatch? t_clock;

    /// <summary>Whether the calling thread of <see cref="RunTogether"/> is still within its budget.</summary>
    private static bool Running => t_clock!.Elapsed < Budget;

    [Fact]
    public void Accumulator_calls_from_eight_threads_lose_no_increment()
    {
        var state = Shared(0, name: "state");
        var accumulator = new Page.AccumulatorFunction(state);
        var succeeded = new long[Threads];
        var refused = new ConcurrentBag<ConcurrentCallException>();
        RunTogether(t =>
        {
            for (int i = 0; i < 100_000 && Running; i++)
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
    public void A_variable_first_used_by_one_thread_then_by_two_loses_nothing()
    {
        // Each round's variable is biased to whichever thread enters first, and revoked by the other while
        // the first may be inside: the moment the gate's protocol (AccessGate's remarks) is about.
        for (int round = 0; round < 50; round++)
        {
            var state = Shared(0, name: "state");
            var accumulator = new Page.AccumulatorFunction(state);
            long succeeded = 0;
            RunTogether(t =>
            {
                long mine = 0;
                for (int i = 0; i < 2_000; i++)
                {
                    try
                    {
                        accumulator.Invoke(1);
                        mine++;
                    }
                    catch (ConcurrentCallException)
                    {
                    }
                }
                Interlocked.Add(ref succeeded, mine);
            }, threads: 2);
            Assert.Equal(succeeded, state.Value);
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
            for (int i = 0; i < 20_000 && Running; i++)
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
            if (!chunks.TryGetValue(values[0], out var expected) || !values.AsSpan().SequenceEqual(expected.Values))
                Assert.Fail($"a call drew [{string.Join(", ", values)}], which is not one of the stream's next {draws.Count} chunks of 8");
            if (!seen.Add(expected.Index)) Assert.Fail($"two calls drew chunk {expected.Index}");
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
            for (int i = 0; i < 300 && Running; i++)
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
            for (int i = 0; i < 20_000 && Running; i++)
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
        // Another thread holds the variable as a call updating it would (the generated code's own protocol).
        var state = Shared(7, name: "state");
        using (Hold(caller => state.TryEnter(write: true, caller), caller => state.Exit(write: true, caller)))
        {
            var e = Assert.Throws<ConcurrentCallException>(() => state.SetValue(8));
            Assert.Null(e.Function);
            Assert.Equal("state", e.Variable);
            Assert.Contains("shared variable 'state' is in use by a function call on another thread, so SetValue was refused", e.Message);
            Assert.Throws<ConcurrentCallException>(() => state.Value);
            Assert.Throws<ConcurrentCallException>(() => state.GetValue());
            Assert.Throws<ConcurrentCallException>(() => new Page.AccumulatorFunction(state).Invoke(1));
        }
        Assert.Equal(7, state.Value);

        // Readers share: calls that only read, and GetValue, run beside a reader; a writer does not.
        using (Hold(caller => state.TryEnter(write: false, caller), caller => state.Exit(write: false, caller)))
        {
            Assert.Equal(7, state.Value);
            Assert.Equal(7, new Page.AccumulatorFunction(state).Copy(deleteUpdates: true).Invoke(1));
            Assert.Throws<ConcurrentCallException>(() => new Page.AccumulatorFunction(state).Invoke(1));
            Assert.Throws<ConcurrentCallException>(() => state.SetValue(9));
        }
        Assert.Equal(7, new Page.AccumulatorFunction(state).Invoke(1));
        Assert.Equal(8, state.Value);

        var model = new DrawingModel(99);
        var f = new DrawingModel.DrawFunction(model);
        var before = model.U.Rng.GetValue().BitGenerator.State;
        using (Hold(caller => model.U.Rng.TryEnter(write: true, caller), caller => model.U.Rng.Exit(write: true, caller)))
        {
            var seed = Assert.Throws<ConcurrentCallException>(() => model.U.Stream.Seed(5));
            Assert.Contains("Seed was refused", seed.Message);
            var call = Assert.Throws<ConcurrentCallException>(() => f.Invoke());
            Assert.Equal("DrawingModel.Draw", call.Function);
            Assert.Contains("random variable 'U' (generator 'uniform_rng') is in use", call.Message);
        }
        Assert.Equal(before, model.U.Rng.GetValue().BitGenerator.State);
    }

    [Fact]
    public void The_same_thread_holding_a_variable_is_refused_too()
    {
        // The gate's fast path (the thread it is biased to) refuses a conflicting entry as the shared path does.
        var state = Shared(3, name: "state");
        Assert.Equal(4, new Page.AccumulatorFunction(state).Invoke(1) + 1);
        int caller = AccessGate.Caller;
        Assert.True(state.TryEnter(write: true, caller));
        Assert.Throws<ConcurrentCallException>(() => state.SetValue(8));
        Assert.Throws<ConcurrentCallException>(() => state.Value);
        state.Exit(write: true, caller);
        Assert.True(state.TryEnter(write: false, caller));
        Assert.Equal(4, state.Value);
        Assert.Throws<ConcurrentCallException>(() => state.SetValue(8));
        state.Exit(write: false, caller);
        state.SetValue(8);
        Assert.Equal(8, state.Value);
    }

    /// <summary>Enters a gate on another thread and holds it until disposed.</summary>
    private static IDisposable Hold(Func<int, bool> enter, Action<int> exit)
    {
        using var entered = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        bool ok = false;
        var holder = new Thread(() =>
        {
            int caller = AccessGate.Caller;
            ok = enter(caller);
            entered.Set();
            release.Wait();
            if (ok) exit(caller);
        });
        holder.Start();
        entered.Wait();
        Assert.True(ok, "the holder could not enter");
        return new Releaser(() =>
        {
            release.Set();
            holder.Join();
            release.Dispose();
        });
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        public void Dispose() => release();
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
    public void Copies_without_updates_do_not_share_the_buffer_their_update_is_computed_in()
    {
        // values * x goes into the variable's next buffer, and the sum reads it back: two calls at once,
        // even without updates, would mix their products, so each holds the variable alone.
        var values = Shared(Enumerable.Repeat(1.0, 4096).ToArray(), name: "values");
        var frozen = new SafetyGraphs.ScaleValuesFunction(values).Copy(deleteUpdates: true);
        var inputs = Enumerable.Range(0, Threads).Select(t => Enumerable.Repeat(t + 1.0, 4096).ToArray()).ToArray();
        var wrong = new ConcurrentBag<string>();
        RunTogether(t =>
        {
            for (int i = 0; i < 2_000 && Running; i++)
            {
                try
                {
                    double sum = frozen.Invoke(inputs[t]);
                    if (sum != 4096.0 * (t + 1)) wrong.Add($"thread {t}: {sum}");
                }
                catch (ConcurrentCallException)
                {
                }
            }
        });
        Assert.Empty(wrong);
        Assert.All(Flat(values.GetValue()), v => Assert.Equal(1.0, v));
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

    /// <summary>Runs <paramref name="body"/> on <paramref name="threads"/> threads released together; rethrows what they threw.</summary>
    private static void RunTogether(Action<int> body, int threads = Threads)
    {
        using var start = new Barrier(threads);
        var errors = new ConcurrentQueue<Exception>();
        var started = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            t_clock = Stopwatch.StartNew();
            try
            {
                body(t);
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        started.ForEach(t => t.Start());
        started.ForEach(t => t.Join());
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

/// <summary>The concurrency tests' collection: run after the others, alone.</summary>
[CollectionDefinition(nameof(ConcurrencyTests), DisableParallelization = true)]
public sealed class ConcurrencyCollection;
