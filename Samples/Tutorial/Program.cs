using System;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using Tensorgen;
using Tensorgen.Samples.Tutorial;

// PyTensor's tutorial page "More Examples", run section by section in the page's order. Each call is
// echoed as the page writes it (">>> ..."), followed by what NumPy would print for the result.

Section("Logistic Function");
var logistic = new Graphs.LogisticFunction();
var s = logistic.Invoke(new double[,] { { 0, 1 }, { -1, -2 } });
Show("logistic([[0, 1], [-1, -2]])", NumPy.Repr(s));
Console.WriteLine("# full precision: " + string.Join(", ", Flat(s).Select(v => NumPy.Str(v))));

var logistic2 = new Graphs.Logistic2Function();
var s2 = logistic2.Invoke(new double[,] { { 0, 1 }, { -1, -2 } });
Show("logistic2([[0, 1], [-1, -2]])", NumPy.Repr(s2));
Console.WriteLine("# full precision: " + string.Join(", ", Flat(s2).Select(v => NumPy.Str(v))));

Section("Computing More than one Thing at the Same Time");
var f = new Graphs.DifferencesFunction();
var (diff, absDiff, diffSquared) = f.Invoke(new double[,] { { 1, 1 }, { 1, 1 } }, new double[,] { { 0, 1 }, { 2, 3 } });
Show("f([[1, 1], [1, 1]], [[0, 1], [2, 3]])", $"[{NumPy.Repr(diff)}, {NumPy.Repr(absDiff)}, {NumPy.Repr(diffSquared)}]");

Section("Setting a Default Value for an Argument");
var add = new Graphs.AddWithDefaultFunction();
Show("f(33)", NumPy.Repr(add.Invoke(33)));
Show("f(33, 2)", NumPy.Repr(add.Invoke(33, 2)));

var g = new Graphs.AddThenScaleFunction();
Show("f(33)", NumPy.Repr(g.Invoke(33)));
Show("f(33, 2)", NumPy.Repr(g.Invoke(33, 2)));
Show("f(33, 0, 1)", NumPy.Repr(g.Invoke(33, 0, 1)));
Show("f(33, w_by_name=1)", NumPy.Repr(g.Invoke(33, w_by_name: 1)));
Show("f(33, w_by_name=1, y=0)", NumPy.Repr(g.Invoke(33, w_by_name: 1, y: 0)));

Section("Using Shared Variables");
var state = Graphs.State;
var accumulator = new Graphs.AccumulatorFunction();
Print("print(state.get_value())", state.GetValue());
Show("accumulator(1)", NumPy.Repr(accumulator.Invoke(1)));
Print("print(state.get_value())", state.GetValue());
Show("accumulator(300)", NumPy.Repr(accumulator.Invoke(300)));
Print("print(state.get_value())", state.GetValue());
Echo("state.set_value(-1)");
state.SetValue(-1);
Show("accumulator(3)", NumPy.Repr(accumulator.Invoke(3)));
Print("print(state.get_value())", state.GetValue());
var decrementor = new Graphs.DecrementorFunction();
Show("decrementor(2)", NumPy.Repr(decrementor.Invoke(2)));
Print("print(state.get_value())", state.GetValue());
var skipShared = new Graphs.SkipSharedFunction();
Show("skip_shared(1, 3)", NumPy.Repr(skipShared.Invoke(1, 3)));
Print("print(state.get_value())", state.GetValue());

Section("Copying functions");
// state = pytensor.shared(0); accumulator = pytensor.function([inc], state, updates=[(state, state+inc)])
var copyState = Pt.Shared(0);
var copyAccumulator = new Graphs.AccumulatorFunction(copyState);
Show("accumulator(10)", NumPy.Repr(copyAccumulator.Invoke(10)));
Print("print(state.get_value())", copyState.GetValue());
var newState = Pt.Shared(0);
var newAccumulator = copyAccumulator.Copy(swap: [(copyState, newState)]);
Show("new_accumulator(100)", NumPy.Repr(newAccumulator.Invoke(100)));
Print("print(new_state.get_value())", newState.GetValue());
Print("print(state.get_value())", copyState.GetValue());
var nullAccumulator = copyAccumulator.Copy(deleteUpdates: true);
Show("null_accumulator(9000)", NumPy.Repr(nullAccumulator.Invoke(9000)));
Print("print(state.get_value())", copyState.GetValue());

Section("Using Random Numbers");
var fRandom = new Graphs.FFunction();
var gRandom = new Graphs.GFunction();
var nearlyZeros = new Graphs.NearlyZerosFunction();
Show("f_val0 = f()", NumPy.Repr(fRandom.Invoke()));
Show("f_val1 = f()  # different numbers from f_val0", NumPy.Repr(fRandom.Invoke()));
Show("g_val0 = g()  # different numbers from f_val0 and f_val1", NumPy.Repr(gRandom.Invoke()));
Show("g_val1 = g()  # same numbers as g_val0!", NumPy.Repr(gRandom.Invoke()));
Show("nearly_zeros()", NumPy.Repr(nearlyZeros.Invoke()));

Section("Seeding Streams");
Echo("srng.seed(902340)  # seeds rv_u and rv_n with different seeds each");
Graphs.Srng.Seed(902340);
Show("f()", NumPy.Repr(fRandom.Invoke()));
Show("g()", NumPy.Repr(gRandom.Invoke()));

Section("Copying Random State Between PyTensor Graphs");
var g1 = new RandomGraph(123);
var f1 = new RandomGraph.FFunction(g1);
var g2 = new RandomGraph(987);
var f2 = new RandomGraph.FFunction(g2);
Show("f1()", NumPy.Repr(f1.Invoke()));
Show("f2()  # out of sync with f1", NumPy.Repr(f2.Invoke()));
Echo("copy_random_state(g1, g2)");
foreach (var ((rng1, _), (rng2, _)) in g1.Rng.StateUpdates.Zip(g2.Rng.StateUpdates)) rng2.SetValue(rng1.GetValue());
Show("f1()", NumPy.Repr(f1.Invoke()));
Show("f2()  # the same as f1 now", NumPy.Repr(f2.Invoke()));

static void Section(string title)
{
    Console.WriteLine();
    Console.WriteLine("## " + title);
}

static void Show(string call, string printed)
{
    Console.WriteLine(">>> " + call);
    Console.WriteLine(printed);
}

// print(...) in the page: the value as Python prints it.
static void Print<T>(string call, TensorValue<T> value) where T : unmanaged => Show(call, value.ToString());

static void Echo(string call) => Console.WriteLine(">>> " + call);

static double[] Flat(Tensor<double> t)
{
    var data = new double[t.FlattenedLength];
    t.FlattenTo(data);
    return data;
}
