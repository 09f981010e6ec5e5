using System;
using System.Diagnostics;
using Tensorgen;
using Tensorgen.Samples;
using Tensorgen.Samples.Digits;

// A two-layer perceptron learns the 8×8 handwritten digits: minibatch gradient descent over shuffled batches, a
// progress line per epoch, the test set's confusion matrix at the end. Exit code 1 if test accuracy is below 95%.
const ulong SplitSeed = 2024, InitSeed = 1, ShuffleSeed = 7;
const int TestCount = 360, BatchSize = 32, Epochs = 20;
const double Required = 0.95;

var data = DigitsData.Load();
var (train, test) = data.Split(SplitSeed, TestCount);
Console.WriteLine($"digits: {data.Count} images of 8x8 pixels, {train.Count} for training and {test.Count} for testing");
Console.WriteLine($"model: 64 -> {Perceptron.Hidden} (tanh) -> 10 (log-softmax); cross-entropy + {Perceptron.L2:G} * L2; " +
                  $"SGD, learning rate {Perceptron.LearningRate:G}, batches of {BatchSize}");

var model = Perceptron.Create(InitSeed);
var trainBatch = new Perceptron.TrainBatchFunction(model);
var predict = new Perceptron.PredictFunction(model);
var shuffle = RandomGenerator.DefaultRng(ShuffleSeed);

long[] Predict(DigitsData set)
{
    var digits = predict.Invoke(set.Images);
    var flat = new long[digits.FlattenedLength];
    digits.FlattenTo(flat);
    return flat;
}

var total = Stopwatch.StartNew();
double testAccuracy = 0;
long[] testPredicted = [];
var (losses, trainAccuracies, testAccuracies) = (new double[Epochs], new double[Epochs], new double[Epochs]);
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    var clock = Stopwatch.StartNew();
    double loss = 0;
    int batches = 0;
    foreach (long[] idx in Batches.Epoch(shuffle, train.Count, BatchSize))
    {
        loss += trainBatch.Invoke(train.Images, train.Labels, idx);
        batches++;
    }
    double trainAccuracy = Evaluation.Accuracy(Predict(train), train.Labels);
    testPredicted = Predict(test);
    testAccuracy = Evaluation.Accuracy(testPredicted, test.Labels);
    (losses[epoch - 1], trainAccuracies[epoch - 1], testAccuracies[epoch - 1]) = (loss / batches, trainAccuracy, testAccuracy);
    Console.WriteLine($"epoch {epoch,2}: loss {loss / batches:F4}, train accuracy {100 * trainAccuracy:F2}%, " +
                      $"test accuracy {100 * testAccuracy:F2}%, {clock.Elapsed.TotalMilliseconds:F0} ms");
}

var confusion = Evaluation.ConfusionMatrix(testPredicted, test.Labels, DigitsData.Classes);
Console.WriteLine("confusion matrix of the test set (rows: true digit, columns: predicted):");
Console.Write(Evaluation.Format(confusion));
int correct = 0;
for (int digit = 0; digit < DigitsData.Classes; digit++) correct += confusion[digit, digit];
Console.WriteLine($"test accuracy {100 * testAccuracy:F2}% ({correct} of {test.Count}) after {Epochs} epochs in " +
                  $"{total.Elapsed.TotalSeconds:F2} s; required: {100 * Required:F0}%");

// The curves and the confusion matrix as pictures.
string plots = TrainingPlots.Directory(args);
Console.WriteLine("wrote " + TrainingPlots.Curves(plots, "digits-loss.png", "Digits: mean training loss per epoch", "cross-entropy + L2", ("training loss", losses)));
Console.WriteLine("wrote " + TrainingPlots.Curves(plots, "digits-accuracy.png", "Digits: accuracy per epoch", "accuracy", ("training set", trainAccuracies), ("test set", testAccuracies)));
Console.WriteLine("wrote " + TrainingPlots.Confusion(plots, "digits-confusion.png", $"Digits: test set confusion matrix ({100 * testAccuracy:F2}% correct)", confusion));
return testAccuracy >= Required ? 0 : 1;
