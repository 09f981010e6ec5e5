using System;
using static Tensorgen.Pt;

namespace Tensorgen.Tests.Delegates;

/// <summary>Lambdas and method groups in graph code, called as C# calls them.</summary>
public static partial class DelegateGraphs
{
    private static TensorVariable Square(TensorVariable v) => v * v;

    /// <summary>
    /// A captured variable is read when the lambda runs (3, not 2); a lambda's writes to a captured variable are the
    /// caller's (calls = 2); each pass of a loop gives its lambda that pass's variable (k = 1, then 2).
    /// </summary>
    [TensorFunction]
    public static FunctionGraph Closures()
    {
        var x = DVector("x");
        var scale = 2.0;
        Func<TensorVariable, TensorVariable> scaled = v => v * scale;
        scale = 3.0;
        Func<TensorVariable, TensorVariable, TensorVariable> add = (a, b) =>
        {
            var s = a + b;
            return s;
        };
        int calls = 0;
        Func<TensorVariable, TensorVariable> counted = v => { calls++; return v; };
        counted(x);
        counted(x);
        Func<TensorVariable, TensorVariable>[] perPass = [];
        for (int i = 0; i < 2; i++)
        {
            int k = i + 1;
            perPass = [.. perPass, v => v * k];
        }
        TensorVariable Cube(TensorVariable v) => v * v * v;
        Func<TensorVariable, TensorVariable> square = Square, cube = Cube;
        return Function([x], [scaled(x), add(x, x), x * calls, perPass[0](x) + perPass[1](x) * 10, square(x) + cube(x)]);
    }

    /// <summary>A delegate passed to a helper and called there, and a lambda returned by a helper.</summary>
    [TensorFunction]
    public static FunctionGraph Passed()
    {
        var x = DVector("x");
        var offset = 1.0;
        return Function([x], [Twice(v => Exp(v) - offset, x), Adder(x)(x)]);
    }

    private static TensorVariable Twice(Func<TensorVariable, TensorVariable> f, TensorVariable v) => f(f(v));

    private static Func<TensorVariable, TensorVariable> Adder(TensorVariable y) => v => v + y * 2;
}
