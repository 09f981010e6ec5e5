using Microsoft.CodeAnalysis;

namespace Tensorgen.Generator.Lower;

/// <summary>
/// The [Op]/[Builtin] tag the runtime puts on each symbolic API member. Reading the tag, not the
/// method name, is what makes a call part of the graph language.
/// </summary>
/// <param name="Function">For a member tagged <c>[Call]</c>: the graph-language function that evaluates it.</param>
internal sealed record ApiTag(OpCode? Op, Builtin Builtin, int Rank, int DType, int Broadcastable, OpCode Reduction = OpCode.Input, ApiFunction? Function = null)
{
    public static ApiTag? Read(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null || !IsTensorgen(type.ContainingNamespace) || attribute.ConstructorArguments.Length == 0) continue;
            var args = attribute.ConstructorArguments;
            if (type.Name == "CallAttribute" && args[0].Value is int function)
                return new ApiTag(null, default, -1, -1, 0, Function: (ApiFunction)function);
            if (type.Name == "OpAttribute" && args[0].Value is int op)
                return new ApiTag((OpCode)op, default, -1, -1, 0);
            if (type.Name == "BuiltinAttribute" && args[0].Value is int builtin)
                return new ApiTag(null, (Builtin)builtin,
                    args.Length > 1 && args[1].Value is int rank ? rank : -1,
                    args.Length > 2 && args[2].Value is int dtype ? dtype : -1,
                    args.Length > 3 && args[3].Value is int b ? b : 0,
                    args.Length > 4 && args[4].Value is int r ? (OpCode)r : OpCode.Input);
        }
        return null;
    }

    /// <summary>Whether <paramref name="ns"/> is the top-level <c>Tensorgen</c> namespace (no string building: this runs per call).</summary>
    public static bool IsTensorgen(INamespaceSymbol? ns) => ns is { Name: "Tensorgen", ContainingNamespace.IsGlobalNamespace: true };
}
