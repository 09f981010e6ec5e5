using System.Collections.Generic;
using System.Collections.Immutable;

namespace Tensorgen.Generator.Emit;

/// <summary>The order of Invoke's work, and the names its steps take.</summary>
/// <param name="BeforeBuffers">What runs before any buffer is taken: scalar steps random parameters need, and the draws they let check.</param>
/// <param name="Allocated">The buffers taken, in order: outputs, next buffers, pooled temporaries (owners only).</param>
/// <param name="AfterBuffers">Then: the rest of what random parameters need, every draw's check not yet made, the other steps.</param>
/// <param name="LoopIndices">Per step (by index): the index of each loop around its kernel call; for a sweep's first product, the sweep's block size, first row, rows and block.</param>
/// <param name="InlineLocals">Per inlined 0-d kernel (by step index): the local of each node it computes.</param>
/// <param name="Generators">Per draw node: the local holding its scratch generator.</param>
/// <param name="Unborrowed">Outputs written before a check that could still fail: never borrowed.</param>
/// <param name="SavedResults">Per output: the local its value is read into before the updates are written, or null.</param>
/// <param name="UpdateCopies">Per update: the local of the next buffer a source's value is copied into first, or null.</param>
/// <param name="WritesUpdates">Whether the call ends by writing updates (its own, or random generators moving on).</param>
/// <param name="Stages">The stage of each size, where each stage after the first starts, and per step the computed sizes it lets bind and the checks it lets run.</param>
/// <param name="OffsetNames">Per view at an offset: its offset's literal or local.</param>
/// <param name="Offsets">Where those locals are bound.</param>
/// <param name="Profile">The local holding the function's profile (<see cref="ProfileWriter"/>); null when its code is not profiled.</param>
internal sealed record InvokeSteps(
    IReadOnlyList<InvokeAction> BeforeBuffers,
    IReadOnlyList<int> Allocated,
    IReadOnlyList<InvokeAction> AfterBuffers,
    IReadOnlyDictionary<int, IReadOnlyList<string>> LoopIndices,
    IReadOnlyDictionary<int, IReadOnlyDictionary<int, string>> InlineLocals,
    IReadOnlyDictionary<int, string> Generators,
    ImmutableHashSet<int> Unborrowed,
    IReadOnlyList<string?> SavedResults,
    IReadOnlyList<string?> UpdateCopies,
    bool WritesUpdates,
    SizeStages Stages,
    IReadOnlyDictionary<int, string> OffsetNames,
    OffsetBindings Offsets,
    string? Profile)
{
    /// <summary>Per step (by index): the computed sizes it lets bind, and the checks of computed values it lets run.</summary>
    public IReadOnlyDictionary<int, ComputedSizes> SizesAfter => Stages.After;
}
