using System;
using System.Linq;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.Reductions;

/// <summary>
/// Max, Min, Argmax and Argmin of an empty axis raise when called, with NumPy's words, naming the function, the input
/// and its shape, before any work (the shared variable an update would change keeps its value); sizes known at build
/// time and at run time. Axes that do not fit are TG0207 at the argument.
/// </summary>
public sealed class ReductionErrorTests
{
    private const string Source = """
        using System; using System.Linq; using Tensorgen; using static Tensorgen.Pt;
        public static partial class EmptyAxes
        {
            public static readonly Shared<long> Calls = Shared(0, name: "calls");
            [TensorFunction] public static FunctionGraph ArgmaxRows() { var x = Matrix("x"); return Function([x], Argmax(x, 1), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph ArgminCols() { var x = Matrix("x"); return Function([x], x.Argmin(0), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph ArgmaxAll() { var x = Matrix("x"); return Function([x], Argmax(x), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph ArgmaxComputed() { var x = Matrix("x"); return Function([x], Argmax(x * 2.0, -1), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph MaxRows() { var x = Matrix("x"); return Function([x], Max(x, 1), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph MinAll() { var x = Matrix("x"); return Function([x], x.Min(), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph ArgmaxStatic() { var x = Tensor("x", DType.Float64, [2, 0]); return Function([x], Argmax(x, -1), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph ArgminStatic() { var x = Tensor("x", DType.Float64, [0, 3]); return Function([x], Argmin(x, 0), updates: [(Calls, Calls + 1)]); }
            [TensorFunction] public static FunctionGraph MaxStatic() { var x = Tensor("x", DType.Float64, [0, 3]); return Function([x], Max(x, 0), updates: [(Calls, Calls + 1)]); }
            public static object Run(string name, double[] v, int[] s)
            {
                var x = System.Numerics.Tensors.Tensor.Create(v, s.Select(d => (nint)d).ToArray());
                return name switch
                {
                    "ArgmaxRows" => new ArgmaxRowsFunction().Invoke(x),
                    "ArgminCols" => new ArgminColsFunction().Invoke(x),
                    "ArgmaxAll" => new ArgmaxAllFunction().Invoke(x),
                    "ArgmaxComputed" => new ArgmaxComputedFunction().Invoke(x),
                    "MaxRows" => new MaxRowsFunction().Invoke(x),
                    "MinAll" => new MinAllFunction().Invoke(x),
                    "ArgmaxStatic" => new ArgmaxStaticFunction().Invoke(x),
                    "ArgminStatic" => new ArgminStaticFunction().Invoke(x),
                    _ => (object)new MaxStaticFunction().Invoke(x),
                };
            }
            public static long CallCount => Calls.Value;
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source, "EmptyAxes.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        return run.Load();
    });

    private static object Run(string name, int[] shape)
    {
        try
        {
            return Compiled.Value.GetType("EmptyAxes")!.GetMethod("Run")!.Invoke(null, [name, new double[shape.Aggregate(1, (a, b) => a * b)], shape])!;
        }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    private static long Calls => (long)Compiled.Value.GetType("EmptyAxes")!.GetProperty("CallCount")!.GetValue(null)!;

    [Theory]
    // NumPy 1.24 / PyTensor 2.24.2: np.argmax(np.zeros((3, 0)), 1) raises "attempt to get argmax of an empty sequence",
    // np.zeros((3, 0)).max(1) "zero-size array to reduction operation maximum which has no identity".
    [InlineData("ArgmaxRows", new[] { 3, 0 }, "attempt to get argmax of an empty sequence: argmax over axis 1 of 'x' with shape (3, 0)")]
    [InlineData("ArgmaxRows", new[] { 0, 0 }, "attempt to get argmax of an empty sequence: argmax over axis 1 of 'x' with shape (0, 0)")]
    [InlineData("ArgminCols", new[] { 0, 4 }, "attempt to get argmin of an empty sequence: argmin over axis 0 of 'x' with shape (0, 4)")]
    [InlineData("ArgmaxAll", new[] { 2, 0 }, "attempt to get argmax of an empty sequence: argmax over axis 1 of 'x' with shape (2, 0)")]
    [InlineData("ArgmaxComputed", new[] { 5, 0 }, "attempt to get argmax of an empty sequence: argmax over axis 1 of a computed value with shape (5, 0), whose size comes from 'x' with shape (5, 0)")]
    [InlineData("MaxRows", new[] { 2, 0 }, "zero-size array to reduction operation maximum which has no identity: max over axis 1 of 'x' with shape (2, 0)")]
    [InlineData("MinAll", new[] { 0, 3 }, "zero-size array to reduction operation minimum which has no identity: min over axis 0 of 'x' with shape (0, 3)")]
    [InlineData("ArgmaxStatic", new[] { 2, 0 }, "attempt to get argmax of an empty sequence: argmax over axis 1 of 'x' with shape (2, 0)")]
    [InlineData("ArgminStatic", new[] { 0, 3 }, "attempt to get argmin of an empty sequence: argmin over axis 0 of 'x' with shape (0, 3)")]
    [InlineData("MaxStatic", new[] { 0, 3 }, "zero-size array to reduction operation maximum which has no identity: max over axis 0 of 'x' with shape (0, 3)")]
    public void An_empty_axis_raises_naming_function_input_and_shape(string name, int[] shape, string message)
    {
        long before = Calls;
        var e = Assert.Throws<TensorShapeException>(() => Run(name, shape));
        // A size known at build time comes from no argument: the message names the input, the exception no parameter.
        bool isStatic = name.EndsWith("Static", StringComparison.Ordinal);
        Assert.Equal($"EmptyAxes.{name}: {message}. Nothing was computed or written.{(isStatic ? "" : " (Parameter 'x')")}", e.Message);
        if (!isStatic) Assert.Equal("x", e.ParamName);
        Assert.Equal(before, Calls);
    }

    [Theory]
    [InlineData("ArgmaxRows", new[] { 0, 3 })]   // no rows: an empty result, nothing reduced over an empty axis
    [InlineData("ArgminCols", new[] { 2, 0 })]
    [InlineData("MaxRows", new[] { 0, 2 })]
    public void An_empty_kept_axis_is_an_empty_result(string name, int[] shape)
    {
        long before = Calls;
        var result = (System.Numerics.Tensors.ITensor)Run(name, shape);
        Assert.Equal(0, result.FlattenedLength);
        Assert.Equal(before + 1, Calls);
    }

    [Theory]
    [InlineData("Prod(x, 2)", "2", "Prod of 'x' float64(?, ?) over axis 2: the axis must be from -2 to 1")]
    [InlineData("x.All(-3)", "-3", "All of 'x' float64(?, ?) over axis -3: the axis must be from -2 to 1")]
    [InlineData("Argmax(x, [0, -2])", "[0, -2]", "Argmax of 'x' float64(?, ?): axis 0 is given twice")]
    [InlineData("x.Var(2, ddof: 1)", "2", "Var of 'x' float64(?, ?) over axis 2: the axis must be from -2 to 1")]
    [InlineData("Std(x, [1, 5])", "[1, 5]", "Std of 'x' float64(?, ?) over axis 5: the axis must be from -2 to 1")]
    [InlineData("CumSum(x, -3)", "-3", "CumSum of 'x' float64(?, ?) along axis -3: the axis must be from -2 to 1")]
    [InlineData("x.CumProd(2)", "2", "CumProd of 'x' float64(?, ?) along axis 2: the axis must be from -2 to 1")]
    [InlineData("Sum(x, 2)", "2", "axis 2 is out of range or repeated for 'x' float64(?, ?)")]
    [InlineData("x.Max(-3)", "-3", "axis -3 is out of range or repeated for 'x' float64(?, ?)")]
    [InlineData("Mean(x, [0, -2])", "[0, -2]", "axis -2 is out of range or repeated for 'x' float64(?, ?)")]
    public void An_axis_that_does_not_fit_is_TG0207_at_the_argument(string expression, string argument, string message)
    {
        string source = "using Tensorgen; using static Tensorgen.Pt;\npublic static partial class BadAxes\n{\n    [TensorFunction]\n    public static FunctionGraph F() { var x = Matrix(\"x\"); return Function([x], " + expression + "); }\n}\n";
        var run = GeneratorHarness.Run(source, "BadAxes.cs");
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("TG0207", d.Id);
        Assert.Equal($"In 'F': {message}", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(argument, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }
}
