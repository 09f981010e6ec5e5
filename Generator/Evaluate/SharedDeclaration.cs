using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// A shared variable the graph reads: a field or property of type <c>Shared&lt;T&gt;</c> whose initializer
/// (<c>Shared(0)</c>, <c>Shared(values, name: "w")</c>) tells its dtype, rank and static shape.
/// </summary>
/// <param name="Node">Its graph node.</param>
/// <param name="Name">Its name: the <c>name:</c> argument, else the member's name.</param>
/// <param name="Member">The member, which names the generated field and constructor parameter.</param>
internal sealed record SharedDeclaration(int Node, string Name, MemberRef Member);
