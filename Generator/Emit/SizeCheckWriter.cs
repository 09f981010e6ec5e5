using System.Linq;

namespace Tensorgen.Generator.Emit;

// The checks of Invoke: everything that can make a call fail is tested before any output buffer is
// written (and, but for random parameters computed from tensors, before any buffer is taken), so a
// call that throws leaves shared variables, generators and borrowed outputs exactly as they were.
// Messages name the function, the inputs (a shared variable by the name it was given) and the shapes.

/// <summary>The checks of arguments and sizes, and the binding of every run-time size.</summary>
internal static class SizeCheckWriter
{
    /// <summary>Null and rank of each tensor argument: these need no state.</summary>
    public static void Arguments(EmitPlan plan, SourceWriter w)
    {
        string function = plan.FunctionName;
        foreach (var input in plan.Function.Inputs)
        {
            var node = plan.Graph[input.Node];
            if (node.Rank == 0) continue;
            string p = plan.Value(input.Node).Name, name = SourceWriter.String(input.Name);
            w.Line($"if ({p}.IsNull) global::Tensorgen.Check.ThrowNull({function}, {name});");
            w.Line($"if ({p}.IsTooLarge) global::Tensorgen.Check.ThrowTooLarge({function}, {name}, {p}.ShapeText());");
            w.Line($"if ({p}.Rank != {node.Rank}) global::Tensorgen.Check.ThrowRank({function}, {name}, {p}.Rank, {node.Rank}, {p}.ShapeText());");
        }
    }

    /// <summary>Binds every run-time size read from a source, and checks the sources (inputs, shared variables, sizes given by values) agree on them.</summary>
    public static void Sizes(EmitPlan plan, SourceWriter w)
    {
        var shapes = plan.Shapes;
        foreach (var dim in shapes.Dims)
            if (!dim.IsStatic && !dim.Computed && (dim.Input >= 0 || dim.Value >= 0)) Bind(plan, w, dim);
        foreach (var check in shapes.Checks)
            if (!shapes.IsComputed(check)) Check(plan, w, check);
    }

    /// <summary>The sizes a step's values give, bound right after it, and the checks of computed values that can then run.</summary>
    public static void AfterStep(EmitPlan plan, SourceWriter w, Schedule.Step step)
    {
        if (!plan.Steps.SizesAfter.TryGetValue(step.Index, out var sizes)) return;
        foreach (var dim in sizes.Dims) Bind(plan, w, plan.Shapes.Dims[dim]);
        foreach (var check in sizes.Checks) Check(plan, w, check);
    }

    private static void Bind(EmitPlan plan, SourceWriter w, Schedule.Dim dim) => w.Line(dim.Input >= 0
        ? $"nint {plan.Dim(dim.Index)} = {Source(plan, dim.Input)}.Length({dim.Axis});"
        : $"nint {plan.Dim(dim.Index)} = global::Tensorgen.Check.Size({plan.FunctionName}, {SizeName(plan, dim.Value)}, {ScalarSource(plan, dim.Value)});");

    private static void Check(EmitPlan plan, SourceWriter w, Schedule.DimCheck check)
    {
        string function = plan.FunctionName;
        var dim = plan.Shapes.Dims[check.Dim];
        if (check.Value >= 0 && !plan.Graph[check.Value].IsSource && dim.Input >= 0)
        {
            string computed = plan.Value(check.Value).Name;
            w.Line($"if ({computed} != {plan.Dim(dim.Index)}) global::Tensorgen.Check.ThrowComputedSize({function}, {SourceWriter.String(ComputedWhat(plan, check.Value))}, {computed}, " +
                $"{SourceName(plan, dim.Input)}, {Source(plan, dim.Input)}.ShapeText(), {dim.Axis}, {plan.Dim(dim.Index)});");
            return;
        }
        if (check.Value >= 0)
        {
            string value = ScalarSource(plan, check.Value);
            w.Line($"if ({value} != {plan.Dim(dim.Index)}) global::Tensorgen.Check.ThrowSize({function}, {SizeName(plan, check.Value)}, {value}, {plan.Dim(dim.Index)});");
            return;
        }
        string p = Source(plan, check.Input);
        if (dim.IsStatic)
        {
            w.Line($"if ({p}.Length({check.Axis}) != {dim.Static}) global::Tensorgen.Check.ThrowStaticSize({function}, {SourceName(plan, check.Input)}, {check.Axis}, {dim.Static}, {p}.ShapeText());");
            return;
        }
        string n = plan.Dim(dim.Index);
        w.Line($"if ({p}.Length({check.Axis}) != {n}) global::Tensorgen.Check.ThrowMismatch({function}, " +
            $"{SourceName(plan, check.Input)}, {p}.ShapeText(), {check.Axis}, {p}.Length({check.Axis}), {SourceName(plan, dim.Input)}, {Source(plan, dim.Input)}.ShapeText(), {n});");
    }

    /// <summary>A shared variable with a static size keeps it: an update of another size fails here, before any work.</summary>
    /// <param name="stage">Only the updates whose sizes are bound in this stage (<see cref="SizeStages"/>), checked once they are.</param>
    public static void UpdateSizes(EmitPlan plan, SourceWriter w, int stage)
    {
        var f = plan.Function;
        foreach (var update in f.Updates)
        {
            var target = plan.Graph[f.Shared[update.Shared].Node];
            if (plan.StageOf(update.Node) != stage) continue;
            var dims = plan.Shapes.NodeDims[update.Node];
            for (int d = 0; d < target.Rank; d++)
            {
                int size = target.Shape[d];
                var dim = plan.Shapes.Dims[dims[d]];
                if (size < 0 || (dim.IsStatic && dim.Static == size)) continue;
                w.Line($"if (UpdatesEnabled && {plan.Dim(dim.Index)} != {size}) global::Tensorgen.Check.ThrowUpdateSize({plan.FunctionName}, {NameOf(plan, f.Shared[update.Shared].Node)}, {d}, {size}, {plan.Dim(dim.Index)});");
            }
        }
    }

    /// <summary>The name of a value giving a size, as a C# string expression: a source's own, or a computed size in words.</summary>
    public static string SizeName(EmitPlan plan, int value) =>
        plan.Graph[value].IsSource ? NameOf(plan, value) : SourceWriter.String(ComputedWhat(plan, value));

    /// <summary>A computed size in words, after the first op that takes it as a size: "a size of the arange".</summary>
    private static string ComputedWhat(EmitPlan plan, int value)
    {
        for (int id = value + 1; id < plan.Graph.Count; id++)
        {
            var node = plan.Graph[id];
            if (!Graph.OpInfo.IsElementwise(node.Op) && node.Inputs.Contains(value)) return $"a size of the {Graph.OpInfo.PrintedName(node)}";
        }
        return "a size computed in the call";
    }

    /// <summary>A source's name as a C# expression: an input's, or the name a shared variable was given (else its member's).</summary>
    public static string SourceName(EmitPlan plan, int source) => NameOf(plan, plan.Sources[source]);

    public static string NameOf(EmitPlan plan, int node)
    {
        if (!plan.Graph[node].IsShared) return SourceWriter.String(plan.Display[node]);
        int s = plan.SharedIndex[node];
        return $"global::Tensorgen.Check.Name({plan.Class.SharedFields[s]}, {SourceWriter.String(plan.Function.Source.Shared[s].Member.Name)})";
    }

    /// <summary>C# for the text <c>{prefix}'{name}'{suffix}</c>, where <paramref name="name"/> is a C# string expression: one literal when it is one.</summary>
    public static string Quoted(string prefix, string name, string suffix) => name.StartsWith("\"", System.StringComparison.Ordinal)
        ? SourceWriter.String(prefix + "'" + name.Substring(1, name.Length - 2) + "'" + suffix)
        : $"{SourceWriter.String(prefix + "'")} + {name} + {SourceWriter.String("'" + suffix)}";

    /// <summary>A tensor source (by its index among the sources): an argument or a shared variable's field.</summary>
    public static string Source(EmitPlan plan, int source) => SourceValue(plan, plan.Sources[source]);

    /// <summary>The value of a 0-d input or shared variable, before the shared ones are read into locals.</summary>
    private static string ScalarSource(EmitPlan plan, int node) => plan.Graph[node].IsShared && plan.Graph[node].IsSource ? $"{SourceValue(plan, node)}.Data[0]" : plan.Value(node).Name;

    private static string SourceValue(EmitPlan plan, int node) =>
        plan.Graph[node].IsShared ? plan.Class.SharedFields[plan.SharedIndex[node]] : plan.Value(node).Name;
}
