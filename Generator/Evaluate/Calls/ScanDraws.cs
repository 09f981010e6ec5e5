using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Evaluate;

/// <summary>
/// Random variables a scan's body draws from a stream (<c>Srng.Normal(0, 1, size: [3])</c>). PyTensor draws them anew
/// at each step, each step's draw going on from the generator state the step before left; NumPy's distributions
/// draw element after element, so n steps of size S are the draws of one variable of size (n, S). That variable is
/// drawn once, before the loop, and read by the body as one more sequence: no generator in the loop, and the body
/// stays a graph like any other (fused, vectorized as a map, differentiated: a draw has no gradient). A variable
/// made outside the body, or a member first read in it, is a value of the call, the same at every step, as in PyTensor.
/// </summary>
internal static class ScanDraws
{
    /// <summary>
    /// Each stream variable drawn in the body (random variables from <paramref name="firstRandom"/> on) made a draw
    /// of size (steps, ...) and the sequence the body reads it from, in the steps' order (reversed for a backwards
    /// scan, whose step t reads element steps - 1 - t); or null, reported, when one cannot be.
    /// </summary>
    /// <param name="outer">Per placeholder, the outer value whose sizes a step's value has (a sequence's from its second axis
    /// on, a state's), or -1: a draw sized as a step's value (<c>size: v.Shape</c>) is sized as that value.</param>
    public static List<(int Draw, int Sequence)>? Hoist(ApiCall call, int firstRandom, IReadOnlyList<int> placeholders, IReadOnlyList<(int Node, int FirstAxis)> outer,
        int steps, bool backwards, bool stops)
    {
        var g = call.Graph;
        var randoms = call.Evaluator.RandomVariables;
        var hoisted = new List<(int, int)>();
        if (randoms.Count == firstRandom) return hoisted;
        var variant = ScanBody.Variant(g, placeholders);
        for (int r = firstRandom; r < randoms.Count; r++)
        {
            var declaration = randoms[r];
            if (declaration.Member is not null) continue;
            var draw = g[declaration.Node];
            if (stops)
            {
                call.Error(Diagnostics.ScanUnsupported, "the body of a scan that stops early (Until) draws random numbers, which is not supported yet", "fn");
                return null;
            }
            var p = draw.Parameters<RandomParams>();
            var parameters = RandomOp.Parameters(draw).ToArray();
            // Each dimension: the number of steps, then the draw's own sizes (a step value's dimension read as the outer value's).
            var size = new[] { g[steps].IsConstant ? (int)g[steps].Value.Long : -1 }.Concat(draw.Shape).ToArray();
            var sizeNodes = new[] { g[steps].IsConstant ? -1 : steps }.Concat(Enumerable.Range(0, draw.Rank).Select(d => p.SizeInput(d) >= 0 ? OuterSize(g, draw.Inputs[p.SizeInput(d)], placeholders, outer) : -1)).ToArray();
            if (parameters.Any(variant.Contains) || sizeNodes.Any(variant.Contains))
            {
                call.Error(Diagnostics.ScanUnsupported, $"the body draws a {declaration.Distribution.ToString().ToLowerInvariant()} variable whose parameters or size change from step to step, which a scan does not support yet (a draw of fixed parameters, shifted or scaled by the step's values, does the same for most distributions)", "fn");
                return null;
            }
            int all = g.Random(declaration.Distribution, parameters, size, sizeNodes, p.Index);
            randoms[r] = declaration with { Node = all, InLoop = true };
            int Int(long v) => g.Constant(ScalarValue.Integer(v), DType.Int64);
            int sequence = backwards ? SubtensorOp.Instance.Build(g, all, [-1], [g.Ew(OpCode.Sub, steps, Int(1)), steps]) : all;
            hoisted.Add((declaration.Node, sequence));
        }
        return hoisted;
    }

    /// <summary>A size that is a step value's dimension (<c>v.Shape[0]</c>) as the outer value's; any other as it is.</summary>
    private static int OuterSize(GraphBuilder g, int size, IReadOnlyList<int> placeholders, IReadOnlyList<(int Node, int FirstAxis)> outer)
    {
        var node = g[size];
        if (node.Op != OpCode.DimSize) return size;
        int k = 0;
        while (k < placeholders.Count && placeholders[k] != node.Inputs[0]) k++;
        if (k < 0 || k >= outer.Count || outer[k].Node < 0) return size;
        return g.DimSize(outer[k].Node, outer[k].FirstAxis + node.Parameters<DimSizeParams>().Axis);
    }
}
