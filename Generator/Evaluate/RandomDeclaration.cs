namespace Tensorgen.Generator.Evaluate;

/// <summary>A random stream a graph reads: a field or property of type <c>RandomStream</c>.</summary>
/// <param name="Access">C# that reads it: <c>global::Ns.Graphs.Stream</c>, or <c>owner.Stream</c>; null for a stream made in a member's initializer.</param>
internal sealed record StreamValue(string? Access, bool IsStatic) : Value;

/// <summary>
/// A random variable the graph draws: a member initialized from a stream (shared by every function
/// that reads the member), or one made in graph code (each function object makes its own).
/// </summary>
/// <param name="Node">Its graph node.</param>
/// <param name="Name">Its name: the member's, or the distribution's for one made in graph code.</param>
/// <param name="Access">C# that reads the member, for a member; else null.</param>
/// <param name="Creation">C# that makes the variable from its stream, for one made in graph code; else null.</param>
internal sealed record RandomDeclaration(int Node, string Name, string? Access, string? Creation, bool IsStatic);
