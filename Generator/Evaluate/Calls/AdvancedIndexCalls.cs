using System.Collections.Generic;
using System.Collections.Immutable;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

/// <summary>Advanced indexing: int tensors and bool masks as indices (<c>x[idx]</c>, <c>x[x > 0]</c>), and writes into them.</summary>
internal static class AdvancedIndexCalls
{
    public static readonly IReadOnlyList<ApiEntry> All = [];

    /// <summary>
    /// <c>x[entries]</c> when an entry is an int tensor of rank 1 or more or a bool tensor (the basic indexing entry
    /// decides and hands over): the entries as evaluated (ints, <see cref="RangeValue"/>, <see cref="FromEndValue"/>,
    /// <see cref="SliceValue"/>, <see cref="MarkerValue"/>, <see cref="TensorValue"/>) and where each was written.
    /// </summary>
    public static Value Index(ApiCall call, int x, ImmutableArray<Value> entries, ImmutableArray<IrSpan> locations) =>
        call.Error(Model.Diagnostics.UnknownCall, "advanced indexing is not built yet");

    /// <summary>
    /// <c>SetSubtensor(target, y)</c> / <c>IncSubtensor(target, y)</c> when <paramref name="target"/> is a node made by
    /// <see cref="Index"/> (an advanced index): the write of <paramref name="y"/> into the tensor it was taken from.
    /// </summary>
    public static Value Write(ApiCall call, int target, int y, bool set) =>
        call.Error(Model.Diagnostics.UnknownCall, "writing into an advanced index is not built yet");
}
