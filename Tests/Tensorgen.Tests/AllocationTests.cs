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
}
