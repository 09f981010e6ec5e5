using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>A random stream a graph reads: a field or property of type <c>RandomStream</c>.</summary>
/// <param name="Member">The member holding it; null for a stream made in a member's initializer.</param>
internal sealed record StreamValue(MemberRef? Member) : Value;

/// <summary>
/// A random variable the graph draws: a member initialized from a stream (shared by every function
/// that reads the member), or one made in graph code (each function object makes its own).
/// </summary>
/// <param name="Node">Its graph node.</param>
/// <param name="Name">Its name: the member's, or the distribution's for one made in graph code.</param>
/// <param name="Member">The member holding it, for a member; else null.</param>
/// <param name="MemberIsTensor">Whether that member is declared as a <c>TensorVariable</c>.</param>
/// <param name="Stream">The stream it is made from, for one made in graph code; else null.</param>
/// <param name="InLoop">Drawn at each step of a scan: its generator moves on only when the function is given the scan's updates.</param>
internal sealed record RandomDeclaration(int Node, string Name, MemberRef? Member, bool MemberIsTensor, MemberRef? Stream, Distribution Distribution, bool InLoop = false);
