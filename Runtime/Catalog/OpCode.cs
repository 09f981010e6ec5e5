// Compiled into both the runtime and the generator. The runtime tags each symbolic API member
// with [Op(OpCode.X)]; the generator reads that tag from the member it sees called. So the API
// surface and the compiler's op table are one list, and renaming a method cannot break lowering.
namespace Tensorgen;

/// <summary>The operations of Tensorgen's graph language.</summary>
public enum OpCode
{
    /// <summary>A function input.</summary>
    Input,
    /// <summary>A literal constant.</summary>
    Constant,
    // Element-wise binary arithmetic.
    /// <summary><c>a + b</c></summary>
    Add,
    /// <summary><c>a - b</c></summary>
    Sub,
    /// <summary><c>a * b</c></summary>
    Mul,
    /// <summary><c>a / b</c>, true division.</summary>
    TrueDiv,
    /// <summary><c>a // b</c>, floor division.</summary>
    IntDiv,
    /// <summary><c>a % b</c>, Python remainder.</summary>
    Mod,
    /// <summary><c>a ** b</c></summary>
    Pow,
    /// <summary>Element-wise maximum.</summary>
    Maximum,
    /// <summary>Element-wise minimum.</summary>
    Minimum,
    // Element-wise unary math.
    /// <summary><c>-a</c></summary>
    Neg,
    /// <summary><c>|a|</c></summary>
    Abs,
    /// <summary><c>e^a</c></summary>
    Exp,
    /// <summary><c>e^a - 1</c>, accurate near 0.</summary>
    Expm1,
    /// <summary>Natural logarithm.</summary>
    Log,
    /// <summary><c>log(1 + a)</c>, accurate near 0.</summary>
    Log1p,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary><c>1 / (1 + e^-a)</c></summary>
    Sigmoid,
    /// <summary><c>log(1 + e^a)</c></summary>
    Softplus,
    /// <summary><c>a * a</c></summary>
    Sqr,
    /// <summary>Square root.</summary>
    Sqrt,
    /// <summary>Sine.</summary>
    Sin,
    /// <summary>Cosine.</summary>
    Cos,
    /// <summary>The error function, 2/√π ∫₀ᵃ e^(-t²) dt.</summary>
    Erf,
    /// <summary>The complementary error function, 1 - erf(a), accurate in its tail.</summary>
    Erfc,
    // Comparisons and logic: bool results.
    /// <summary><c>a &lt; b</c></summary>
    Lt,
    /// <summary><c>a &gt; b</c></summary>
    Gt,
    /// <summary><c>a &lt;= b</c></summary>
    Le,
    /// <summary><c>a &gt;= b</c></summary>
    Ge,
    /// <summary><c>a == b</c></summary>
    Eq,
    /// <summary><c>a != b</c></summary>
    Neq,
    /// <summary>Bitwise and of integers, logical of bools (PyTensor's <c>and_</c>, <c>bitwise_and</c>).</summary>
    And,
    /// <summary>Bitwise or of integers, logical of bools (PyTensor's <c>or_</c>, <c>bitwise_or</c>).</summary>
    Or,
    /// <summary>Logical not of bools (C#'s <c>!</c>); <see cref="Invert"/> is the bitwise complement.</summary>
    Not,
    /// <summary><c>cond ? a : b</c>, element-wise.</summary>
    Switch,
    /// <summary>Conversion to another dtype.</summary>
    Cast,
    /// <summary>Identity (unary plus).</summary>
    Identity,
    /// <summary>A shared variable's value at the start of a call.</summary>
    Shared,
    /// <summary>Sign: -1, 0 or 1.</summary>
    Sign,
    /// <summary>The second operand broadcast to the first's shape (PyTensor's <c>second</c>, as in <c>zeros_like</c>).</summary>
    Second,
    /// <summary>Identity whose gradient is zero (PyTensor's <c>zero_grad</c>).</summary>
    ZeroGrad,
    /// <summary>Matrix and vector products; parameters say whether each operand is transposed.</summary>
    Dot,
    /// <summary>Sum over some axes.</summary>
    Sum,
    /// <summary>Maximum over some axes.</summary>
    Max,
    /// <summary>Minimum over some axes.</summary>
    Min,
    /// <summary>Mean over some axes: built as a sum divided by the count, never a node.</summary>
    Mean,
    /// <summary>Reorders dimensions and adds or drops broadcastable ones (PyTensor's <c>DimShuffle</c>).</summary>
    DimShuffle,
    /// <summary>The run-time size of one dimension, an int64 scalar (PyTensor's <c>Shape_i</c>).</summary>
    DimSize,
    /// <summary>A draw of a random variable: once per call; parameters are the inputs.</summary>
    Random,
    /// <summary>A gradient asked for by <c>Grad</c>: recorded in the evaluated graph, replaced by the gradient when differentiating.</summary>
    Grad,
    // Each family adds its ops below its own heading; the order carries no meaning.
    // Basic indexing
    /// <summary>A region of a tensor by positions and slices (PyTensor's <c>Subtensor</c>): operand 0 is the tensor, then per indexed axis a position, or a slice's first position and length.</summary>
    Subtensor,
    /// <summary>A tensor with a region set to or increased by a value (PyTensor's <c>IncSubtensor</c>): operands x, y, then the region's as in <see cref="Subtensor"/>.</summary>
    IncSubtensor,

    // Advanced indexing
    /// <summary>Int indices checked against a size and made non-negative (NumPy's negative indices); operands: the indices, the indexed tensor (its shape).</summary>
    CheckIndex,
    /// <summary>The positions of a bool mask's true elements (NumPy's <c>flatnonzero</c>); operands: the mask, their count, the masked tensor (its shape).</summary>
    Nonzero,
    /// <summary>Gathers along consecutive axes merged into one (PyTensor's <c>AdvancedSubtensor</c>); operands: x, the checked flat indices.</summary>
    AdvancedSubtensor,
    /// <summary>Adds or writes y at gathered positions (PyTensor's <c>AdvancedIncSubtensor</c>); operands: x, y, the checked flat indices.</summary>
    AdvancedIncSubtensor,

    // Shapes and constructors
    /// <summary>start, start + step, ... before stop (PyTensor's <c>ARange</c>); its operands are start, stop, step and the length.</summary>
    Arange,
    /// <summary>The same elements in another shape (PyTensor's <c>Reshape</c>): a view; its operands are the tensor and one int64 size per dimension.</summary>
    Reshape,
    /// <summary>The checked size of one dimension of a reshape (the one given as -1, else the last): throws when the sizes do not fit the element count.</summary>
    ReshapeSize,
    /// <summary>The same tensor with static sizes stated (PyTensor's <c>SpecifyShape</c>): a view, checked at call time.</summary>
    SpecifyShape,
    /// <summary>A 0-d value filling a tensor of the sizes given (PyTensor's <c>Alloc</c>); its operands are the value and one int64 size per dimension.</summary>
    Alloc,
    /// <summary>An int64 vector of 0-d int values (PyTensor's <c>MakeVector</c>, as <c>Shape</c> builds it).</summary>
    MakeVector,
    /// <summary>The diagonal of two axes (NumPy's <c>diagonal</c>), moved to the last axis; its operands are the tensor and the diagonal's length.</summary>
    Diagonal,
    /// <summary>Zeros of its first operand's shape with a diagonal set from its second: the pullback of <see cref="Diagonal"/>.</summary>
    DiagonalGrad,

    // Joins
    /// <summary>Tensors joined along an axis (PyTensor's <c>Join</c>); its operands are the tensors, then the joined length.</summary>
    Join,
    /// <summary>One block along an axis (a piece of PyTensor's <c>Split</c>); its operands are the tensor, the start and the length.</summary>
    AxisSlice,
    /// <summary>A block placed in zeros along an axis (the gradient of a piece); its operands are the block, the start and the total length.</summary>
    AxisPad,

    // Products
    /// <summary>Matrix products batched over leading axes, broadcast (NumPy's <c>matmul</c> of tensors of rank 3 and more).</summary>
    BatchedMatmul,

    // reductions (issue 13)
    /// <summary>The product over axes (PyTensor's <c>Prod</c>); integers and bools multiply in int64.</summary>
    Prod,
    /// <summary>Logical and over axes (PyTensor's <c>All</c>): bool.</summary>
    All,
    /// <summary>Logical or over axes (PyTensor's <c>Any</c>): bool.</summary>
    Any,
    /// <summary>The position of the largest element over axes, int64 (PyTensor's <c>Argmax</c>); the first on ties, a NaN's if any.</summary>
    Argmax,
    /// <summary>The position of the smallest element over axes, int64 (PyTensor's <c>Argmin</c>).</summary>
    Argmin,
    /// <summary>Cumulative sum along one axis (PyTensor's <c>CumOp{add}</c>), forward or from the end.</summary>
    CumSum,
    /// <summary>Cumulative product along one axis (PyTensor's <c>CumOp{mul}</c>).</summary>
    CumProd,
    // Element-wise (issue 13)
    /// <summary>Each element limited to [min, max] (PyTensor's <c>clip</c>): below min gives min, above max gives max, NaN stays NaN.</summary>
    Clip,
    /// <summary>The largest whole number not above the value (PyTensor's <c>floor</c>).</summary>
    Floor,
    /// <summary>The smallest whole number not below the value (PyTensor's <c>ceil</c>).</summary>
    Ceil,
    /// <summary>The nearest whole number, halves to even (PyTensor's <c>round_half_to_even</c>, <c>pt.round</c>'s default).</summary>
    RoundHalfToEven,
    /// <summary>The whole number toward zero (PyTensor's <c>trunc</c>).</summary>
    Trunc,
    /// <summary>Whether the value is NaN (PyTensor's <c>isnan</c>): bool.</summary>
    IsNan,
    /// <summary>Whether the value is ±∞ (PyTensor's <c>isinf</c>): bool.</summary>
    IsInf,
    /// <summary><c>1 / a</c> (PyTensor's <c>reciprocal</c>).</summary>
    Reciprocal,
    /// <summary><c>2^a</c></summary>
    Exp2,
    /// <summary>Base-2 logarithm.</summary>
    Log2,
    /// <summary>Base-10 logarithm.</summary>
    Log10,
    /// <summary>Tangent.</summary>
    Tan,
    /// <summary>Inverse sine.</summary>
    Arcsin,
    /// <summary>Inverse cosine.</summary>
    Arccos,
    /// <summary>Inverse tangent.</summary>
    Arctan,
    /// <summary>The angle of the point (x, y) = (b, a): <c>arctan2(a, b)</c>, in (-π, π].</summary>
    Arctan2,
    /// <summary>Hyperbolic sine.</summary>
    Sinh,
    /// <summary>Hyperbolic cosine.</summary>
    Cosh,
    /// <summary>Inverse hyperbolic sine.</summary>
    Arcsinh,
    /// <summary>Inverse hyperbolic cosine.</summary>
    Arccosh,
    /// <summary>Inverse hyperbolic tangent.</summary>
    Arctanh,
    /// <summary>log |Γ(a)| (PyTensor's <c>gammaln</c>).</summary>
    Gammaln,
    /// <summary>ψ(a) = d/da log Γ(a) (PyTensor's <c>psi</c>, <c>digamma</c>).</summary>
    Digamma,
    /// <summary>ψ'(a), the derivative of the digamma function (PyTensor's <c>tri_gamma</c>).</summary>
    TriGamma,
    /// <summary>Bitwise exclusive or of integers, logical of bools (PyTensor's <c>xor</c>, <c>bitwise_xor</c>).</summary>
    Xor,
    /// <summary>Bitwise complement of integers, logical not of bools (PyTensor's <c>invert</c>, <c>bitwise_not</c>, <c>~</c>).</summary>
    Invert,
    // softmax (issue 13)
    /// <summary>PyTensor's <c>Softmax</c> along an axis (or all): exp(x - max) / sum(exp(x - max)), one kernel pass per row.</summary>
    Softmax,
    /// <summary>PyTensor's <c>LogSoftmax</c> along an axis (or all).</summary>
    LogSoftmax,
    /// <summary>The stable log(sum(exp(x))) over consecutive axes (PyTensor's <c>logsumexp</c> after <c>local_log_sum_exp</c>).</summary>
    LogSumExp,
    // loops (issue 15)
    /// <summary>PyTensor's <c>Scan</c>: a body graph run once per step, one stacked output of it per node.</summary>
    Scan,
    /// <summary>A scan whose body takes a Grad: a request the differentiate stage replaces by the scan, once the gradient exists.</summary>
    ScanRequest,
    /// <summary>The number of steps a scan that stops early (PyTensor's until) ran: the length of its stacked results.</summary>
    ScanLength,
}

/// <summary>What a tagged symbolic API member does, when it is not a plain <see cref="OpCode"/>.</summary>
public enum Builtin
{
    /// <summary>Makes a new input variable; dtype and rank come from the tag or the arguments.</summary>
    Variable,
    /// <summary>Makes several input variables, one per name.</summary>
    Variables,
    /// <summary><c>Function(inputs, outputs)</c>.</summary>
    Function,
    /// <summary><c>In(variable, value, name)</c>.</summary>
    In,
    /// <summary>A constant tensor from a literal.</summary>
    Constant,
    /// <summary>Indexing a <see cref="Variables"/> list.</summary>
    Index,
    /// <summary>The name, dtype or rank of a variable.</summary>
    Property,
    /// <summary><c>Shared(value, name:, shape:)</c>: a shared variable; its type is read from the call.</summary>
    Shared,
    /// <summary>A list of (variable, value) pairs for updates or givens, passed through.</summary>
    Pairs,
    /// <summary>A reduction over axes; the tag's op says which.</summary>
    Reduce,
    /// <summary><c>Dot(a, b)</c>.</summary>
    Dot,
    /// <summary><c>x.T</c>, <c>Transpose(x)</c>.</summary>
    Transpose,
    /// <summary><c>Grad(cost, wrt)</c>: symbolic gradients, computed by the generator.</summary>
    Grad,
    /// <summary>A random variable of a <c>RandomStream</c>; the tag's rank carries the <c>Distribution</c>.</summary>
    Random,
}
