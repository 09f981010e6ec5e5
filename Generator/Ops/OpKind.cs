namespace Tensorgen.Generator.Ops;

/// <summary>What kind of computation an op is: decides how it is typed, scheduled and emitted.</summary>
internal enum OpKind
{
    /// <summary>No operands: an input, a shared variable, a constant.</summary>
    Leaf,

    /// <summary>Computed element by element with broadcasting: what kernels fuse.</summary>
    Elementwise,

    /// <summary>Folds axes of its operand (sum, max, min): a reduction kernel.</summary>
    Reduction,

    /// <summary>A matrix or vector product: a call to the product kernels.</summary>
    Product,

    /// <summary>Reorders or adds axes (a view when it only permutes or adds size-1 axes).</summary>
    Shuffle,

    /// <summary>A run-time size of an operand's axis.</summary>
    Size,

    /// <summary>A draw of a random variable.</summary>
    Random,

    /// <summary>Selects, moves or makes data (indexing, joins, reshapes, ranges): a runtime kernel's call, or a view.</summary>
    Data,

    /// <summary>
    /// A request evaluation records for a later stage (a <c>Grad</c>): the differentiate stage replaces it by
    /// ordinary nodes, so no stage after it sees one.
    /// </summary>
    Request,

    /// <summary>Only an API tag: the evaluator lowers it to other ops (<c>Mean</c> is a sum over a count), so no graph holds it.</summary>
    Lowered,
}

/// <summary>How an element-wise op's result dtype follows from its operands'.</summary>
internal enum ResultRule
{
    /// <summary>Not element-wise: the op types its result itself.</summary>
    OwnRule,

    /// <summary>The operands' common dtype (NumPy's promotion).</summary>
    Promoted,

    /// <summary>
    /// Float even for integer operands, as PyTensor's <c>upgrade_to_float</c>: bool, int8, int16 and uint8 go to
    /// float32 (which holds them exactly), int32 and int64 to float64.
    /// </summary>
    FloatMath,

    /// <summary>A comparison: bool.</summary>
    Comparison,

    /// <summary>The dtype asked for (a cast).</summary>
    Target,

    // dtypes (issue 13)
    /// <summary>True division (PyTensor's <c>TrueDiv.output_types</c>): integers and bools divide in float64, floats keep their dtype.</summary>
    TrueDivision,
}

/// <summary>
/// What an arithmetic op does when all its value operands are bools (PyTensor's output type preferences).
/// Ops that take bools as such (logic, comparisons, casts, switch: <see cref="ElementwiseOp.TakesBools"/>) and
/// float math do not consult it.
/// </summary>
internal enum BoolOperands
{
    /// <summary>A dtype error, as PyTensor's <c>upcast_out_nobool</c> / <c>same_out_nobool</c> raise (sub, neg, sign).</summary>
    Refused,

    /// <summary>A bool result, as PyTensor's <c>upcast_out</c> (True + True is True): computed in int8, then "not zero".</summary>
    Bool,

    /// <summary>An int8 result, as PyTensor's <c>upcast_out_min8</c> (pow): computed in int8.</summary>
    Int8,
}
