using System;
using Tensorgen.Samples.LogisticRegression;

namespace Tensorgen.Benchmarks;

/// <summary>
/// The training data every training-step benchmark uses (the BenchmarkDotNet class and the NativeAOT runner):
/// x uniform in [−1, 1) as a 2-D array and row-major, labels 0 or 1, initial weights uniform in [−0.5, 0.5).
/// </summary>
public sealed class TrainingProblem
{
    /// <summary>Rows and features of the tutorial's problem.</summary>
    public const int N = 400, Feats = 784;

    /// <summary>Draws the problem from a fixed seed.</summary>
    public TrainingProblem(int seed = 2882)
    {
        var random = new Random(seed);
        X = new double[N, Feats];
        FlatX = new double[N * Feats];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < Feats; j++) FlatX[i * Feats + j] = X[i, j] = random.NextDouble() * 2 - 1;
        Y = new double[N];
        for (int i = 0; i < N; i++) Y[i] = random.Next(0, 2);
        W0 = new double[Feats];
        for (int j = 0; j < Feats; j++) W0[j] = random.NextDouble() - 0.5;
        FlatTensor = System.Numerics.Tensors.Tensor.Create(FlatX, [N, Feats]);
    }

    /// <summary>
    /// <see cref="FlatX"/> as a (N, Feats) tensor: what the generated step reads, so that it and the hand-written steps
    /// read the same memory (a 2-D array's elements start at another offset from a cache line than a 1-D array's,
    /// which alone moves an unaligned vector kernel's time by a quarter on this machine).
    /// </summary>
    public System.Numerics.Tensors.Tensor<double> FlatTensor { get; }

    /// <summary>The inputs as a 2-D array.</summary>
    public double[,] X { get; }

    /// <summary>The same inputs, row-major.</summary>
    public double[] FlatX { get; }

    /// <summary>Labels.</summary>
    public double[] Y { get; }

    /// <summary>Initial weights (the bias starts at 0).</summary>
    public double[] W0 { get; }

    /// <summary>
    /// Compares one hand-fused step (every supported width) with one step of the sample's generated
    /// <c>Model.TrainFunction</c> from the same start; throws on a difference (see <see cref="HandFusedStep.Check"/>).
    /// </summary>
    public string CheckHandFused() =>
        HandFusedStep.Check(FlatX, Y, N, Feats, W0, 0, () =>
        {
            var model = new Model(W0);
            var (prediction, xent) = new Model.TrainFunction(model).Invoke(X, Y);
            var (xentValues, predictions) = (new double[N], new bool[N]);
            xent.FlattenTo(xentValues);
            prediction.FlattenTo(predictions);
            return (xentValues, predictions, model.W.Data.ToArray(), model.B.Value);
        });
}
