using System;
using System.Diagnostics;
using System.Numerics.Tensors;
using Spectre.Console;
using Tensorgen;
using Tensorgen.Samples;
using Tensorgen.Samples.LogisticRegression;

// PyTensor's "A Real Example: Logistic Regression", step by step.
const int N = 400;          // training sample size
const int Feats = 784;      // number of input variables
const int TrainingSteps = 10000;

// rng = np.random.default_rng(2882)
// D = (rng.standard_normal((N, feats)), rng.integers(size=N, low=0, high=2))
var rng = RandomGenerator.DefaultRng(2882);
double[,] inputs = rng.StandardNormal(N, Feats);
long[] classes = rng.Integers(0, 2, N);
var targets = Array.ConvertAll(classes, c => (double)c);

// w = pytensor.shared(rng.standard_normal(feats), name="w")
double[] initialWeights = rng.StandardNormal(Feats);

var model = new Model(initialWeights);
Console.WriteLine("Initial model:");
Console.WriteLine(model.W.GetValue());
Console.WriteLine(model.B.GetValue());

var train = new Model.TrainFunction(model);
var predict = new Model.PredictFunction(model);

// pred, err = train(D[0], D[1]), 10,000 times; every cross-entropy returned must be finite. Every 100 steps the mean
// cross-entropy and the accuracy of the predictions are kept for the training curves; a progress bar shows the steps.
const int Every = 100;
var (losses, accuracies) = (new double[TrainingSteps / Every], new double[TrainingSteps / Every]);
var clock = Stopwatch.StartNew();
bool finite = true;
AnsiConsole.Progress().Start(progress =>
{
    var task = progress.AddTask("training steps", maxValue: TrainingSteps);
    for (int i = 0; i < TrainingSteps; i++)
    {
        var (prediction, xent) = train.Invoke(inputs, targets);
        foreach (var e in xent) finite &= double.IsFinite(e);
        if ((i + 1) % Every != 0) continue;
        int right = 0;
        for (int k = 0; k < N; k++) right += prediction[k] == (targets[k] == 1) ? 1 : 0;
        (losses[i / Every], accuracies[i / Every]) = (System.Linq.Enumerable.Average(xent), (double)right / N);
        task.Increment(Every);
    }
});
clock.Stop();

Console.WriteLine("Final model:");
Console.WriteLine(model.W.GetValue());
Console.WriteLine(model.B.GetValue());
Console.WriteLine("target values for D:");
Console.WriteLine(NumPy.Str(Tensor.Create(classes, [N])));
Console.WriteLine("prediction on D:");
var predicted = predict.Invoke(inputs);
Console.WriteLine(NumPy.Str(predicted));

int correct = 0;
for (int i = 0; i < N; i++) correct += predicted[i] == (targets[i] == 1) ? 1 : 0;
Console.WriteLine($"training loop: {TrainingSteps} steps in {clock.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"{correct} of {N} predictions match the targets; every cross-entropy finite: {finite}");

// Minibatches: each epoch a shuffled permutation of the rows, cut into batches of 50; the step gathers x[idx], y[idx].
const int BatchSize = 50, Epochs = 30;
var minibatch = new MinibatchModel(initialWeights);
var trainBatch = new MinibatchModel.TrainBatchFunction(minibatch);
var shuffle = RandomGenerator.DefaultRng(7);
double firstEpoch = 0, lastEpoch = 0;
for (int epoch = 0; epoch < Epochs; epoch++)
{
    long[] permutation = shuffle.Permutation(N);
    double total = 0;
    for (int start = 0; start < N; start += BatchSize) total += trainBatch.Invoke(inputs, targets, permutation[start..(start + BatchSize)]);
    double mean = total / (N / BatchSize);
    if (epoch == 0) firstEpoch = mean;
    lastEpoch = mean;
}
Console.WriteLine($"minibatch training: mean cost {firstEpoch:F4} in the first epoch, {lastEpoch:F4} in epoch {Epochs}");

// The training curves as pictures.
string plots = TrainingPlots.Directory(args);
Console.WriteLine("wrote " + TrainingPlots.Curves(plots, "logistic-regression-loss.png", "Logistic regression: mean cross-entropy", "training step", Every, "cross-entropy", ("training set", losses)));
Console.WriteLine("wrote " + TrainingPlots.Curves(plots, "logistic-regression-accuracy.png", "Logistic regression: accuracy of the predictions", "training step", Every, "accuracy", ("training set", accuracies)));
return correct >= N - 1 && finite && lastEpoch < firstEpoch ? 0 : 1;
