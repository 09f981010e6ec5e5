using System;
using Tensorgen.Tests.Graphs;
using Xunit;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Tests;

/// <summary>
/// Steady-state calls of stateful functions allocate nothing: updates go into the shared variable's
/// reused next buffer. Counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which is exact
/// (not a timing), after a first call that may allocate (JIT, first next buffer).
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void A_million_accumulator_calls_allocate_nothing()
    {
        var state = Pt.Shared(0);
        var accumulator = new Page.AccumulatorFunction(state);
        accumulator.Invoke(1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000_000; i++) accumulator.Invoke(1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1_000_001, state.Value);
    }

    [Fact]
    public void Vector_updates_reuse_their_buffers()
    {
        var a = Pt.Shared(new double[] { 1, 2, 3 });
        var b = Pt.Shared(new double[] { 4, 5, 6 });
        var swap = new StateGraphs.SwapFunction(a, b);
        swap.Invoke();
        swap.Invoke();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) swap.Invoke();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
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
        train.Invoke(x, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) train.Invoke(x, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        var (prediction, xent) = train.Invoke(x, y);
        Assert.Same(firstXent, xent); // borrowed: the same tensor, overwritten
        Assert.Same(firstPrediction, prediction);

        train.BorrowOutputs = false;
        Assert.NotSame(xent, train.Invoke(x, y).xent);
    }
}
