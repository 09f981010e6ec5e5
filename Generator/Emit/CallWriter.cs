using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Emit;

/// <summary>A step that calls a runtime kernel: the op writes the call (<see cref="ICallOp"/>).</summary>
internal static class CallWriter
{
    public static void Write(EmitPlan plan, SourceWriter w, int id)
    {
        var op = OpInfo.Structural(plan.Graph[id].Op) as ICallOp
            ?? throw new System.InvalidOperationException($"{plan.Graph[id].Op} is scheduled as a call but writes none");
        op.Write(new CallSite(plan, w, id));
    }
}
