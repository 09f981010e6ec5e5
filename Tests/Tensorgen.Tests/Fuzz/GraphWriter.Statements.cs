using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace Tensorgen.Tests.Fuzz;

// Statements: C# control flow over build-time constants around the expressions. Each statement defines
// one or more locals; the fuzzer follows the code as C# runs it (loops unrolled, the branch taken, the
// helper's writes through ref/out) to know what each local holds.
internal sealed partial class GraphWriter
{
    /// <summary>One step of a loop: its C# (given the variable, the loop's operand and the loop variable) and what it makes of the variable.</summary>
    private sealed record LoopBody(Func<string, string, string, string> Code, Func<Term, Term, Term, Term?> Step);

    private static Term? Ew(OpCode op, params Term[] operands) => Algebra.Elementwise(op, "", operands);

    private static readonly LoopBody[] Bodies =
    [
        new((v, e, i) => $"{v} = {v} + {e};", (v, e, i) => Ew(OpCode.Add, v, e)),
        new((v, e, i) => $"{v} = Maximum({v}, {e}) - {i};", (v, e, i) => Ew(OpCode.Maximum, v, e) is { } m ? Ew(OpCode.Sub, m, i) : null),
        new((v, e, i) => $"{v} = {v} * 0.5 + {e};", (v, e, i) => Ew(OpCode.Mul, v, Term.Number("0.5", DType.Float64, 0.5)) is { } m ? Ew(OpCode.Add, m, e) : null),
        new((v, e, i) => $"{v} = Tanh({v}) * {e} + {i};", (v, e, i) => Ew(OpCode.Tanh, v) is { } t && Ew(OpCode.Mul, t, e) is { } m ? Ew(OpCode.Add, m, i) : null),
        new((v, e, i) => $"if ({i} % 2 == 0) {v} = {v} + {e}; else {v} = {v} - {e} * {i};",
            (v, e, i) => i.Literal!.Value % 2 == 0 ? Ew(OpCode.Add, v, e) : Ew(OpCode.Mul, e, i) is { } m ? Ew(OpCode.Sub, v, m) : null),
        new((v, e, i) => $"{v} = Switch({v} > {i}, {v}, {e});", (v, e, i) => Ew(OpCode.Gt, v, i) is { } c ? Ew(OpCode.Switch, c, v, e) : null),
        new((v, e, i) => $"{v} = Minimum({v}, {e} + {i});", (v, e, i) => Ew(OpCode.Add, e, i) is { } s ? Ew(OpCode.Minimum, v, s) : null),
        new((v, e, i) => $"{v} = {v} | {e};", (v, e, i) => Ew(OpCode.Or, v, e)),
        new((v, e, i) => $"{v} = {v} & !{e};", (v, e, i) => Ew(OpCode.Not, e) is { } n ? Ew(OpCode.And, v, n) : null),
    ];

    private void Statement(int k)
    {
        switch (_c.Weighted(6, 2, 2, 2, 1, 2, 2, 3, 2, 2))
        {
            case 0: Plain(k); break;
            case 1: ForLoop(k); break;
            case 2: WhileLoop(k); break;
            case 3: IfElse(k); break;
            case 4: Ternary(k); break;
            case 5: CapturingLocalFunction(k); break;
            case 6: ReturningLocalFunction(k); break;
            case 7: Helper(k); break;
            case 8: Collection(k); break;
            default: Gradient(k); break;
        }
    }

    private void Define(string name, Term value) => _env.Add(value.Named(name));

    private string Declare(string name, Term value) =>
        value.IsLiteral || _c.Chance(40) ? $"TensorVariable {name} = {value.Code};" : $"var {name} = {value.Code};";

    private Term Tensor(int depth) => Expr(_env, depth) is { IsLiteral: false } t ? t : Leaf(_env);

    private static Term Int(string code, double value) => Term.Number(code, DType.Int64, value);

    private void Plain(int k)
    {
        var e = Expr(_env, 1 + _c.Next(3));
        Line(Declare($"v{k}", e));
        Define($"v{k}", e);
    }

    /// <summary>Runs <paramref name="values"/> through a loop body picked at random, or null when none types.</summary>
    private (LoopBody Body, Term Result)? Unroll(Term start, Term operand, IReadOnlyList<Term> values)
    {
        int first = _c.Next(Bodies.Length);
        for (int j = 0; j < Bodies.Length; j++)
        {
            var body = Bodies[(first + j) % Bodies.Length];
            Term? v = start;
            foreach (var i in values)
                if ((v = body.Step(v!, operand, i)) is null) break;
            if (v is not null) return (body, v);
        }
        return null;
    }

    private void ForLoop(int k)
    {
        string v = $"v{k}", i = $"i{k}";
        var start = Tensor(1);
        var operand = Tensor(1);
        int n = _c.Next(5);
        int form = _c.Next(4);
        var values = form switch
        {
            2 => Enumerable.Range(0, n + 2).Where(j => j % 2 == 0).Select(j => Int(i, j)).ToList(),
            3 => new[] { 0.5, 2.0, -1.5 }.Take(n).Select(c => Term.Number(i, DType.Float64, c)).ToList(),
            _ => Enumerable.Range(0, n).Select(j => Int(i, j)).ToList(),
        };
        if (Unroll(start, operand, values) is not { } loop)
        {
            Plain(k);
            return;
        }
        string body = loop.Body.Code(v, operand.Code, i);
        Line($"TensorVariable {v} = {start.Code};");
        switch (form)
        {
            case 0:
                string bound = n % 2 == 0 && _c.Chance(30) ? $"Twice({n / 2})" : n.ToString(CultureInfo.InvariantCulture);
                Line($"for (int {i} = 0; {i} < {bound}; {i}++) {body}");
                break;
            case 1:
                Line($"for (int {i} = 0; ; {i}++)");
                Line("{");
                Line($"if ({i} >= {n}) break;", 3);
                Line(body, 3);
                Line("}");
                break;
            case 2:
                Line($"for (int {i} = 0; {i} < {n + 2}; {i}++)");
                Line("{");
                Line($"if ({i} % 2 == 1) continue;", 3);
                Line(body, 3);
                Line("}");
                break;
            default:
                Line($"double[] c{k} = [{string.Join(", ", new[] { "0.5", "2.0", "-1.5" }.Take(n))}];");
                Line($"foreach (var {i} in c{k}) {body}");
                break;
        }
        Define(v, loop.Result);
    }

    private void WhileLoop(int k)
    {
        string v = $"v{k}", n = $"n{k}";
        var start = Tensor(1);
        var operand = Tensor(1);
        int form = _c.Next(3);
        int count = (form == 1 ? 1 : 0) + _c.Next(4);
        var values = Enumerable.Range(1, count).Reverse().Select(j => Int(n, j)).ToList();
        if (Unroll(start, operand, values) is not { } loop)
        {
            Plain(k);
            return;
        }
        string body = loop.Body.Code(v, operand.Code, n);
        Line($"int {n} = {count};");
        Line($"TensorVariable {v} = {start.Code};");
        switch (form)
        {
            case 0:
                Line($"while ({n} > 0)");
                Line("{");
                Line(body, 3);
                Line($"{n}--;", 3);
                Line("}");
                break;
            case 1:
                Line("do");
                Line("{");
                Line(body, 3);
                Line($"}} while (--{n} > 0);");
                break;
            default:
                Line("while (true)");
                Line("{");
                Line($"if ({n} == 0) break;", 3);
                Line(body, 3);
                Line($"{n} -= 1;", 3);
                Line("}");
                break;
        }
        Define(v, loop.Result);
    }

    /// <summary>C# that is not a valid graph (bool arithmetic), for branches that are never taken.</summary>
    private string Invalid()
    {
        var x = Leaf(_env);
        return _c.Next(3) switch
        {
            0 => $"(Cast({x.Code}, DType.Bool) + Cast({x.Code}, DType.Bool))",
            1 => $"Exp(Cast({x.Code}, DType.Bool))",
            _ => $"Not(Cast({x.Code}, DType.Float64))",
        };
    }

    private void IfElse(int k)
    {
        string v = $"v{k}", n = $"n{k}";
        int value = _c.Next(6);
        int threshold = _c.Next(6);
        Line(_c.Chance(50) ? $"const int {n} = {value};" : value % 2 == 0 ? $"int {n} = Twice({value / 2});" : $"int {n} = {value};");
        var taken = Tensor(2);
        string other = _c.Chance(30) ? Invalid() : Tensor(1).Code;
        Line($"TensorVariable {v};");
        bool condition = value > threshold;
        if (_c.Chance(50))
        {
            Line($"if ({n} > {threshold}) {v} = {(condition ? taken.Code : other)};");
            Line($"else {v} = {(condition ? other : taken.Code)};");
        }
        else
        {
            // if / else if / else: the taken branch is the first whose condition holds.
            string third = _c.Chance(30) ? Invalid() : Tensor(1).Code;
            bool second = value % 2 == 0;
            Line($"if ({n} > {threshold})");
            Line("{");
            Line($"{v} = {(condition ? taken.Code : other)};", 3);
            Line("}");
            Line($"else if ({n} % 2 == 0)");
            Line("{");
            Line($"{v} = {(!condition && second ? taken.Code : other)};", 3);
            Line("}");
            Line("else");
            Line("{");
            Line($"{v} = {(!condition && !second ? taken.Code : third)};", 3);
            Line("}");
        }
        Define(v, taken);
    }

    private void Ternary(int k)
    {
        string v = $"v{k}";
        int value = _c.Next(4);
        var taken = Tensor(2);
        string other = _c.Chance(30) ? Invalid() : Tensor(1).Code;
        bool even = value % 2 == 0;
        Line($"const int n{k} = {value};");
        Line($"var {v} = n{k} % 2 == 0 ? {(even ? taken.Code : other)} : {(even ? other : taken.Code)};");
        Define(v, taken);
    }

    private void CapturingLocalFunction(int k)
    {
        string acc = $"acc{k}", step = $"Step{k}";
        var start = Tensor(1);
        var arguments = Enumerable.Range(0, 1 + _c.Next(3)).Select(_ => Tensor(1)).ToList();
        int first = _c.Next(Bodies.Length);
        for (int j = 0; j < Bodies.Length; j++)
        {
            var body = Bodies[(first + j) % Bodies.Length];
            Term? v = start;
            foreach (var argument in arguments)
                if ((v = body.Step(v!, argument, Int("2", 2))) is null) break;
            if (v is null) continue;
            Line($"TensorVariable {acc} = {start.Code};");
            Line($"void {step}(TensorVariable d) {{ {body.Code(acc, "d", "2")} }}");
            foreach (var argument in arguments) Line($"{step}({argument.Code});");
            Line($"var v{k} = {acc};");
            Define($"v{k}", v);
            return;
        }
        Plain(k);
    }

    private void ReturningLocalFunction(int k)
    {
        var a = Tensor(1);
        var b = Tensor(1);
        bool isStatic = _c.Chance(40);
        var parameters = new List<Term> { a with { Code = "a" }, b with { Code = "b" } };
        // A non-static local function may also read the method's locals (a capture).
        var scope = isStatic ? parameters : parameters.Concat(_env).ToList();
        var result = Expr(scope, 2);
        if (result.IsLiteral)
        {
            Plain(k);
            return;
        }
        string header = $"{(isStatic ? "static " : "")}TensorVariable G{k}(TensorVariable a, TensorVariable b)";
        if (_c.Chance(50)) Line($"{header} => {result.Code};");
        else
        {
            Line(header);
            Line("{");
            Line($"var r = {result.Code};", 3);
            Line("return r;", 3);
            Line("}");
        }
        Line($"var v{k} = G{k}({a.Code}, {b.Code});");
        Define($"v{k}", result);
    }

    private void Helper(int k)
    {
        string v = $"v{k}";
        var a = Tensor(1);
        var b = Tensor(1);
        switch (_c.Next(8))
        {
            case 0 when Ew(OpCode.Mul, b, Term.Number("0.5", DType.Float64, 0.5)) is { } scaled && Ew(OpCode.Add, a, scaled) is { } sum:
                Line($"TensorVariable {v} = {a.Code};");
                Line($"AddScaled(ref {v}, {b.Code}, 0.5);");
                Define(v, sum);
                return;
            case 1 when Ew(OpCode.Minimum, a, b) is { } lo && Ew(OpCode.Maximum, a, b) is { } hi:
                Line($"MinMax({a.Code}, {b.Code}, out var lo{k}, out var hi{k});");
                Define($"lo{k}", lo);
                Define($"hi{k}", hi);
                return;
            case 2:
                Line($"TensorVariable a{k} = {a.Code}, b{k} = {b.Code};");
                Line(_c.Chance(50) ? $"Swap(ref a{k}, ref b{k});" : $"(a{k}, b{k}) = (b{k}, a{k});");
                Define($"a{k}", b);
                Define($"b{k}", a);
                return;
            case 3:
            {
                int count = _c.Next(4);
                if (Ew(OpCode.Mul, a, Int($"n{k}", count)) is not { } product) break;
                Line($"int n{k} = 0;");
                for (int j = 0; j < count; j++) Line($"Count(ref n{k});");
                Line($"var {v} = {a.Code} * n{k};");
                Define(v, product);
                return;
            }
            case 4:
            {
                double[] coefficients = [0.5, -1.0, 0.25, 2.0];
                var used = coefficients.Take(1 + _c.Next(4)).ToArray();
                Term? r = Term.Number("", DType.Float64, used[0]);
                for (int j = 1; j < used.Length && r is not null; j++)
                    r = Ew(OpCode.Mul, r, a) is { } m ? Ew(OpCode.Add, m, Term.Number("", DType.Float64, used[j])) : null;
                if (r is null || r.IsLiteral) break;
                Line($"var {v} = Horner({a.Code}, [{string.Join(", ", used.Select(c => c.ToString("0.0##", CultureInfo.InvariantCulture)))}]);");
                Define(v, r);
                return;
            }
            case 5 when Ew(OpCode.Maximum, a, Term.Number("", DType.Float64, -2.0)) is { } above && Ew(OpCode.Minimum, above, Term.Number("", DType.Float64, 2.0)) is { } clipped:
                Line($"var {v} = Clip({a.Code}, 2.0);");
                Define(v, clipped);
                return;
            case 6:
            {
                int times = _c.Next(4);
                Term? r = a;
                for (int j = 0; j < times && r is not null; j++)
                    r = Ew(OpCode.Mul, r, Term.Number("", DType.Float64, 0.5)) is { } m ? Ew(OpCode.Add, m, Term.Number("", DType.Float64, 0.25)) : null;
                if (r is null) break;
                Line($"var {v} = Repeat({a.Code}, {times});");
                Define(v, r);
                return;
            }
            case 7 when Ew(OpCode.Add, a, b) is { } total:
                Line($"var {v} = Total([{a.Code}, {b.Code}]);");
                Define(v, total);
                return;
        }
        Plain(k);
    }

    private void Collection(int k)
    {
        string v = $"v{k}", xs = $"xs{k}";
        if (_c.Chance(30))
        {
            // A list of doubles with a spread, folded into a tensor.
            var a = Tensor(1);
            Term? r = a;
            foreach (var c in new[] { 0.5, 1.5, 2.0 })
                r = r is null ? null : Ew(OpCode.Mul, r, Term.Number("", DType.Float64, c));
            if (r is null)
            {
                Plain(k);
                return;
            }
            Line($"double[] more{k} = [1.5, 2.0];");
            Line($"double[] c{k} = [0.5, .. more{k}];");
            Line($"TensorVariable {v} = {a.Code};");
            Line($"foreach (var c in c{k}) {v} = {v} * c;");
            Define(v, r);
            return;
        }
        var items = Enumerable.Range(0, 2 + _c.Next(3)).Select(_ => Tensor(1)).ToList();
        var op = _c.Pick([OpCode.Add, OpCode.Maximum, OpCode.Or]);
        Term? folded = items[0];
        for (int j = 1; j < items.Count && folded is not null; j++) folded = Ew(op, folded, items[j]);
        if (folded is null)
        {
            Plain(k);
            return;
        }
        string combine = op switch { OpCode.Add => "{0} + {1}", OpCode.Maximum => "Maximum({0}, {1})", _ => "{0} | {1}" };
        Line($"TensorVariable[] {xs} = [{items[0].Code}, {items[1].Code}];");
        if (items.Count > 2) Line($"{xs} = [.. {xs}, {string.Join(", ", items.Skip(2).Select(t => t.Code))}];");
        Line($"TensorVariable {v} = {xs}[0];");
        if (_c.Chance(50))
            Line($"for (int j{k} = 1; j{k} < {xs}.Length; j{k}++) {v} = {string.Format(CultureInfo.InvariantCulture, combine, v, $"{xs}[j{k}]")};");
        else
        {
            Line($"bool first{k} = true;");
            Line($"foreach (var t in {xs})");
            Line("{");
            Line($"if (!first{k}) {v} = {string.Format(CultureInfo.InvariantCulture, combine, v, "t")};", 3);
            Line($"first{k} = false;", 3);
            Line("}");
        }
        Define(v, folded);
    }

    private void Gradient(int k)
    {
        var floats = _env.Where(t => t.IsFloat && !t.IsLiteral).ToList();
        if (floats.Count == 0)
        {
            Plain(k);
            return;
        }
        var f = floats[_c.Next(floats.Count)];
        string cost = f.Rank == 0 && _c.Chance(50) ? f.Code : _c.Next(4) switch
        {
            0 => $"{f.Code}.Sum()",
            1 => $"Sum({f.Code})",
            2 => $"{f.Code}.Mean()",
            _ => $"Sum(Sqr({f.Code}))",
        };
        var connected = floats.Where(t => f.Differentiable.Contains(t.Code)).ToList();
        bool ignore = connected.Count == 0 || _c.Chance(10);
        var candidates = connected.Count > 0 ? connected : floats;
        var wrt = candidates[_c.Next(candidates.Count)];
        string option = ignore ? ", disconnectedInputs: DisconnectedInputs.Ignore" : "";
        var gradient = wrt with { Code = "", Range = Interval.Wild, Literal = null, Differentiable = ImmutableHashSet<string>.Empty };
        var second = candidates.Where(t => t.Code != wrt.Code).ToList();
        if (second.Count > 0 && _c.Chance(30))
        {
            var other = second[_c.Next(second.Count)];
            Line($"var (g{k}, h{k}) = Grad({cost}, [{wrt.Code}, {other.Code}]{option});");
            Define($"g{k}", gradient);
            Define($"h{k}", other with { Code = "", Range = Interval.Wild, Literal = null, Differentiable = ImmutableHashSet<string>.Empty });
            return;
        }
        Line($"var g{k} = Grad({cost}, {wrt.Code}{option});");
        Define($"g{k}", gradient);
    }
}
