using System;
using System.Globalization;
using System.Text;

namespace Tensorgen.Tests.Infrastructure;

/// <summary>
/// Sources of graph methods with many nodes, for the tests that large graphs go through the generator
/// and for the scaling harness (Tests/Tensorgen.Benchmarks, <c>--generator-scaling</c>). Loops over
/// constants keep the source small and the evaluation within its step budget: each iteration adds a
/// few nodes for a handful of evaluation steps.
/// </summary>
public static class LargeGraphs
{
    /// <summary>The kinds of graph, by name: chain, grad, mixed, flat, products.</summary>
    public static readonly string[] Kinds = ["chain", "grad", "mixed", "flat", "products"];

    /// <summary>A graph method of about <paramref name="nodes"/> evaluated nodes (before rewriting).</summary>
    public static string Source(string kind, int nodes) => kind switch
    {
        "chain" => Chain(nodes / 4),
        "grad" => Grad(nodes / 8),
        "mixed" => Mixed(nodes / 5),
        "flat" => Flat(nodes / 4),
        "products" => Products(nodes / 3),
        _ => throw new ArgumentException($"unknown kind '{kind}'; one of {string.Join(", ", Kinds)}"),
    };

    /// <summary>An element-wise chain, four nodes per iteration: a constant, two products, a sum.</summary>
    public static string Chain(int iterations) => Wrap("ChainGraph", $$"""
            var x = DVector("x");
            var acc = x;
            for (int i = 0; i < {{Int(iterations)}}; i++) acc = acc * 0.5 + x * i;
            return Function([x], acc);
        """);

    /// <summary>The chain and its gradient with respect to x: about eight nodes per iteration.</summary>
    public static string Grad(int iterations) => Wrap("GradGraph", $$"""
            var x = DVector("x");
            var acc = x;
            for (int i = 0; i < {{Int(iterations)}}; i++) acc = acc * 0.5 + x * i;
            return Function([x], [acc, Grad((acc * acc).Sum(), x)]);
        """);

    /// <summary>
    /// A chain of tanh with a matrix-vector product every eighth iteration and a sum broadcast back every
    /// eighth (offset by four): many kernels, products and reductions between them.
    /// </summary>
    public static string Mixed(int iterations) => Wrap("MixedGraph", $$"""
            var x = DVector("x");
            var w = DMatrix("w");
            var acc = x;
            for (int i = 0; i < {{Int(iterations)}}; i++)
            {
                acc = Tanh(acc * 0.5 + x * i);
                if (i % 8 == 0) acc = acc + Dot(w, acc) * 0.001;
                if (i % 8 == 4) acc = acc - acc.Sum() * 0.0001;
            }
            return Function([x, w], acc);
        """);

    /// <summary>
    /// Products of a 3-d tensor with a matrix, one per iteration: each is a reshape whose sizes are asked of the graph
    /// being built (once a copy of the whole graph per question: quadratic, a hang in the malformed-body fuzz).
    /// </summary>
    public static string Products(int iterations) => Wrap("ProductsGraph", $$"""
            var t = DTensor3("t");
            var w = DMatrix("w");
            var acc = t;
            for (int i = 0; i < {{Int(iterations)}}; i++) acc = Tanh(Dot(acc, w));
            return Function([t, w], acc);
        """);

    /// <summary>The chain written out as one statement per iteration: a large method body.</summary>
    public static string Flat(int statements)
    {
        var body = new StringBuilder();
        body.AppendLine("        var x = DVector(\"x\");");
        body.AppendLine("        var acc = x;");
        for (int i = 0; i < statements; i++) body.Append("        acc = acc * 0.5 + x * ").Append(Int(i)).AppendLine(";");
        body.AppendLine("        return Function([x], acc);");
        return Wrap("FlatGraph", body.ToString());
    }

    /// <summary>A deep chain behind a given: y (replaced by x * 2) feeds <paramref name="iterations"/> steps.</summary>
    public static string ThroughGivens(int iterations) => Wrap("GivensGraph", $$"""
            var x = DVector("x");
            var y = DVector("y");
            var acc = y;
            for (int i = 0; i < {{Int(iterations)}}; i++) acc = acc * 0.5 + y * i;
            return Function([x], acc, givens: [(y, x * 2)]);
        """);

    /// <summary>A class named <c>Large</c> holding one graph method named <paramref name="method"/>.</summary>
    public static string Wrap(string method, string body) => $$"""
        using Tensorgen;
        using static Tensorgen.Pt;

        public static partial class Large
        {
            [TensorFunction]
            public static FunctionGraph {{method}}()
            {
        {{body}}
            }
        }
        """;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
