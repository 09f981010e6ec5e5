using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Graph;

/// <summary>
/// One value of a tensor graph: an input, a constant or an op applied to earlier nodes. Nodes are
/// immutable and compared by value, so equal sub-expressions are one node (hash-consing); while the graph
/// method runs, <see cref="Identity"/> keeps apart equal expressions written separately.
/// </summary>
/// <param name="Op">What the node computes.</param>
/// <param name="DType">Element type of the result.</param>
/// <param name="Shape">Static shape: one entry per dimension, its static size or -1 when unknown. Only a static 1 broadcasts.</param>
/// <param name="Inputs">Ids of the operand nodes, all smaller than this node's own id.</param>
/// <param name="Params">The op's parameters (<see cref="OpParams"/>): an input's position, a reduction's axes, a product's transposes; null when it has none.</param>
/// <param name="Value">A constant's value.</param>
/// <param name="Name">An input's name.</param>
internal sealed record Node(
    OpCode Op,
    DType DType,
    EquatableArray<int> Shape,
    EquatableArray<int> Inputs,
    OpParams? Params,
    ScalarValue Value,
    string? Name)
{
    /// <summary>
    /// Which API call of the graph method made this node (0: none, as in rewriting). In PyTensor each call
    /// makes a new variable, even one equal to another: <c>a = x * 2; b = x * 2</c> are two, and
    /// <c>Grad(a * b, a)</c> is <c>b</c>, and givens replace only the variable named. So equal expressions
    /// from separate calls stay separate nodes until the rewriter, which clears this, merges them.
    /// </summary>
    public int Identity { get; init; }

    public int Rank => Shape.Count;

    public bool IsConstant => Op == OpCode.Constant;

    public bool IsInput => Op == OpCode.Input;

    public bool IsShared => Op == OpCode.Shared;

    /// <summary>Inputs, shared variables and constants: nodes with no operands, which no kernel computes.</summary>
    public bool IsLeaf => OpInfo.Kind(Op) == Ops.OpKind.Leaf;

    /// <summary>Inputs and shared variables: the values a call reads.</summary>
    public bool IsSource => IsInput || IsShared;

    public static Node Apply(OpCode op, DType dtype, EquatableArray<int> shape, params int[] inputs) =>
        new(op, dtype, shape, inputs.ToEquatableArray(), null, default, null);

    /// <summary>The parameters as the op's record; asking a node for another op's parameters is a compiler defect.</summary>
    public T Parameters<T>() where T : OpParams =>
        Params as T ?? throw new System.InvalidOperationException($"{Op} has no {typeof(T).Name}");

    public Node WithInputs(params int[] inputs) => this with { Inputs = inputs.ToEquatableArray() };
}
