using System.Collections.Generic;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Products of every rank: Dot, Matmul, Tensordot.</summary>
internal static class ProductCalls
{
    public static readonly IReadOnlyList<ApiEntry> All = [];
}
