using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// Writes a random malformed graph body from a list of choices: a valid fuzzed body (or a small one)
/// mutated at the token level (tokens deleted, duplicated, swapped, replaced) and at the statement
/// level (unsupported statements and expressions, wrong types, a missing or wrong return, runaway
/// loops, deep nesting, recursion, constant division by zero, shapes that cannot broadcast), or junk.
/// Some mutations leave the body valid; that is fine. The generator must answer every body with
/// diagnostics or compiling code, never an exception, TG9999 or a hang.
/// </summary>
internal static class MalformedWriter
{
    /// <summary>Class members the snippets use (a field, a counter, recursive helpers).</summary>
    public const string Members = """
            private static TensorVariable Field = null!;
            private static int Counter;
            private static int[] Numbers = [1, 2, 3];
            private static readonly RandomStream Noise = new(seed: 3);

            private static TensorVariable Rec(TensorVariable t, int n) => Rec(t + 1, n + 1);

            private static TensorVariable Ping(TensorVariable t) => Pong(t * 2);

            private static TensorVariable Pong(TensorVariable t) => Ping(t - 1);

            private static void Bump(ref int n) { n++; Counter++; }

            private static TensorVariable Fan(TensorVariable t, int n) => n == 0 ? t : Fan(t + 1, n - 1) + Fan(t * 2, n - 1);

        """;

    /// <summary>The snippets that run a loop (Scan, Map, Reduce, Jacobian, Hessian).</summary>
    public static IEnumerable<string> LoopSnippets => Snippets.Where(s => s.Contains("Scan(") || s.Contains("Map(") || s.Contains("Reduce(") || s.Contains("Jacobian("));

    /// <summary>Statements graph code does not support or that are wrong, {x} standing for a tensor in scope.</summary>
    private static readonly string[] Snippets =
    [
        "try { {x} = {x} + 1; } catch { }",
        "try { } finally { }",
        "lock (Numbers) { {x} = {x} * 2; }",
        "switch (Counter) { case 0: {x} = -{x}; break; default: break; }",
        "var sw = Counter switch { 0 => {x}, _ => {x} + 1 };",
        "goto end; end: ;",
        "System.Func<TensorVariable, TensorVariable> f = t => t * 2; {x} = f({x});",
        "var o = new System.Text.StringBuilder();",
        "var list = new System.Collections.Generic.List<TensorVariable> { {x} };",
        "Field = {x};",
        "{x} = DebugPrint({x} * 2, \"p\"); DebugPrint({x}.Sum());",
        "Counter++;",
        "Numbers[0] = 5;",
        "ref var r = ref {x}; r = r + 1;",
        "int local = 0; Bump(ref local); Bump(ref Numbers[1]);",
        "System.Console.WriteLine({x});",
        "var text = {x}.ToString();",
        "throw new System.InvalidOperationException();",
        "using (var ms = new System.IO.MemoryStream()) { }",
        "yield return {x};",
        "await System.Threading.Tasks.Task.Delay(1);",
        "dynamic d = {x}; {x} = d + 1;",
        "{x} = null;",
        "{x} = default;",
        "TensorVariable un; {x} = un;",
        "var eq = {x} == {x}; if (eq) {x} = {x} + 1;",
        "if ({x} > 0) {x} = {x} + 1;",
        "for (int i = 0; i < {x}.NDim + Counter; i++) { }",
        "int zero = 0; int q = 5 / zero;",
        "const int czero = 0; int cq = 5 / czero;",
        "long big = long.MinValue; long nb = checked(-big);",
        "int ov = checked(int.MaxValue + Numbers.Length);",
        "double dbl = 1e300; int bad = (int)dbl;",
        "var mis = Tensor(\"m1\", DType.Float64, [3]) + Tensor(\"m2\", DType.Float64, [4]);",
        "var mism = DVector(\"mv\") + DMatrix(\"mm\"); {x} = {x} + mism;",
        "{x} = {x} + Tensor(\"st\", DType.Float64, [7, 1, 2, 3]);",
        "{x} = Exp({x} > 0);",
        "{x} = ({x} > 0) + ({x} < 1);",
        "{x} = Not({x});",
        "{x} = Switch({x}, {x}, {x});",
        "{x} = Sum({x}, 9);",
        "{x} = Sum({x}, [0, 0]);",
        "{x} = Max({x}, -9, keepdims: true);",
        "{x} = Dot({x}, Tensor(\"t3\", DType.Float64, [null, null, null]));",
        "{x} = Cast({x}, (DType)42);",
        "var neg = Tensor(\"neg\", DType.Float64, [-3]);",
        "var huge = Tensor(\"huge\", DType.Float64, [int.MaxValue, int.MaxValue]);",
        "var odd = Tensor(\"odd\", (DType)(-1), [null]);",
        "var empty = DVector(\"\");",
        "var kw = DVector(\"class\");",
        "var nul = DVector(null);",
        "var (p1, p2) = DVectors(\"p1\");",
        "var (p3, p4) = DVectors(\"p3\", \"p4\", \"p5\");",
        "var c1 = Constant(2.5, DType.Int64);",
        "var c2 = Constant(double.NaN, DType.Bool);",
        "var c3 = Constant(1e300 * 1e300, DType.Float32);",
        "var c4 = Constant(9007199254740993, DType.Float64);",
        "var g = Grad({x}, {x});",
        "var g2 = Grad(Sum({x} > 0), {x});",
        "var g3 = Grad(Sum({x}), Cast({x}, DType.Int64));",
        "var g4 = Grad(Sum({x}), DVector(\"other\"));",
        "var g5 = Grad(Sum({x}), []);",
        "var r1 = Rec({x}, 0);",
        "var r2 = Ping({x});",
        "TensorVariable L(TensorVariable t) => L(t * 2); var r4 = L({x});",
        "TensorVariable gg = Sum({x}); for (int i = 0; i < 30; i++) gg = Sum(Grad(gg, {x}));",
        "var s = \"\"; for (int i = 0; i < 100000; i++) s += \"x\";",
        "return Function([{x}], {x});",
        "return Function([{x} + 1], {x});",
        "return Function([{x}, {x}], {x});",
        "return Function([In({x}, value: \"text\")], {x});",
        "return Function([In({x}, name: \"\")], {x});",
        "return Function([], {x});",
        "return Function(null!, {x});",
        "return Function([{x}], [], updates: [({x}, {x})]);",
        "return Function([{x}], {x}, givens: [({x}, {x} + 1)]);",
        "return null;",
        "return default;",
        "return Function([{x}], new TensorVariable[0]);",
        "var (sc1, _) = Scan(v => v * 2, sequences: [{x}]); {x} = {x} + sc1.Sum();",
        "var (sc2, _) = Scan((v, s) => s + v, sequences: [{x}], outputsInfo: [Constant(0.0)]); {x} = {x} + sc2[-1];",
        "var (sc3, _) = Scan((a, b) => a + b, outputsInfo: [Taps({x}, -2, -1)], nSteps: 3); {x} = {x} + sc3.Sum();",
        "var (sc4, _) = Scan((a, b) => a * b, sequences: [Taps({x}, 5, -5)]); {x} = {x} + sc4.Sum();",
        "var (sc5, u5) = Scan(() => [(Field, Field + 1)], nSteps: 2);",
        "var (sc6, _) = Scan(v => Scan(e => e, sequences: [v]).Outputs, sequences: [{x}]);",
        "var (sc7, _) = Scan(v => Grad(Sum(v * {x}), {x}), sequences: [{x}]); {x} = {x} + sc7.Sum();",
        "var j1 = Jacobian({x}, {x}); var h1 = Hessian(Sum({x}), {x}); {x} = {x} + j1.Sum() + h1.Sum();",
        "var (sc8, _) = Scan((v, s) => s * v, sequences: [{x}], outputsInfo: [{x}], nSteps: -1);",
        "var (sc9, _) = Map(v => v.Sum(), [{x}], goBackwards: true); {x} = {x} + Grad(sc9.Sum(), {x});",
        "var (sc10, _) = Scan(v => [v, v * 2], sequences: [{x}]); {x} = {x} + sc10[1].Sum();",
        "var (sc11, _) = Scan(v => v, sequences: [{x}], truncateGradient: -7);",
        "var (sc12, _) = Scan((v, s) => (s + v, [(Field, Field)]), sequences: [{x}], outputsInfo: [{x}]);",
        "var (sc13, _) = Reduce((v, s) => s + v, [{x}], [Constant(0)]); {x} = {x} + sc13;",
        "var (sc14, _) = Scan(v => v + Noise.Normal(0, 1, size: v.Shape), sequences: [{x}]); {x} = {x} + sc14.Sum();",
        "var (sc15, _) = Scan(s => [s * 2, Until(s > 5)], outputsInfo: [Constant(1.0)], nSteps: 9); {x} = {x} + sc15[0].Sum() * sc15[0].Shape[0];",
        "var (sc16, _) = Scan(s => s + Noise.Uniform(s, 2.0), outputsInfo: [Constant(0.0)], nSteps: 3); {x} = {x} + sc16[-1];",
    ];

    /// <summary>
    /// Code that runs until a budget stops it (TG0105): 4,000,000 evaluation steps or 500,000 nodes take
    /// seconds each, so a run has only a few of these.
    /// </summary>
    private static readonly string[] Runaways =
    [
        "while (true) { }",
        "for (;;) { Counter = Counter; }",
        "for (long i = 0; i < 100000000000L; i++) { }",
        "var r3 = Fan({x}, 40);",
        "TensorVariable acc = {x}; for (int i = 0; i < 200000; i++) acc = acc * 2 + {x};",
        "TensorVariable[] many = []; for (int i = 0; i < 300000; i++) many = [.. many, {x}];",
        "var deep = " + string.Concat(Enumerable.Repeat("(", 5000)) + "{x}" + string.Concat(Enumerable.Repeat(" + 1)", 5000)) + ";",
        string.Concat(Enumerable.Repeat("if (Counter == 0) { ", 2000)) + "{x} = -{x};" + string.Concat(Enumerable.Repeat(" }", 2000)),
    ];

    private static readonly string[] Small =
    [
        "        var x0 = DVector(\"x0\");\n        var v0 = Exp(x0) * 2;\n        return Function([x0], v0);\n",
        "        var (x0, x1) = DMatrices(\"x0\", \"x1\");\n        var v0 = Dot(x0, x1.T) + Sum(x0, 1, keepdims: true);\n        return Function([x0, x1], [v0, x0 > x1]);\n",
        "        var x0 = FRow(\"x0\");\n        var y = Scalar(\"y\", DType.Bool);\n        TensorVariable acc = x0;\n        for (int i = 0; i < 3; i++) acc = Switch(y, acc * 2, acc) + i;\n        return Function([x0, In(y, value: true)], acc);\n",
        "        var x0 = DVector(\"x0\");\n        var cost = Sum(Sqr(Tanh(x0)));\n        var g = Grad(cost, x0);\n        return Function([x0], [cost, g]);\n",
    ];

    private static readonly string[] JunkTokens =
        [";", "{", "}", "(", ")", ",", "[", "]", ".", "=", "=>", "+", "*", "return", "var", "new", "default", "int", "TensorVariable",
         "null", "0", "1.5", "\"x\"", "x0", "Function", "Exp", "if", "else", "for", "while", "ref", "out", "in", "static", "?", ":", "..", "!", "&&"];

    public static string Write(Choices c)
    {
        // Fuzzed bodies hold loops, and a mutated loop often never ends (a budget stops it after seconds):
        // most bodies start from small ones.
        string body = c.Weighted(3, 4, 1) switch
        {
            0 => GraphWriter.Write(c).Body,
            1 => c.Pick(Small),
            _ => "",
        };
        int mutations = 1 + c.Next(3);
        for (int m = 0; m < mutations; m++)
            body = c.Weighted(3, 2, 2, 1, 8, 2, 1, 1) switch
            {
                0 => EditTokens(c, body, (tokens, i) => tokens.RemoveAt(i)),
                1 => EditTokens(c, body, (tokens, i) => tokens.Insert(i, tokens[i])),
                2 => EditTokens(c, body, (tokens, i) => tokens[i] = c.Pick(JunkTokens) + " "),
                3 => EditTokens(c, body, (tokens, i) => (tokens[i], tokens[(i + 1) % tokens.Count]) = (tokens[(i + 1) % tokens.Count], tokens[i])),
                4 => Insert(c, body, c.Pick(Snippets).Replace("{x}", Tensor(body))),
                5 => RemoveLine(c, body),
                6 => Insert(c, body, string.Join(" ", Enumerable.Range(0, 3 + c.Next(20)).Select(_ => c.Pick(JunkTokens)))),
                _ => Insert(c, body, Deep(c, Tensor(body))),
            };
        // One body in 400 runs away (the highest choice, so shrinking drops it unless it is the cause).
        if (c.Next(400) == 399) body = Insert(c, body, c.Pick(Runaways).Replace("{x}", Tensor(body)));
        return body;
    }

    /// <summary>A tensor the body declares (x0 in most), to use in snippets.</summary>
    private static string Tensor(string body) => body.Contains("x0", System.StringComparison.Ordinal) ? "x0" : "DScalar(\"s\")";

    private static string EditTokens(Choices c, string body, System.Action<List<string>, int> edit)
    {
        var tokens = SyntaxFactory.ParseTokens(body).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).Select(t => t.ToFullString()).ToList();
        if (tokens.Count == 0) return body;
        edit(tokens, c.Next(tokens.Count));
        return string.Concat(tokens);
    }

    private static string Insert(Choices c, string body, string statement)
    {
        var lines = body.Split('\n').ToList();
        lines.Insert(c.Next(lines.Count), "        " + statement);
        return string.Join("\n", lines);
    }

    private static string RemoveLine(Choices c, string body)
    {
        var lines = body.Split('\n').ToList();
        // The return statement, often: a body that does not return Function(...).
        int index = c.Chance(40) ? lines.FindIndex(l => l.TrimStart().StartsWith("return", System.StringComparison.Ordinal)) : c.Next(lines.Count);
        if (index >= 0) lines.RemoveAt(index);
        return string.Join("\n", lines);
    }

    /// <summary>Nested code: parentheses, blocks, conditionals or calls up to 300 levels deep (deeper ones are runaways).</summary>
    private static string Deep(Choices c, string x)
    {
        int depth = c.Pick([10, 30, 100, 300]);
        string D(string open, string inner, string close) =>
            string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));
        return c.Next(4) switch
        {
            0 => $"var deep = {D("(", x, " + 1)")};",
            1 => D("{ ", $"{x} = {x} + 1;", " }"),
            2 => $"var deep = {D("Exp(", x, ")")};",
            _ => D("if (Counter == 0) { ", $"{x} = -{x};", " }"),
        };
    }

    /// <summary>The source file of malformed body <paramref name="index"/>: graph method M{index} of class Malformed.</summary>
    public static string File(int index, string body) =>
        "using Tensorgen;\nusing static Tensorgen.Pt;\n\npublic static partial class Malformed\n{\n" +
        $"    [TensorFunction]\n    public static FunctionGraph M{index.ToString(CultureInfo.InvariantCulture)}()\n    {{\n{body}\n    }}\n}}\n";

    public static string MembersFile => "using Tensorgen;\nusing static Tensorgen.Pt;\n\npublic static partial class Malformed\n{\n" + Members + "}\n";
}
