using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Schedule;

// The steps of a round that keeps nothing more: the kernels after merging, and the other ops' steps.
internal sealed partial class Fusion
{
    /// <summary>Products, copies, sizes and draws, in id order.</summary>
    private List<Step> OtherSteps()
    {
        var steps = new List<Step>();
        foreach (var id in _kept.OrderBy(i => i))
        {
            var node = _graph[id];
            Step? step = OpInfo.StepOf(node.Op) switch
            {
                StepKind.Product => new DotStep(id),
                StepKind.Copy => new CopyStep(id),
                StepKind.Size => new SizeStep(id),
                StepKind.Draw => new DrawStep(id),
                StepKind.Call => new CallStep(id),
                StepKind.Fused or StepKind.Reduction => null, // kernels
                var kind => throw new System.InvalidOperationException($"{node.Op} is kept but its step is {kind}"),
            };
            if (step is null) continue;
            if (OpInfo.Structural(node.Op).ReadsBuffers) step.Reads.AddRange(node.Inputs.SelectMany(i => Plan.Reads(_graph, i)).Distinct());
            steps.Add(step);
        }
        return steps;
    }


    /// <summary>The kernels: element-wise ones in the order of their first root, then the reductions.</summary>
    private IEnumerable<Step> Kernels(int[] group)
    {
        var members = new SortedDictionary<int, List<int>>();
        for (int s = 0; s < _rootCount; s++)
        {
            if (!members.TryGetValue(group[s], out var list)) members[group[s]] = list = new List<int>();
            list.Add(s);
        }
        foreach (var seeds in members.Values)
        {
            var body = new SortedSet<int>(seeds.SelectMany(s => _body[s]));
            var leaves = new SortedSet<int>(seeds.SelectMany(s => _leaves[s]).Where(l => !body.Contains(l)));
            var roots = seeds.Select(s => _seedNode[s]).OrderBy(r => r).ToList();
            var dims = _shapes.NodeDims[roots[0]];
            var kernel = new Kernel(roots, body.ToList(), leaves.ToList(), dims, Vectorization.WhyNot(_graph, body, leaves, dims.Length));
            ResolveViews(kernel);
            yield return kernel;
        }
        for (int s = _rootCount; s < _seedNode.Count; s++)
        {
            int id = _seedNode[s];
            int input = _graph[id].Inputs[0];
            var body = _body[s];
            var leaves = _leaves[s].OrderBy(l => l).ToList();
            var kernel = new Kernel([id], body, leaves, _shapes.NodeDims[input],
                Vectorization.WhyNotReduce(_graph, _graph[id], body, leaves), reduction: id, reduced: input);
            ResolveViews(kernel);
            yield return kernel;
        }
    }

    /// <summary>A kernel's reads, views resolved to what they wait for (<see cref="Plan.Reads"/>).</summary>
    private void ResolveViews(Kernel kernel)
    {
        var reads = kernel.Reads.SelectMany(r => Plan.Reads(_graph, r)).Distinct().ToList();
        kernel.Reads.Clear();
        kernel.Reads.AddRange(reads);
    }
}
