using System;
using System.Diagnostics;
using System.Numerics.Tensors;
using Tensorgen;
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

// pred, err = train(D[0], D[1]), 10,000 times; every cross-entropy returned must be finite.
var clock = Stopwatch.StartNew();
bool finite = true;
for (int i = 0; i < TrainingSteps; i++)
{
    var (prediction, xent) = train.Invoke(inputs, targets);
    foreach (var e in xent) finite &= double.IsFinite(e);
}
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
return correct >= N - 1 && finite ? 0 : 1;
