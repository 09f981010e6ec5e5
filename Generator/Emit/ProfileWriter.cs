using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// PyTensor's <c>profile=True</c> in the generated <c>Invoke</c>: the function's profile is read once per call, and
/// after each step one branch on it records the step's time, the bytes it read and wrote, and what it allocated.
/// With profiling off that branch is all a step pays: the byte counts are computed inside it. A function compiled
/// with <c>[TensorFunction(Profiling = false)]</c>, and a scan's body, have none of it.
/// </summary>
internal static class ProfileWriter
{
    /// <summary>The call's start, once the call holds its state: the profile, or null when profiling is off. (The checks that follow count in the first step's time.)</summary>
    public static void Start(EmitPlan plan, SourceWriter w)
    {
        if (plan.Steps.Profile is not { } profile) return;
        w.Line($"var {profile} = Profile;");
        w.Line($"if ({profile} is not null) {profile}.Begin();");
    }

    /// <summary>Checks or buffers taken since the last step: the next step's time starts after them.</summary>
    public static void Mark(EmitPlan plan, SourceWriter w)
    {
        if (plan.Steps.Profile is { } profile) w.Line($"if ({profile} is not null) {profile}.Mark();");
    }

    /// <summary>A step ran: its time since the last mark, and the bytes of what it read and wrote.</summary>
    public static void AfterStep(EmitPlan plan, SourceWriter w, Step step)
    {
        if (plan.Steps.Profile is not { } profile) return;
        // A sweep's three steps run as one, at its first: the first's time is theirs.
        if (plan.Schedule.SweepOf(step) is { } sweep && step != sweep.Forward) return;
        w.Line($"if ({profile} is not null) {profile}.Step({step.Index.ToString(CultureInfo.InvariantCulture)}, {Bytes(plan, step.Reads)}, {Bytes(plan, step.Writes)});");
    }

    /// <summary>The call ends, its results made.</summary>
    public static void End(EmitPlan plan, SourceWriter w)
    {
        if (plan.Steps.Profile is { } profile) w.Line($"if ({profile} is not null) {profile}.End();");
    }

    /// <summary>The bytes of some values: each one's element count times its element's size.</summary>
    private static string Bytes(EmitPlan plan, IEnumerable<int> values)
    {
        var terms = values.Distinct().Where(id => !plan.Graph[id].IsConstant)
            .Select(id => $"(long)({plan.Size(id)}) * {plan.Graph[id].DType.Size().ToString(CultureInfo.InvariantCulture)}").ToList();
        return terms.Count == 0 ? "0" : string.Join(" + ", terms);
    }
}
