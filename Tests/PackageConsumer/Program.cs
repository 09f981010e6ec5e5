using System.Numerics.Tensors;
using Tensorgen;

// A program that knows Tensorgen only as a NuGet package: a fused element-wise function, shared state
// with updates, and a gradient, each checked. Prints "consumer: ok" last when every check holds.
int failures = 0;
void Check(bool condition, string what)
{
    Console.WriteLine((condition ? "ok   " : "FAIL ") + what);
    if (!condition) failures++;
}

var logistic = new Consumer.LogisticFunction().Invoke(Tensor.Create(new double[] { 0, 1, -1 }, [3]));
Check(Math.Abs(logistic[0] - 0.5) < 1e-15 && Math.Abs(logistic[1] - 0.7310585786300049) < 1e-15, "logistic: " + NumPy.Repr(logistic));

var state = Consumer.Total;
var accumulate = new Consumer.AccumulateFunction();
accumulate.Invoke(2);
accumulate.Invoke(3);
Check(state.Value == 5, $"shared state after two updates: {state.GetValue()}");

var (value, gradient) = new Consumer.ParabolaFunction().Invoke(new double[] { 1, -2, 3 });
Check(value == 14 && gradient[0] == 2 && gradient[1] == -4 && gradient[2] == 6, $"gradient of sum(x^2): {NumPy.Repr(gradient)}");

var pair = new Consumer.PairFunction().Invoke(new double[] { 1, 2 });
Check(pair.Lengths.SequenceEqual(new nint[] { 2, 2 }) && pair[0, 1] == 2 && pair[1, 0] == -1 && pair[1, 1] == -2, $"stack: {NumPy.Repr(pair)}");

var draws = new Consumer.DrawFunction().Invoke();
// PyTensor's RandomStream(seed=7).uniform(size=3): NumPy's numbers, bit for bit.
Check(draws[0] == 0.7978591868433563 && draws[1] == 0.05309388325640407 && draws[2] == 0.5913511174298967, $"random stream: {NumPy.Repr(draws)}");

Console.WriteLine(failures == 0 ? "consumer: ok" : $"consumer: {failures} failed");
return failures == 0 ? 0 : 1;
