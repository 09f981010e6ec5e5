using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Emit;

/// <summary>A product: one call into <c>Linalg</c> (<see cref="DotOp.Call"/>), or a dot of two vectors into a local.</summary>
internal static class ProductWriter
{
    public static void Write(EmitPlan plan, SourceWriter w, int id)
    {
        var graph = plan.Graph;
        var node = graph[id];
        int a = node.Inputs[0], b = node.Inputs[1];
        string A = plan.Span(a, null, plan.Size(a)), B = plan.Span(b, null, plan.Size(b));
        if (node.Rank == 0)
        {
            w.Line($"{node.DType.CSharp()} {plan.Value(id).Name} = {DotOp.Inner(A, B)};");
            return;
        }
        var dims = plan.Shapes.NodeDims;
        w.Line(DotOp.Call(node, graph[a].Rank, graph[b].Rank, A, B, plan.Writable(id), dims[a], dims[b], dims[id], dim => ValueText.Int(plan.Dim(dim))));
    }
}
