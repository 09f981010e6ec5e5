using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Reflection;
using Tensorgen.Tests.Infrastructure;
using Xunit;

namespace Tensorgen.Tests.DTypes;

/// <summary>
/// int8, int16 and uint8 as inputs (PyTensor's bscalar, bmatrix, wvector, ... and Tensor(name, DType.UInt8, shape)),
/// outputs and shared variables: typed C# signatures (sbyte, short, byte), values passed through unchanged,
/// updates of shared variables, and printing as NumPy prints these dtypes.
/// </summary>
public sealed class RoundTripTests
{
    private const string Source = """
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class G
        {
            static readonly Shared<sbyte> Counts = Shared(new sbyte[] { 126, -128, 0 });

            [TensorFunction]
            public static FunctionGraph Pass()
            {
                var b = BScalar("b");
                var m = BMatrix("m");
                var w = WVector("w");
                var u = Tensor("u", DType.UInt8, [null]);
                return Function([b, m, w, u], [b, m, w, u, Cast(m, DType.Int16), Cast(w, DType.UInt8)]);
            }

            [TensorFunction]
            public static FunctionGraph Step()
            {
                var inc = BVector("inc");
                return Function([inc], Counts * 1, updates: [(Counts, Counts + inc)]);
            }

            [TensorFunction]
            public static FunctionGraph Take()
            {
                var x = DVector("x");
                var i = BVector("i");
                return Function([x, i], x[i]);
            }

            [TensorFunction]
            public static FunctionGraph Shortcuts()
            {
                var r = BRow("r");
                var c = BCol("c");
                var t = BTensor3("t");
                var wr = WRow("wr");
                var wc = WCol("wc");
                var ws = WScalar("ws");
                var w3 = WTensor3("w3");
                var b4 = BTensor4("b4");
                var w4 = WTensor4("w4");
                return Function([r, c, t, wr, wc, ws, w3, b4, w4], [r + c, t.Sum(), wr + wc + ws, w3.Sum(), b4.Sum(), w4.Sum()]);
            }
        }

        // TensorArg<T> is a ref struct, so the tests call the functions through these.
        public static class Runs
        {
            public static object[] Pass(sbyte b, sbyte[,] m, short[] w, byte[] u)
            {
                var (b1, m1, w1, u1, m2, w2) = new G.PassFunction().Invoke(b, m, w, u);
                return [b1, m1, w1, u1, m2, w2];
            }

            public static object[] Step(sbyte[] inc)
            {
                var f = new G.StepFunction();
                return [f.Invoke(inc), f.Invoke(inc)];
            }

            public static object Take(double[] x, sbyte[] i) => new G.TakeFunction().Invoke(x, i);
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source);
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        return run.Load();
    });

    private static object Call(string function, params object?[] args)
    {
        try { return Compiled.Value.GetType("Runs")!.GetMethod(function)!.Invoke(null, args)!; }
        catch (TargetInvocationException e) { throw e.InnerException!; }
    }

    [Fact]
    public void The_signature_has_the_CSharp_element_types()
    {
        var invoke = Compiled.Value.GetType("G+PassFunction")!.GetMethod("Invoke")!;
        Assert.Equal([typeof(sbyte), typeof(TensorArg<sbyte>), typeof(TensorArg<short>), typeof(TensorArg<byte>)],
            invoke.GetParameters().Select(p => p.ParameterType));
        Assert.Equal([typeof(sbyte), typeof(Tensor<sbyte>), typeof(Tensor<short>), typeof(Tensor<byte>), typeof(Tensor<short>), typeof(Tensor<byte>)],
            invoke.ReturnType.GetGenericArguments());
    }

    [Fact]
    public void Values_pass_through_and_cast_as_NumPy()
    {
        var r = (object[])Call("Pass", (sbyte)-128, new sbyte[,] { { 127, -1 }, { 0, -128 } }, new short[] { -32768, 300, -1 }, new byte[] { 255, 0, 7 });
        Assert.Equal((sbyte)-128, (sbyte)r[0]);
        Assert.Equal(new sbyte[] { 127, -1, 0, -128 }, ((Tensor<sbyte>)r[1]).ToArray());
        Assert.Equal(new nint[] { 2, 2 }, ((Tensor<sbyte>)r[1]).Lengths.ToArray());
        Assert.Equal(new short[] { -32768, 300, -1 }, ((Tensor<short>)r[2]).ToArray());
        Assert.Equal(new byte[] { 255, 0, 7 }, ((Tensor<byte>)r[3]).ToArray());
        Assert.Equal(new short[] { 127, -1, 0, -128 }, ((Tensor<short>)r[4]).ToArray());
        // numpy: np.array([-32768, 300, -1], np.int16).astype(np.uint8) is [0, 44, 255]
        Assert.Equal(new byte[] { 0, 44, 255 }, ((Tensor<byte>)r[5]).ToArray());
        Assert.Equal("array([[ 127,   -1],\n       [   0, -128]], dtype=int8)", NumPy.Repr((Tensor<sbyte>)r[1]));
        Assert.Equal("array([255,   0,   7], dtype=uint8)", NumPy.Repr((Tensor<byte>)r[3]));
    }

    [Fact]
    public void A_shared_int8_variable_is_updated_and_wraps()
    {
        var r = (object[])Call("Step", new sbyte[] { 1, -1, 5 });
        var (first, second) = ((Tensor<sbyte>)r[0], (Tensor<sbyte>)r[1]);
        Assert.Equal(new sbyte[] { 126, -128, 0 }, first.ToArray());
        // 126 + 1 = 127, -128 + -1 wraps to 127 (NumPy's int8), 0 + 5 = 5.
        Assert.Equal(new sbyte[] { 127, 127, 5 }, second.ToArray());
    }

    [Fact]
    public void An_int8_index_array_indexes()
    {
        var r = (Tensor<double>)Call("Take", new double[] { 10, 20, 30 }, new sbyte[] { 2, 0, -1 });
        Assert.Equal(new double[] { 30, 10, 30 }, r.ToArray());
    }

    [Fact]
    public void PyTensors_shortcuts_have_their_dtypes_and_broadcast_patterns()
    {
        var invoke = Compiled.Value.GetType("G+ShortcutsFunction")!.GetMethod("Invoke")!;
        Assert.Equal([typeof(TensorArg<sbyte>), typeof(TensorArg<sbyte>), typeof(TensorArg<sbyte>), typeof(TensorArg<short>), typeof(TensorArg<short>), typeof(short),
            typeof(TensorArg<short>), typeof(TensorArg<sbyte>), typeof(TensorArg<short>)], invoke.GetParameters().Select(p => p.ParameterType));
        // A row (1, n) plus a column (n, 1) broadcasts to (n, n); sums of integers are int64, as PyTensor's.
        Assert.Equal([typeof(Tensor<sbyte>), typeof(long), typeof(Tensor<short>), typeof(long), typeof(long), typeof(long)], invoke.ReturnType.GetGenericArguments());
    }
}
