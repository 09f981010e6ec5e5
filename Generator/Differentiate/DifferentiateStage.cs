using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;

namespace Tensorgen.Generator.Differentiate;

/// <summary>
/// The differentiate stage: the evaluated function (Grad requests in its graph, givens not yet applied)
/// becomes the function the later stages compile. Gradients are taken (<see cref="GradExpansion"/>), the
/// givens replace their variables (PyTensor's <c>clone_replace</c>, after <c>grad</c> as there), and the
/// function keeps the shared and random variables its outputs and updates then read; an input they read
/// that the function does not take is TG0403. Never throws: an internal failure is TG9999 and an empty
/// class whose Invoke throws.
/// </summary>
internal static class DifferentiateStage
{
    public static DifferentiatedFunction Run(EvaluatedSpec evaluated, string? faultInjection, CancellationToken cancellation)
    {
        var spec = evaluated.Spec;
        if (spec.Failure is not null) return new(spec, EquatableArray<SiteDiagnostic>.Empty);
        var diagnostics = new SiteDiagnostics(spec.MethodName);
        var expansion = new GradExpansion(spec.Graph, diagnostics);
        bool expanded = false;
        try
        {
            FaultInjection.At(faultInjection, "differentiate", spec.MethodName);
            bool rebuild = evaluated.Givens.Count > 0 || spec.Graph.Nodes.Any(n => OpInfo.IsRequest(n.Op));
            if (rebuild) expansion.Run(cancellation);
            expanded = true;
            var result = Close(evaluated, rebuild ? expansion : null, diagnostics);
            return new(evaluated.HasErrors || diagnostics.HasErrors ? spec.WithoutGraph() : result, diagnostics.ToArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (GradientNotImplementedException e)
        {
            // At the Grad whose cost reaches the op: an op without a gradient is an error, never zeros.
            diagnostics.Report(Model.Diagnostics.GradientNotImplemented, expansion.LastCallSite, e.Message);
            return new(spec.WithoutGraph(), diagnostics.ToArray());
        }
        catch (GeneratorLimitException e)
        {
            // At the Grad that grew the graph, as evaluation reported it; past gradients, at the method.
            diagnostics.Report(Model.Diagnostics.GeneratorLimit, expanded ? SiteDiagnostic.Method : expansion.LastCallSite, e.Message);
            return new(spec.WithoutGraph(), diagnostics.ToArray());
        }
        catch (Exception e)
        {
            // The class keeps the signature evaluation found (a request is typed as its gradient).
            var message = $"{e.GetType().Name}: {e.Message}";
            diagnostics.Report(Model.Diagnostics.Internal, SiteDiagnostic.Method, message);
            return new((evaluated.HasErrors ? spec.WithoutGraph() : spec) with { Failure = message }, diagnostics.ToArray());
        }
    }

    /// <summary>
    /// The nodes of the evaluated graph (Grad requests in it) that the outputs and updates read, where what givens
    /// replace reads its replacement. PyTensor's gradient starts from <c>ones_like(cost)</c>, so its graph reads
    /// what the cost reads: an input read only by a Grad's cost (<c>Grad(x + y, x)</c> needs no y's value) is
    /// used there, and is used here too. (Where PyTensor's pullbacks drop that seed, zero gradients such as
    /// <c>Grad(Sign(x).Sum(), x)</c>, PyTensor reports the cost's other inputs; Tensorgen does not.)
    /// </summary>
    private static bool[] ReadBeforeGradients(EvaluatedSpec evaluated)
    {
        var graph = evaluated.Spec.Graph;
        var givens = new Dictionary<int, int>();
        foreach (var given in evaluated.Givens) givens[given.Node] = given.Value;
        var seen = new bool[graph.Count];
        var stack = new Stack<int>(evaluated.Spec.Outputs.Select(o => o.Node).Concat(evaluated.Spec.Updates.Select(u => u.Node)));
        while (stack.Count > 0)
        {
            int id = stack.Pop();
            if (id < 0 || seen[id]) continue;
            seen[id] = true;
            if (givens.TryGetValue(id, out int value)) stack.Push(value);
            else foreach (var input in graph[id].Inputs) stack.Push(input);
        }
        return seen;
    }

    /// <summary>The givens applied, and the function's variables: those its outputs and updates read.</summary>
    private static FunctionSpec Close(EvaluatedSpec evaluated, GradExpansion? expansion, SiteDiagnostics diagnostics)
    {
        var spec = evaluated.Spec;
        var builder = expansion?.Graph;
        int Map(int id) => expansion is null ? id : expansion.Map[id];

        var givens = new Dictionary<int, int>();
        foreach (var given in evaluated.Givens)
            if (Map(given.Node) is var node and >= 0 && Map(given.Value) is var value and >= 0) givens[node] = value;
        var memo = new Dictionary<int, int>();
        int Replace(int node) => givens.Count == 0 ? node : builder!.Replace(node, givens, memo);

        var outputs = spec.Outputs.Where(o => Map(o.Node) >= 0).Select(o => o with { Node = Replace(Map(o.Node)) }).ToList();
        var updates = spec.Updates.Where(u => Map(u.Node) >= 0)
            .Select(u => (Target: Map(spec.Shared[u.Shared].Node), Value: Replace(Map(u.Node)))).ToList();

        var graph = builder?.Freeze() ?? spec.Graph;
        var inputs = spec.Inputs.Select(i => i with { Node = Map(i.Node) }).ToList();
        var inputNodes = new HashSet<int>(inputs.Select(i => i.Node));
        // Every variable the outputs and updates read must be an input (PyTensor's MissingInputError).
        var reachable = graph.Reachable(outputs.Select(o => o.Node).Concat(updates.Select(u => u.Value)).Concat(updates.Select(u => u.Target)));
        for (int id = 0; id < graph.Count; id++)
            if (reachable[id] && graph[id].IsInput && !inputNodes.Contains(id))
                diagnostics.Report(Model.Diagnostics.MissingInput, evaluated.FunctionSite, graph[id].Name ?? $"#{graph[id].Parameters<SourceParams>().Position}");

        // An input the outputs and updates do not read (PyTensor's UnusedInputError), unless the function says to let it be.
        // Not after evaluation errors: an output that failed reads nothing, which would make its inputs look unused.
        if (!evaluated.HasErrors && !diagnostics.HasErrors && evaluated.OnUnusedInput != (int)OnUnusedInput.Ignore)
        {
            var read = ReadBeforeGradients(evaluated);
            for (int i = 0; i < inputs.Count; i++)
                if (inputs[i].Node >= 0 && !reachable[inputs[i].Node] && !read[spec.Inputs[i].Node])
                    diagnostics.Report(evaluated.OnUnusedInput == (int)OnUnusedInput.Warn ? Model.Diagnostics.UnusedInputWarning : Model.Diagnostics.UnusedInput,
                        i < evaluated.InputSites.Count ? evaluated.InputSites[i] : evaluated.FunctionSite, inputs[i].Name);
        }

        // The shared variables in the order the graph first read them; random variables givens did not replace.
        var shared = spec.Shared.Select(s => s with { Node = Map(s.Node) }).Where(s => reachable[s.Node]).ToList();
        var randoms = spec.Randoms.Where(r => Map(r.Node) >= 0 && reachable[Map(r.Node)]).Select(r => r with { Node = Map(r.Node) }).ToList();
        return spec with
        {
            Graph = graph,
            Inputs = inputs.ToEquatableArray(),
            Outputs = outputs.ToEquatableArray(),
            Shared = shared.ToEquatableArray(),
            Updates = updates.Select(u => new UpdateSpec(shared.FindIndex(s => s.Node == u.Target), u.Value)).ToEquatableArray(),
            Randoms = randoms.ToEquatableArray(),
        };
    }
}
