using System;
using System.Collections.Generic;
using System.Linq;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// The entry evaluating each graph-language function (<see cref="ApiFunction"/>): one table per family, in
/// its own file, so adding a function is adding an entry. A function with no entry is a compiler defect,
/// reported as TG0102 at the call (a test checks every function has one).
/// </summary>
internal static class ApiFunctions
{
    private static readonly Dictionary<ApiFunction, Func<ApiCall, Value>> Entries =
        IndexCalls.All.Concat(AdvancedIndexCalls.All).Concat(ShapeCalls.All).Concat(JoinCalls.All).Concat(ProductCalls.All)
            .Concat(ReductionCalls.All) // reductions (issue 13)
            .Concat(SoftmaxCalls.All) // softmax (issue 13)
            .Concat(ScanCalls.All).Concat(VectorProductCalls.All) // loops, Jacobians (issue 15)
            .Concat(InspectionCalls.All) // looking inside (issue 16)
            .ToDictionary(e => e.Function, e => e.Apply);

    public static bool Has(ApiFunction function) => Entries.ContainsKey(function);

    public static Value? Apply(ApiFunction function, ApiCall call) => Entries.TryGetValue(function, out var apply) ? apply(call) : null;
}

/// <summary>One function's entry: what evaluates a call of it.</summary>
internal readonly record struct ApiEntry(ApiFunction Function, Func<ApiCall, Value> Apply);
