using System.Collections.Generic;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Joins and splits: Concatenate, Stack, Split.</summary>
internal static class JoinCalls
{
    public static readonly IReadOnlyList<ApiEntry> All = [];
}
