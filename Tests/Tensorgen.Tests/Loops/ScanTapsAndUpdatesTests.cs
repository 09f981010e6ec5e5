using System.Linq;
using System.Numerics.Tensors;
using Xunit;

namespace Tensorgen.Tests.Loops;

/// <summary>
/// Sequence taps and shared-variable updates in a body, against PyTensor 2.24.2 (scripts: the comments give the calls;
/// float64 sums of small integers, so exact).
/// </summary>
public sealed class ScanTapsAndUpdatesTests
{
    [Fact]
    public void Sequence_taps_read_the_offsets_PyTensor_reads()
    {
        // scan(lambda a, b, c: a*100 + b*10 + c, sequences=[dict(input=x, taps=[-2, 0, 1])]) on arange(6): [23, 134, 245];
        // go_backwards: [245, 134, 23]; taps [1, 2], a*10 + b: [12, 23, 34, 45];
        // grad(((r * arange(1, 5))**2).sum(), x): [0, 240, 1864, 6304, 15012, 1440].
        var f = new ScanGraphs.SequenceTapsFunction();
        var (forwards, backwards, ahead, grad) = f.Invoke(Enumerable.Range(0, 6).Select(i => (double)i).ToArray());
        Assert.Equal(new double[] { 23, 134, 245 }, forwards.ToArray());
        Assert.Equal(new double[] { 245, 134, 23 }, backwards.ToArray());
        Assert.Equal(new double[] { 12, 23, 34, 45 }, ahead.ToArray());
        Assert.Equal(new double[] { 0, 240, 1864, 6304, 15012, 1440 }, grad.ToArray());
    }

    [Fact]
    public void A_sequence_shorter_than_its_taps_span_runs_no_steps()
    {
        var f = new ScanGraphs.AroundTapsFunction();
        foreach (var length in new[] { 0, 1, 2, 3 })
        {
            var (forwards, backwards) = f.Invoke(new double[length]);
            Assert.Empty(forwards.ToArray());
            Assert.Empty(backwards.ToArray());
        }
        Assert.Single(f.Invoke(new double[4]).Item1.ToArray());
    }

    [Fact]
    public void The_accumulator_counts_the_steps_as_the_tutorial_shows()
    {
        // The tutorial: k = shared(0); scan(lambda: {k: k + 1}, n_steps=n); accumulator(5) leaves k at 5.
        var k = Pt.Shared(0L);
        var f = new ScanGraphs.AccumulatorFunction(count: k);
        f.Invoke(5);
        Assert.Equal(5, k.Value);
        f.Invoke(3);
        Assert.Equal(8, k.Value);
        f.Invoke(0);
        Assert.Equal(8, k.Value);
        // A negative number of steps is refused, and k is left as it was.
        Assert.Throws<TensorShapeException>(() => f.Invoke(-1));
        Assert.Equal(8, k.Value);
    }

    [Fact]
    public void A_body_reads_the_values_its_updates_gave_at_the_step_before()
    {
        // PyTensor 2.24.2: scan(lambda v: (v * w.sum() + k, {k: k + 1, w: w * 0.5}), sequences=[x]) with k = 0, w = [1, 2]:
        // x = [1, 2, 3] gives [3, 4, 4.25], k 3, w [0.125, 0.25]; then x = [1]: [3.375], k 4, w [0.0625, 0.125]; x = []: [], no change.
        var k = Pt.Shared(0L);
        var w = Pt.Shared(new double[] { 1, 2 });
        var f = new ScanGraphs.DecayFunction(count: k, weights: w);
        Assert.Equal(new[] { 3, 4, 4.25 }, f.Invoke(new double[] { 1, 2, 3 }).ToArray());
        Assert.Equal(3, k.Value);
        Assert.Equal(new[] { 0.125, 0.25 }, Flat(w.GetValue()));
        Assert.Equal(new[] { 3.375 }, f.Invoke(new double[] { 1 }).ToArray());
        Assert.Equal(4, k.Value);
        Assert.Equal(new[] { 0.0625, 0.125 }, Flat(w.GetValue()));
        Assert.Empty(f.Invoke(new double[0]).ToArray());
        Assert.Equal(4, k.Value);
        Assert.Equal(new[] { 0.0625, 0.125 }, Flat(w.GetValue()));
    }

    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }
}
