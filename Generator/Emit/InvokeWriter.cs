using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Writes a function's <c>Invoke</c>, in an order that keeps failures harmless: check the arguments
/// (null, rank); enter the state the call uses (shared and random variables, borrowed outputs), or be
/// refused; check everything else that could fail — sizes against each other and the shared variables,
/// sizes given by values, static sizes of updates, sizes too large for an array, empty axes of a
/// max or min, the random variables' parameters — before any output buffer is written; bind the
/// run-time sizes; allocate outputs, rent temporaries, take each updated shared variable's next buffer;
/// run the kernels; read the outputs; and only then write the updates, all computed from the values
/// before the call (PyTensor's semantics: swaps such as <c>[(a, b), (b, a)]</c> work).
/// </summary>
internal static class InvokeWriter
{
    /// <summary>How a tensor input is read, said in its parameter's documentation (see <c>TensorArg</c>).</summary>
    private const string TensorInputNote =
        ". Read in place when dense (an array, a span, a tensor or a contiguous slice of one); a strided, transposed or broadcast view is copied once";

    /// <param name="graph">The optimized graph, printed into the method's remarks.</param>
    public static void Write(EmitPlan plan, SourceWriter w, StateGate gate, IReadOnlyList<string> graph)
    {
        var f = plan.Function;
        w.Line("/// <summary>Runs the function" + (f.Updates.Count > 0 ? ", then applies its updates" : "") + ".</summary>");
        w.Line("/// <remarks>");
        w.Line("/// Optimized graph:");
        w.Line("/// <code>");
        foreach (var line in graph) w.Line("/// " + SourceWriter.Xml(line));
        w.Line("/// </code>");
        // DebugPrint(x) in the graph code: x's graph as it was built there.
        foreach (var printed in f.Source.Printed)
        {
            var lines = printed.Split('\n');
            w.Line($"/// DebugPrint of <c>{SourceWriter.Xml(lines[0])}</c>, as built (before rewriting):");
            w.Line("/// <code>");
            foreach (var line in lines.Skip(1)) w.Line("/// " + SourceWriter.Xml(line));
            w.Line("/// </code>");
        }
        w.Line("/// </remarks>");
        foreach (var input in f.Inputs)
            w.Line($"/// <param name=\"{input.Name}\">{SourceWriter.Xml(Signature.Describe(plan.Graph[input.Node]))}{(plan.Graph[input.Node].Rank > 0 ? TensorInputNote : "")}.</param>");
        using (w.Block($"public {Signature.ReturnType(plan.Graph, f.Outputs, f.Outputs.Count > 1)} Invoke({Signature.Parameters(plan.Graph, f.Inputs)})"))
        {
            SizeCheckWriter.Arguments(plan, w);
            gate.WriteCall(w, () => Body(plan, w));
        }
    }

    /// <summary>Everything once the call holds its state: checks, then buffers, then the work.</summary>
    private static void Body(EmitPlan plan, SourceWriter w)
    {
        ProfileWriter.Start(plan, w);
        SizeCheckWriter.Sizes(plan, w);
        Checks(plan, w, 0);
        // A 0-d shared variable is read once, into a local, like a scalar input.
        foreach (var shared in plan.Function.Shared.Where(s => plan.Graph[s.Node].Rank == 0))
            w.Line($"{plan.Graph[shared.Node].DType.CSharp()} {plan.Value(shared.Node).Name} = {plan.Class.SharedFields[plan.SharedIndex[shared.Node]]}.Data[0];");
        ViewOffsets.AtStart(plan, w);
        foreach (var action in plan.Steps.BeforeBuffers) StepWriter.Write(plan, w, action);
        // Sizes computed by the steps above (a slice's length) are bound now: what they allow is checked before any buffer.
        Checks(plan, w, 1);
        var first = plan.Steps.Allocated.Where(id => BufferStage(plan, id) == 1).ToList();
        Allocate(plan, w, first);
        // Buffers of later stages (sized by what a step computes) are rented inside the try, so they start out null.
        var later = plan.Steps.Allocated.Where(id => BufferStage(plan, id) > 1 && plan.Value(id).Kind == StorageKind.Temporary).ToList();
        foreach (var id in later) w.Line($"{plan.Graph[id].DType.CSharp()}[]? {plan.Value(id).Name} = null;");
        var pooled = first.Where(id => plan.Value(id).Kind == StorageKind.Temporary).ToList();
        // (Taking buffers is not a step's time; with none taken there is nothing to leave out.)
        if (first.Count > 0) ProfileWriter.Mark(plan, w);
        if (pooled.Count + later.Count == 0)
        {
            RunAndReturn(plan, w);
            return;
        }
        using (w.Block("try")) RunAndReturn(plan, w);
        using (w.Block("finally"))
        {
            foreach (var id in pooled)
                w.Line($"global::System.Buffers.ArrayPool<{plan.Graph[id].DType.CSharp()}>.Shared.Return({plan.Value(id).Name});");
            foreach (var id in later)
                w.Line($"if ({plan.Value(id).Name} is not null) global::System.Buffers.ArrayPool<{plan.Graph[id].DType.CSharp()}>.Shared.Return({plan.Value(id).Name});");
        }
    }

    /// <summary>The checks of what the sizes of one stage allow, once they are bound.</summary>
    private static void Checks(EmitPlan plan, SourceWriter w, int stage)
    {
        SizeCheckWriter.UpdateSizes(plan, w, stage);
        LimitCheckWriter.ElementCounts(plan, w, stage);
        LimitCheckWriter.EmptyReductions(plan, w, stage);
    }

    private static int BufferStage(EmitPlan plan, int id) => plan.Steps.Stages.BufferStage(plan.Shapes, id);

    /// <summary>
    /// Outputs' arrays (borrowed unless written before a check that could fail), updates' next buffers, pooled
    /// temporaries; a later stage's temporaries are declared before the try and only assigned here.
    /// </summary>
    private static void Allocate(EmitPlan plan, SourceWriter w, IEnumerable<int> buffers, bool declared = false)
    {
        foreach (var id in buffers)
        {
            var value = plan.Value(id);
            string type = plan.Graph[id].DType.CSharp();
            w.Line(value.Kind switch
            {
                StorageKind.Output => $"var {value.Name} = {plan.OutputFields[id]}.Rent({plan.Size(id)}, {Borrow(plan, id)});",
                StorageKind.NextBuffer => $"var {value.Name} = {plan.Class.SharedFields[value.Shared]}.NextBuffer({plan.Size(id)});",
                _ => $"{(declared ? "" : type + "[] ")}{value.Name} = global::System.Buffers.ArrayPool<{type}>.Shared.Rent(checked((int)({plan.Size(id)})));",
            });
        }
    }

    /// <summary>Whether an output's buffer is borrowed this call: <c>borrow</c>, unless a step before the checks end writes it.</summary>
    private static string Borrow(EmitPlan plan, int id) => plan.Steps.Unborrowed.Contains(id) ? "false" : "borrow";

    private static void RunAndReturn(EmitPlan plan, SourceWriter w)
    {
        var after = plan.Steps.AfterBuffers;
        var starts = plan.Steps.Stages.StageStarts;
        for (int k = 0, stage = 1; k <= after.Count; k++)
        {
            // A new stage: the sizes the steps above computed are bound; check what they allow, then take its buffers.
            while (stage - 1 < starts.Count && starts[stage - 1] == k)
            {
                stage++;
                w.Line($"// Stage {stage}: buffers sized by what the steps above computed.");
                Checks(plan, w, stage);
                Allocate(plan, w, plan.Steps.Allocated.Where(id => BufferStage(plan, id) == stage), declared: true);
                ProfileWriter.Mark(plan, w);
            }
            if (k < after.Count) StepWriter.Write(plan, w, after[k]);
        }
        var results = Results(plan);
        if (plan.Steps.WritesUpdates)
        {
            // The results are read before any update is written: an output may be a shared variable's old value.
            for (int i = 0; i < results.Count; i++)
            {
                if (plan.Steps.SavedResults[i] is not { } local) continue;
                w.Line($"var {local} = {results[i]};");
                results[i] = local;
            }
            UpdateWriter.Write(plan, w);
        }
        ProfileWriter.End(plan, w);
        if (results.Count == 1) w.Line($"return {results[0]};");
        else if (results.Count > 1) w.Line($"return ({string.Join(", ", results)});");
    }

    /// <summary>The expression of each output, in order.</summary>
    private static List<string> Results(EmitPlan plan)
    {
        var returned = new HashSet<int>();
        var results = new List<string>();
        foreach (var output in plan.Function.Outputs)
        {
            int id = output.Node;
            var node = plan.Graph[id];
            bool again = !returned.Add(id);
            if (node.IsConstant || node.Rank == 0)
            {
                results.Add(plan.Operand(id));
                continue;
            }
            string v = plan.Value(id).Name;
            if (node.IsSource || again)
            {
                string copy = node.IsSource ? $"{v}.Data.ToArray()" : $"({node.DType.CSharp()}[]){v}.Clone()";
                results.Add($"global::System.Numerics.Tensors.Tensor.Create({copy}, {plan.Lengths(id)})");
                continue;
            }
            results.Add($"{plan.OutputFields[id]}.Wrap({v}, {plan.Lengths(id)}, {Borrow(plan, id)})");
        }
        return results;
    }
}
