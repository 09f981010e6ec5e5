using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using static Tensorgen.Generator.Rewrite.Pattern;

namespace Tensorgen.Generator.Rewrite;

/// <summary>
/// The rewrite databases, as PyTensor's (<c>tensor/rewriting/basic.py</c>, <c>math.py</c>): each rule a pattern
/// and a replacement builder, named after the PyTensor rewrite it mirrors. The rewriter applies them as one
/// ordered database, canonicalize before stabilize before specialize, an earlier rule winning.
/// </summary>
internal static class RuleSets
{
    private static readonly Var X = new("x"), A = new("a"), B = new("b"), U = new("u"), V = new("v"), Z = new("z"), S = new("s");

    /// <summary>
    /// PyTensor's <c>constant_folding</c>: an op on scalar constants becomes a constant. Constants are 0-d, but
    /// the op may have size-1 dimensions (its operands were constants given them, which
    /// <see cref="DimShuffleLift"/> took away): the constant gets them back, so the value keeps its type.
    /// </summary>
    public static readonly Rule ConstantFolding = new("constant_folding", (OfKind(OpInfo.IsElementwise), m =>
    {
        var (graph, node) = (m.Graph, m.Node);
        if (node.Inputs.Count == 0 || node.Inputs.Any(i => !graph[i].IsConstant) || node.Shape.Any(size => size != 1)) return null;
        var values = node.Inputs.Select(i => graph[i].Value).ToArray();
        var operandType = graph[node.Inputs[OpInfo.ValueOperand(node.Op)]].DType;
        int constant = graph.Constant(ScalarMath.Evaluate(node.Op, node.DType, operandType, values), node.DType);
        return m.Keep(graph.DimShuffle(constant, Enumerable.Repeat(-1, node.Rank).ToArray()));
    }));

    /// <summary>PyTensor's <c>local_useless_cast</c>: a cast to the dtype it has.</summary>
    public static readonly Rule UselessCast = new("local_useless_cast",
        (Op(OpCode.Cast, X), m => m.NodeOf(X).DType == m.Node.DType ? m.Keep(X) : null));

    /// <summary>
    /// PyTensor's <c>local_useless_elemwise</c>: x + 0, x - 0, x * 1, x / 1, x ** 1 are x, when x already has the
    /// result's type (x + 0 may broadcast or upcast).
    /// </summary>
    public static readonly Rule UselessElemwise = new("local_useless_elemwise",
        (Op(OpCode.Add, X, 0), KeepSameType), (Op(OpCode.Add, 0, X), KeepSameType), (Op(OpCode.Sub, X, 0), KeepSameType),
        (Op(OpCode.Mul, X, 1), KeepSameType), (Op(OpCode.Mul, 1, X), KeepSameType), (Op(OpCode.TrueDiv, X, 1), KeepSameType),
        (Op(OpCode.Pow, X, 1), KeepSameType));

    private static Rewritten? KeepSameType(Match m) =>
        m.NodeOf(X).DType == m.Node.DType && m.NodeOf(X).Shape == m.Node.Shape ? m.Keep(X) : null;

    /// <summary>Gradient-only ops fall away once gradients are taken: zero_grad(x) is x (PyTensor's <c>local_remove_zero_grad</c>).</summary>
    public static readonly Rule RemoveZeroGrad = new("local_remove_zero_grad", (Op(OpCode.ZeroGrad, X), m => m.Keep(X)));

    /// <summary>PyTensor's <c>local_useless_second</c>: second(a, b) is b when b already has the result's shape.</summary>
    public static readonly Rule UselessSecond = new("local_useless_second", (Op(OpCode.Second, A, B), UselessSecondOperand));

    private static Rewritten? UselessSecondOperand(Match m)
    {
        var b = m.NodeOf(B);
        return b.Shape == m.Node.Shape && b.DType == m.Node.DType && !b.IsConstant ? m.Keep(B) : null;
    }

    private static readonly Pattern Shuffled = Op(OpCode.DimShuffle, X);

    /// <summary>
    /// PyTensor's <c>local_dimshuffle_lift</c>, the part that matters here: an element-wise op pads its
    /// operands' shapes on the left anyway, so an operand that is only left-padded with broadcastable
    /// dimensions (a scalar made a (1,) vector by a gradient) can be used as it is.
    /// </summary>
    public static readonly Rule DimShuffleLift = new("local_dimshuffle_lift", (OfKind(OpInfo.IsElementwise), m =>
    {
        var (graph, node) = (m.Graph, m.Node);
        var inputs = node.Inputs.ToArray();
        bool changed = false;
        for (int i = 0; i < inputs.Length; i++)
        {
            var operand = graph[inputs[i]];
            if (operand.Rank > node.Rank || !Shuffled.Admits(operand)) continue;
            int pad = operand.Rank - graph[operand.Inputs[0]].Rank;
            var pattern = operand.Parameters<ShuffleParams>().Pattern;
            if (pad <= 0 || Enumerable.Range(0, operand.Rank).Any(j => pattern[j] != (j < pad ? -1 : j - pad))) continue;
            inputs[i] = operand.Inputs[0];
            changed = true;
        }
        return changed ? m.Become(node with { Inputs = inputs.ToEquatableArray() }) : null;
    }));

    /// <summary>PyTensor's <c>local_neg_neg</c>: -(-x) is x.</summary>
    public static readonly Rule NegNeg = new("local_neg_neg", (Op(OpCode.Neg, Op(OpCode.Neg, X)), m => m.Keep(X)));

    /// <summary>Canonical signs (PyTensor's <c>local_neg_to_mul</c> family): -a - b is -(a + b).</summary>
    public static readonly Rule NegMinus = new("local_neg_sub",
        (Op(OpCode.Sub, Op(OpCode.Neg, A), B), m => m.Become(OpCode.Neg, m.Add(OpCode.Add, m.Node, m[A], m[B]))));

    /// <summary>a - (-b) is a + b.</summary>
    public static readonly Rule SubNeg = new("local_sub_neg", (Op(OpCode.Sub, A, Op(OpCode.Neg, B)), m => m.Become(OpCode.Add, m[A], m[B])));

    /// <summary>-(a - b) is b - a.</summary>
    public static readonly Rule NegSub = new("local_neg_sub", (Op(OpCode.Neg, Op(OpCode.Sub, A, B)), m => m.Become(OpCode.Sub, m[B], m[A])));

    /// <summary>
    /// PyTensor's <c>local_exp_over_1_plus_exp</c>: 1 / (1 + exp(u)) is sigmoid(-u), one op with a stable
    /// gradient and a name the later stabilizations (log(sigmoid)) can match.
    /// </summary>
    public static readonly Rule ExpOver1PlusExp = new("local_exp_over_1_plus_exp",
        (Op(OpCode.TrueDiv, 1, Op(OpCode.Add, 1, Op(OpCode.Exp, Op(OpCode.Neg, V).As(U)))), SigmoidOf(V)),
        (Op(OpCode.TrueDiv, 1, Op(OpCode.Add, 1, Op(OpCode.Exp, U))), SigmoidOf(null)),
        (Op(OpCode.TrueDiv, 1, Op(OpCode.Add, Op(OpCode.Exp, Op(OpCode.Neg, V).As(U)), 1)), SigmoidOf(V)),
        (Op(OpCode.TrueDiv, 1, Op(OpCode.Add, Op(OpCode.Exp, U), 1)), SigmoidOf(null)));

    /// <summary>sigmoid(v) where u = -v is bound, else sigmoid(-u); when u has the result's type.</summary>
    private static System.Func<Match, Rewritten?> SigmoidOf(Var? negated) => m =>
    {
        var u = m.NodeOf(U);
        if (u.DType != m.Node.DType || u.Shape != m.Node.Shape) return null;
        return m.Become(OpCode.Sigmoid, negated is null ? m.Add(OpCode.Neg, u, m[U]) : m[negated]);
    };

    /// <summary>PyTensor's <c>local_1msigmoid</c>: 1 - sigmoid(z) is sigmoid(-z), without the cancellation.</summary>
    public static readonly Rule OneMinusSigmoid = new("local_1msigmoid", (Op(OpCode.Sub, 1, Op(OpCode.Sigmoid, Z).As(S)), m =>
        m.NodeOf(S).Shape != m.Node.Shape || m.NodeOf(S).DType != m.Node.DType ? null
            : m.Become(OpCode.Sigmoid, m.Add(OpCode.Neg, m.NodeOf(Z), m[Z]))));

    /// <summary>
    /// PyTensor's <c>local_log_sigmoid</c> stabilization: log(sigmoid(z)) is -softplus(-z), finite for any z
    /// (log(1 - sigmoid(z)) becomes -softplus(z) through <see cref="OneMinusSigmoid"/> first).
    /// </summary>
    public static readonly Rule LogSigmoid = new("local_log_sigmoid", (Op(OpCode.Log, Op(OpCode.Sigmoid, Z)), m =>
        m.Become(OpCode.Neg, m.Add(OpCode.Softplus, m.Node, m.Add(OpCode.Neg, m.NodeOf(Z), m[Z])))));

    /// <summary>PyTensor's <c>local_pow_specialize</c>: x ** 2 is sqr(x), x ** 0.5 is sqrt(x).</summary>
    public static readonly Rule PowSpecialize = new("local_pow_specialize",
        (Op(OpCode.Pow, X, 2), m => m.NodeOf(X).Shape == m.Node.Shape ? m.Become(OpCode.Sqr, m[X]) : null),
        (Op(OpCode.Pow, X, 0.5), m => m.NodeOf(X).Shape == m.Node.Shape && m.Node.DType.IsFloat() ? m.Become(OpCode.Sqrt, m[X]) : null));

    /// <summary>Simplifications that put a graph in one form: folding, identities, signs (PyTensor's <c>canonicalize</c>).</summary>
    public static readonly RuleSet Canonicalize = new("canonicalize",
        [ConstantFolding, UselessCast, UselessElemwise, RemoveZeroGrad, UselessSecond, DimShuffleLift, NegNeg, NegMinus, SubNeg, NegSub]);

    /// <summary>Numerically stable forms of unstable expressions (PyTensor's <c>stabilize</c>).</summary>
    public static readonly RuleSet Stabilize = new("stabilize", [ExpOver1PlusExp, OneMinusSigmoid, LogSigmoid, StabilizeRules.Log1p, StabilizeRules.Log1pExpToSoftplus, StabilizeRules.Expm1]);

    /// <summary>Cheaper ops for special cases (PyTensor's <c>specialize</c>).</summary>
    public static readonly RuleSet Specialize = new("specialize", [PowSpecialize]);

    /// <summary>What the rewrite stage applies.</summary>
    public static readonly RuleSet All = Canonicalize.Then(Stabilize).Then(SoftmaxRules.Stabilize).Then(Specialize);

    /// <summary>
    /// What differentiating applies to a cost first, so its gradient is built from stable pullbacks: all but the
    /// removal of gradient-only ops, which must still stop gradients then.
    /// </summary>
    public static readonly RuleSet BeforeGrad = All.Without(RemoveZeroGrad);
}
