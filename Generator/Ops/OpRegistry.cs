using System;
using System.Collections.Generic;
using System.Linq;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// One description per <see cref="OpCode"/>: every stage asks here what an op is rather than keeping a list
/// of its own, and an op without a description is an error when it is asked for, never a silent default
/// (a test checks every op has one).
/// </summary>
internal static class OpRegistry
{
    private static readonly Dictionary<OpCode, OpDescription> Table = WithElementwise(new()
    {
        [OpCode.Input] = new("input", 0, OpKind.Leaf),
        [OpCode.Constant] = new("constant", 0, OpKind.Leaf),
        [OpCode.Shared] = new("shared", 0, OpKind.Leaf),

        [OpCode.Sum] = new("sum", 1, OpKind.Reduction, Reduction: ReductionFacet.Sum),
        [OpCode.Max] = new("max", 1, OpKind.Reduction, Reduction: ReductionFacet.Max),
        [OpCode.Min] = new("min", 1, OpKind.Reduction, Reduction: ReductionFacet.Min),
        [OpCode.Mean] = new("mean", 1, OpKind.Lowered),
        [OpCode.Dot] = new("dot", 2, OpKind.Product),
        [OpCode.DimShuffle] = new("dimshuffle", 1, OpKind.Shuffle),
        [OpCode.DimSize] = new("dimsize", 1, OpKind.Size),
        [OpCode.Random] = new("random", -1, OpKind.Random),
    });

    /// <summary>The element-wise ops' descriptions, from their entries (<see cref="ElementwiseOps"/>).</summary>
    private static Dictionary<OpCode, OpDescription> WithElementwise(Dictionary<OpCode, OpDescription> table)
    {
        foreach (var e in ElementwiseOps.All) table.Add(e.Op, new(e.Name, e.Arity, OpKind.Elementwise, e.Result, Elementwise: e));
        return table;
    }

    /// <summary>The op's description; an op without one is a compiler defect, reported as such.</summary>
    public static OpDescription Of(OpCode op) =>
        Table.TryGetValue(op, out var description) ? description : throw new InvalidOperationException($"the op registry has no description of {op}");

    /// <summary>An element-wise op's entry, with every facet; anything else is a compiler defect, reported as such.</summary>
    public static ElementwiseOp Elementwise(OpCode op)
    {
        var e = Of(op).Elementwise ?? throw new InvalidOperationException($"{op} is not an element-wise op");
        return e.Missing().FirstOrDefault() is { } facet ? throw new InvalidOperationException($"the op registry's entry for {op} has no {facet}") : e;
    }

    /// <summary>The ops described (for the test that every op is).</summary>
    public static IEnumerable<OpCode> Described => Table.Keys;
}
