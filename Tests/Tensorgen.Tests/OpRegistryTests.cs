extern alias generator;
using System;
using System.Linq;
using Xunit;
using GOp = generator::Tensorgen.OpCode;
using OpKind = generator::Tensorgen.Generator.Ops.OpKind;
using OpRegistry = generator::Tensorgen.Generator.Ops.OpRegistry;
using ResultRule = generator::Tensorgen.Generator.Ops.ResultRule;

namespace Tensorgen.Tests;

/// <summary>Every op has exactly one description, with every facet its kind needs, and nothing falls back to a default.</summary>
public sealed class OpRegistryTests
{
    [Fact]
    public void Every_op_is_described()
    {
        var missing = Enum.GetValues<GOp>().Except(OpRegistry.Described).ToList();
        Assert.True(missing.Count == 0, "ops without a description: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_description_has_the_facets_of_its_kind()
    {
        foreach (var op in Enum.GetValues<GOp>())
        {
            var d = OpRegistry.Of(op);
            Assert.False(string.IsNullOrEmpty(d.Name), $"{op}: no printed name");
            Assert.True(d.Kind == OpKind.Elementwise == (d.Result != ResultRule.OwnRule), $"{op}: an element-wise op needs a result rule, and only one does");
            Assert.True(d.Kind == OpKind.Reduction == (d.Reduction is not null), $"{op}: a reduction needs its fold, and only one has it");
            Assert.True(d.Kind == OpKind.Leaf == (d.Arity == 0), $"{op}: only leaves have no operands");
        }
    }

    [Fact]
    public void Every_elementwise_op_has_every_facet()
    {
        foreach (var op in Enum.GetValues<GOp>().Where(op => OpRegistry.Of(op).Kind == OpKind.Elementwise))
        {
            var e = OpRegistry.Of(op).Elementwise;
            Assert.True(e is not null, $"{op}: an element-wise op without its entry");
            Assert.Equal(op, e!.Op);
            Assert.Empty(e.Missing());
            Assert.Same(e, OpRegistry.Elementwise(op));
            Assert.InRange(e.ValueOperand, 0, e.Arity - 1);
        }
    }

    [Fact]
    public void Only_elementwise_ops_have_an_entry()
    {
        foreach (var op in Enum.GetValues<GOp>().Where(op => OpRegistry.Of(op).Kind != OpKind.Elementwise))
        {
            Assert.Null(OpRegistry.Of(op).Elementwise);
            Assert.Throws<InvalidOperationException>(() => OpRegistry.Elementwise(op));
        }
    }

    [Fact]
    public void Printed_names_are_distinct()
    {
        var repeated = Enum.GetValues<GOp>().GroupBy(op => OpRegistry.Of(op).Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
    }

    [Fact]
    public void An_op_only_the_evaluator_lowers_is_not_fused()
    {
        // Mean was "element-wise" by default: IsElementwise listed what was not.
        Assert.False(generator::Tensorgen.Generator.Graph.OpInfo.IsElementwise(GOp.Mean));
        Assert.Equal(OpKind.Lowered, OpRegistry.Of(GOp.Mean).Kind);
    }
}
