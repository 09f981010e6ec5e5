using Tensorgen.Generator.Graph;
using static Tensorgen.Generator.Rewrite.Pattern;

namespace Tensorgen.Generator.Rewrite;

// The stabilizations of issue 13 (PyTensor's tensor/rewriting/math.py): log(1 + x) → log1p(x),
// log1p(exp(x)) → softplus(x) (so log(1 + exp(x)) takes both), exp(x) - 1 → expm1(x). Each keeps the node's
// type: it fires only when the operand already has the result's dtype and shape (else a cast or a broadcast
// would be lost). A class of their own, so they exist before RuleSets' databases list them.
internal static class StabilizeRules
{
    private static readonly Var Arg = new("x");

    /// <summary>
    /// PyTensor's <c>local_log1p</c>: log(1 + x) and log(x + 1) are log1p(x), log(1 - x) is log1p(-x), exact where
    /// x is tiny (log(1 + 1e-20) is 0, log1p(1e-20) is 1e-20).
    /// </summary>
    public static readonly Rule Log1p = new("local_log1p",
        (Op(OpCode.Log, Op(OpCode.Add, 1, Arg)), m => SameType(m, Arg) ? m.Become(OpCode.Log1p, m[Arg]) : null),
        (Op(OpCode.Log, Op(OpCode.Add, Arg, 1)), m => SameType(m, Arg) ? m.Become(OpCode.Log1p, m[Arg]) : null),
        (Op(OpCode.Log, Op(OpCode.Sub, 1, Arg)), m => SameType(m, Arg) ? m.Become(OpCode.Log1p, m.Add(OpCode.Neg, m.NodeOf(Arg), m[Arg])) : null));

    /// <summary>
    /// PyTensor's <c>log1pexp_to_softplus</c>: log1p(exp(x)) is softplus(x), finite for any x (800 at x = 800, whose
    /// exp is ∞), with the stable gradient sigmoid(x).
    /// </summary>
    public static readonly Rule Log1pExpToSoftplus = new("log1pexp_to_softplus",
        (Op(OpCode.Log1p, Op(OpCode.Exp, Arg)), m => SameType(m, Arg) ? m.Become(OpCode.Softplus, m[Arg]) : null));

    /// <summary>
    /// PyTensor's <c>local_expm1</c>: exp(x) - 1 is expm1(x), exact where x is tiny. PyTensor's canonical form turns
    /// -1 + exp(x) and exp(x) + -1 into the same subtraction first; here the rule takes them too.
    /// </summary>
    public static readonly Rule Expm1 = new("local_expm1",
        (Op(OpCode.Sub, Op(OpCode.Exp, Arg), 1), m => SameType(m, Arg) ? m.Become(OpCode.Expm1, m[Arg]) : null),
        (Op(OpCode.Add, Op(OpCode.Exp, Arg), -1), m => SameType(m, Arg) ? m.Become(OpCode.Expm1, m[Arg]) : null),
        (Op(OpCode.Add, -1, Op(OpCode.Exp, Arg)), m => SameType(m, Arg) ? m.Become(OpCode.Expm1, m[Arg]) : null));

    /// <summary>Whether the bound operand has the rewritten node's dtype and shape, so the new op of it is the same value.</summary>
    private static bool SameType(Match m, Var operand) => m.NodeOf(operand).DType == m.Node.DType && m.NodeOf(operand).Shape == m.Node.Shape;
}
