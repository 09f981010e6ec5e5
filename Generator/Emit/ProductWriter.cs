using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Emit;

/// <summary>A product: one call into <c>Linalg</c>, reading each matrix in memory order whatever its transpose flag.</summary>
internal static class ProductWriter
{
    private const string Linalg = "global::Tensorgen.Linalg";

    public static void Write(EmitPlan plan, SourceWriter w, int id)
    {
        var graph = plan.Graph;
        var node = graph[id];
        int a = node.Inputs[0], b = node.Inputs[1];
        var (tA, tB) = node.Parameters<DotParams>();
        var da = plan.Shapes.NodeDims[a];
        var db = plan.Shapes.NodeDims[b];
        string A = plan.Span(a, null, plan.Size(a)), B = plan.Span(b, null, plan.Size(b));
        if (node.Rank == 0)
        {
            w.Line($"{node.DType.CSharp()} {plan.Value(id).Name} = global::System.Numerics.Tensors.TensorPrimitives.Dot({A}, {B});");
            return;
        }
        string C = plan.Writable(id);
        string D(int dim) => ValueText.Int(plan.Dim(dim));
        switch (graph[a].Rank, graph[b].Rank)
        {
            case (2, 1):
                w.Line($"{Linalg}.{(tA ? "MatTVec" : "MatVec")}({A}, {D(da[0])}, {D(da[1])}, {B}, {C});");
                break;
            case (1, 2):
                w.Line($"{Linalg}.{(tB ? "MatVec" : "MatTVec")}({B}, {D(db[0])}, {D(db[1])}, {A}, {C});");
                break;
            default:
                var dc = plan.Shapes.NodeDims[id];
                w.Line($"{Linalg}.Gemm({A}, {(tA ? "true" : "false")}, {B}, {(tB ? "true" : "false")}, {C}, {D(dc[0])}, {D(dc[1])}, {D(tA ? da[0] : da[1])});");
                break;
        }
    }
}
