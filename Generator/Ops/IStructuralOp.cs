using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// Everything the compiler knows of one op that is not element-wise (PyTensor's <c>Op</c> subclasses other
/// than <c>Elemwise</c>: <c>CAReduce</c>, <c>Dot</c>, <c>DimShuffle</c>, <c>Shape_i</c>, <c>RandomVariable</c>;
/// and the leaves). One class per op, found through <see cref="StructuralOps"/>; every member is a facet
/// each op states for itself, so a new op cannot inherit a wrong answer by default.
/// </summary>
/// <remarks>
/// Typing (PyTensor's <c>make_node</c>) is each class's <c>Build</c>, whose parameters differ per op and
/// which <see cref="GraphBuilder"/>'s methods call; <see cref="StaticShape"/> is the shape part of it, for
/// rebuilding a node over new operands. Emission is the op's as well: a reduction's fold
/// (<see cref="ReductionOp.Fold"/>), a product's Linalg call (<see cref="DotOp.Call"/>), a reordering's copy
/// (<see cref="DimShuffleOp.Copy"/>), a draw's generator call (<see cref="RandomOp.Call"/>).
/// </remarks>
internal interface IStructuralOp
{
    OpCode Op { get; }

    /// <summary>The name in printed graphs (PyTensor's).</summary>
    string Name { get; }

    /// <summary>How many operands a node of it has; -1 when that varies (a draw: its parameters, then its symbolic sizes).</summary>
    int Arity { get; }

    OpKind Kind { get; }

    /// <summary>How the scheduler computes a node of it, and so which emitter writes it.</summary>
    StepKind Step { get; }

    /// <summary>The static shape of <paramref name="node"/> over <paramref name="operands"/> (rebuilt when givens replace an operand).</summary>
    EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands);

    /// <summary>
    /// Whether a node's identity is in its parameters (a draw's: its variable's index), so the API call that
    /// makes it does not stamp it (<see cref="GraphBuilder.Stamp"/>): one variable drawn in two calls is one draw.
    /// </summary>
    bool OwnIdentity { get; }

    /// <summary>The run-time size relations a node states (<see cref="ShapeAnalysis"/>): which dimensions meet.</summary>
    void RelateSizes(Node node, SizeRelations sizes);

    /// <summary>
    /// The pullback (PyTensor's <c>L_op</c>): given the adjoint <paramref name="g"/> of node <paramref name="id"/>,
    /// each operand's contribution, built as graph nodes, or -1 where none flows.
    /// </summary>
    int[] Pullback(GraphBuilder b, int id, int g);

    /// <summary>
    /// Whether its operands are disconnected from its value (PyTensor's <c>DisconnectedType</c>): a size reads only
    /// a shape and a draw is not differentiable, so a cost reaching the operands only through it does not depend on them.
    /// </summary>
    bool Disconnected { get; }

    /// <summary>Whether <paramref name="node"/> only views its operand's data (an order-keeping DimShuffle): no step computes it.</summary>
    bool IsView(Node node);

    /// <summary>Whether its step reads its operands from buffers (a product, a copy, a draw), so they are kept rather than fused.</summary>
    bool ReadsBuffers { get; }

    /// <summary>Whether it reads operand <paramref name="k"/>'s values, not only its shape (a size reads only the shape).</summary>
    bool ReadsValue(int k);

    /// <summary>The op as printed for <paramref name="node"/>: its name, a draw's distribution and variable (<c>normal_rv#0</c>).</summary>
    string PrintedName(Node node);

    /// <summary>Its parameters as printed, in PyTensor's braces (<c>{axis=(1,)}</c>), or empty.</summary>
    string PrintedParameters(Node node);

    /// <summary>Operand <paramref name="k"/> as printed: <paramref name="name"/>, or <c>A.T</c> for a transposed product operand.</summary>
    string PrintedOperand(Node node, int k, string name);
}
