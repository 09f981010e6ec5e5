namespace Tensorgen.Generator.Graph;

/// <summary>
/// A C# literal not yet given a dtype. Like a Python scalar in PyTensor, it takes the dtype of the
/// tensor it meets (<c>x + 1</c> keeps x's dtype), so literals never widen a float32 graph.
/// </summary>
/// <param name="Kind">Bool, Int64 (any integer literal) or Float64 (any real literal).</param>
/// <param name="Value">The exact value.</param>
internal readonly record struct Literal(DType Kind, ScalarValue Value);

/// <summary>An operand during graph building: a node, or a literal that has not met a tensor yet.</summary>
internal readonly record struct Operand(int Node, Literal? Weak)
{
    public static Operand Of(int node) => new(node, null);

    public static Operand Of(Literal literal) => new(-1, literal);

    public bool IsLiteral => Weak is not null;
}
