// Compiled into both the runtime and the generator, as OpCode.cs is. A symbolic API member tagged
// [Call(ApiFunction.X)] is evaluated by the generator's entry for X (Generator/Evaluate/Calls/): one
// function may build several ops (Stack is a join of new axes) or none (NewAxis is an index marker).
namespace Tensorgen;

/// <summary>The functions of the graph language that are not one element-wise op: indexing, shapes, joins, products.</summary>
public enum ApiFunction
{
    /// <summary>A conversion into an index entry, passed through (<c>x[0]</c>, <c>x[1..]</c>, <c>x[i]</c>).</summary>
    IndexEntry,
    /// <summary><c>Slice(start, stop, step)</c>.</summary>
    Slice,
    /// <summary><c>NewAxis</c> (NumPy's <c>None</c> in an index).</summary>
    NewAxis,
    /// <summary><c>Ellipsis</c> (<c>...</c> in an index).</summary>
    Ellipsis,
    /// <summary><c>x[...]</c>.</summary>
    Index,
    // Each family adds its functions below its own heading; the order carries no meaning.
    // Basic indexing
    /// <summary><c>SetSubtensor(x[...], y)</c>, <c>x[...].Set(y)</c>.</summary>
    SetSubtensor,
    /// <summary><c>IncSubtensor(x[...], y)</c>, <c>x[...].Inc(y)</c>.</summary>
    IncSubtensor,

    // Advanced indexing
    /// <summary><c>Take(x, indices, axis)</c> (NumPy's and PyTensor's <c>take</c>).</summary>
    Take,

    // Shapes and constructors
    /// <summary><c>Arange(stop)</c>, <c>Arange(start, stop, step)</c>.</summary>
    Arange,
    /// <summary><c>Reshape(x, shape)</c>, <c>x.Reshape(shape)</c>.</summary>
    Reshape,
    /// <summary><c>Flatten(x, ndim)</c>, <c>x.Flatten(ndim)</c>.</summary>
    Flatten,
    /// <summary><c>x.Dimshuffle(0, "x")</c>.</summary>
    Dimshuffle,
    /// <summary><c>ExpandDims(x, axis)</c>.</summary>
    ExpandDims,
    /// <summary><c>Squeeze(x, axis)</c>.</summary>
    Squeeze,
    /// <summary><c>Transpose(x, axes)</c>, <c>x.Transpose(axes)</c>.</summary>
    TransposeAxes,
    /// <summary><c>SpecifyShape(x, shape)</c>.</summary>
    SpecifyShape,
    /// <summary><c>Shape(x)</c>: an int64 vector.</summary>
    Shape,
    /// <summary><c>Zeros(shape, dtype)</c>.</summary>
    Zeros,
    /// <summary><c>Ones(shape, dtype)</c>.</summary>
    Ones,
    /// <summary><c>Full(shape, value, dtype)</c>.</summary>
    Full,
    /// <summary><c>ZerosLike(x, dtype)</c>.</summary>
    ZerosLike,
    /// <summary><c>OnesLike(x, dtype)</c>.</summary>
    OnesLike,
    /// <summary><c>FullLike(x, value, dtype)</c>.</summary>
    FullLike,
    /// <summary><c>Eye(n, m, k, dtype)</c>.</summary>
    Eye,
    /// <summary><c>Outer(a, b)</c>.</summary>
    Outer,
    /// <summary><c>Tile(x, reps)</c>.</summary>
    Tile,
    /// <summary><c>Repeat(x, repeats, axis)</c>.</summary>
    Repeat,
    /// <summary><c>Diagonal(x, offset, axis1, axis2)</c>.</summary>
    Diagonal,
    /// <summary><c>Trace(x)</c>.</summary>
    Trace,

    // Joins
    /// <summary><c>Concatenate([a, b], axis)</c> (PyTensor's <c>concatenate</c>/<c>join</c>).</summary>
    Concatenate,
    /// <summary><c>Stack([a, b], axis)</c>.</summary>
    Stack,
    /// <summary><c>Split(x, sizes, axis)</c>.</summary>
    Split,

    // Products
    /// <summary><c>Dot(a, b)</c> for every rank (NumPy's <c>dot</c>).</summary>
    Dot,
    /// <summary><c>Matmul(a, b)</c> (NumPy's <c>matmul</c>, batched over leading axes).</summary>
    Matmul,
    /// <summary><c>Tensordot(a, b, axes)</c>.</summary>
    Tensordot,

    // reductions (issue 13)
    /// <summary><c>Prod(x, axis, keepdims)</c>.</summary>
    Prod,
    /// <summary><c>All(x, axis, keepdims)</c>.</summary>
    All,
    /// <summary><c>Any(x, axis, keepdims)</c>.</summary>
    Any,
    /// <summary><c>Argmax(x, axis, keepdims)</c>.</summary>
    Argmax,
    /// <summary><c>Argmin(x, axis, keepdims)</c>.</summary>
    Argmin,
    /// <summary><c>Var(x, axis, ddof, keepdims, corrected)</c>.</summary>
    Var,
    /// <summary><c>Std(x, axis, ddof, keepdims, corrected)</c>.</summary>
    Std,
    /// <summary><c>CumSum(x, axis)</c>.</summary>
    CumSum,
    /// <summary><c>CumProd(x, axis)</c>.</summary>
    CumProd,
    // softmax (issue 13)
    /// <summary><c>Softmax(x, axis)</c>.</summary>
    Softmax,
    /// <summary><c>LogSoftmax(x, axis)</c>.</summary>
    LogSoftmax,
    /// <summary><c>LogSumExp(x, axis, keepdims)</c>.</summary>
    LogSumExp,
    /// <summary><c>ToOneHot(y, nbClass, dtype)</c>.</summary>
    ToOneHot,
    /// <summary><c>CategoricalCrossEntropy(codingDist, trueDist)</c>.</summary>
    CategoricalCrossEntropy,
    // loops (issue 15)
    /// <summary><c>Scan(fn, sequences, outputsInfo, nonSequences, nSteps, goBackwards)</c>.</summary>
    Scan,
    /// <summary><c>Taps(initial, taps)</c>: an outputsInfo entry fed back from several earlier steps.</summary>
    Taps,
    /// <summary><c>Map(fn, sequences, nonSequences, goBackwards)</c>: a scan with no fed-back results.</summary>
    Map,
    /// <summary><c>Reduce(fn, sequences, outputsInfo, nonSequences, goBackwards)</c>: a scan's last step.</summary>
    Reduce,
    /// <summary><c>Foldl(fn, sequences, outputsInfo, nonSequences)</c>: Reduce from the first element.</summary>
    Foldl,
    /// <summary><c>Foldr(fn, sequences, outputsInfo, nonSequences)</c>: Reduce from the last element.</summary>
    Foldr,
    /// <summary><c>Jacobian(expression, wrt)</c>: a scan of the expression's gradients, one row per element.</summary>
    Jacobian,
    /// <summary><c>Hessian(cost, wrt)</c>: the Jacobian of the gradient.</summary>
    Hessian,
    /// <summary><c>Lop(f, wrt, evalPoints)</c>: a vector-Jacobian product.</summary>
    Lop,
    /// <summary><c>Rop(f, wrt, evalPoints)</c>: a Jacobian-vector product.</summary>
    Rop,
    /// <summary><c>Scan(fn, ...)</c> whose fn returns only updates of shared variables (PyTensor's <c>lambda: {k: k + 1}</c>).</summary>
    ScanUpdates,
    /// <summary><c>Scan(fn, ...)</c> whose fn returns its results and updates of shared variables, as a pair.</summary>
    ScanWithUpdates,
    /// <summary><c>Until(condition)</c>: a scan body's early exit, the last element of its results.</summary>
    Until,
    // looking inside (issue 16)
    /// <summary><c>DebugPrint(x)</c>: x's graph printed at build time into the generated remarks; x itself.</summary>
    DebugPrint,
}
