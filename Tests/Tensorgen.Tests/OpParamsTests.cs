extern alias generator;
using System.Linq;
using Xunit;
using DotParams = generator::Tensorgen.Generator.Graph.DotParams;
using GDType = generator::Tensorgen.DType;
using GOp = generator::Tensorgen.OpCode;
using GraphBuilder = generator::Tensorgen.Generator.Graph.GraphBuilder;
using ReduceParams = generator::Tensorgen.Generator.Graph.ReduceParams;
using ShuffleParams = generator::Tensorgen.Generator.Graph.ShuffleParams;

namespace Tensorgen.Tests;

/// <summary>Typed op parameters: equal parameters make one node (hash-consing), different ones keep nodes apart.</summary>
public sealed class OpParamsTests
{
    [Fact]
    public void Equal_parameters_are_one_node_and_different_ones_are_not()
    {
        var graph = new GraphBuilder();
        int a = graph.Input("a", GDType.Float64, [3, 3], 0);

        int sum = graph.Reduce(GOp.Sum, a, [0], keepdims: false);
        Assert.Equal(sum, graph.Reduce(GOp.Sum, a, [0], keepdims: false));
        Assert.NotEqual(sum, graph.Reduce(GOp.Sum, a, [0], keepdims: true));
        Assert.NotEqual(sum, graph.Reduce(GOp.Sum, a, [1], keepdims: false));
        Assert.Equal([0], graph[sum].Parameters<ReduceParams>().Axes.ToArray());

        int product = graph.Dot(a, a, true, false, out _);
        Assert.Equal(product, graph.Dot(a, a, true, false, out _));
        Assert.NotEqual(product, graph.Dot(a, a, false, true, out _));
        Assert.Equal(new DotParams(true, false), graph[product].Params);

        int transpose = graph.DimShuffle(a, [1, 0]);
        Assert.Equal(transpose, graph.DimShuffle(a, [1, 0]));
        Assert.True(graph[transpose].Parameters<ShuffleParams>().IsTranspose);
        Assert.False(graph[transpose].Parameters<ShuffleParams>().IsView);
        Assert.True(graph[graph.DimShuffle(a, [-1, 0, 1])].Parameters<ShuffleParams>().IsView);
    }

    [Fact]
    public void A_constant_of_its_own_stays_apart_from_an_equal_literal()
    {
        var graph = new GraphBuilder();
        int literal = graph.Constant(2.0, GDType.Float64);
        int own = graph.Constant(generator::Tensorgen.Generator.Graph.ScalarValue.Real(2.0), GDType.Float64, identity: 1);
        Assert.NotEqual(literal, own);
        Assert.Equal(own, graph.Constant(generator::Tensorgen.Generator.Graph.ScalarValue.Real(2.0), GDType.Float64, identity: 1));
        Assert.Null(graph[literal].Params);
    }
}
