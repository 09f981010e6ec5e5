namespace Tensorgen.Generator.Emit;

/// <summary>
/// Writes the updates, all computed from the values before the call (PyTensor's semantics: swaps such as
/// <c>[(a, b), (b, a)]</c> work). Every new value is complete before the first write: values read from
/// another source are copied into the target's next buffer first, then each target takes its value.
/// </summary>
internal static class UpdateWriter
{
    public static void Write(EmitPlan plan, SourceWriter w)
    {
        var f = plan.Function;
        var graph = plan.Graph;
        using (w.Block("if (UpdatesEnabled)"))
        {
            var writes = new System.Collections.Generic.List<string>();
            for (int k = 0; k < f.Updates.Count; k++)
            {
                var update = f.Updates[k];
                string field = plan.Class.SharedFields[update.Shared];
                int id = update.Node;
                var node = graph[id];
                if (node.Rank == 0)
                {
                    writes.Add($"{field}.Store({plan.Operand(id)});");
                }
                else if (plan.HasValue(id) && plan.Value(id) is { Kind: StorageKind.NextBuffer } next && next.Shared == update.Shared)
                {
                    writes.Add($"{field}.CommitNext({plan.Lengths(id)});");
                }
                else if (plan.Steps.UpdateCopies[k] is { } copy)
                {
                    // Another variable's (or an input's) current value: copied now, before anything is written.
                    w.Line($"var {copy} = {field}.NextBuffer({plan.Size(id)});");
                    w.Line($"{plan.Value(id).Name}.Data.CopyTo({copy});");
                    writes.Add($"{field}.CommitNext({plan.Lengths(id)});");
                }
                else
                {
                    writes.Add($"{field}.StoreCopy({plan.Span(id, null, plan.Size(id))}, {plan.Lengths(id)});");
                }
            }
            foreach (var write in writes) w.Line(write);
            // Default updates: each random variable's generator moves on (PyTensor's rng.default_update); one a scan's
            // body draws, only when the function was given the scan's updates.
            for (int i = 0; i < f.Randoms.Count; i++)
                if (Advances(f, i))
                    w.Line($"{plan.Class.RandomFields[i]}.Rng.State = {plan.Steps.Generators[f.Randoms[i].Node]}.BitGenerator.State;");
        }
    }

    /// <summary>Whether a call moves random variable <paramref name="i"/>'s generator on.</summary>
    public static bool Advances(Rewrite.OptimizedFunction f, int i) => f.Randoms[i].Advance switch
    {
        Model.RandomAdvance.Given => true,
        Model.RandomAdvance.Never => false,
        _ => !f.Source.NoDefaultUpdates,
    };
}
