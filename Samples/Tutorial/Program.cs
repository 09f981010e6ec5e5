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

static double[] Flat(Tensor<double> t)
{
    var data = new double[t.FlattenedLength];
    t.FlattenTo(data);
    return data;
}
