using System;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen;
using Tensorgen.Samples.Loop;

// PyTensor's tutorial page "Loop", run section by section in the page's order. Each call is echoed as the page
// writes it (">>> ..."), followed by what NumPy prints for the result. The program checks every value against the
// one PyTensor 2.24.2 prints for the same call (8 significant digits, as printed) and exits 1 if one differs.

int failures = 0;

Section("Scan Example: Computing tanh(x(t).dot(W) + b) elementwise");
var elementwise = new Graphs.ComputeElementwiseFunction();
var eye2 = new double[,] { { 1, 0 }, { 0, 1 } };
var ones22 = new double[,] { { 1, 1 }, { 1, 1 } };
Show("compute_elementwise(x, w, b)", elementwise.Invoke(eye2, ones22, new double[] { 1, 2 }),
    [0.96402758, 0.99505475, 0.96402758, 0.99505475]);

Section("Scan Example: Computing the sequence x(t) = tanh(x(t - 1).dot(W) + y(t).dot(U) + p(T - t).dot(V))");
var seq = new Graphs.ComputeSeqFunction();
var y = new double[5, 2];
var p = new double[5, 2];
for (int i = 0; i < 5; i++) for (int j = 0; j < 2; j++) (y[i, j], p[i, j]) = (i == 0 ? -3 : 1, i == 0 ? 3 : 1);
Show("compute_seq(x, w, y, u, p, v)", seq.Invoke(new double[] { 0, 1 }, ones22, y, ones22, p, ones22),
    [-0.99505475, -0.99505475, 0.96471973, 0.96471973, 0.99998585, 0.99998585, 0.99998771, 0.99998771, 1, 1]);

Section("Scan Example: Computing norms of lines of X");
var diagonal = new double[6, 6];
for (int i = 0; i < 5; i++) diagonal[i, i + 1] = i + 1;
Show("compute_norm_lines(x)", new Graphs.ComputeNormLinesFunction().Invoke(diagonal), [1, 2, 3, 4, 5, 0]);

Section("Scan Example: Computing norms of columns of X");
Show("compute_norm_cols(x)", new Graphs.ComputeNormColsFunction().Invoke(diagonal), [0, 1, 2, 3, 4, 5]);

Section("Scan Example: Computing trace of X");
var trace = new double[5, 5];
for (int i = 0; i < 5; i++) (trace[i, i], trace[0, i]) = (1, i);
Show("compute_trace(x)", new Graphs.ComputeTraceFunction().Invoke(trace), [4]);

Section("Scan Example: Computing the sequence x(t) = x(t - 2).dot(U) + x(t - 1).dot(V) + tanh(x(t - 1).dot(W) + b)");
var seq2 = new Graphs.ComputeSeq2Function();
var halves = new double[,] { { 0.5, 0.5 }, { 0.5, 0.5 } };
Show("compute_seq2(x, u, v, w, b, n)", seq2.Invoke(new double[,] { { 0, 0 }, { 0, 1 } }, new double[,] { { 0, 0.5 }, { 0.5, 0 } }, halves, halves, new double[] { 1, 1 }, 10),
    [1.40514825, 1.40514825, 2.88898899, 2.38898899, 4.34018291, 4.34018291, 6.53463142, 6.78463142, 9.82972243, 9.82972243,
     14.22203814, 14.09703814, 20.07439936, 20.07439936, 28.12291843, 28.18541843, 39.1913681, 39.1913681, 54.28407732, 54.25282732]);

Section("Scan Example: Computing the Jacobian of y = tanh(v.dot(A)) wrt x");
var w53 = new double[5, 3];
for (int i = 0; i < 3; i++) w53[i, i] = 1;
for (int j = 0; j < 3; j++) w53[2, j] = 1;
var (jacobianByScan, jacobian) = new Graphs.ComputeJacTFunction().Invoke(w53, new double[] { 1, 0, 0, 0, 0 });
double[] expectedJacobian = [0.41997434, 0, 0.41997434, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0];
Show("compute_jac_t(w, x)", jacobianByScan, expectedJacobian);
Show("pytensor.function([A, v], pytensor.gradient.jacobian(y, v))(w, x)", jacobian, expectedJacobian);

Section("Scan Example: Accumulate number of loop during a scan");
var accumulator = new Graphs.AccumulatorFunction();
Show("k.get_value()", Graphs.K, [0]);
Echo("accumulator(5)");
accumulator.Invoke(5);
Show("k.get_value()", Graphs.K, [5]);

Section("Scan Example: Computing tanh(v.dot(W) + b) * d where d is binomial");
var bnoise = new BinomialNoise.ComputeWithBnoiseFunction(new BinomialNoise(1234));
var eye102 = new double[10, 2];
(eye102[0, 0], eye102[1, 1]) = (1, 1);
double[] Noisy(double d0, double d1) => Enumerable.Range(0, 10).SelectMany(i => new[] { (i < 2 ? 0.96402758 : 0.76159416) * d0, (i < 2 ? 0.96402758 : 0.76159416) * d1 }).ToArray();
Show("compute_with_bnoise(x, w, b)", bnoise.Invoke(eye102, ones22, new double[] { 1, 1 }), Noisy(1, 0));
Show("compute_with_bnoise(x, w, b)  # d drawn again", bnoise.Invoke(eye102, ones22, new double[] { 1, 1 }), Noisy(1, 1));

Section("Scan Example: Computing pow(A, k)");
Show("power(range(10), 2)", new Graphs.PowerFunction().Invoke(Enumerable.Range(0, 10).Select(i => (double)i).ToArray(), 2),
    [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);

Section("Scan Example: Calculating a Polynomial");
Show("calculate_polynomial(test_coeff, 3)", new Graphs.CalculatePolynomialFunction().Invoke(new double[] { 1, 0, 2 }, 3), [19]);

Section("Exercise: the reduction done by scan");
Show("calculate_polynomial(test_coeff, 3)", new Graphs.CalculatePolynomialByScanFunction().Invoke(new double[] { 1, 0, 2 }, 3), [19]);

Console.WriteLine();
Console.WriteLine(failures == 0 ? "All values equal PyTensor's." : $"{failures} values differ from PyTensor's.");
return failures == 0 ? 0 : 1;

static void Section(string title)
{
    Console.WriteLine();
    Console.WriteLine("## " + title);
}

static void Echo(string call) => Console.WriteLine(">>> " + call);

// The result as NumPy prints it, compared with PyTensor's printed values (to the 8 digits they show).
void Show<T>(string call, T value, double[] expected)
{
    Echo(call);
    string printed;
    double[] actual;
    switch (value)
    {
        case Tensor<double> d: printed = NumPy.Repr(d); actual = Flat(d); break;
        case Tensor<float> f: printed = NumPy.Repr(f); actual = Flat(f).Select(x => (double)x).ToArray(); break;
        case double s: printed = NumPy.Repr(s); actual = [s]; break;
        case float s: printed = NumPy.Repr(s); actual = [s]; break;
        case Shared<long> k: printed = k.GetValue().ToString(); actual = [k.Value]; break;
        default: throw new InvalidOperationException(typeof(T).Name);
    }
    Console.WriteLine(printed);
    bool same = actual.Length == expected.Length && actual.Zip(expected).All(e => Math.Abs(e.First - e.Second) <= 5e-9 * Math.Max(1, Math.Abs(e.Second)));
    if (!same)
    {
        failures++;
        Console.WriteLine("# PyTensor prints: " + string.Join(", ", expected));
    }
}

static double[] Flat<T>(Tensor<T> t)
{
    var data = new T[t.FlattenedLength];
    t.FlattenTo(data);
    return data.Select(x => Convert.ToDouble(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
