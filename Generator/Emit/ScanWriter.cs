using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Rewrite;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// A scan's code: its body compiled as a function of its own (rewritten, scheduled and emitted as any function is,
/// nested in the outer function's class), and the loop that calls it once per step with a slice of each sequence,
/// the fed-back states and the captured values, copying the stacked result's step into place.
/// </summary>
internal static class ScanWriter
{
    /// <summary>The spec of the body of scan node <paramref name="id"/>: inputs and results as its parameters say.</summary>
    public static FunctionSpec BodySpec(int id, ScanParams p)
    {
        var graph = p.Graph;
        return new FunctionSpec(null, EquatableArray<ContainingTypeSpec>.Empty, "ScanBody" + id.ToString(CultureInfo.InvariantCulture), "private", graph,
            p.BodyInputs.Select(i => new InputSpec(i, graph[i].Name!, null)).ToEquatableArray(),
            p.BodyOutputs.Select(o => new OutputSpec(o, null)).ToEquatableArray(), p.BodyOutputs.Count > 1,
            EquatableArray<SharedSpec>.Empty, EquatableArray<UpdateSpec>.Empty, EquatableArray<RandomSpec>.Empty, false, null, null, Profiled: false);
    }

    /// <summary>Each scan node's body class, compiled now.</summary>
    public static void WriteBodies(SourceWriter w, EmitPlan plan)
    {
        for (int id = 0; id < plan.Graph.Count; id++)
        {
            if (plan.Graph[id].Op != OpCode.Scan) continue;
            var spec = BodySpec(id, plan.Graph[id].Parameters<ScanParams>());
            w.Line();
            FunctionEmitter.WriteClass(w, Scheduler.Run(Rewriter.Run(spec)));
        }
    }

    public static void Write(CallSite site)
    {
        var p = site.Node.Parameters<ScanParams>();
        var body = p.Graph;
        string id = site.Id.ToString(CultureInfo.InvariantCulture), fn = site.FunctionName;
        string steps = "scanSteps" + id, t = "scanStep" + id, call = "scanBody" + id, result = "scanResult" + id;
        string T(int node) => body[node].DType.CSharp();
        string Product(IEnumerable<string> dims) => dims.Any() ? string.Join(" * ", dims.Select(d => $"({d})")) : "1";
        string Lengths(IEnumerable<string> dims) => "[" + string.Join(", ", dims) + "]";
        string Span(int node, string data, IEnumerable<string> dims) =>
            $"new global::System.Numerics.Tensors.ReadOnlyTensorSpan<{T(node)}>({data}, {Lengths(dims)}, [])";
        string Result(int output) => p.BodyOutputs.Count == 1 ? result : $"{result}.Item{(output + 1).ToString(CultureInfo.InvariantCulture)}";

        var stackedResults = p.Stacked;
        string which = p.LastOnly ? $"this node keeps the last step of result {p.Output.ToString(CultureInfo.InvariantCulture)}"
            : p.Packed.Count > 0 ? $"this node packs results {string.Join(", ", stackedResults.Select(k => k.ToString(CultureInfo.InvariantCulture)))}, each stacked over the steps, one after the other"
            : $"this node stacks result {p.Output.ToString(CultureInfo.InvariantCulture)}";
        site.Line($"// Scan: {(p.GoBackwards ? "backwards " : "")}over the steps, the body ({ScanOp.BodyClass(site.Id)}) once per step; {which}.");
        if (p.LastOnly && site.Node.Rank == 0) site.Line($"{T(p.BodyOutputs[p.Output])} {site.OutputLocal} = default;");
        // A loop that stops early counts its steps: its stacked results are its buffer's first ones (ScanLengthOp).
        bool counts = p.Until >= 0 && !p.LastOnly;
        if (counts) site.Line($"nint {ScanLengthOp.StepsRun(site.Id)} = 0;");
        site.Line("{");
        var sequenceLengths = Enumerable.Range(0, p.Sequences).Select(s => site.Dims(1 + s)[0]);
        site.Line($"    nint {steps} = global::Tensorgen.ScanSteps.Steps({fn}, {site.Scalar(0)}, {Lengths(sequenceLengths)});");
        site.Line($"    var {call} = new {ScanOp.BodyClass(site.Id)} {{ BorrowOutputs = true }};");
        // The states, from their initial values: a copy each, which each step's result then replaces.
        for (int r = 0; r < p.States.Count; r++)
        {
            int operand = 1 + p.Sequences + r, input = p.BodyInputs[p.Sequences + r];
            site.Line(body[input].Rank == 0
                ? $"    {T(input)} scanState{id}_{r} = {site.Scalar(operand)};"
                : $"    {T(input)}[] scanState{id}_{r} = {site.Input(operand)}.ToArray();");
        }
        // Where each stacked result's step goes: (offset + step · length) in the output.
        int lengthsAt = site.Node.Inputs.Count - 1 - stackedResults.Count;
        for (int j = 0; j < stackedResults.Count; j++)
        {
            if (p.LastOnly) break;
            if (p.Packed.Count == 0)
            {
                site.Line($"    nint scanLength{id}_0 = {(body[p.BodyOutputs[p.Output]].Rank > 0 ? Product(site.OutputDims.Skip(p.LastOnly ? 0 : 1)) : "1")};");
                site.Line($"    nint scanOffset{id}_0 = 0;");
                continue;
            }
            site.Line($"    nint scanLength{id}_{j} = (nint){site.Scalar(lengthsAt + j)};");
            site.Line(j == 0 ? $"    nint scanOffset{id}_0 = 0;" : $"    nint scanOffset{id}_{j} = scanOffset{id}_{j - 1} + {steps} * scanLength{id}_{j - 1};");
        }
        site.Line($"    for (nint {t} = 0; {t} < {steps}; {t}++)");
        site.Line("    {");
        var args = new List<string>();
        for (int k = 0; k < p.BodyInputs.Count; k++)
        {
            int operand = 1 + k, input = p.BodyInputs[k];
            if (k < p.Sequences)
            {
                var dims = site.Dims(operand);
                string at = p.GoBackwards ? $"({dims[0]} - 1 - {t})" : t;
                string length = Product(dims.Skip(1));
                args.Add(body[input].Rank == 0
                    ? $"{site.Input(operand)}[(int){at}]"
                    : Span(input, $"{site.Input(operand)}.Slice((int)({at} * {length}), (int)({length}))", dims.Skip(1)));
            }
            else if (k < p.FirstCaptured - 1)
            {
                int r = k - p.Sequences;
                args.Add(body[input].Rank == 0 ? $"scanState{id}_{r}" : Span(input, $"scanState{id}_{r}", site.Dims(operand)));
            }
            else
            {
                args.Add(body[input].Rank == 0 ? site.Scalar(operand) : Span(input, site.Input(operand), site.Dims(operand)));
            }
        }
        site.Line($"        var {result} = {call}.Invoke({string.Join(", ", args)});");
        for (int j = 0; j < stackedResults.Count; j++)
        {
            int k = stackedResults[j];
            // (Only the last step kept: each step's result replaces the one before.)
            if (p.LastOnly && p.States.Contains(k)) continue;   // the state holds the last step: copied once, after the loop
            if (p.LastOnly)
            {
                site.Line(body[p.BodyOutputs[k]].Rank == 0
                    ? $"        {site.OutputLocal} = {Result(k)};"
                    : $"        global::Tensorgen.ScanSteps.Copy({fn}, {k.ToString(CultureInfo.InvariantCulture)}, {t}, {Result(k)}, {site.Output});");
                continue;
            }
            string at = $"scanOffset{id}_{j} + {t} * scanLength{id}_{j}";
            site.Line(body[p.BodyOutputs[k]].Rank == 0
                ? $"        {site.Output}[(int)({at})] = {Result(k)};"
                : $"        global::Tensorgen.ScanSteps.Copy({fn}, {k.ToString(CultureInfo.InvariantCulture)}, {t}, {Result(k)}, {site.Output}.Slice((int)({at}), (int)scanLength{id}_{j}));");
        }
        for (int r = 0; r < p.States.Count; r++)
        {
            int fed = p.BodyOutputs[p.States[r]];
            site.Line(body[fed].Rank == 0
                ? $"        scanState{id}_{r} = {Result(p.States[r])};"
                : $"        global::Tensorgen.ScanSteps.Copy({fn}, {p.States[r].ToString(CultureInfo.InvariantCulture)}, {t}, {Result(p.States[r])}, scanState{id}_{r});");
        }
        // PyTensor's until: the step whose condition holds is the last.
        if (counts) site.Line($"        {ScanLengthOp.StepsRun(site.Id)} = {t} + 1;");
        if (p.Until >= 0) site.Line($"        if ({Result(p.Until)}) break;");
        site.Line("    }");
        if (p.LastOnly) WriteNoSteps(site, p, steps, id);
        site.Line("}");
    }

    /// <summary>
    /// A last-step-only scan's value after the loop: a fed-back result's state (with no steps, its initial state, as
    /// PyTensor returns it); any other result was copied at each step, and with no steps has no last step, an index
    /// error as PyTensor's.
    /// </summary>
    private static void WriteNoSteps(CallSite site, ScanParams p, string steps, string id)
    {
        int r = System.Array.IndexOf(p.States.ToArray(), p.Output);
        if (r < 0)
        {
            site.Line($"    if ({steps} == 0) global::Tensorgen.ScanSteps.ThrowNoLastStep({site.FunctionName});");
            return;
        }
        // The state is the initial state with no steps, and the last step's result after them.
        bool scalar = p.Body[p.BodyInputs[p.Sequences + r]].Rank == 0;
        site.Line(scalar ? $"    {site.OutputLocal} = scanState{id}_{r};" : $"    global::System.MemoryExtensions.CopyTo(scanState{id}_{r}, {site.Output});");
    }
}
