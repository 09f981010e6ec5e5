using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// Writes one generated file: the <c>{Method}Function</c> class nested in the user's partial type.
/// It holds the shared variables it is bound to (checked against the types the code was compiled
/// for), offers <c>Copy</c>, a typed <c>Invoke</c> with the optimized graph in its remarks, and the kernels.
/// Every name and buffer is decided first, in an <see cref="EmitPlan"/>; the writers only read it.
/// </summary>
internal static class FunctionEmitter
{
    /// <summary>The generator's version (from Directory.Build.props, through the assembly), for [GeneratedCode].</summary>
    public static readonly string Version = typeof(FunctionEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Emit(Plan schedule, int maxLength = 0)
    {
        var w = new SourceWriter(maxLength);
        return Wrap(schedule.Function.Source, w, () => WriteClass(w, schedule));
    }

    /// <summary>The compiled function's class: a function's, or a scan body's nested in it.</summary>
    public static void WriteClass(SourceWriter w, Plan schedule)
    {
        var plan = EmitPlanner.Build(schedule);
        var f = plan.Function;
        var graph = plan.Graph;
        var lines = GraphPrinter.Lines(f);
        {
            w.Line($"/// <summary>Compiled from <c>{f.Source.MethodName}()</c>: {Summary(graph, f)}.</summary>");
            ClassWriter.Write(w, plan.Class, () =>
            {
                foreach (var pair in plan.OutputFields.OrderBy(p => p.Value, System.StringComparer.Ordinal))
                    w.Line($"private global::Tensorgen.OutputBuffer<{graph[pair.Key].DType.CSharp()}> {pair.Value};");
                if (plan.OutputFields.Count > 0) w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"public override string Graph => {SourceWriter.String(string.Join("\n", lines))};");
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"protected override string GraphData => {SourceWriter.String(GraphViewWriter.Data(schedule))};");
                w.Line();
                if (!f.Source.Profiled)
                {
                    w.Line("/// <inheritdoc/>");
                    w.Line("protected override bool CanProfile => false;");
                    w.Line();
                }
                var gate = new StateGate(plan.Class, borrows: plan.OutputFields.Count > 0);
                InvokeWriter.Write(plan, w, gate, lines);
                gate.WriteMethods(w);
                foreach (var kernel in schedule.Kernels.Where(k => !KernelEmitter.IsInlined(k)))
                {
                    w.Line();
                    var names = plan.Kernels[kernel.Index];
                    if (kernel.Rank == 0 && !kernel.IsReduction) KernelEmitter.EmitScalar(w, graph, kernel, names.Names);
                    else KernelEmitter.Emit(w, graph, kernel, names.Layout, names.Names);
                    if (CoreSplit.Applies(plan, kernel))
                    {
                        w.Line();
                        CoreSplit.Job(w, graph, kernel, names.Layout, names.Names);
                    }
                    if (FoldSplit.Applies(plan, kernel))
                    {
                        w.Line();
                        FoldSplit.Job(w, graph, kernel, names.Layout, names.Names);
                    }
                }
                ScanWriter.WriteBodies(w, plan);
            });
        }
    }

    /// <summary>The class for a function that failed to compile: same shape where known, an Invoke that throws.</summary>
    /// <param name="id">The diagnostic reported for the failure: TG9999, or TG0109 for a limit.</param>
    public static string EmitFailure(FunctionSpec spec, string message, string id = "TG9999")
    {
        var w = new SourceWriter();
        string text = $"Tensorgen failed on '{spec.MethodName}': {message}";
        return Wrap(spec, w, () =>
        {
            w.Line($"/// <summary>Compiling <c>{spec.MethodName}()</c> failed ({id}); calling it throws.</summary>");
            ClassWriter.Write(w, ClassPlan.Of(spec, Enumerable.Empty<int>()), () =>
            {
                w.Line("/// <inheritdoc/>");
                w.Line("public override string Graph => \"\";");
                w.Line();
                w.Line($"/// <summary>Throws: {SourceWriter.Xml(text)}</summary>");
                if (spec.Inputs.Count + spec.Outputs.Count > 0)
                {
                    var ret = Signature.ReturnType(spec.Graph, spec.Outputs, spec.Outputs.Count > 1);
                    w.Line($"public {ret} Invoke({Signature.Parameters(spec.Graph, spec.Inputs)}) =>");
                }
                else
                {
                    w.Line("public object Invoke(params object?[] arguments) =>");
                }
                w.Line($"    throw new global::System.InvalidOperationException({SourceWriter.String(text)});");
            });
        });
    }

    private static string Wrap(FunctionSpec spec, SourceWriter w, System.Action body)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by Tensorgen from the [TensorFunction] method " + spec.DisplayName + ". Do not edit.");
        w.Line("#nullable enable");
        w.Line();
        var scopes = new List<System.IDisposable>();
        if (spec.Namespace is { } ns) scopes.Add(w.Block("namespace " + ns));
        foreach (var type in spec.ContainingTypes) scopes.Add(w.Block($"partial {type.Keyword} {type.Name}"));
        body();
        for (int i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();
        return w.ToString();
    }

    private static string Summary(TensorGraph graph, Rewrite.OptimizedFunction f)
    {
        var ins = f.Inputs.Select(i => $"{i.Name}: {Signature.Describe(graph[i.Node])}");
        var outs = f.Outputs.Select(o => Signature.Describe(graph[o.Node]));
        var text = $"({string.Join(", ", ins)}) → {string.Join(", ", outs)}";
        if (f.Updates.Count > 0) text += "; updates " + string.Join(", ", f.Updates.Select(u => f.Shared[u.Shared].Name));
        return SourceWriter.Xml(text);
    }
}
