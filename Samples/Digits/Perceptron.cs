using System;
using Tensorgen;
using static Tensorgen.Pt;

namespace Tensorgen.Samples.Digits;

/// <summary>
/// A two-layer perceptron: 64 pixels → a tanh hidden layer → 10 log-probabilities (log-softmax), trained by minibatch
/// gradient descent on the mean cross-entropy plus an L2 penalty on the two weight matrices. The weights and biases
/// are shared variables of the model object; <c>TrainBatch</c> and <c>LogProbabilities</c> are compiled against them.
/// </summary>
public sealed partial class Perceptron(double[,] w1, double[] b1, double[,] w2, double[] b2)
{
    /// <summary>The size of the hidden layer.</summary>
    public const int Hidden = 32;

    /// <summary>The step size of gradient descent.</summary>
    public const double LearningRate = 0.5;

    /// <summary>The weight of the L2 penalty, <c>l2 * (sum(W1²) + sum(W2²))</c>.</summary>
    public const double L2 = 1e-4;

    // W1 = pytensor.shared(w1, name="W1"); b1, W2, b2 likewise
    public Shared<double> W1 { get; } = Shared(w1, name: "W1");

    public Shared<double> B1 { get; } = Shared(b1, name: "b1");

    public Shared<double> W2 { get; } = Shared(w2, name: "W2");

    public Shared<double> B2 { get; } = Shared(b2, name: "b2");

    /// <summary>
    /// The initial weights: <c>rng.standard_normal((64, 32)) / sqrt(64)</c> and <c>rng.standard_normal((32, 10)) /
    /// sqrt(32)</c> from <c>np.random.default_rng(seed)</c> (NumPy's numbers, so a Python script starts alike), biases zero.
    /// </summary>
    public static Perceptron Create(ulong seed)
    {
        var rng = RandomGenerator.DefaultRng(seed);
        var w1 = Scaled(rng.StandardNormal(DigitsData.Pixels, Hidden), 1 / Math.Sqrt(DigitsData.Pixels));
        var w2 = Scaled(rng.StandardNormal(Hidden, DigitsData.Classes), 1 / Math.Sqrt(Hidden));
        return new Perceptron(w1, new double[Hidden], w2, new double[DigitsData.Classes]);
    }

    private static double[,] Scaled(double[,] values, double factor)
    {
        for (int i = 0; i < values.GetLength(0); i++)
            for (int j = 0; j < values.GetLength(1); j++) values[i, j] *= factor;
        return values;
    }

    //   x, y, idx = pt.dmatrix("x"), pt.lvector("y"), pt.lvector("idx")
    //   logp = log_softmax(pt.dot(pt.tanh(pt.dot(x[idx], W1) + b1), W2) + b2)
    //   cost = -logp[pt.arange(idx.shape[0]), y[idx]].mean() + l2 * ((W1 ** 2).sum() + (W2 ** 2).sum())
    //   grads = pt.grad(cost, [W1, b1, W2, b2])
    //   train_batch = pytensor.function([x, y, idx], cost,
    //                                   updates=[(p, p - lr * g) for p, g in zip([W1, b1, W2, b2], grads)])
    [TensorFunction]
    public FunctionGraph TrainBatch()
    {
        var x = DMatrix("x");
        var y = LVector("y");
        var idx = LVector("idx");
        var logp = LogSoftmax(Logits(x[idx]), axis: 1);
        // Each row's log-probability of its own digit, picked by advanced indexing: logp[arange(n), y[idx]].
        var crossEntropy = -logp[Arange(idx.Shape[0]), y[idx]].Mean();
        var cost = crossEntropy + L2 * (Sqr(W1).Sum() + Sqr(W2).Sum());
        var (g1, gb1, g2, gb2) = Grad(cost, [W1, B1, W2, B2]);
        return Function([x, y, idx], cost, updates: [
            (W1, W1 - LearningRate * g1), (B1, B1 - LearningRate * gb1),
            (W2, W2 - LearningRate * g2), (B2, B2 - LearningRate * gb2)]);
    }

    //   log_probabilities = pytensor.function([x], log_softmax(logits(x)))
    [TensorFunction]
    public FunctionGraph LogProbabilities()
    {
        var x = DMatrix("x");
        return Function([x], LogSoftmax(Logits(x), axis: 1));
    }

    //   predict = pytensor.function([x], log_softmax(logits(x), axis=1).argmax(axis=1))
    /// <summary>Each row's most probable digit (the first on ties), int64.</summary>
    [TensorFunction]
    public FunctionGraph Predict()
    {
        var x = DMatrix("x");
        return Function([x], LogSoftmax(Logits(x), axis: 1).Argmax(1));
    }

    private TensorVariable Logits(TensorVariable x) => Dot(Tanh(Dot(x, W1) + B1), W2) + B2;
}
