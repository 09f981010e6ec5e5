using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Emit;

/// <summary>The C# expression computing one element of an op: its registry entry's <see cref="ElementwiseOp.Scalar"/> template.</summary>
internal static class ScalarCode
{
    /// <param name="node">An element-wise node.</param>
    /// <param name="operandType">The dtype of its value operands.</param>
    /// <param name="a">The operands' expressions.</param>
    public static string Of(Node node, DType operandType, string[] a)
    {
        string code = OpRegistry.Elementwise(node.Op).Scalar(new ScalarSite(a, operandType, node.DType));
        // C# computes on sbyte, short and byte in int: the result is narrowed back, wrapping as NumPy's int8,
        // int16 and uint8 do (127 + 1 is -128), and as constant folding does (ScalarValue.To).
        return node.DType.IsSmallInteger() ? $"unchecked(({node.DType.CSharp()}){code})" : code;
    }
}
