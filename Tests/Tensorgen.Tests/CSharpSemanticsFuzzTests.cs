using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Tensorgen.Tests;

/// <summary>
/// Build-time C# means what C# means, checked on random programs: each program of C# arithmetic over
/// locals (every numeric type, casts, checked and unchecked contexts, shifts, compound assignments,
/// increments, conditions, loops) is compiled twice into one assembly: as graph code, where the generator
/// evaluates it, and as a plain method, which runs. The graph's value must be the method's, bit for bit;
/// where the method throws (overflow in a checked context, division by zero), the generator must report
/// TG0107 at build time, and it may report TG0107 only then, or where C# leaves the result unspecified
/// (a float converted to an integer type outside its range, unchecked).
/// </summary>
public sealed class CSharpSemanticsFuzzTests(ITestOutputHelper output)
{
    private const int Programs = 300;

    [Fact]
    public void Random_programs_evaluate_as_CSharp_runs_them()
    {
        int seed = Environment.GetEnvironmentVariable("TENSORGEN_FUZZ_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20261202;
        output.WriteLine($"seed {seed} (set TENSORGEN_FUZZ_SEED to repeat)");
        var random = new Random(seed);
        var programs = Enumerable.Range(0, Programs).Select(i => new ProgramWriter(new Random(random.Next())).Write()).ToList();
        var source = new StringBuilder("using System;\nusing Tensorgen;\nusing static Tensorgen.Pt;\n\npublic static partial class G\n{\n");
        for (int i = 0; i < programs.Count; i++)
        {
            source.Append($"    [TensorFunction]\n    public static FunctionGraph F{i}()\n    {{\n        var x = DScalar(\"x\");\n        var y = LScalar(\"y\");\n");
            source.Append(programs[i]);
            source.Append("        return Function([x, y], [x + result_d, y + result_l]);\n    }\n\n");
            source.Append($"    public static (double, long) E{i}()\n    {{\n{programs[i]}        return (result_d, result_l);\n    }}\n\n");
        }
        source.Append("}\n");
        var text = source.ToString();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = GeneratorHarness.Run(text);
        output.WriteLine($"generator {clock.ElapsedMilliseconds} ms");
        Assert.Empty(run.CompileErrors);
        output.WriteLine($"errors {clock.ElapsedMilliseconds} ms");
        var assembly = run.Load();
        output.WriteLine($"load {clock.ElapsedMilliseconds} ms");
        var g = assembly.GetType("G", throwOnError: true)!;
        var failures = new List<string>();
        int thrown = 0, unspecified = 0, compared = 0;
        for (int i = 0; i < programs.Count; i++)
        {
            var diagnostics = run.Diagnostics.Where(d => d.GetMessage(CultureInfo.InvariantCulture).Contains($"'F{i}'")).ToList();
            (double, long)? expected = null;
            Exception? error = null;
            try
            {
                expected = ((double, long))g.GetMethod("E" + i)!.Invoke(null, null)!;
            }
            catch (TargetInvocationException e)
            {
                error = e.InnerException;
            }
            string program = $"F{i}:\n{programs[i]}";
            if (diagnostics.Any(d => d.Id != "TG0107"))
            {
                failures.Add($"{program}unexpected diagnostics: {string.Join("; ", diagnostics)}");
                continue;
            }
            var arithmetic = diagnostics.FirstOrDefault();
            if (error is not null)
            {
                thrown++;
                if (error is not (OverflowException or DivideByZeroException))
                    failures.Add($"{program}the plain method threw {error.GetType().Name}: {error.Message}");
                else if (arithmetic is null)
                    failures.Add($"{program}C# throws {error.GetType().Name} but the generator reported nothing");
                continue;
            }
            if (arithmetic is not null)
            {
                if (arithmetic.GetMessage(CultureInfo.InvariantCulture).Contains("unspecified")) unspecified++;
                else failures.Add($"{program}C# gives {expected} but the generator reported {arithmetic.GetMessage(CultureInfo.InvariantCulture)}");
                continue;
            }
            var function = Activator.CreateInstance(assembly.GetType($"G+F{i}Function", throwOnError: true)!)!;
            // x + result_d with x = 0 shows every double but the sign of a zero (0 + -0 is 0).
            var actual = ((double, long))function.GetType().GetMethod("Invoke")!.Invoke(function, [0.0, 0L])!;
            compared++;
            if (!(actual.Item1 == expected!.Value.Item1 || double.IsNaN(actual.Item1) && double.IsNaN(expected.Value.Item1))
                || actual.Item2 != expected.Value.Item2)
                failures.Add($"{program}C# gives ({expected.Value.Item1:R}, {expected.Value.Item2}), the graph ({actual.Item1:R}, {actual.Item2})");
        }
        output.WriteLine($"{compared} compared, {thrown} throwing in C# (TG0107 at build time), {unspecified} unspecified in C# (TG0107)");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} of {programs.Count} programs differ:\n\n" + string.Join("\n\n", failures.Take(5)));
        // The mix must exercise all three outcomes, or the generator of programs has drifted.
        Assert.True(compared > Programs / 3 && thrown > 5, $"{compared} compared, {thrown} thrown");
    }

    /// <summary>Writes one random program: locals of every numeric type, then statements over them, ending in result_d and result_l.</summary>
    private sealed class ProgramWriter(Random random)
    {
        private static readonly string[] Types = ["int", "long", "uint", "ulong", "short", "ushort", "byte", "sbyte", "char", "float", "double", "decimal"];
        private static readonly string[] Integers = ["int", "long", "uint", "ulong", "short", "ushort", "byte", "sbyte", "char"];
        private readonly StringBuilder _code = new();
        private readonly List<(string Name, string Type)> _locals = new();

        public string Write()
        {
            foreach (var type in Types)
                for (int k = 0; k < 2; k++) Declare(type, Literal(type));
            int statements = random.Next(2, 7);
            for (int s = 0; s < statements; s++) Statement();
            var (last, lastType) = _locals[random.Next(_locals.Count)];
            Line($"double result_d = (double){last};");
            Line(Integers.Contains(lastType) ? $"long result_l = unchecked((long){last});" : $"long result_l = {(random.Next(2) == 0 ? "0" : Any("long", 1))};");
            return _code.ToString();
        }

        private void Line(string text) => _code.Append("        ").Append(text).Append('\n');

        private void Declare(string type, string value)
        {
            string name = "v" + _locals.Count.ToString(CultureInfo.InvariantCulture);
            Line($"{type} {name} = {value};");
            _locals.Add((name, type));
        }

        private string Pick(string[] options) => options[random.Next(options.Length)];

        private string Local(string type)
        {
            var candidates = _locals.Where(l => l.Type == type).ToList();
            return candidates[random.Next(candidates.Count)].Name;
        }

        private void Statement()
        {
            var (name, type) = _locals[random.Next(_locals.Count)];
            switch (random.Next(7))
            {
                case 0:
                case 1:
                {
                    string declared = Pick(Types);
                    Declare(declared, Any(declared, 3));
                    break;
                }
                case 2:
                {
                    // Compound assignment: x = (T)(x op y), narrowing as C# does.
                    string op = type is "float" or "double" or "decimal" ? Pick(["+=", "-=", "*=", "/=", "%="]) : Pick(["+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", ">>>="]);
                    string operand = op is "<<=" or ">>=" or ">>>=" ? $"(int){Local("int")} & 7" : Any(type, 2);
                    Line(Context() is { } c ? $"{c} {{ {name} {op} {operand}; }}" : $"{name} {op} {operand};");
                    break;
                }
                case 3:
                    Line(random.Next(2) == 0 ? $"{name}++;" : $"--{name};");
                    break;
                case 4:
                    Line($"if ({Bool(2)}) {name} = {Any(type, 2)}; else {name} = {Any(type, 1)};");
                    break;
                case 5:
                    Line($"for (int i = 0; i < {random.Next(0, 4)}; i++) {name} = {Any(type, 2)};");
                    break;
                default:
                    Line($"{name} = {Any(type, 3)};");
                    break;
            }
        }

        /// <summary>A C# context keyword around an expression, or none (unchecked by default).</summary>
        private string? Context() => random.Next(10) switch { 0 => "checked", 1 => "unchecked", _ => null };

        /// <summary>An expression of <paramref name="type"/>: a local, or something computed and cast back.</summary>
        private string Any(string type, int depth)
        {
            if (depth == 0 || random.Next(4) == 0) return Local(type);
            string inner = random.Next(6) switch
            {
                0 => Binary(Pick(Types), depth - 1),
                1 => Binary(type, depth - 1),
                2 => Unary(depth - 1),
                3 => $"({Bool(depth - 1)} ? {Any(type, depth - 1)} : {Any(type, depth - 1)})",
                4 => Shift(depth - 1),
                _ => Any(Pick(Types), depth - 1),
            };
            string cast = $"({type})({inner})";
            return Context() is { } c ? $"{c}({cast})" : cast;
        }

        private string Binary(string type, int depth)
        {
            string op = type is "float" or "double" or "decimal" ? Pick(["+", "-", "*", "+", "-", "*", "/", "%"]) : Pick(["+", "-", "*", "+", "-", "*", "/", "%", "&", "|", "^"]);
            // uint op int (signed) promotes to long, as C# does; mixed operand types are part of the test.
            string right = random.Next(3) == 0 && Integers.Contains(type) ? Any(Pick(Integers.Where(t => t != "ulong").ToArray()), depth) : Any(type, depth);
            if (type == "ulong") right = Any("ulong", depth);
            return $"{Any(type, depth)} {op} {right}";
        }

        private string Unary(int depth)
        {
            string type = Pick(Types.Where(t => t != "ulong").ToArray());
            bool integral = Integers.Contains(type);
            return integral && random.Next(2) == 0 ? $"~{Any(type, depth)}" : $"-{Any(type, depth)}";
        }

        private string Shift(int depth)
        {
            string type = Pick(["int", "long", "uint", "ulong", "short", "byte"]);
            return $"{Any(type, depth)} {Pick(["<<", ">>", ">>>"])} (int)({Any("int", depth)} & 127)";
        }

        private string Bool(int depth)
        {
            string type = Pick(Types);
            return random.Next(5) switch
            {
                0 => $"!({Any(type, depth)} == {Any(type, depth)})",
                1 => $"{Any(type, depth)} != {Any(type, depth)} && {Any(type, depth)} >= {Any(type, depth)}",
                _ => $"{Any(type, depth)} {Pick(["<", "<=", ">", ">=", "==", "!="])} {Any(type, depth)}",
            };
        }

        private string Literal(string type)
        {
            var interesting = new Dictionary<string, string[]>
            {
                ["int"] = ["0", "1", "-1", "7", "-13", "int.MaxValue", "int.MinValue", "46341", "123456789"],
                ["long"] = ["0L", "1L", "-1L", "long.MaxValue", "long.MinValue", "9007199254740993L", "3000000000L", "-5L"],
                ["uint"] = ["0u", "1u", "uint.MaxValue", "4000000000u", "17u"],
                ["ulong"] = ["0ul", "1ul", "ulong.MaxValue", "9223372036854775808ul", "12345ul"],
                ["short"] = ["(short)0", "(short)-1", "short.MaxValue", "short.MinValue", "(short)300"],
                ["ushort"] = ["(ushort)0", "ushort.MaxValue", "(ushort)40000"],
                ["byte"] = ["(byte)0", "(byte)255", "(byte)17"],
                ["sbyte"] = ["(sbyte)-128", "(sbyte)127", "(sbyte)-3"],
                ["char"] = ["'a'", "'\\0'", "'\\uffff'", "'Z'"],
                ["float"] = ["0f", "-0f", "1.5f", "-2.25f", "float.NaN", "float.PositiveInfinity", "3e9f", "1e-30f", "16777217f", "0.1f"],
                ["double"] = ["0.0", "-0.0", "0.5", "-1.75", "double.NaN", "double.NegativeInfinity", "1e300", "3e9", "9.2e18", "-9.3e18", "0.1", "2147483647.5"],
                ["decimal"] = ["0m", "1.5m", "-7m", "79228162514264337593543950335m", "0.1m"],
            };
            var options = interesting[type];
            return options[random.Next(options.Length)];
        }
    }
}
