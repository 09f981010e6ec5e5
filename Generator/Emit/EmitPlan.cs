using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Ops;
using Tensorgen.Generator.Rewrite;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Emit;

/// <summary>Where a value lives during a call.</summary>
internal enum StorageKind
{
    /// <summary>An argument: a scalar parameter, or a <c>TensorArg</c> (read in place when dense, else copied once by the runtime).</summary>
    Argument,

    /// <summary>A tensor shared variable: its field's current data.</summary>
    SharedField,

    /// <summary>A scalar local: a 0-d shared variable read once, or a 0-d step's result.</summary>
    Local,

    /// <summary>An output's array, rented from its output field (last call's array when outputs are borrowed).</summary>
    Output,

    /// <summary>An update computed straight into its shared variable's next buffer.</summary>
    NextBuffer,

    /// <summary>A temporary rented from the array pool, returned when the call ends; it may be longer than the value.</summary>
    Temporary,

    /// <summary>A temporary that takes over the pooled buffer of an earlier one whose readers have all run.</summary>
    Reused,
}

/// <summary>A value's storage: its kind, the C# name that reads it, and the node whose buffer it uses (itself unless reused).</summary>
/// <param name="Shared">For a shared variable's field or next buffer: the variable's index; else -1.</param>
internal sealed record Storage(StorageKind Kind, string Name, int Buffer, int Shared = -1)
{
    /// <summary>Inputs and shared variables: read through <c>.Data</c>.</summary>
    public bool IsSource => Kind is StorageKind.Argument or StorageKind.SharedField;

    /// <summary>Pooled arrays, which may be longer than the value.</summary>
    public bool IsPooled => Kind is StorageKind.Temporary or StorageKind.Reused;
}

/// <summary>One thing Invoke does in its run of work: run a step, or check a draw's parameters (NumPy's rules).</summary>
internal sealed record InvokeAction(Step? Step, int CheckedDraw = -1);

/// <summary>A kernel's loop nest and the parameter name of each of its leaves and roots.</summary>
internal sealed record KernelNames(LoopLayout Layout, IReadOnlyDictionary<int, string> Names)
{
    /// <summary>Each leaf's and root's readable name, unique in the kernel (<c>n</c> and <c>i</c> are its own).</summary>
    public static KernelNames Of(Plan plan, Kernel kernel, NodeNames display)
    {
        var scope = new NameScope(new[] { "n", "i" });
        var names = new Dictionary<int, string>();
        foreach (var id in kernel.Leaves.Concat(kernel.Roots)) names[id] = scope.Take(display[id]);
        return new KernelNames(LoopLayout.Of(plan, kernel), names);
    }
}

/// <summary>
/// Everything the writers need, decided before any text is written: every name (fields, parameters,
/// sizes, locals, buffers, loop indices, generators), where each value lives, which buffers are shared,
/// and the order of the call's work. Built once by <see cref="EmitPlanner"/>, never changed after.
/// </summary>
internal sealed class EmitPlan
{
    private readonly IReadOnlyDictionary<int, Storage> _values;

    public EmitPlan(Plan schedule, ClassPlan names, NodeNames display, IReadOnlyDictionary<int, string> outputFields,
        IReadOnlyDictionary<int, KernelNames> kernels, SizeText sizes, IReadOnlyDictionary<int, Storage> values, InvokeSteps steps)
    {
        Schedule = schedule;
        Class = names;
        Display = display;
        OutputFields = outputFields;
        Kernels = kernels;
        Sizes = sizes;
        _values = values;
        Steps = steps;
        var shared = new Dictionary<int, int>();
        for (int s = Function.Shared.Count - 1; s >= 0; s--) shared[Function.Shared[s].Node] = s;
        SharedIndex = shared;
        var randoms = new Dictionary<int, int>();
        for (int r = Function.Randoms.Count - 1; r >= 0; r--) randoms[Function.Randoms[r].Node] = r;
        RandomIndex = randoms;
        Sources = Function.Sources;
    }

    public Plan Schedule { get; }

    public OptimizedFunction Function => Schedule.Function;

    public TensorGraph Graph => Schedule.Function.Graph;

    public ShapeAnalysis Shapes => Schedule.Shapes;

    /// <summary>The function's name in messages, as a C# string literal.</summary>
    public string FunctionName => Class.FunctionName;

    /// <summary>The class's fields and constructor parameters.</summary>
    public ClassPlan Class { get; }

    /// <summary>The readable name of each node (unescaped, not yet unique): what locals, buffers and kernel parameters are called after.</summary>
    public NodeNames Display { get; }

    /// <summary>The tensor outputs computed into arrays of the function's own, and the field buffering each: <c>_output0</c>, ...</summary>
    public IReadOnlyDictionary<int, string> OutputFields { get; }

    /// <summary>Per kernel (by step index): its loop nest and parameter names.</summary>
    public IReadOnlyDictionary<int, KernelNames> Kernels { get; }

    /// <summary>The order of the call's work and the names each step uses.</summary>
    public InvokeSteps Steps { get; }

    /// <summary>The index of each shared variable's node in the function's list (the first, if bound twice).</summary>
    public IReadOnlyDictionary<int, int> SharedIndex { get; }

    /// <summary>The nodes a call reads from outside: the inputs, then the shared variables. Sizes are bound from these.</summary>
    public IReadOnlyList<int> Sources { get; }

    /// <summary>The index of each random variable's draw node in the function's list (the first, if listed twice).</summary>
    public IReadOnlyDictionary<int, int> RandomIndex { get; }

    /// <summary>Sizes as C#.</summary>
    public SizeText Sizes { get; }

    /// <summary>The storage of a value that has one (views read the value they view: <see cref="Plan.Storage"/>).</summary>
    public Storage Value(int node) => _values.TryGetValue(node, out var storage) ? storage
        : throw new System.InvalidOperationException($"value %{node} has no storage");

    public bool HasValue(int node) => _values.ContainsKey(node);

    /// <summary>The stage in which a node's sizes are all bound (<see cref="SizeStages"/>): 0 when none is computed.</summary>
    public int StageOf(int node) => Steps.Stages.StageOf(Shapes, node);

    public string Dim(int dim) => Sizes.Dim(dim);

    public string Size(IEnumerable<int> dims) => Sizes.Size(dims);

    public string Size(int node) => Sizes.Size(node);

    public string Lengths(int node) => Sizes.Lengths(node);

    /// <summary>A view at an offset's own offset (<see cref="ViewOffsets"/>): a literal, or the local it is bound to.</summary>
    public string OwnOffset(int view) => Steps.OffsetNames[view];

    /// <summary>
    /// Where a value's data starts in the data of the value it lives in (<see cref="Plan.Storage"/>): the sum of the
    /// offsets of the views between, or null when there are none (the value is all of that data).
    /// </summary>
    public string? OffsetOf(int node)
    {
        List<string>? parts = null;
        while (OpInfo.IsView(Graph[node]) && !Plan.IsFilled(Graph, Graph[node]))
        {
            // A view at offset 0 still has an offset: it is shorter than the data it views.
            if (Steps.OffsetNames.TryGetValue(node, out var offset)) (parts ??= new List<string>()).Add(offset);
            else if (ViewOffsets.IsOffsetView(Graph, Graph[node]))
                throw new System.InvalidOperationException($"%{node} is read through, but its offset was not planned");
            node = Graph[node].Inputs[0];
        }
        if (parts is null) return null;
        // Literals fold; a sum of locals stays a sum.
        long folded = 0;
        var names = new List<string>();
        foreach (var part in parts)
            if (long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)) folded += n;
            else names.Add(part);
        if (folded != 0 || names.Count == 0) names.Add(folded.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(" + ", names);
    }
}
