using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;

namespace Tensorgen.Benchmarks;

/// <summary>
/// Scan's generated loops against the same loops written by hand in plain C#, in one run: an Elman network's training
/// step (forward over time, back-propagation through time, SGD updates; Samples/Rnn's model) at the sample's size
/// and a larger one, and A**k (Samples/Loop's; a loop whose steps are tiny, so the cost per step shows). Implementations alternate
/// round by round; the report is medians and generated / hand-written. Before timing, each pair's results are compared.
/// <c>dotnet run -c Release --project Tests/Tensorgen.Benchmarks -- --scan [rounds=21]</c>.
/// </summary>
public static class ScanLoops
{
    public static void Run(string[] args)
    {
        int rounds = args.Select(a => a.StartsWith("rounds=", StringComparison.Ordinal) ? int.Parse(a[7..], CultureInfo.InvariantCulture) : 0).Max();
        if (rounds <= 0) rounds = 21;
        Console.WriteLine($"Scan loops against hand-written C#, medians of {rounds} rounds ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"{"case",-42} {"generated",12} {"by hand",12} {"ratio",7}");
        foreach (var (time, batch, hidden, repeats) in new[] { (12, 32, 16, 50), (50, 64, 64, 4) })
            Rnn(time, batch, hidden, repeats, rounds);
        Power(1000, 256, 20, rounds);
    }

    private static void Report(string name, double generated, double byHand) =>
        Console.WriteLine($"{name,-42} {generated,9:F3} ms {byHand,9:F3} ms {generated / byHand,6:F2}x");

    private static double Median(double[] values) => values.OrderBy(v => v).ElementAt(values.Length / 2);

    /// <summary>Times <paramref name="a"/> and <paramref name="b"/> alternately; medians in milliseconds per call.</summary>
    private static (double A, double B) Time(Action a, Action b, int repeats, int rounds)
    {
        for (int i = 0; i < 3; i++) { a(); b(); }
        var (ta, tb) = (new double[rounds], new double[rounds]);
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < repeats; i++) a();
            ta[r] = sw.Elapsed.TotalMilliseconds / repeats;
            sw.Restart();
            for (int i = 0; i < repeats; i++) b();
            tb[r] = sw.Elapsed.TotalMilliseconds / repeats;
        }
        return (Median(ta), Median(tb));
    }

    private static void Rnn(int time, int batch, int hidden, int repeats, int rounds)
    {
        var rng = new Random(7);
        double[] Values(int n, double scale) => Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 2 - 1) * scale).ToArray();
        var (u, w, v) = (Values(hidden, 0.5), Values(hidden * hidden, 0.3), Values(hidden, 0.3));
        var (x, y) = (Values(time * batch, 1), Values(time * batch, 1));
        var model = new Tensorgen.Samples.Rnn.Model(Matrix(u, 1, hidden), Matrix(w, hidden, hidden), v);
        var train = new Tensorgen.Samples.Rnn.Model.TrainFunction(model);
        var hand = new HandRnn(u, w, v, time, batch, hidden);
        var (xt, yt) = (System.Numerics.Tensors.Tensor.Create(x, [time, batch, 1]), System.Numerics.Tensors.Tensor.Create(y, [time, batch]));

        // The same step from the same weights: the losses and the updated W agree.
        double generatedLoss = train.Invoke(xt, yt), handLoss = hand.Train(x, y);
        var updated = new double[hidden * hidden];
        model.W.GetValue().Tensor.FlattenTo(updated);
        double difference = updated.Zip(hand.W, (a, b) => Math.Abs(a - b)).Max();
        if (Math.Abs(generatedLoss - handLoss) > 1e-12 * Math.Max(1, handLoss) || difference > 1e-12)
            throw new InvalidOperationException($"the RNN steps differ: loss {generatedLoss:R} vs {handLoss:R}, W by {difference:R}");

        var (g, h) = Time(() => train.Invoke(xt, yt), () => hand.Train(x, y), repeats, rounds);
        Report($"RNN train step T={time} B={batch} H={hidden}", g, h);
    }

    private static double[,] Matrix(double[] values, int rows, int columns)
    {
        var m = new double[rows, columns];
        for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) m[i, j] = values[i * columns + j];
        return m;
    }

    private static void Power(int k, int n, int repeats, int rounds)
    {
        var rng = new Random(3);
        var a = Enumerable.Range(0, n).Select(_ => 1 + (rng.NextDouble() - 0.5) * 1e-3).ToArray();
        var power = new Tensorgen.Samples.Loop.Graphs.PowerFunction();
        var result = new double[n];
        void ByHand()
        {
            Array.Fill(result, 1.0);
            for (int step = 0; step < k; step++)
                for (int j = 0; j < n; j++) result[j] *= a[j];
        }
        ByHand();
        var generated = power.Invoke(a, k).ToArray();
        if (generated.Zip(result, (p, q) => Math.Abs(p - q)).Max() > 1e-12) throw new InvalidOperationException("A**k differs");
        var (g, h) = Time(() => power.Invoke(a, k), ByHand, repeats, rounds);
        Report($"A**k, k={k}, n={n} (last step only)", g, h);
    }
}
