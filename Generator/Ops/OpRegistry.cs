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
    private static readonly Dictionary<OpCode, OpDescription> Table = Describe();

    /// <summary>The descriptions, from the element-wise ops' entries (<see cref="ElementwiseOps"/>) and the other ops' classes (<see cref="StructuralOps"/>).</summary>
    private static Dictionary<OpCode, OpDescription> Describe()
    {
        var table = new Dictionary<OpCode, OpDescription>();
        foreach (var e in ElementwiseOps.All) table.Add(e.Op, new(e.Name, e.Arity, OpKind.Elementwise, e.Result, Elementwise: e));
        foreach (var s in StructuralOps.All) table.Add(s.Op, new(s.Name, s.Arity, s.Kind, Structural: s));
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
