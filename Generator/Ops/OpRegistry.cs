using System;
using System.Collections.Generic;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// One description per <see cref="OpCode"/>: every stage asks here what an op is rather than keeping a list
/// of its own, and an op without a description is an error when it is asked for, never a silent default
/// (a test checks every op has one).
/// </summary>
internal static class OpRegistry
{
    private static readonly Dictionary<OpCode, OpDescription> Table = new()
    {
        [OpCode.Input] = new("input", 0, OpKind.Leaf),
        [OpCode.Constant] = new("constant", 0, OpKind.Leaf),
        [OpCode.Shared] = new("shared", 0, OpKind.Leaf),

        [OpCode.Add] = new("add", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Sub] = new("sub", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Mul] = new("mul", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.TrueDiv] = new("true_div", 2, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.IntDiv] = new("int_div", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Mod] = new("mod", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Pow] = new("pow", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Maximum] = new("maximum", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Minimum] = new("minimum", 2, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Second] = new("second", 2, OpKind.Elementwise, ResultRule.Promoted),

        [OpCode.Neg] = new("neg", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Abs] = new("abs", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Sqr] = new("sqr", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Sign] = new("sign", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Cast] = new("cast", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Identity] = new("identity", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.ZeroGrad] = new("zerograd", 1, OpKind.Elementwise, ResultRule.Promoted),
        [OpCode.Exp] = new("exp", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Expm1] = new("expm1", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Log] = new("log", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Log1p] = new("log1p", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Tanh] = new("tanh", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Sigmoid] = new("sigmoid", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Softplus] = new("softplus", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Sqrt] = new("sqrt", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Sin] = new("sin", 1, OpKind.Elementwise, ResultRule.FloatMath),
        [OpCode.Cos] = new("cos", 1, OpKind.Elementwise, ResultRule.FloatMath),

        [OpCode.Lt] = new("lt", 2, OpKind.Elementwise, ResultRule.Comparison),
        [OpCode.Gt] = new("gt", 2, OpKind.Elementwise, ResultRule.Comparison),
        [OpCode.Le] = new("le", 2, OpKind.Elementwise, ResultRule.Comparison),
        [OpCode.Ge] = new("ge", 2, OpKind.Elementwise, ResultRule.Comparison),
        [OpCode.Eq] = new("eq", 2, OpKind.Elementwise, ResultRule.Comparison),
        [OpCode.Neq] = new("neq", 2, OpKind.Elementwise, ResultRule.Comparison),
        [OpCode.And] = new("and", 2, OpKind.Elementwise, ResultRule.Logical),
        [OpCode.Or] = new("or", 2, OpKind.Elementwise, ResultRule.Logical),
        [OpCode.Not] = new("not", 1, OpKind.Elementwise, ResultRule.Logical),
        [OpCode.Switch] = new("switch", 3, OpKind.Elementwise, ResultRule.Promoted),

        [OpCode.Sum] = new("sum", 1, OpKind.Reduction, Reduction: ReductionFacet.Sum),
        [OpCode.Max] = new("max", 1, OpKind.Reduction, Reduction: ReductionFacet.Max),
        [OpCode.Min] = new("min", 1, OpKind.Reduction, Reduction: ReductionFacet.Min),
        [OpCode.Mean] = new("mean", 1, OpKind.Lowered),
        [OpCode.Dot] = new("dot", 2, OpKind.Product),
        [OpCode.DimShuffle] = new("dimshuffle", 1, OpKind.Shuffle),
        [OpCode.DimSize] = new("dimsize", 1, OpKind.Size),
        [OpCode.Random] = new("random", -1, OpKind.Random),
        [OpCode.Grad] = new("grad", -1, OpKind.Request),
    };

    /// <summary>The op's description; an op without one is a compiler defect, reported as such.</summary>
    public static OpDescription Of(OpCode op) =>
        Table.TryGetValue(op, out var description) ? description : throw new InvalidOperationException($"the op registry has no description of {op}");

    /// <summary>The ops described (for the test that every op is).</summary>
    public static IEnumerable<OpCode> Described => Table.Keys;
}
