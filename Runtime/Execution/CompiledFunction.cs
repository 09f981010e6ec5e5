using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Tensorgen;

/// <summary>
/// Base of every generated function class (PyTensor's <c>Function</c>). A compiled function is an
/// object: it holds the shared variables it is bound to, and <c>Copy</c> makes another one over the
/// same generated code, bound to the same or other shared variables, with or without its updates.
/// </summary>
/// <remarks>
/// Threading: a function without shared or random variables, whose outputs are not borrowed, is pure
/// and may be called from any number of threads at once. Otherwise calls that would overlap on the
/// same state (a shared variable one of them updates, a random variable, borrowed outputs) are refused
/// with a <see cref="ConcurrentCallException"/> before any work, and change nothing.
/// </remarks>
public abstract class CompiledFunction
{
    // Held by a call that computes into the borrowed output buffers.
    private AccessGate _outputs;

    /// <summary>Creates a function named <paramref name="name"/>.</summary>
    /// <param name="name">The graph method it was compiled from, as <c>Type.Method</c>.</param>
    /// <param name="updatesEnabled">Whether calls write the function's updates.</param>
    protected CompiledFunction(string name, bool updatesEnabled)
    {
        Name = name;
        UpdatesEnabled = updatesEnabled;
    }

    /// <summary>The graph method it was compiled from, as <c>Type.Method</c>.</summary>
    public string Name { get; }

    /// <summary>Whether calls write the function's updates; false for <c>Copy(deleteUpdates: true)</c>.</summary>
    public bool UpdatesEnabled { get; }

    /// <summary>
    /// Reuse output buffers from call to call (PyTensor's <c>Out(..., borrow=True)</c>): a call then returns
    /// the same tensors as the previous one, overwritten, and allocates nothing while shapes stay the
    /// same. Off by default: each call returns tensors of its own. A borrowed result stays valid until the
    /// function's next call; two calls may not write the buffers at once (the later one is refused).
    /// </summary>
    public bool BorrowOutputs { get; set; }

    /// <summary>
    /// The most threads one call's large work may run on (element-wise kernels over many elements, large
    /// products); null, the default, follows the global <see cref="Parallelism.MaxDegreeOfParallelism"/>. 1 runs
    /// every call on the calling thread. Results are the same bit for bit whatever the degree. Read at each call;
    /// a <c>Copy</c> starts at null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegree == 0 ? null : _maxDegree;
        set
        {
            if (value is { } degree) ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1, nameof(value));
            _maxDegree = value ?? 0;
        }
    }

    // 0: the global setting.
    private int _maxDegree;

    /// <summary>The threads this call's large work may use: <see cref="MaxDegreeOfParallelism"/>, else the global one. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Cores Cores => new(_maxDegree == 0 ? Parallelism.MaxDegreeOfParallelism : _maxDegree);

    /// <summary>Enters the borrowed output buffers for a call; false, holding nothing, while another call writes them. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryEnterOutputs(int caller) => _outputs.TryEnter(write: true, caller);

    /// <summary>Leaves the borrowed output buffers. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void ExitOutputs(int caller) => _outputs.Exit(write: true, caller);

    /// <summary>The optimized graph, as printed in the generated <c>Invoke</c>'s remarks.</summary>
    public abstract string Graph { get; }

    /// <summary>The optimized graph and the steps of the generated code, as data (made at build time).</summary>
    public GraphView View => _view ??= GraphView.Parse(Name, GraphData);

    private GraphView? _view;

    /// <summary>The view's data, written by the generator (<see cref="GraphView.Parse"/>). For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual string GraphData => "x|no view of the graph was generated";

    /// <summary>
    /// PyTensor's <c>profile=True</c>: set, each call records the time, bytes and allocations of each step of the
    /// generated code into <see cref="Profile"/>; unset (the default), the generated code pays one predictable branch
    /// per step. Setting it again keeps what was recorded; unsetting it drops the profile.
    /// </summary>
    public bool Profiling
    {
        get => Profile is not null;
        set
        {
            if (value && !CanProfile)
                throw new NotSupportedException($"{Name} was compiled with [TensorFunction(Profiling = false)]: its code records no profile.");
            Profile = value ? Profile ?? new FunctionProfile(this) : null;
        }
    }

    /// <summary>Whether the generated code records a profile when asked; false under <c>[TensorFunction(Profiling = false)]</c>. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual bool CanProfile => true;

    /// <summary>What the calls recorded while <see cref="Profiling"/> was on, or null when it is off.</summary>
    public FunctionProfile? Profile { get; private set; }

    /// <summary>PyTensor's <c>pytensor.dprint(f)</c>: the optimized graph as indented trees (<see cref="GraphView.DebugPrint"/>).</summary>
    public string DebugPrint() => View.DebugPrint();

    /// <summary>The optimized graph in Graphviz's DOT language, fused kernels as clusters (<see cref="GraphView.ToDot"/>).</summary>
    public string ToDot() => View.ToDot();

    /// <summary>The optimized graph as a Mermaid flowchart, fused kernels as subgraphs (<see cref="GraphView.ToMermaid"/>).</summary>
    public string ToMermaid() => View.ToMermaid();

    /// <summary>The shared variables the function reads or updates, in the order its graph first reads them.</summary>
    public abstract IReadOnlyList<ISharedVariable> SharedVariables { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {GetType().Name}";
}
