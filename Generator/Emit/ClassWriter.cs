using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The class shell: its fields for bound shared variables and random variables, constructors,
/// <c>SharedVariables</c> and <c>Copy</c>; then the members given. Random variables are never
/// swapped: a copy draws from the same generators (their state survives the copy).
/// </summary>
internal static class ClassWriter
{
    private const string List = "global::System.Collections.Generic.IReadOnlyList";
    private const string Variable = "global::Tensorgen.ISharedVariable";
    private const string RandomType = "global::Tensorgen.RandomVariable";

    public static void Write(SourceWriter w, ClassPlan plan, System.Action members)
    {
        var spec = plan.Spec;
        string name = plan.FunctionName;
        string cls = spec.ClassName;
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Tensorgen\", \"{FunctionEmitter.Version}\")]");
        using (w.Block($"{spec.Accessibility} sealed class {cls} : global::Tensorgen.CompiledFunction"))
        {
            if (spec.Shared.Count == 0 && spec.Randoms.Count == 0 && spec.OwnerType is null)
            {
                // No state: nothing to bind, swap or update.
                w.Line("/// <summary>Creates the compiled function.</summary>");
                w.Line($"public {cls}() : base({name}, updatesEnabled: true) {{ }}");
                w.Line();
                w.Line("/// <inheritdoc/>");
                w.Line($"public override {List}<{Variable}> SharedVariables => [];");
                w.Line();
                w.Line("/// <summary>A copy (PyTensor's <c>Function.copy</c>); with no shared variables there is nothing to swap.</summary>");
                w.Line($"public {cls} Copy() => new();");
                w.Line();
                members();
                return;
            }
            for (int i = 0; i < spec.Shared.Count; i++) w.Line($"private readonly {SharedType(spec, i)} {plan.SharedFields[i]};");
            for (int i = 0; i < spec.Randoms.Count; i++) w.Line($"private readonly {RandomType} {plan.RandomFields[i]};");
            w.Line();
            PublicConstructor(w, plan);
            w.Line();
            PrivateConstructor(w, plan);
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"public override {List}<{Variable}> SharedVariables => [{string.Join(", ", plan.SharedFields)}];");
            w.Line();
            Copy(w, plan);
            w.Line();
            members();
        }
    }

    private static string SharedType(FunctionSpec spec, int i) => $"global::Tensorgen.Shared<{spec.Graph[spec.Shared[i].Node].DType.CSharp()}>";

    /// <summary>Binds the members the graph read: through the owner object for an instance graph method; static shared members are defaults.</summary>
    private static void PublicConstructor(SourceWriter w, ClassPlan plan)
    {
        var spec = plan.Spec;
        var shared = spec.Shared;
        var randoms = spec.Randoms;
        var boundTo = shared.Select(s => s.Member).Concat(randoms.Where(r => r.Member is not null).Select(r => r.Member!))
            .Select(m => m.IsStatic ? Naming.Short(Naming.Read(m, "owner")) : Naming.Read(m, "owner")).ToList();
        string bound = boundTo.Count == 0 ? "" : " bound to " + string.Join(", ", boundTo.Select(b => $"<c>{SourceWriter.Xml(b)}</c>"));
        string cls = spec.ClassName;
        if (spec.OwnerType is { } owner)
        {
            // How the constructor gets each random variable: a member is read, one made in graph code is drawn from its stream.
            string checkedOwner = $"global::Tensorgen.Binding.Owner({plan.FunctionName}, owner)";
            w.Line($"/// <summary>Creates the compiled function{bound}.</summary>");
            w.Line($"/// <param name=\"owner\">The object whose {(randoms.Count > 0 ? "shared and random variables the function uses" : "shared variables the function reads and updates")}.</param>");
            var args = shared.Select(s => Naming.Read(s.Member, checkedOwner)).Concat(randoms.Select(r => Naming.Get(r, checkedOwner)));
            w.Line($"public {cls}({owner} owner) : this({string.Join(", ", args.Append("true"))}) {{ }}");
            return;
        }
        // Static shared members are defaults: a function can be built over other variables of the same type.
        var parameters = plan.SharedParameters;
        w.Line($"/// <summary>Creates the compiled function{bound}{(shared.Count > 0 ? ", or to the shared variables given" : "")}.</summary>");
        for (int i = 0; i < shared.Count; i++)
            w.Line($"/// <param name=\"{parameters[i]}\">Bind this variable instead of <c>{SourceWriter.Xml(Naming.Short(Naming.Read(shared[i].Member, "owner")))}</c>.</param>");
        var optional = shared.Select((s, i) => $"{SharedType(spec, i)}? {parameters[i]} = null");
        var defaults = shared.Select((s, i) => $"{parameters[i]} ?? {Naming.Read(s.Member, "owner")}").Concat(randoms.Select(r => Naming.Get(r, "owner")));
        w.Line($"public {cls}({string.Join(", ", optional)}) : this({string.Join(", ", defaults.Append("true"))}) {{ }}");
    }

    /// <summary>Checks each variable against the type the code was compiled for, and that no written variable is bound twice.</summary>
    private static void PrivateConstructor(SourceWriter w, ClassPlan plan)
    {
        var spec = plan.Spec;
        var shared = spec.Shared;
        var randoms = spec.Randoms;
        var fields = plan.SharedFields;
        string name = plan.FunctionName;
        var ctorParameters = shared.Select((s, i) => $"{SharedType(spec, i)} {plan.SharedParameters[i]}")
            .Concat(plan.RandomParameters.Select(p => $"{RandomType} {p}")).Append("bool updatesEnabled");
        using (w.Block($"private {spec.ClassName}({string.Join(", ", ctorParameters)}) : base({name}, updatesEnabled)"))
        {
            for (int i = 0; i < shared.Count; i++)
            {
                var node = spec.Graph[shared[i].Node];
                w.Line($"{fields[i]} = global::Tensorgen.Binding.Check({name}, {SourceWriter.String(shared[i].Name)}, {plan.SharedParameters[i]}, {node.Rank}, [{string.Join(", ", node.Shape)}]);");
            }
            for (int i = 0; i < randoms.Count; i++)
                w.Line($"{plan.RandomFields[i]} = {plan.RandomParameters[i]} ?? throw new global::System.ArgumentNullException({SourceWriter.String(randoms[i].Name)});");
            // One variable bound to two roles, one of them written, would be read and written as two (and its gate entered twice).
            var updated = new HashSet<int>(spec.Updates.Select(u => u.Shared));
            var types = Enumerable.Range(0, shared.Count).Select(i => SharedType(spec, i)).ToList();
            int Rank(int i) => spec.Graph[shared[i].Node].Rank;
            var aliasable = Enumerable.Range(0, shared.Count).Where(i => Enumerable.Range(0, shared.Count).Any(j => j != i && types[j] == types[i] && Rank(j) == Rank(i))).ToList();
            if (aliasable.Any(updated.Contains))
            {
                string Written(int i) => plan.WrittenInPlace.Contains(i) ? "true" : updated.Contains(i) ? "updatesEnabled" : "false";
                var roles = aliasable.Select(i => $"({fields[i]}, {SourceWriter.String(shared[i].Member.Name)}, {Written(i)})");
                w.Line($"global::Tensorgen.Binding.CheckDistinct({name}, {string.Join(", ", roles)});");
            }
        }
    }

    private static void Copy(SourceWriter w, ClassPlan plan)
    {
        string cls = plan.Spec.ClassName, name = plan.FunctionName;
        var fields = plan.SharedFields;
        w.Line("/// <summary>");
        w.Line("/// A copy over the same generated code (PyTensor's <c>Function.copy</c>): bound to the same shared variables,");
        w.Line("/// except those <paramref name=\"swap\"/> replaces by others of the same type; without updates if");
        w.Line("/// <paramref name=\"deleteUpdates\"/> is set. Defaults and names are kept" + (plan.Spec.Randoms.Count > 0 ? "; random variables and their state are shared." : "."));
        w.Line("/// </summary>");
        using (w.Block($"public {cls} Copy({List}<({Variable} Old, {Variable} New)>? swap = null, bool deleteUpdates = false)"))
        {
            w.Line($"global::Tensorgen.Binding.CheckSwap({name}, swap{string.Concat(fields.Select(x => ", " + x))});");
            var swapped = fields.Select(x => $"global::Tensorgen.Binding.Swap({name}, swap, {x})").Concat(plan.RandomFields);
            w.Line($"return new {cls}({string.Join(", ", swapped.Append("UpdatesEnabled && !deleteUpdates"))});");
        }
        w.Line();
        w.Line("/// <summary>A copy with swaps given as a dictionary, as PyTensor's <c>swap={state: new_state}</c>.</summary>");
        w.Line($"public {cls} Copy(global::System.Collections.Generic.IReadOnlyDictionary<{Variable}, {Variable}> swap, bool deleteUpdates = false) =>");
        w.Line("    Copy(global::Tensorgen.Binding.Pairs(swap), deleteUpdates);");
    }
}
