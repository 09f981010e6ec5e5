using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Model;

/// <summary>A type that encloses the graph method, outermost first: <c>partial class Tutorial</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// A field or property of a user type that generated code reads: a static one through its type
/// (<c>global::Ns.Graphs.State</c>), an instance one through the object the function is created for.
/// Only the emitter spells it as C#.
/// </summary>
/// <param name="OwnerType">The type that declares it, fully qualified: <c>global::Ns.Graphs</c>.</param>
/// <param name="Name">The member's name as declared, unescaped.</param>
/// <param name="IsStatic">Whether it is static; else it is read from the owner object.</param>
internal sealed record MemberRef(string OwnerType, string Name, bool IsStatic);

/// <summary>One parameter of the compiled function.</summary>
/// <param name="Node">The graph's input node.</param>
/// <param name="Name">The parameter's name (the variable's name, or In's name:), unescaped: <c>in</c> is written <c>@in</c>.</param>
/// <param name="Default">The default value, already of the input's dtype, or null.</param>
internal sealed record InputSpec(int Node, string Name, ScalarValue? Default);

/// <summary>One result of the compiled function; <paramref name="Name"/> names the tuple element.</summary>
internal sealed record OutputSpec(int Node, string? Name);

/// <summary>A shared variable the function is bound to.</summary>
/// <param name="Node">Its graph node (its value at the start of a call).</param>
/// <param name="Name">Its name, for messages and the printed graph.</param>
/// <param name="Member">The field or property that declares it: the variable the function binds by default; names the generated field.</param>
internal sealed record SharedSpec(int Node, string Name, MemberRef Member);

/// <summary>
/// A random variable the function draws (once per call), and how the generated class gets it: read from
/// the member that holds it (every function reading the member shares it), or, for one made in graph
/// code, made from its stream (one per function object). Exactly one of <paramref name="Member"/> and
/// <paramref name="Stream"/> is set.
/// </summary>
/// <param name="Node">Its draw node (its parameters and sizes are the node's operands).</param>
/// <param name="Name">Its name; names the generated field.</param>
/// <param name="Member">The member holding it, or null.</param>
/// <param name="MemberIsTensor">Whether that member is declared as a <c>TensorVariable</c>, so it is read through a cast.</param>
/// <param name="Stream">For one made in graph code: the <c>RandomStream</c> member it is made from; else null.</param>
/// <param name="Distribution">What it draws.</param>
/// <param name="Advance">When a call moves its generator on.</param>
internal sealed record RandomSpec(int Node, string Name, MemberRef? Member, bool MemberIsTensor, MemberRef? Stream, Distribution Distribution,
    RandomAdvance Advance = RandomAdvance.Default);

/// <summary>When a call moves a random variable's generator on (PyTensor's rng updates).</summary>
internal enum RandomAdvance
{
    /// <summary>Unless the function has <c>noDefaultUpdates</c> (PyTensor's <c>default_update</c>).</summary>
    Default,

    /// <summary>Always: a variable drawn in a scan's body whose updates the function was given.</summary>
    Given,

    /// <summary>Never: a variable drawn in a scan's body whose updates the function was not given (PyTensor draws the same numbers at every call then).</summary>
    Never,
}

/// <summary>After each call, shared variable <paramref name="Shared"/> (an index into the spec's list) takes <paramref name="Node"/>'s value.</summary>
internal sealed record UpdateSpec(int Shared, int Node);

/// <summary>
/// Everything later stages need about one [TensorFunction], as plain data: no symbols, no syntax,
/// no locations, so an edit that does not change the graph leaves the pipeline cached.
/// </summary>
/// <param name="Accessibility">The graph method's accessibility, given to the generated class.</param>
/// <param name="OwnerType">For an instance graph method: its type, fully qualified, of which a function reads shared members.</param>
/// <param name="Failure">Set when evaluation failed internally: the class is emitted with an Invoke that throws it.</param>
/// <param name="Profiled">Whether the code records a profile when asked (<c>[TensorFunction(Profiling = false)]</c> compiles it out).</param>
/// <param name="Printed">What <c>DebugPrint(x)</c> printed in the graph code: each a label's line, then x's tree.</param>
internal sealed record FunctionSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string MethodName,
    string Accessibility,
    TensorGraph Graph,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<OutputSpec> Outputs,
    bool ManyOutputs,
    EquatableArray<SharedSpec> Shared,
    EquatableArray<UpdateSpec> Updates,
    EquatableArray<RandomSpec> Randoms,
    bool NoDefaultUpdates,
    string? OwnerType,
    string? Failure,
    bool Profiled = true,
    EquatableArray<string> Printed = default)
{
    /// <summary>The generated class: <c>Logistic</c> gives <c>LogisticFunction</c>.</summary>
    public string ClassName => MethodName + "Function";

    /// <summary>The generated file's name, unique per method: <c>Samples.Tutorial.Logistic.g.cs</c>.</summary>
    public string HintName => Lower.FunctionHeader.HintNameOf(Namespace, ContainingTypes, MethodName);

    /// <summary>The spec of a function that cannot be compiled: its class, with no graph and no signature.</summary>
    public FunctionSpec WithoutGraph(string? failure = null) => this with
    {
        Graph = new TensorGraph(EquatableArray<Node>.Empty),
        Inputs = EquatableArray<InputSpec>.Empty,
        Outputs = EquatableArray<OutputSpec>.Empty,
        ManyOutputs = false,
        Shared = EquatableArray<SharedSpec>.Empty,
        Updates = EquatableArray<UpdateSpec>.Empty,
        Randoms = EquatableArray<RandomSpec>.Empty,
        NoDefaultUpdates = false,
        Failure = failure,
    };

    /// <summary>The function's name in messages: <c>Tutorial.Logistic</c>.</summary>
    public string DisplayName => ContainingTypes.Count == 0 ? MethodName : ContainingTypes[ContainingTypes.Count - 1].Name + "." + MethodName;
}

/// <summary>One generated file, and the failure it reports (if any) at the method: internal, or a limit reached.</summary>
internal sealed record GeneratedFile(string HintName, string Text, string? Failure, bool LimitReached = false);
