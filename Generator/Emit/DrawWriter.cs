using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// A random variable's draw: its generator state is copied into the variable's scratch generator,
/// which draws NumPy's numbers; the advanced state is written back with the updates, if at all.
/// Its parameters are checked by NumPy's rules first, before any output is written.
/// </summary>
internal static class DrawWriter
{
    public static void Draw(EmitPlan plan, SourceWriter w, int id)
    {
        string field = plan.Class.RandomFields[plan.RandomIndex[id]];
        var node = plan.Graph[id];
        string generator = plan.Steps.Generators[id];
        w.Line($"var {generator} = {field}.Scratch;");
        w.Line($"{generator}.BitGenerator.State = {field}.Rng.State;");
        var (method, args) = Call(plan, id);
        if (node.Rank == 0) w.Line($"{node.DType.CSharp()} {plan.Value(id).Name} = {generator}.{method}({string.Join(", ", args)});");
        else w.Line($"{generator}.{method}({string.Join(", ", args.Append(plan.Writable(id)))});");
    }

    /// <summary>NumPy's rules for a draw's parameters.</summary>
    public static void Check(EmitPlan plan, SourceWriter w, int id)
    {
        var random = plan.Function.Randoms[plan.RandomIndex[id]];
        var (method, args) = Call(plan, id);
        w.Line($"global::Tensorgen.DrawCheck.{method}({plan.FunctionName}, {SourceWriter.String(random.Name)}, {string.Join(", ", args)});");
    }

    /// <summary>The generator method a draw calls and its parameters, as C#.</summary>
    private static (string Method, List<string> Args) Call(EmitPlan plan, int id) =>
        RandomOp.Call(plan.Graph[id], RandomOp.Parameters(plan.Graph[id]).Select(plan.Operand));
}
