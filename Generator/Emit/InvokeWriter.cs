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
        SizeCheckWriter.Sizes(plan, w);
        SizeCheckWriter.UpdateSizes(plan, w, computed: false);
        LimitCheckWriter.ElementCounts(plan, w, computed: false);
        LimitCheckWriter.EmptyReductions(plan, w, computed: false);
        // A 0-d shared variable is read once, into a local, like a scalar input.
        foreach (var shared in plan.Function.Shared.Where(s => plan.Graph[s.Node].Rank == 0))
            w.Line($"{plan.Graph[shared.Node].DType.CSharp()} {plan.Value(shared.Node).Name} = {plan.Class.SharedFields[plan.SharedIndex[shared.Node]]}.Data[0];");
        ViewOffsets.AtStart(plan, w);
        foreach (var action in plan.Steps.BeforeBuffers) StepWriter.Write(plan, w, action);
        // Sizes computed by the steps above (a slice's length) are bound now: what they allow is checked before any buffer.
        SizeCheckWriter.UpdateSizes(plan, w, computed: true);
        LimitCheckWriter.ElementCounts(plan, w, computed: true);
        LimitCheckWriter.EmptyReductions(plan, w, computed: true);
        Allocate(plan, w);
        var pooled = plan.Steps.Allocated.Where(id => plan.Value(id).Kind == StorageKind.Temporary).ToList();
        if (pooled.Count == 0)
        {
            RunAndReturn(plan, w);
            return;
        }
        using (w.Block("try")) RunAndReturn(plan, w);
        using (w.Block("finally"))
            foreach (var id in pooled)
                w.Line($"global::System.Buffers.ArrayPool<{plan.Graph[id].DType.CSharp()}>.Shared.Return({plan.Value(id).Name});");
    }

    /// <summary>Outputs' arrays (borrowed unless written before a check that could fail), updates' next buffers, pooled temporaries.</summary>
    private static void Allocate(EmitPlan plan, SourceWriter w)
    {
        foreach (var id in plan.Steps.Allocated)
        {
            var value = plan.Value(id);
            string type = plan.Graph[id].DType.CSharp();
            w.Line(value.Kind switch
            {
                StorageKind.Output => $"var {value.Name} = {plan.OutputFields[id]}.Rent({plan.Size(id)}, {Borrow(plan, id)});",
                StorageKind.NextBuffer => $"var {value.Name} = {plan.Class.SharedFields[value.Shared]}.NextBuffer({plan.Size(id)});",
                _ => $"{type}[] {value.Name} = global::System.Buffers.ArrayPool<{type}>.Shared.Rent(checked((int)({plan.Size(id)})));",
            });
        }
    }

    /// <summary>Whether an output's buffer is borrowed this call: <c>borrow</c>, unless a step before the checks end writes it.</summary>
    private static string Borrow(EmitPlan plan, int id) => plan.Steps.Unborrowed.Contains(id) ? "false" : "borrow";

    private static void RunAndReturn(EmitPlan plan, SourceWriter w)
    {
        foreach (var action in plan.Steps.AfterBuffers) StepWriter.Write(plan, w, action);
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
