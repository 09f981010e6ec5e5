using System;
using System.Numerics.Tensors;
using Tensorgen;
using Tensorgen.Samples.Rnn;

// A sequence task made here: the target at each step is x(t-1) + x(t-2)/2, so the network must remember its last
// two inputs. An Elman network of 16 units learns it with Scan and its gradient (back-propagation through time).
const int Time = 12, Batch = 32, Hidden = 16, Epochs = 60, BatchesPerEpoch = 8;
var rng = RandomGenerator.DefaultRng(15);

(Tensor<double> X, Tensor<double> Y) Batch_()
{
    var x = new double[Time * Batch];
    var y = new double[Time * Batch];
    for (int i = 0; i < x.Length; i++) x[i] = rng.Normal(0, 1) * 0.5;
    for (int t = 0; t < Time; t++)
        for (int s = 0; s < Batch; s++)
            y[t * Batch + s] = (t >= 1 ? x[(t - 1) * Batch + s] : 0) + (t >= 2 ? x[(t - 2) * Batch + s] / 2 : 0);
    return (Tensor.Create(x, [Time, Batch, 1]), Tensor.Create(y, [Time, Batch]));
}

double[,] Weights(int rows, int columns, double scale)
{
    var m = rng.StandardNormal(rows, columns);
    for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) m[i, j] *= scale;
    return m;
}

var model = new Model(Weights(1, Hidden, 0.5), Weights(Hidden, Hidden, 0.3), Array.ConvertAll(rng.StandardNormal(Hidden), a => a * 0.3));
var train = new Model.TrainFunction(model);
var evaluate = new Model.EvaluateFunction(model);
var (testX, testY) = Batch_();
double first = evaluate.Invoke(testX, testY), last = first;
Console.WriteLine($"before training: test loss {first:F4}");
for (int epoch = 1; epoch <= Epochs; epoch++)
{
    double sum = 0;
    for (int b = 0; b < BatchesPerEpoch; b++)
    {
        var (x, y) = Batch_();
        sum += train.Invoke(x, y);
    }
    last = evaluate.Invoke(testX, testY);
    if (epoch % 5 == 0 || epoch == 1) Console.WriteLine($"epoch {epoch,3}: training loss {sum / BatchesPerEpoch:F4}, test loss {last:F4}");
}
// The targets' variance is about 0.31; predicting zero scores that. The network must do far better.
bool learned = double.IsFinite(last) && last < 0.1 * first && last < 0.03;
Console.WriteLine($"test loss {first:F4} -> {last:F4}: {(learned ? "learned" : "NOT learned")}");
return learned ? 0 : 1;
