using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Model;

/// <summary>A type that encloses the graph method, outermost first: <c>partial class Tutorial</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>One parameter of the compiled function.</summary>
/// <param name="Node">The graph's input node.</param>
/// <param name="Name">The C# parameter name (the variable's name, or In's name:), escaped if a keyword.</param>
/// <param name="Default">The default value as a C# literal, or null.</param>
internal sealed record InputSpec(int Node, string Name, string? Default);

/// <summary>One result of the compiled function; <paramref name="Name"/> names the tuple element.</summary>
internal sealed record OutputSpec(int Node, string? Name);

/// <summary>A shared variable the function is bound to.</summary>
/// <param name="Node">Its graph node (its value at the start of a call).</param>
/// <param name="Name">Its name, for messages and the printed graph.</param>
/// <param name="Member">The field or property that declares it; names the generated field.</param>
/// <param name="Access">C# that reads the variable the function binds by default.</param>
/// <param name="IsStatic">Whether the member is static (else it is read from the owner object).</param>
internal sealed record SharedSpec(int Node, string Name, string Member, string Access, bool IsStatic);

/// <summary>A random variable the function draws (once per call), and how the generated class gets it.</summary>
/// <param name="Node">Its draw node.</param>
/// <param name="Name">Its name; names the generated field.</param>
/// <param name="Access">For a member: C# that reads it (every function reading the member shares it).</param>
/// <param name="Creation">For one made in graph code: C# that makes it from its stream (one per function object).</param>
internal sealed record RandomSpec(int Node, string Name, string? Access, string? Creation, bool IsStatic);

/// <summary>After each call, shared variable <paramref name="Shared"/> (an index into the spec's list) takes <paramref name="Node"/>'s value.</summary>
internal sealed record UpdateSpec(int Shared, int Node);

/// <summary>
/// Everything later stages need about one [TensorFunction], as plain data: no symbols, no syntax,
/// no locations, so an edit that does not change the graph leaves the pipeline cached.
/// </summary>
/// <param name="Accessibility">The graph method's accessibility, given to the generated class.</param>
/// <param name="OwnerType">For an instance graph method: its type, of which a function reads shared members.</param>
/// <param name="Failure">Set when evaluation failed internally: the class is emitted with an Invoke that throws it.</param>
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
    string? Failure)
{
    /// <summary>The generated class: <c>Logistic</c> gives <c>LogisticFunction</c>.</summary>
    public string ClassName => MethodName + "Function";

    /// <summary>The generated file's name, unique per method: <c>Samples.Tutorial.Logistic.g.cs</c>.</summary>
    public string HintName => Lower.FunctionHeader.HintNameOf(Namespace, ContainingTypes, MethodName);

    /// <summary>The function's name in messages: <c>Tutorial.Logistic</c>.</summary>
    public string DisplayName => ContainingTypes.Count == 0 ? MethodName : ContainingTypes[ContainingTypes.Count - 1].Name + "." + MethodName;
}

/// <summary>One generated file, and the failure it reports (if any) at the method: internal, or a limit reached.</summary>
internal sealed record GeneratedFile(string HintName, string Text, string? Failure, bool LimitReached = false);
