using System;
using System.Collections.Generic;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// Everything the compiler knows of one element-wise op (PyTensor's <c>ScalarOp</c>, lifted over tensors
/// by <c>Elemwise</c>): its printed name, arity and dtype rule, how a constant folds, the C# computing
/// one element and a vector of elements, and its pullback. One record per op, in the family tables
/// (<c>ElementwiseOps.*.cs</c>); every stage asks it rather than keeping a list of its own.
/// </summary>
/// <remarks>
/// The facets are init properties so that an entry reads as a table row. One left out stays null, and
/// <see cref="Missing"/> names it: the registry refuses the op when asked, and a test checks every entry.
/// </remarks>
internal sealed class ElementwiseOp
{
    public ElementwiseOp(OpCode op, string name, int arity, ResultRule result)
    {
        Op = op;
        Name = name;
        Arity = arity;
        Result = result;
    }

    public OpCode Op { get; }

    /// <summary>The name in printed graphs: PyTensor's scalar op name.</summary>
    public string Name { get; }

    public int Arity { get; }

    /// <summary>How the result's dtype follows from the operands'.</summary>
    public ResultRule Result { get; }

    /// <summary>The result's dtype, from the dtype the op's value operands have (promoted) and the dtype a cast asks for.</summary>
    public DType ResultType(DType operand, DType? castTo) => Result switch
    {
        ResultRule.Comparison => DType.Bool,
        ResultRule.FloatMath => operand.UpgradeToFloat(),
        ResultRule.TrueDivision => operand.IsFloat() ? operand : DType.Float64,
        ResultRule.Target => castTo ?? throw new InvalidOperationException($"{Name} needs the dtype to convert to"),
        ResultRule.Promoted => operand,
        _ => throw new InvalidOperationException($"{Name} has no element-wise result rule"),
    };

    /// <summary>
    /// The operand whose dtype the op computes in: 0, or 1 for <c>switch</c> (operand 0 is its condition)
    /// and <c>second</c> (operand 0 gives only the shape).
    /// </summary>
    public int ValueOperand { get; init; }

    /// <summary>
    /// Whether bool values are accepted as the op's values: logic, comparisons and the ops that only pass
    /// values on (cast, identity, switch, ...). Arithmetic and math refuse them, as PyTensor does.
    /// </summary>
    public bool TakesBools { get; init; }

    /// <summary>
    /// Why the op refuses operands of these dtypes (PyTensor's <c>TypeError</c> when making the node), or null: bitwise
    /// logic over floats or over bools mixed with ints, rounding of integers. The graph builder reports it (TG0201).
    /// </summary>
    public Func<IReadOnlyList<DType>, string?>? Refuse { get; init; }

    /// <summary>
    /// What the op does when all its value operands are bools and it does not take bools as such
    /// (<see cref="TakesBools"/>) nor is float math: refused unless the entry says otherwise.
    /// </summary>
    public BoolOperands OnBools { get; init; }

    /// <summary>Constant folding (PyTensor's <c>ScalarOp.impl</c>).</summary>
    public Fold Fold { get; init; } = null!;

    /// <summary>The C# expression computing one element.</summary>
    public Func<ScalarSite, string> Scalar { get; init; } = null!;

    /// <summary>The <c>Vector&lt;T&gt;</c> expression computing a vector of elements, or why there is none.</summary>
    public VectorForm Vector { get; init; } = null!;

    /// <summary>The contribution to each operand's adjoint (PyTensor's <c>L_op</c>), -1 where none flows.</summary>
    public Func<PullbackSite, int[]> Pullback { get; init; } = null!;

    /// <summary>The facets left out of the entry (none, in a complete registry).</summary>
    public IEnumerable<string> Missing()
    {
        if (Fold is null) yield return nameof(Fold);
        if (Scalar is null) yield return nameof(Scalar);
        if (Vector is null) yield return nameof(Vector);
        if (Pullback is null) yield return nameof(Pullback);
    }
}
