using System;
using System.Linq;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Reductions;

/// <summary>The README's reductions example (/work/notes/readme-reductions.md) compiles, runs, and gives NumPy's values.</summary>
public sealed class ReadmeExampleTests
{
    private const string Source = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class Stats
        {
            [TensorFunction]
            public static FunctionGraph Summary()
            {
                var x = Matrix("x");
                var predictions = x.Argmax(1);                        // int64 (rows,): the first largest column of each row
                var z = (x - Mean(x, 1, keepdims: true)) / Std(x, 1, keepdims: true);
                var spread = Var(x, [0, 1], ddof: 1);                 // PyTensor divides by (rows - 1) * (columns - 1)
                var allPositive = All(x > 0.0);                       // bool scalar
                var running = x.CumSum(1);                            // same shape, along each row
                return Function([x], [predictions, z, spread, allPositive, running, Prod(x, -1)]);
            }

            public static object[] Run(double[,] x)
            {
                var (p, z, spread, all, running, prod) = new SummaryFunction().Invoke(x);
                return [p.ToArray(), z.ToArray(), spread, all, running.ToArray(), prod.ToArray()];
            }
        }

        static file class Flat
        {
            public static T[] ToArray<T>(this System.Numerics.Tensors.Tensor<T> t) { var a = new T[t.FlattenedLength]; t.FlattenTo(a); return a; }
        }
        """;

    [Fact]
    public void The_example_compiles_and_gives_NumPys_values()
    {
        var run = GeneratorHarness.Run(Source, "Stats.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        var result = (object[])run.Load().GetType("Stats")!.GetMethod("Run")!.Invoke(null, [new double[,] { { 1, 3, 2 }, { 4, 4, -1 } }])!;
        // NumPy 1.24: x.argmax(1) = [1, 0]; np.cumsum(x, 1); np.prod(x, -1) = [6, -16];
        // PyTensor's var over both axes with ddof 1: sum((x - 13/6)^2) / ((2 - 1) * (3 - 1)).
        Assert.Equal(new long[] { 1, 0 }, (long[])result[0]);
        double mean = 13.0 / 6, squares = new double[] { 1, 3, 2, 4, 4, -1 }.Sum(v => (v - mean) * (v - mean));
        Assert.Equal(squares / 2, (double)result[2], 12);
        Assert.False((bool)result[3]);
        Assert.Equal(new double[] { 1, 4, 6, 4, 8, 7 }, (double[])result[4]);
        Assert.Equal(new double[] { 6, -16 }, (double[])result[5]);
        var z = (double[])result[1];
        Assert.Equal(6, z.Length);
        Assert.Equal(-1.224744871391589, z[0], 12);   // (1 - 2) / sqrt(2/3)
    }
}
