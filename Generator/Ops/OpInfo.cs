using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Graph;

/// <summary>Questions the stages ask of an op, answered from its <see cref="OpRegistry"/> description.</summary>
internal static partial class OpInfo
{
    public static int Arity(OpCode op) => OpRegistry.Of(op).Arity;

    /// <summary>Ops computed element by element with broadcasting: what kernels fuse.</summary>
    public static bool IsElementwise(OpCode op) => OpRegistry.Of(op).Kind == OpKind.Elementwise;

    public static bool IsReduction(OpCode op) => OpRegistry.Of(op).Kind == OpKind.Reduction;

    /// <summary>A request for a later stage (a Grad), which only the evaluated graph holds.</summary>
    public static bool IsRequest(OpCode op) => OpRegistry.Of(op).Kind == OpKind.Request;

    /// <summary>Ops whose result is float even for integer operands (PyTensor upcasts ints to float64).</summary>
    public static bool IsFloatMath(OpCode op) => OpRegistry.Of(op).Result is ResultRule.FloatMath or ResultRule.TrueDivision;

    public static bool IsComparison(OpCode op) => OpRegistry.Of(op).Result == ResultRule.Comparison;

    /// <summary>Why an element-wise op refuses operands of <paramref name="dtypes"/>, or null (<see cref="ElementwiseOp.Refuse"/>).</summary>
    public static string? Refusal(OpCode op, System.Collections.Generic.IReadOnlyList<DType> dtypes) => OpRegistry.Elementwise(op).Refuse?.Invoke(dtypes);

    /// <summary>An element-wise op's result dtype, from its value operands' promoted dtype (and a cast's target).</summary>
    public static DType ResultType(OpCode op, DType operand, DType? castTo) => OpRegistry.Elementwise(op).ResultType(operand, castTo);

    /// <summary>The operand whose dtype an element-wise op computes in: the second for switch and second, else the first.</summary>
    public static int ValueOperand(OpCode op) => OpRegistry.Elementwise(op).ValueOperand;

    /// <summary>Whether an element-wise op accepts bools as its values (logic, comparisons, casts, switch), unlike arithmetic.</summary>
    public static bool TakesBools(OpCode op) => OpRegistry.Elementwise(op).TakesBools;

    /// <summary>What an arithmetic op does with bool operands (<see cref="ElementwiseOp.OnBools"/>).</summary>
    public static BoolOperands OnBools(OpCode op) => OpRegistry.Elementwise(op).OnBools;

    /// <summary>The name used in printed graphs (PyTensor's scalar op names).</summary>
    public static string Name(OpCode op) => OpRegistry.Of(op).Name;
}
