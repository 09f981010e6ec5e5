extern alias generator;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using DTypesFacts = generator::Tensorgen.Generator.Graph.DTypes;

namespace Tensorgen.Tests.DTypes;

/// <summary>
/// The result dtype of every (op, dtype, dtype or literal) combination in promotion_expected.json, which
/// promotion_reference.py wrote from PyTensor 2.24.2: each combination is compiled as a graph of its own, and
/// its output's dtype must be PyTensor's; the combinations PyTensor refuses (bool - bool, -bool, sign(bool))
/// must be TG0201 at the expression. The generated code of every accepted combination must compile.
/// </summary>
public sealed class PromotionTests
{
    private const string File = "Tests/Tensorgen.Tests/DTypes/promotion_expected.json";

    /// <summary>One row of the table: <c>B</c> is a dtype, a Python literal, or null for a unary op.</summary>
    internal sealed record Row(string Op, string A, string? B, string Result);

    internal static IReadOnlyList<Row> Rows() =>
        JsonDocument.Parse(Repo.Read(File)).RootElement.EnumerateArray()
            .Select(r => new Row(r.GetProperty("op").GetString()!, r.GetProperty("a").GetString()!,
                r.GetProperty("b").ValueKind == JsonValueKind.Null ? null : r.GetProperty("b").GetString(), r.GetProperty("result").GetString()!))
            .ToList();

    private static readonly Dictionary<string, string> DTypeNames = new()
    {
        ["bool"] = "Bool", ["int8"] = "Int8", ["int16"] = "Int16", ["uint8"] = "UInt8",
        ["int32"] = "Int32", ["int64"] = "Int64", ["float32"] = "Float32", ["float64"] = "Float64",
    };

    /// <summary>The C# literal standing for a Python literal of the table (3000000000 is a long literal in C#).</summary>
    private static string Literal(string python) => python == "3000000000" ? "3_000_000_000L" : python;

    private static string Expression(string op, string x, string y) => op switch
    {
        "Add" => $"{x} + {y}",
        "Sub" => $"{x} - {y}",
        "Mul" => $"{x} * {y}",
        "TrueDiv" => $"{x} / {y}",
        "IntDiv" => $"IntDiv({x}, {y})",
        "Mod" => $"{x} % {y}",
        "Pow" => $"Pow({x}, {y})",
        "Maximum" => $"Maximum({x}, {y})",
        "Minimum" => $"Minimum({x}, {y})",
        "Lt" => $"{x} < {y}",
        "Switch" => $"Switch(c, {x}, {y})",
        "Neg" => $"-{x}",
        "Abs" => $"Abs({x})",
        "Sqr" => $"Sqr({x})",
        "Sign" => $"Sign({x})",
        "Exp" => $"Exp({x})",
        "Sqrt" => $"Sqrt({x})",
        _ => throw new KeyNotFoundException(op),
    };

    /// <summary>The graph method of row <paramref name="i"/>, named <c>F{i}</c>.</summary>
    private static string Method(Row row, int i)
    {
        string x = $"Vector(\"x\", DType.{DTypeNames[row.A]})";
        bool literal = row.B is not null && !DTypeNames.ContainsKey(row.B);
        string y = row.B is null ? "" : literal ? Literal(row.B) : $"Vector(\"y\", DType.{DTypeNames[row.B]})";
        string expression = Expression(row.Op, "x", row.B is null ? "" : literal ? y : "y");
        var body = new StringBuilder();
        body.Append($"        var x = {x};\n");
        string inputs = "x";
        if (row.B is not null && !literal)
        {
            body.Append($"        var y = {y};\n");
            inputs = "x, y";
        }
        if (row.Op == "Switch")
        {
            body.Append("        var c = Vector(\"c\", DType.Bool);\n");
            inputs += ", c";
        }
        return $"    [TensorFunction]\n    public static FunctionGraph F{i}()\n    {{\n{body}        return Function([{inputs}], {expression}, onUnusedInput: OnUnusedInput.Ignore);\n    }}\n";
    }

    private static string Source(IEnumerable<(Row Row, int Index)> rows) =>
        "using Tensorgen;\nusing static Tensorgen.Pt;\n\npublic static partial class Promotion\n{\n"
        + string.Concat(rows.Select(r => Method(r.Row, r.Index))) + "}\n";

    [Fact]
    public void Table_covers_every_op_dtype_and_literal()
    {
        var rows = Rows();
        Assert.Equal(11 * 8 * (8 + 6) + 6 * 8, rows.Count);
        // PyTensor's rules that motivated the table, read from it (not assumed).
        Assert.Contains(rows, r => r is { Op: "Add", A: "bool", B: "1", Result: "int8" });
        Assert.Contains(rows, r => r is { Op: "Add", A: "uint8", B: "int8", Result: "int16" });
        Assert.Contains(rows, r => r is { Op: "Add", A: "int32", B: "float32", Result: "float64" });
        Assert.Contains(rows, r => r is { Op: "Add", A: "int8", B: "float32", Result: "float32" });
    }

    [Fact]
    public void Every_combination_has_PyTensors_dtype()
    {
        var rows = Rows().Select((r, i) => (Row: r, Index: i)).Where(r => r.Row.Result != "error").ToList();
        var run = GeneratorHarness.Run(Source(rows), "Promotion.cs");
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics.Take(20)));
        Assert.True(run.CompileErrors.IsEmpty, string.Join("\n", run.CompileErrors.Take(20)));
        var specs = run.Specs.ToDictionary(s => s.MethodName);
        var wrong = new List<string>();
        foreach (var (row, i) in rows)
        {
            var spec = specs[$"F{i}"];
            var dtype = DTypesFacts.NumPy(spec.Graph[spec.Outputs[0].Node].DType);
            if (dtype != row.Result) wrong.Add($"{row.Op}({row.A}, {row.B ?? "-"}): {dtype}, PyTensor {row.Result}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Combinations_PyTensor_refuses_are_TG0201()
    {
        var rows = Rows().Select((r, i) => (Row: r, Index: i)).Where(r => r.Row.Result == "error").ToList();
        Assert.Equal(3, rows.Count);
        var run = GeneratorHarness.Run(Source(rows), "Promotion.cs");
        foreach (var (row, i) in rows)
        {
            var d = Assert.Single(run.Diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains($"'F{i}'"));
            Assert.Equal("TG0201", d.Id);
            Assert.Contains("bool", d.GetMessage(CultureInfo.InvariantCulture));
        }
    }
}
