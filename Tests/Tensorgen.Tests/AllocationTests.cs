using System;
using System.Linq;
using Tensorgen.Tests.Graphs;
using Xunit;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Tests;

/// <summary>
/// Steady-state calls of stateful functions allocate nothing: updates go into the shared variable's
/// reused next buffer. Counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which is exact
/// (not a timing), after running the measured loop once: first calls may allocate (JIT, first next
/// buffer), and so may the JIT's on-stack replacement of a hot loop, compiled on the thread that runs it.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void A_million_accumulator_calls_allocate_nothing()
    {
        var state = Pt.Shared(0);
        var accumulator = new Page.AccumulatorFunction(state);
        Action call = () => accumulator.Invoke(1);
        Calls(1_000_000, call);
        // The fewest bytes of three rounds: a round can catch the runtime's own work on this thread (tiered
        // recompilation under a starved thread pool once put 2080 bytes here), a call that allocates shows in all.
        var rounds = new (long Bytes, int Collections)[3];
        for (int round = 0; round < rounds.Length; round++)
        {
            int gc = GC.CollectionCount(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Calls(1_000_000, call);
            rounds[round] = (GC.GetAllocatedBytesForCurrentThread() - before, GC.CollectionCount(0) - gc);
        }
        Assert.True(rounds.Min(r => r.Bytes) == 0, "allocated " + string.Join(", ", rounds.Select(r => $"{r.Bytes} bytes ({r.Collections} gen0 collections)")));
        Assert.Equal(4_000_000, state.Value);
    }

    [Fact]
    public void Vector_updates_reuse_their_buffers()
    {
        var a = Pt.Shared(new double[] { 1, 2, 3 });
        var b = Pt.Shared(new double[] { 4, 5, 6 });
        var swap = new StateGraphs.SwapFunction(a, b);
        Action call = swap.Invoke;
        Calls(10_000, call);
        var (fewest, rounds) = Infrastructure.AllocationProbe.Measure(() => Calls(10_000, call));
        Assert.True(fewest == 0, rounds);
        Assert.Equal(1, ((System.Numerics.Tensors.Tensor<double>)a.GetValue())[0]);
    }

    [Fact]
    public void A_training_step_with_borrowed_outputs_allocates_nothing()
    {
        var random = new Random(1);
        var x = new double[40, 30];
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 30; j++) x[i, j] = random.NextDouble() - 0.5;
        var y = new double[40];
        for (int i = 0; i < 40; i++) y[i] = i % 2;
        var model = new Tensorgen.Samples.LogisticRegression.Model(new double[30]);
        var train = new Tensorgen.Samples.LogisticRegression.Model.TrainFunction(model) { BorrowOutputs = true };
        var (firstPrediction, firstXent) = train.Invoke(x, y);
        Action step = () => train.Invoke(x, y);
        Calls(1000, step);
        var (fewest, rounds) = Infrastructure.AllocationProbe.Measure(() => Calls(1000, step));
        Assert.True(fewest == 0, rounds);
        var (prediction, xent) = train.Invoke(x, y);
        Assert.Same(firstXent, xent); // borrowed: the same tensor, overwritten
        Assert.Same(firstPrediction, prediction);

        train.BorrowOutputs = false;
        Assert.NotSame(xent, train.Invoke(x, y).xent);
    }

    /// <summary>Calls <paramref name="call"/> <paramref name="count"/> times (one loop, so its on-stack replacement is compiled once).</summary>
    private static void Calls(int count, Action call)
    {
        for (int i = 0; i < count; i++) call();
    }
}
