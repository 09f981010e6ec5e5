using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

/// <summary>Questions the stages ask of an op, answered from its <see cref="OpRegistry"/> description.</summary>
internal static class OpInfo
{
    public static int Arity(OpCode op) => OpRegistry.Of(op).Arity;

    /// <summary>Ops computed element by element with broadcasting: what kernels fuse.</summary>
    public static bool IsElementwise(OpCode op) => OpRegistry.Of(op).Kind == OpKind.Elementwise;

    public static bool IsReduction(OpCode op) => OpRegistry.Of(op).Kind == OpKind.Reduction;

    /// <summary>A request for a later stage (a Grad), which only the evaluated graph holds.</summary>
    public static bool IsRequest(OpCode op) => OpRegistry.Of(op).Kind == OpKind.Request;

    /// <summary>Ops whose result is float even for integer operands (PyTensor upcasts ints to float64).</summary>
    public static bool IsFloatMath(OpCode op) => OpRegistry.Of(op).Result == ResultRule.FloatMath;

    public static bool IsComparison(OpCode op) => OpRegistry.Of(op).Result == ResultRule.Comparison;

    public static bool IsLogical(OpCode op) => OpRegistry.Of(op).Result == ResultRule.Logical;

    /// <summary>The operand whose dtype an element-wise op computes in: the first, or for switch and second the first value after the condition or shape.</summary>
    public static int FirstValueOperand(OpCode op) => op is OpCode.Switch or OpCode.Second ? 1 : 0;

    /// <summary>The name used in printed graphs (PyTensor's scalar op names).</summary>
    public static string Name(OpCode op) => OpRegistry.Of(op).Name;
}
