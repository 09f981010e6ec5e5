using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen.Tests.Graphs;
using Xunit;
using Page = Tensorgen.Samples.Tutorial.Graphs;

namespace Tensorgen.Tests;

/// <summary>
/// PyTensor's random-stream semantics on the tutorial's own functions, against values computed with
/// NumPy 1.24 for the same seeds the way PyTensor seeds (every variable gets the next child of the
/// stream's SeedSequence; seed(s) re-spawns them in order):
/// <c>default_rng(SeedSequence(234).spawn(1)[0]).uniform(0, 1, (2, 2))</c> and so on.
/// </summary>
[Collection("TutorialRandomStream")]
public sealed class RandomStreamTests
{
    private static double[] Flat(Tensor<double> t)
    {
        var data = new double[t.FlattenedLength];
        t.FlattenTo(data);
        return data;
    }

    [Fact]
    public void The_tutorials_random_functions_draw_what_PyTensor_draws()
    {
        Page.Srng.Seed(234);
        var f = new Page.FFunction();
        var g = new Page.GFunction();
        var nearlyZeros = new Page.NearlyZerosFunction();

        // f advances rv_u's generator; two calls differ.
        Assert.Equal([0.29042347731732143, 0.8633156469630927, 0.03797810614630259, 0.7155220974357949], Flat(f.Invoke()));
        Assert.Equal([0.7393978410435419, 0.22995762269681386, 0.22632517073411818, 0.6792706474107767], Flat(f.Invoke()));

        // g has no default updates: the same numbers every call.
        double[] gExpected = [-0.25950555761696825, 1.4014448074958887, 0.45674281719462184, 0.4240544311612245];
        Assert.Equal(gExpected, Flat(g.Invoke()));
        Assert.Equal(gExpected, Flat(g.Invoke()));

        // rv_u is drawn once per call, however often it appears: exact zeros.
        Assert.All(Flat(nearlyZeros.Invoke()), v => Assert.Equal(0.0, v));

        // seed(902340) reseeds rv_u and rv_n from a new SeedSequence's children, in order.
        Page.Srng.Seed(902340);
        Assert.Equal([0.03259269751231764, 0.6324012128019904, 0.06819332711780546, 0.8553742546104063], Flat(f.Invoke()));
        Assert.Equal([-0.2483520039643127, 0.31951981795744133, 0.33648689180761093, -1.0085905954545562], Flat(g.Invoke()));
    }

    [Fact]
    public void Functions_over_one_variable_share_its_generator_and_copies_keep_it()
    {
        Page.Srng.Seed(234);
        var f = new Page.FFunction();
        var nearlyZeros = new Page.NearlyZerosFunction();
        nearlyZeros.Invoke(); // draws rv_u's first matrix
        Assert.Equal([0.7393978410435419, 0.22995762269681386, 0.22632517073411818, 0.6792706474107767], Flat(f.Copy().Invoke()));
        var frozen = f.Copy(deleteUpdates: true);
        var next = Flat(frozen.Invoke());
        Assert.Equal(next, Flat(frozen.Invoke()));
        Assert.Equal(next, Flat(f.Invoke()));
    }

    [Fact]
    public void Random_state_copies_between_graphs()
    {
        var g1 = new Samples.Tutorial.RandomGraph(123);
        var f1 = new Samples.Tutorial.RandomGraph.FFunction(g1);
        var g2 = new Samples.Tutorial.RandomGraph(987);
        var f2 = new Samples.Tutorial.RandomGraph.FFunction(g2);
        Assert.Equal([0.19365083], Flat(f1.Invoke()), new Close(5e-9));
        Assert.Equal([0.86933386], Flat(f2.Invoke()), new Close(5e-9));
        foreach (var ((rng1, _), (rng2, _)) in g1.Rng.StateUpdates.Zip(g2.Rng.StateUpdates)) rng2.SetValue(rng1.GetValue());
        var a = Flat(f1.Invoke());
        Assert.Equal(a, Flat(f2.Invoke()));
        Assert.Equal([0.75413897], a, new Close(5e-9));
    }

    [Fact]
    public void Two_streams_in_one_function()
    {
        var twoStreams = new RandomGraphs.TwoStreamsFunction();
        var x = new double[3, 4];
        var (y, noise) = twoStreams.Invoke(x, 0.0);
        // With scale 0 the jitter is 0: y = noise * coin per column.
        var coins = RandomGenerator.DefaultRng(new SeedSequence(22).Spawn(1)[0]).Integers(0, 2, 4);
        var expectedNoise = RandomGenerator.DefaultRng(new SeedSequence(11).Spawn(1)[0]).StandardNormal(12);
        Assert.Equal(expectedNoise, Flat(noise));
        Assert.Equal(expectedNoise.Select((v, i) => v * coins[i % 4]).ToArray(), Flat(y));
    }

    [Fact]
    public void Sizes_can_come_from_shapes_and_inputs()
    {
        var x = new double[3, 5];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 5; j++) x[i, j] = i * 5 + j + 1;
        var dropped = new RandomGraphs.DropoutFunction().Invoke(x);
        Assert.Equal(new nint[] { 3, 5 }, dropped.Lengths.ToArray());
        var values = Flat(dropped);
        Assert.All(values.Select((v, k) => (v, k)), p => Assert.True(p.v == 0 || Math.Abs(p.v - (p.k + 1) / 0.8) < 1e-12));

        var sized = new RandomGraphs.SizedByInputFunction();
        var draws = sized.Invoke(3);
        Assert.Equal(new nint[] { 3, 2 }, draws.Lengths.ToArray());
        // The variable made in SizedByInput is Third's first child.
        Assert.Equal(RandomGenerator.DefaultRng(new SeedSequence(33).Spawn(1)[0]).StandardNormal(6), Flat(draws));
        Assert.Equal(new nint[] { 0, 2 }, sized.Invoke(0).Lengths.ToArray());
        var e = Assert.Throws<TensorShapeException>(() => sized.Invoke(-1));
        Assert.Contains("size 'n' is -1", e.Message);
    }

    private sealed class Close(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
