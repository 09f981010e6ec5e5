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

    /// <summary>Float even for integer operands: ints go to float64, as in PyTensor.</summary>
    FloatMath,

    /// <summary>A comparison: bool.</summary>
    Comparison,

    /// <summary>The dtype asked for (a cast).</summary>
    Target,
}
