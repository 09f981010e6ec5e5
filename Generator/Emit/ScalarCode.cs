using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Emit;

/// <summary>The C# expression computing one element of an op.</summary>
internal static class ScalarCode
{
    public static string Of(Node node, DType operandType, string[] a)
    {
        string math = operandType == DType.Float32 ? "global::System.MathF" : "global::System.Math";
        const string ops = "global::Tensorgen.ScalarOps";
        bool isFloat = operandType.IsFloat();
        if (operandType == DType.Bool && node.Op is OpCode.Lt or OpCode.Gt or OpCode.Le or OpCode.Ge) return OrderedBools(node.Op, a[0], a[1]);
        return node.Op switch
        {
            OpCode.Add => $"({a[0]} + {a[1]})",
            OpCode.Sub => $"({a[0]} - {a[1]})",
            OpCode.Mul => $"({a[0]} * {a[1]})",
            OpCode.TrueDiv => $"({a[0]} / {a[1]})",
            OpCode.IntDiv => isFloat ? $"{math}.Floor({a[0]} / {a[1]})" : $"{ops}.FloorDiv({a[0]}, {a[1]})",
            OpCode.Mod => $"{ops}.Mod({a[0]}, {a[1]})",
            OpCode.Pow => isFloat ? $"{math}.Pow({a[0]}, {a[1]})" : $"{ops}.Pow({a[0]}, {a[1]})",
            OpCode.Maximum => $"global::System.Math.Max({a[0]}, {a[1]})",
            OpCode.Minimum => $"global::System.Math.Min({a[0]}, {a[1]})",
            OpCode.Neg => $"(-{a[0]})",
            OpCode.Identity => a[0],
            OpCode.Abs => isFloat ? $"{math}.Abs({a[0]})" : $"{ops}.Abs({a[0]})",
            OpCode.Exp => $"{math}.Exp({a[0]})",
            OpCode.Log => $"{math}.Log({a[0]})",
            OpCode.Tanh => $"{math}.Tanh({a[0]})",
            OpCode.Sqrt => $"{math}.Sqrt({a[0]})",
            OpCode.Sin => $"{math}.Sin({a[0]})",
            OpCode.Cos => $"{math}.Cos({a[0]})",
            OpCode.Expm1 => $"{ops}.Expm1({a[0]})",
            OpCode.Log1p => $"{ops}.Log1p({a[0]})",
            OpCode.Sigmoid => $"{ops}.Sigmoid({a[0]})",
            OpCode.Softplus => $"{ops}.Softplus({a[0]})",
            OpCode.Sqr => $"({a[0]} * {a[0]})",
            OpCode.Lt => $"({a[0]} < {a[1]})",
            OpCode.Gt => $"({a[0]} > {a[1]})",
            OpCode.Le => $"({a[0]} <= {a[1]})",
            OpCode.Ge => $"({a[0]} >= {a[1]})",
            OpCode.Eq => $"({a[0]} == {a[1]})",
            OpCode.Neq => $"({a[0]} != {a[1]})",
            OpCode.And => $"({a[0]} & {a[1]})",
            OpCode.Or => $"({a[0]} | {a[1]})",
            OpCode.Not => $"(!{a[0]})",
            OpCode.Switch => $"({a[0]} ? {a[1]} : {a[2]})",
            OpCode.Cast => Cast(a[0], operandType, node.DType),
            OpCode.Sign => isFloat ? $"({a[0]} > 0 ? {Literals.Of(1, node.DType)} : {a[0]} < 0 ? {Literals.Of(-1, node.DType)} : {a[0]})" : $"(({node.DType.CSharp()})global::System.Math.Sign({a[0]}))",
            OpCode.Second => a[1],
            OpCode.ZeroGrad => a[0],
            _ => throw new System.InvalidOperationException($"no scalar form for {node.Op}"),
        };
    }

    /// <summary>
    /// An ordering comparison of bools, which C# does not define: NumPy orders False &lt; True, so a &lt; b
    /// is !a &amp; b.
    /// </summary>
    private static string OrderedBools(OpCode op, string a, string b) => op switch
    {
        OpCode.Lt => $"(!{a} & {b})",
        OpCode.Gt => $"({a} & !{b})",
        OpCode.Le => $"(!{a} | {b})",
        _ => $"({a} | !{b})",
    };

    private static string Cast(string a, DType from, DType to)
    {
        if (from == DType.Bool) return $"({a} ? {Literals.Of(1, to)} : {Literals.Of(0, to)})";
        if (to == DType.Bool) return $"({a} != 0)";
        return $"(({to.CSharp()}){a})";
    }
}
