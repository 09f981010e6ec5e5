namespace Tensorgen.Generator.Ops;

/// <summary>What the compiler knows of one op, in one place (see <see cref="OpRegistry"/>).</summary>
/// <param name="Name">The name in printed graphs: PyTensor's scalar op name.</param>
/// <param name="Arity">How many operands a node of the op has (a random variable: its parameters and sizes, so -1).</param>
/// <param name="Kind">How it computes, and so how it is scheduled and emitted.</param>
/// <param name="Result">For an element-wise op, how its dtype follows from its operands'.</param>
/// <param name="Elementwise">For an element-wise op, its entry: every facet (the description is made from it).</param>
/// <param name="Structural">For any other op, its class: every facet (the description is made from it).</param>
internal sealed record OpDescription(string Name, int Arity, OpKind Kind, ResultRule Result = ResultRule.OwnRule, ElementwiseOp? Elementwise = null, IStructuralOp? Structural = null);
