using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Tensorgen.Tests.Fuzz;

/// <summary>
/// Writes one random well-typed graph from a list of choices: inputs of every dtype and rank 0-3 whose
/// static shapes broadcast, statements (<see cref="GraphWriter"/>'s other part) and outputs. Expressions
/// are built through <see cref="Algebra"/>, so whatever the generator would reject (bool arithmetic,
/// shapes that cannot broadcast, integers that would overflow) is never written.
/// </summary>
internal sealed partial class GraphWriter
{
    private static readonly DType[] DTypes = [DType.Float64, DType.Float32, DType.Int32, DType.Int64, DType.Bool];
    private static readonly OpCode[] FloatUnary = [OpCode.Neg, OpCode.Abs, OpCode.Exp, OpCode.Log, OpCode.Tanh, OpCode.Sigmoid, OpCode.Softplus, OpCode.Sqrt, OpCode.Sin, OpCode.Cos, OpCode.Sqr, OpCode.Expm1, OpCode.Log1p, OpCode.Sign, OpCode.Identity, OpCode.ZeroGrad];
    private static readonly OpCode[] Arithmetic = [OpCode.Add, OpCode.Sub, OpCode.Mul, OpCode.TrueDiv, OpCode.Maximum, OpCode.Minimum, OpCode.IntDiv, OpCode.Mod, OpCode.Pow];
    private static readonly OpCode[] CompareOps = [OpCode.Lt, OpCode.Gt, OpCode.Le, OpCode.Ge, OpCode.Eq, OpCode.Neq];

    private readonly Choices _c;
    private readonly StringBuilder _body = new();
    private readonly List<FuzzInput> _inputs = new();
    private readonly List<Term> _env = new();
    private readonly Dictionary<int, int> _staticSizes = new();
    private readonly HashSet<int> _nonEmpty = new();
    private int _maxRank;

    private GraphWriter(Choices choices) => _c = choices;

    public static GraphProgram Write(Choices choices) => new GraphWriter(choices).Write();

    private GraphProgram Write()
    {
        for (int s = 0; s < GraphProgram.Symbols; s++)
            if (_c.Chance(10)) _staticSizes[s] = _c.Pick([2, 3, 5]);
        int inputs = 1 + _c.Next(4);
        for (int i = 0; i < inputs; i++) _inputs.Add(Input("x" + i));
        _maxRank = _inputs.Max(i => i.Rank);
        DeclareInputs();
        _env.AddRange(_inputs.Select(i => i.Term));

        int statements = 1 + _c.Next(6);
        for (int k = 0; k < statements; k++) Statement(k);

        var outputs = Outputs(out string returned);
        var order = _inputs.ToList();
        if (_c.Chance(20)) order.Reverse();
        var list = string.Join(", ", order.Select(i => _c.Weighted(8, 1, 1) switch { 0 => i.Name, 1 => $"In({i.Name})", _ => $"In({i.Name}, name: \"p{i.Name}\")" }));
        // Every input is listed whether or not the outputs read it (PyTensor's on_unused_input='ignore').
        Line($"return Function([{list}], {returned}, onUnusedInput: OnUnusedInput.Ignore);");
        return new GraphProgram(_c.Drawn.ToList(), order, _body.ToString(), outputs, _maxRank, _staticSizes, _nonEmpty);
    }

    private FuzzInput Input(string name)
    {
        var dtype = DTypes[_c.Weighted(6, 3, 2, 2, 2)];
        int rank = _c.Weighted(2, 3, 4, 2);
        var dims = new Dim[rank];
        for (int d = 0; d < rank; d++)
            dims[d] = _c.Chance(20) ? Dim.One : new Dim(GraphProgram.Symbols - rank + d);
        var values = dtype == DType.Bool ? ValueKind.Symmetric : (ValueKind)_c.Weighted(6, 3, dtype is DType.Float32 or DType.Float64 ? 1 : 0);
        return new FuzzInput(name, dtype, dims.ToImmutableArray(), values);
    }

    private void DeclareInputs()
    {
        for (int i = 0; i < _inputs.Count; i++)
        {
            var input = _inputs[i];
            string? factory = Factory(input);
            if (factory is not null && i + 1 < _inputs.Count && Factory(_inputs[i + 1]) == factory && _c.Chance(30))
            {
                string plural = factory.EndsWith('x') ? factory[..^1] + "ces" : factory + "s";
                Line($"var ({input.Name}, {_inputs[i + 1].Name}) = {plural}(\"{input.Name}\", \"{_inputs[i + 1].Name}\");");
                i++;
                continue;
            }
            string dtype = "DType." + input.DType;
            string generic = input.Rank switch
            {
                0 => $"Scalar(\"{input.Name}\", {dtype})",
                1 when !input.Dims[0].IsOne => $"Vector(\"{input.Name}\", {dtype})",
                2 when input.Dims.All(d => !d.IsOne) => $"Matrix(\"{input.Name}\", {dtype})",
                2 when input.Dims[0].IsOne && !input.Dims[1].IsOne => $"Row(\"{input.Name}\", {dtype})",
                2 when !input.Dims[0].IsOne && input.Dims[1].IsOne => $"Col(\"{input.Name}\", {dtype})",
                3 when input.Dims.All(d => !d.IsOne) => $"Tensor3(\"{input.Name}\", {dtype})",
                _ => "",
            };
            var shape = string.Join(", ", input.Dims.Select(d => d.IsOne ? "1" : _staticSizes.TryGetValue(d.Symbol, out var s) ? s.ToString(CultureInfo.InvariantCulture) : "null"));
            string tensor = $"Tensor(\"{input.Name}\", {dtype}, [{shape}])";
            bool isStatic = input.Dims.Any(d => !d.IsOne && _staticSizes.ContainsKey(d.Symbol));
            string declaration = isStatic || generic.Length == 0 ? tensor
                : _c.Weighted(4, 2, 1) switch { 0 when factory is not null => $"{factory}(\"{input.Name}\")", 2 => tensor, _ => generic };
            Line($"var {input.Name} = {declaration};");
        }
    }

    /// <summary>The dtype-prefixed factory (DMatrix, FRow, LScalar, ...) for a non-bool input with no static sizes, or null.</summary>
    private string? Factory(FuzzInput input)
    {
        if (input.DType == DType.Bool || input.Dims.Any(d => !d.IsOne && _staticSizes.ContainsKey(d.Symbol))) return null;
        string prefix = input.DType switch { DType.Float64 => "D", DType.Float32 => "F", DType.Int32 => "I", _ => "L" };
        string? kind = input.Rank switch
        {
            0 => "Scalar",
            1 when !input.Dims[0].IsOne => "Vector",
            2 when input.Dims.All(d => !d.IsOne) => "Matrix",
            2 when input.Dims[0].IsOne && !input.Dims[1].IsOne => "Row",
            2 when !input.Dims[0].IsOne && input.Dims[1].IsOne => "Col",
            3 when input.Dims.All(d => !d.IsOne) => "Tensor3",
            _ => null,
        };
        return kind is null ? null : prefix + kind;
    }

    private List<Term> Outputs(out string returned)
    {
        var candidates = _env.Where(t => !t.IsLiteral).Reverse().ToList();
        int count = Math.Min(candidates.Count, 1 + _c.Weighted(4, 3, 2));
        var outputs = new List<Term>();
        for (int i = 0; i < count; i++)
        {
            var pick = candidates[_c.Next(Math.Min(3, candidates.Count))];
            candidates.Remove(pick);
            outputs.Add(pick);
        }
        if (_c.Chance(15) && Expr(_env, 1) is { IsLiteral: false } extra) outputs.Add(extra);
        returned = outputs.Count == 1 && !_c.Chance(30) ? outputs[0].Code : "[" + string.Join(", ", outputs.Select(o => o.Code)) + "]";
        return outputs;
    }

    private void Line(string text, int indent = 2) => _body.Append(' ', indent * 4).Append(text).Append('\n');

    // ---- expressions ----

    /// <summary>A random expression over <paramref name="env"/>, nested up to <paramref name="depth"/> ops.</summary>
    private Term Expr(IReadOnlyList<Term> env, int depth)
    {
        for (int attempt = 0; attempt < 4 && depth > 0; attempt++)
        {
            Term? t = _c.Weighted(3, 3, 6, 2, 1, 1, 2, 1, 1) switch
            {
                0 => Leaf(env),
                1 => Unary(env, depth),
                2 => Binary(env, depth),
                3 => Comparison(env, depth),
                4 => SwitchOf(env, depth),
                5 => CastOf(env, depth),
                6 => Reduction(env, depth),
                7 => Product(env),
                _ => TransposeOf(env, depth),
            };
            if (t is not null) return t;
        }
        return Leaf(env);
    }

    private Term Leaf(IReadOnlyList<Term> env)
    {
        var tensors = env.Where(t => !t.IsLiteral).ToList();
        return tensors.Count > 0 ? tensors[_c.Next(tensors.Count)] : env[_c.Next(env.Count)];
    }

    /// <summary>A C# number: ints (int64 literals to the generator), doubles and floats, most of them exact in float32.</summary>
    private Term Number()
    {
        return _c.Next(12) switch
        {
            0 => Term.Number("2", DType.Int64, 2),
            1 => Term.Number("0.5", DType.Float64, 0.5),
            2 => Term.Number("1", DType.Int64, 1),
            3 => Term.Number("(-1)", DType.Int64, -1),
            4 => Term.Number("1.5", DType.Float64, 1.5),
            5 => Term.Number("(-0.25)", DType.Float64, -0.25),
            6 => Term.Number("3", DType.Int64, 3),
            7 => Term.Number("0.1", DType.Float64, 0.1),
            8 => Term.Number("0.5f", DType.Float32, 0.5),
            9 => Term.Number("0", DType.Int64, 0),
            10 => Term.Number("40000", DType.Int64, 40000),
            _ => Term.Number("3000000000L", DType.Int64, 3000000000),
        };
    }

    private Term? Unary(IReadOnlyList<Term> env, int depth)
    {
        var a = Expr(env, depth - 1);
        if (a.IsBool)
            return _c.Next(2) switch
            {
                0 => Algebra.Elementwise(OpCode.Not, _c.Chance(50) ? $"(!{a.Code})" : $"Not({a.Code})", a),
                _ => Algebra.Elementwise(OpCode.Identity, $"(+{a.Code})", a),
            };
        var op = _c.Pick(FloatUnary);
        string code = op switch
        {
            OpCode.Neg => _c.Chance(50) ? $"(-{a.Code})" : $"Neg({a.Code})",
            OpCode.Identity => $"(+{a.Code})",
            _ => $"{op}({a.Code})",
        };
        if (op != OpCode.ZeroGrad) return Algebra.Elementwise(op, code, a);
        // ZeroGrad passes values through and stops gradients: nothing behind it is connected to a cost.
        return Algebra.Elementwise(OpCode.Identity, code, a) is { } t ? t with { Differentiable = ImmutableHashSet<string>.Empty } : null;
    }

    /// <summary>An operand to combine with <paramref name="a"/>: a literal, or another expression that broadcasts with it.</summary>
    private Term Partner(IReadOnlyList<Term> env, int depth, Term a)
    {
        if (!a.IsBool && _c.Chance(30)) return Number();
        if (a.IsBool && _c.Chance(15)) return Term.Number(_c.Chance(50) ? "true" : "false", DType.Bool, _c.Next(2));
        var b = Expr(env, depth - 1);
        return Algebra.Broadcast([a, b]) is null ? (a.IsBool ? Leaf(env) : Number()) : b;
    }

    private Term? Binary(IReadOnlyList<Term> env, int depth)
    {
        var a = Expr(env, depth - 1);
        var b = Partner(env, depth, a);
        if (_c.Chance(25)) (a, b) = (b, a);
        if (a.IsBool && b.IsBool && _c.Chance(70))
        {
            var logic = _c.Next(2) == 0 ? OpCode.And : OpCode.Or;
            string symbol = logic == OpCode.And ? "&" : "|";
            return Algebra.Elementwise(logic, _c.Chance(60) ? $"({a.Code} {symbol} {b.Code})" : $"{logic}({a.Code}, {b.Code})", a, b);
        }
        var op = _c.Pick(Arithmetic);
        if (op == OpCode.Pow && !b.IsLiteral && _c.Chance(60)) b = _c.Chance(50) ? Term.Number("2", DType.Int64, 2) : Term.Number("0.5", DType.Float64, 0.5);
        string? symbolic = op switch { OpCode.Add => "+", OpCode.Sub => "-", OpCode.Mul => "*", OpCode.TrueDiv => "/", OpCode.Mod => "%", _ => null };
        string code = symbolic is not null && _c.Chance(70) ? $"({a.Code} {symbolic} {b.Code})" : $"{op}({a.Code}, {b.Code})";
        return Algebra.Elementwise(op, code, a, b);
    }

    private Term? Comparison(IReadOnlyList<Term> env, int depth)
    {
        var a = Expr(env, depth - 1);
        if (a.IsBool && _c.Chance(50))
        {
            var other = Partner(env, depth, a);
            var equality = _c.Chance(50) ? OpCode.Eq : OpCode.Neq;
            return Algebra.Elementwise(equality, $"{equality}({a.Code}, {other.Code})", a, other);
        }
        var b = Partner(env, depth, a);
        var op = _c.Pick(CompareOps);
        string? symbolic = op switch { OpCode.Lt => "<", OpCode.Gt => ">", OpCode.Le => "<=", OpCode.Ge => ">=", _ => null };
        string code = symbolic is not null && _c.Chance(70) ? $"({a.Code} {symbolic} {b.Code})" : $"{op}({a.Code}, {b.Code})";
        return Algebra.Elementwise(op, code, a, b);
    }

    /// <summary>A bool condition: a bool value at hand, or a comparison.</summary>
    private Term? Condition(IReadOnlyList<Term> env, int depth)
    {
        var bools = env.Where(t => t.IsBool && !t.IsLiteral).ToList();
        if (bools.Count > 0 && _c.Chance(50)) return bools[_c.Next(bools.Count)];
        return Comparison(env, Math.Max(depth, 1));
    }

    private Term? SwitchOf(IReadOnlyList<Term> env, int depth)
    {
        if (Condition(env, depth - 1) is not { } condition) return null;
        var a = Expr(env, depth - 1);
        var b = _c.Chance(30) ? Number() : Expr(env, depth - 1);
        return Algebra.Elementwise(OpCode.Switch, $"Switch({condition.Code}, {a.Code}, {b.Code})", condition, a, b);
    }

    private Term? CastOf(IReadOnlyList<Term> env, int depth)
    {
        var a = Expr(env, depth - 1);
        var to = DTypes[_c.Next(DTypes.Length)];
        return Algebra.Cast(a, to, $"Cast({a.Code}, DType.{to})");
    }

    private Term? Reduction(IReadOnlyList<Term> env, int depth)
    {
        var a = Expr(env, depth - 1);
        if (a.Rank == 0 || a.IsLiteral) return null;
        var op = _c.Pick([OpCode.Sum, OpCode.Mean, OpCode.Max, OpCode.Min]);
        bool keepdims = _c.Chance(25);
        string keep = keepdims ? ", keepdims: true" : "";
        int[] axes;
        string code;
        switch (_c.Next(3))
        {
            case 0:
                axes = Enumerable.Range(0, a.Rank).ToArray();
                code = _c.Chance(50) ? $"{a.Code}.{op}({(keepdims ? "keepdims: true" : "")})" : $"{op}({a.Code}{keep})";
                break;
            case 1:
            {
                int axis = _c.Next(a.Rank);
                string written = (_c.Chance(25) ? axis - a.Rank : axis).ToString(CultureInfo.InvariantCulture);
                axes = [axis];
                code = _c.Chance(50) ? $"{a.Code}.{op}({written}{keep})" : $"{op}({a.Code}, {written}{keep})";
                break;
            }
            default:
            {
                axes = Enumerable.Range(0, a.Rank).Where(_ => _c.Chance(50)).ToArray();
                if (axes.Length == 0) axes = [a.Rank - 1];
                code = $"{op}({a.Code}, [{string.Join(", ", axes)}]{keep})";
                break;
            }
        }
        return Algebra.Reduce(op, a, axes, keepdims, code, _nonEmpty, _staticSizes);
    }

    /// <summary>Dot of two vectors or matrices at hand (transposed as needed) whose inner sizes are the same symbol.</summary>
    private Term? Product(IReadOnlyList<Term> env)
    {
        var operands = env.Where(t => !t.IsLiteral && t.Rank is 1 or 2).ToList();
        var pairs = new List<(Term A, bool TA, Term B, bool TB)>();
        foreach (var a in operands)
            foreach (var b in operands)
                foreach (bool ta in a.Rank == 2 ? new[] { false, true } : [false])
                    foreach (bool tb in b.Rank == 2 ? new[] { false, true } : [false])
                    {
                        var inner = ta ? a.Dims[0] : a.Dims[^1];
                        var outer = tb ? b.Dims[^1] : b.Dims[0];
                        if (inner == outer) pairs.Add((a, ta, b, tb));
                    }
        if (pairs.Count == 0) return null;
        var (x, tx, y, ty) = pairs[_c.Next(pairs.Count)];
        string Read(Term t, bool transposed) => !transposed ? t.Code : _c.Chance(60) ? $"{t.Code}.T" : $"Transpose({t.Code})";
        var left = tx ? Algebra.Transpose(x, "") : x;
        var right = ty ? Algebra.Transpose(y, "") : y;
        return Algebra.Dot(left, right, $"Dot({Read(x, tx)}, {Read(y, ty)})", _staticSizes);
    }

    private Term? TransposeOf(IReadOnlyList<Term> env, int depth)
    {
        var a = Expr(env, depth - 1);
        if (a.IsLiteral || a.Rank == 0) return null;
        return Algebra.Transpose(a, _c.Chance(60) ? $"{a.Code}.T" : $"Transpose({a.Code})");
    }
}
