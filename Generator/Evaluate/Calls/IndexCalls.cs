using System.Collections.Generic;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Basic indexing: the parts of an index (positions, ranges, slices, markers) and <c>x[...]</c>.</summary>
internal static class IndexCalls
{
    public static readonly IReadOnlyList<ApiEntry> All =
    [
        // A conversion into an index entry keeps the value: the indexing call reads what it is.
        new(ApiFunction.IndexEntry, call => call.Raw("position") ?? call.Raw("range") ?? call.Raw("slice") ?? call.Raw("index") ?? call.Raw("marker") ?? ErrorValue.Instance),
        new(ApiFunction.Slice, call => new SliceValue(call.Raw("start"), call.Raw("stop"), call.Raw("step"))),
        new(ApiFunction.NewAxis, _ => new MarkerValue(IsNewAxis: true)),
        new(ApiFunction.Ellipsis, _ => new MarkerValue(IsNewAxis: false)),
        new(ApiFunction.Index, call => call.Error(Model.Diagnostics.UnknownCall, "indexing is not built yet")),
    ];
}
