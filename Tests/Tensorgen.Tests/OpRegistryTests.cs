extern alias generator;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Tensorgen.Tests.Infrastructure;
using Xunit;
using Differentiator = generator::Tensorgen.Generator.Differentiate.Differentiator;
using GDistribution = generator::Tensorgen.Distribution;
using GDType = generator::Tensorgen.DType;
using GraphBuilder = generator::Tensorgen.Generator.Graph.GraphBuilder;
using IAxisReduction = generator::Tensorgen.Generator.Ops.IAxisReduction;
using ReductionOp = generator::Tensorgen.Generator.Ops.ReductionOp;
using ArangeOp = generator::Tensorgen.Generator.Ops.ArangeOp;
using SubtensorOp = generator::Tensorgen.Generator.Ops.SubtensorOp;
using IncSubtensorOp = generator::Tensorgen.Generator.Ops.IncSubtensorOp;
using ReshapeOp = generator::Tensorgen.Generator.Ops.ReshapeOp;
using SpecifyShapeOp = generator::Tensorgen.Generator.Ops.SpecifyShapeOp;
using AllocOp = generator::Tensorgen.Generator.Ops.AllocOp;
using MakeVectorOp = generator::Tensorgen.Generator.Ops.MakeVectorOp;
using DiagonalOp = generator::Tensorgen.Generator.Ops.DiagonalOp;
using DiagonalGradOp = generator::Tensorgen.Generator.Ops.DiagonalGradOp;
using DiagonalParams = generator::Tensorgen.Generator.Ops.DiagonalParams;
using ReshapeSizeOp = generator::Tensorgen.Generator.Ops.ReshapeSizeOp;
using JoinOp = generator::Tensorgen.Generator.Ops.JoinOp;
using AxisSliceOp = generator::Tensorgen.Generator.Ops.AxisSliceOp;
using AxisPadOp = generator::Tensorgen.Generator.Ops.AxisPadOp;
using BatchedMatmulOp = generator::Tensorgen.Generator.Ops.BatchedMatmulOp;
using ScanOp = generator::Tensorgen.Generator.Ops.ScanOp;
using ScanParams = generator::Tensorgen.Generator.Ops.ScanParams;
using ScalarValue = generator::Tensorgen.Generator.Graph.ScalarValue;
using CheckIndexOp = generator::Tensorgen.Generator.Ops.CheckIndexOp;
using NonzeroOp = generator::Tensorgen.Generator.Ops.NonzeroOp;
using AdvancedSubtensorOp = generator::Tensorgen.Generator.Ops.AdvancedSubtensorOp;
using AdvancedIncSubtensorOp = generator::Tensorgen.Generator.Ops.AdvancedIncSubtensorOp;
using ShapeAnalysis = generator::Tensorgen.Generator.Schedule.ShapeAnalysis;
using StepKind = generator::Tensorgen.Generator.Schedule.StepKind;
using StructuralOps = generator::Tensorgen.Generator.Ops.StructuralOps;
using GOp = generator::Tensorgen.OpCode;
using OpKind = generator::Tensorgen.Generator.Ops.OpKind;
using OpRegistry = generator::Tensorgen.Generator.Ops.OpRegistry;
using ResultRule = generator::Tensorgen.Generator.Ops.ResultRule;
// softmax (issue 13)
using SoftmaxOp = generator::Tensorgen.Generator.Ops.SoftmaxOp;
using SoftmaxParams = generator::Tensorgen.Generator.Ops.SoftmaxParams;

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
            Assert.True(d.Kind == OpKind.Elementwise == (d.Elementwise is not null), $"{op}: an element-wise op has its entry, and only one does");
            Assert.True(d.Kind != OpKind.Elementwise == (d.Structural is not null), $"{op}: any other op has its class, and only one does");
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

    [Fact]
    public void Every_op_that_is_not_element_wise_is_a_structural_op_agreeing_with_its_description()
    {
        foreach (var op in Enum.GetValues<GOp>().Where(op => OpRegistry.Of(op).Kind != OpKind.Elementwise))
        {
            var s = StructuralOps.Of(op);
            var d = OpRegistry.Of(op);
            Assert.Equal(op, s.Op);
            Assert.Equal(d.Name, s.Name);
            Assert.Equal(d.Arity, s.Arity);
            Assert.Equal(d.Kind, s.Kind);
            var step = d.Kind switch
            {
                OpKind.Leaf => StepKind.None,
                OpKind.Reduction => StepKind.Reduction,
                OpKind.Product => StepKind.Product,
                OpKind.Shuffle => StepKind.Copy,
                OpKind.Size => StepKind.Size,
                OpKind.Random => StepKind.Draw,
                // A data op is a runtime kernel's call, or a view (copied only when it is an output).
                OpKind.Data => s.Step == StepKind.Copy ? StepKind.Copy : StepKind.Call,
                OpKind.Lowered or OpKind.Request => StepKind.Lowered,
                var kind => throw new InvalidOperationException($"{op}: no step kind expected for {kind}"),
            };
            Assert.True(step == s.Step, $"{op}: step {s.Step}, expected {step}");
            Assert.True((d.Kind == OpKind.Reduction) == (s is ReductionOp), $"{op}: a reduction is a fold, and only one is");
            if (s is ReductionOp fold) Assert.NotNull(fold.Fold);
            Assert.True((d.Kind is OpKind.Reduction or OpKind.Lowered) == (s is IAxisReduction), $"{op}: reductions and the mean take axes");
        }
        Assert.Equal(StructuralOps.All.Count, StructuralOps.All.Select(s => s.Op).Distinct().Count());
        Assert.All(StructuralOps.All, s => Assert.NotEqual(OpKind.Elementwise, OpRegistry.Of(s.Op).Kind));
    }

    /// <summary>Every facet of every structural op answers for a node of it (the mean is lowered when built and a Grad request replaced when differentiating, so no node holds them).</summary>
    /// <summary>A scan body: exp of a step (a float64 vector), one result, not fed back.</summary>
    private static ScanParams ScanOfExp()
    {
        var body = new GraphBuilder();
        int x = body.Input("sequence0", GDType.Float64, [-1], 0);
        int e = body.Ew(GOp.Exp, x);
        static generator::Tensorgen.Generator.Model.EquatableArray<int> Ints(params int[] values) => new(values);
        return new ScanParams(body.Freeze().Nodes, Ints(x), Ints(e), 1, Ints(), 0, Ints(1), Ints(1), false);
    }

    [Fact]
    public void Every_structural_op_has_every_facet()
    {
        var graph = new GraphBuilder();
        int a = graph.Input("a", GDType.Float64, [3, -1], 0);
        int v = graph.Input("v", GDType.Float64, [3], 1);
        int w = graph.Shared("w", GDType.Float64, [-1], 0);
        int c = graph.Constant(ScalarValue.Real(2.0), GDType.Float64, identity: 1);
        int n = graph.DimSize(a, 1);
        int[] made =
        [
            graph.Reduce(GOp.Sum, a, [1], keepdims: false),
            graph.Reduce(GOp.Max, a, [0], keepdims: true),
            graph.Reduce(GOp.Min, a, [0, 1], keepdims: false),
            graph.Dot(a, v, true, false, out _),
            graph.DimShuffle(a, [1, 0]),
            graph.DimShuffle(v, [-1, 0]),
            n,
            graph.Random(GDistribution.Normal, [c, c], [-1], [n], 0),
            graph.Reduce(GOp.Mean, a, [1], keepdims: false),
            // Basic indexing
            SubtensorOp.Instance.Build(graph, a, [0, 2], [graph.Constant(ScalarValue.Integer(1), GDType.Int64), graph.Constant(ScalarValue.Integer(0), GDType.Int64), n]),
            IncSubtensorOp.Instance.Build(graph, a, v, [1], [graph.Constant(ScalarValue.Integer(0), GDType.Int64), graph.Constant(ScalarValue.Integer(3), GDType.Int64)], set: true),
            // Advanced indexing
            CheckIndexOp.Instance.Build(graph, graph.Convert(v, GDType.Int64), a, 0),
            NonzeroOp.Instance.Build(graph, graph.Ew(GOp.Gt, v, c), a, 0),
            AdvancedSubtensorOp.Instance.Build(graph, a, CheckIndexOp.Instance.Build(graph, graph.Convert(v, GDType.Int64), a, 0), 0, 1),
            AdvancedIncSubtensorOp.Instance.Build(graph, a, v, CheckIndexOp.Instance.Build(graph, graph.Convert(v, GDType.Int64), a, 1), 1, 1, set: true),
            // Shapes and constructors
            ArangeOp.Instance.Build(graph, graph.Constant(ScalarValue.Integer(0), GDType.Int64), n, graph.Constant(ScalarValue.Integer(2), GDType.Int64), GDType.Int64, out _),
            ReshapeOp.Instance.Build(graph, a, [graph.Constant(ScalarValue.Integer(3), GDType.Int64),
                ReshapeSizeOp.Instance.Build(graph, a, [graph.Constant(ScalarValue.Integer(3), GDType.Int64), graph.Constant(ScalarValue.Integer(-1), GDType.Int64)], 1)], [3, -1]),
            SpecifyShapeOp.Instance.Build(graph, a, [-1, 4]),
            AllocOp.Instance.Build(graph, c, [n, graph.Constant(ScalarValue.Integer(2), GDType.Int64)]),
            MakeVectorOp.Instance.Build(graph, [n, n]),
            DiagonalOp.Instance.Build(graph, a, new DiagonalParams(1, 0, 1)),
            DiagonalGradOp.Instance.Build(graph, a, v, new DiagonalParams(0, 1, 0)),
            // Joins
            JoinOp.Instance.Build(graph, [a, a], 0, out _),
            AxisSliceOp.Instance.Build(graph, a, graph.Constant(ScalarValue.Integer(1), GDType.Int64), n, graph.Ew(GOp.Add, n, n), 1),
            AxisPadOp.Instance.Build(graph, a, n, graph.Ew(GOp.Add, n, n), 1),
            // Products
            BatchedMatmulOp.Instance.Build(graph, graph.DimShuffle(a, [-1, 0, 1]), graph.DimShuffle(a, [-1, 1, 0]), false, false, out _),
            // reductions (issue 13)
            graph.Reduce(GOp.Prod, a, [1], keepdims: false),
            graph.Reduce(GOp.All, a, [0], keepdims: true),
            graph.Reduce(GOp.Any, a, [0, 1], keepdims: false),
            generator::Tensorgen.Generator.Ops.ArgExtremumOp.Argmax.Build(graph, a, [1], keepdims: false),
            generator::Tensorgen.Generator.Ops.ArgExtremumOp.Argmin.Build(graph, a, [0, 1], keepdims: true),
            generator::Tensorgen.Generator.Ops.CumOp.Sum.Build(graph, a, 1),
            generator::Tensorgen.Generator.Ops.CumOp.Product.Build(graph, a, 0, reverse: true),
            // softmax (issue 13)
            SoftmaxOp.Softmax.Build(graph, a, new SoftmaxParams(1, 1, false, false)),
            SoftmaxOp.LogSoftmax.Build(graph, a, new SoftmaxParams(0, 1, true, false)),
            SoftmaxOp.LogSumExp.Build(graph, a, new SoftmaxParams(0, 0, false, true)),
            // loops (issue 15): exp of each column of a (a's rows as the steps)
            ScanOp.Instance.Build(graph, graph.DimSize(a, 0), [a], ScanOfExp()),
            generator::Tensorgen.Generator.Ops.ScanLengthOp.Instance.Build(graph, graph.Count - 1),
        ];
        int cost = graph.Reduce(GOp.Sum, graph.Ew(GOp.Mul, graph.Convert(made[7], GDType.Float64), made[0]), [0], keepdims: false);
        var frozen = graph.Freeze();
        var shapes = ShapeAnalysis.Run(frozen, [a, v, w]);

        var seen = new HashSet<GOp>();
        for (int id = 0; id < frozen.Count; id++)
        {
            var node = frozen[id];
            if (OpRegistry.Of(node.Op).Kind == OpKind.Elementwise) continue;
            var s = StructuralOps.Of(node.Op);
            seen.Add(node.Op);
            var operands = node.Inputs.Select(i => frozen[i]).ToList();
            Assert.Equal(node.Shape, s.StaticShape(node, operands));
            Assert.Equal(shapes.NodeDims[id].Length, node.Rank);
            Assert.False(string.IsNullOrEmpty(s.PrintedName(node)));
            Assert.NotNull(s.PrintedParameters(node));
            for (int k = 0; k < node.Inputs.Count; k++) Assert.StartsWith("x", s.PrintedOperand(node, k, "x"));
            _ = s.IsView(node);
            _ = s.ReadsBuffers;
            _ = s.OwnIdentity;
            _ = s.Disconnected;
            for (int k = 0; k < node.Inputs.Count; k++) _ = s.ReadsValue(k);
            Assert.Equal(node.Inputs.Count, s.Pullback(graph, id, graph.Ew(GOp.Second, id, graph.Scalar(1, node.DType))).Length);
        }
        var expected = StructuralOps.All.Select(s => s.Op).Where(op => OpRegistry.Of(op).Kind is not (OpKind.Lowered or OpKind.Request));
        Assert.Empty(expected.Except(seen));
        Assert.DoesNotContain(GOp.Mean, seen);
        Assert.NotEmpty(Differentiator.Grad(graph, cost, [a], new HashSet<int>()));
    }

    /// <summary>
    /// The stages ask the registry what an op is; none lists ops in a <c>switch</c> or an <c>is</c> pattern of its
    /// own: the graph, shape analysis and scheduling, differentiation, rewriting, and the emitters.
    /// </summary>
    [Theory]
    [InlineData("Generator/Graph")]
    [InlineData("Generator/Schedule")]
    [InlineData("Generator/Differentiate")]
    [InlineData("Generator/Emit")]
    [InlineData("Generator/Rewrite")]
    public void A_stage_does_not_switch_over_op_codes(string folder)
    {
        var patterns = new[] { @"case\s+OpCode\.", @"\bis\s+(not\s+)?\(?\s*OpCode\.", @"\{\s*Op:\s*OpCode\.", @"OpCode\.\w+\s*(when\b[^=]*)?=>", @"\.Op\s*switch", @"\bop\s+switch" };
        var files = System.IO.Directory.GetFiles(Repo.File(folder), "*.cs", System.IO.SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = System.IO.File.ReadAllText(file);
            foreach (var pattern in patterns)
            {
                var match = Regex.Match(text, pattern);
                Assert.False(match.Success, $"{System.IO.Path.GetFileName(file)}: '{match.Value}' decides by op code; ask the op registry instead");
            }
        }
    }

    /// <summary>
    /// A <c>switch</c> or an <c>is</c> pattern over <see cref="GOp"/> anywhere in Generator/ outside Ops/ is a list of
    /// ops kept somewhere else than the registry: a new op would be missed there. (Comparing one op with <c>==</c> is not.)
    /// </summary>
    [Fact]
    public void No_switch_over_ops_outside_the_registry()
    {
        var overOps = new Regex(@"case OpCode\.|OpCode\.\w+\s*=>|\bis\s+(not\s+)?\(?\s*OpCode\.|\bor\s+OpCode\.|\{\s*Op:\s*OpCode\.|\.Op\s+switch|\bop\s+switch");
        var found = Directory.EnumerateFiles(Repo.File("Generator"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("Generator/Ops/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(Repo.File(f)).Select((line, i) => (f, i, line)))
            .Where(x => overOps.IsMatch(x.line))
            .Select(x => $"{x.f}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "switches or patterns over OpCode outside Generator/Ops/:\n" + string.Join("\n", found));
    }
}
