using System.Collections.Generic;

namespace Tensorgen.Generator.Schedule;

/// <summary>How a node is computed: which kind of step the scheduler gives it.</summary>
internal enum StepKind
{
    /// <summary>No step: an input or shared variable is an argument, a constant a literal.</summary>
    None,

    /// <summary>In a fused element-wise kernel.</summary>
    Fused,

    /// <summary>A reduction kernel, computing its operand on the fly.</summary>
    Reduction,

    /// <summary>A product: one call into Linalg.</summary>
    Product,

    /// <summary>A view of its operand, or a copy when it reorders data (or is an output).</summary>
    Copy,

    /// <summary>A run-time size, read from a dimension.</summary>
    Size,

    /// <summary>A call into a runtime kernel the op writes itself (<see cref="Ops.ICallOp"/>): indexing, joins, ranges.</summary>
    Call,

    /// <summary>A draw from a random generator, once per call.</summary>
    Draw,

    /// <summary>Never scheduled: lowered to other ops when the graph is built (a mean) or differentiated (a Grad request).</summary>
    Lowered,
}

/// <summary>One unit of work in a function's schedule: it reads some kept values and writes others.</summary>
internal abstract class Step
{
    /// <summary>Position in the schedule; names emitted methods.</summary>
    public int Index { get; set; }

    /// <summary>The nodes whose values it writes.</summary>
    public abstract IReadOnlyList<int> Writes { get; }

    /// <summary>The nodes whose values it reads (views already resolved to the values they view).</summary>
    public List<int> Reads { get; } = new();
}

/// <summary>A product of vectors and matrices: one call into <c>Linalg</c>.</summary>
internal sealed class DotStep(int node) : Step
{
    public int Node { get; } = node;

    public override IReadOnlyList<int> Writes => [Node];
}

/// <summary>A DimShuffle that reorders data (a transpose), or an output that views another value: a copy.</summary>
internal sealed class CopyStep(int node) : Step
{
    public int Node { get; } = node;

    public override IReadOnlyList<int> Writes => [Node];
}

/// <summary>The run-time size of a dimension, as an int64 local.</summary>
internal sealed class SizeStep(int node) : Step
{
    public int Node { get; } = node;

    public override IReadOnlyList<int> Writes => [Node];
}

/// <summary>A draw of a random variable from its generator: once per call, before anything reads it.</summary>
internal sealed class DrawStep(int node) : Step
{
    public int Node { get; } = node;

    public override IReadOnlyList<int> Writes => [Node];
}

/// <summary>An op that moves or makes data by a call into a runtime kernel (<see cref="Ops.ICallOp"/>): a slice, a gather, a join, a range.</summary>
internal sealed class CallStep(int node) : Step
{
    public int Node { get; } = node;

    public override IReadOnlyList<int> Writes => [Node];
}
