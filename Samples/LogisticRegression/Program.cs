using System;
using System.Diagnostics;
using System.Numerics.Tensors;
using Tensorgen;
using Tensorgen.Samples.LogisticRegression;

// PyTensor's "A Real Example: Logistic Regression", step by step.
const int N = 400;          // training sample size
const int Feats = 784;      // number of input variables
const int TrainingSteps = 10000;

// D = (input_values, target_class); until Tensorgen has NumPy's generator, System.Random makes the data.
var random = new Random(2882);
var inputs = new double[N, Feats];
for (int i = 0; i < N; i++)
    for (int j = 0; j < Feats; j++) inputs[i, j] = Normal(random);
var targets = new double[N];
for (int i = 0; i < N; i++) targets[i] = random.Next(0, 2);
var initialWeights = new double[Feats];
for (int j = 0; j < Feats; j++) initialWeights[j] = Normal(random);

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
Console.WriteLine(NumPy.Str(Tensor.Create(Array.ConvertAll(targets, t => (long)t), [N])));
Console.WriteLine("prediction on D:");
var predicted = predict.Invoke(inputs);
Console.WriteLine(NumPy.Str(predicted));

int correct = 0;
for (int i = 0; i < N; i++) correct += predicted[i] == (targets[i] == 1) ? 1 : 0;
Console.WriteLine($"training loop: {TrainingSteps} steps in {clock.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"{correct} of {N} predictions match the targets; every cross-entropy finite: {finite}");
return correct >= N - 1 && finite ? 0 : 1;

// A standard normal draw (Box-Muller), for the data until NumPy's generator is ported.
static double Normal(Random random)
{
    double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
    return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
}
