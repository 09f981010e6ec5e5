namespace Tensorgen.Generator.Model;

/// <summary>A given of <c>Function(..., givens:)</c>: <paramref name="Node"/> is replaced by <paramref name="Value"/>.</summary>
internal sealed record GivenSpec(int Node, int Value);

/// <summary>
/// What evaluation hands on: the function as a spec whose graph may hold Grad requests, with its outputs and
/// updates before <paramref name="Givens"/> and every shared and random variable the graph read. The
/// differentiate stage turns it into the spec the later stages compile.
/// </summary>
/// <param name="FunctionSite">The site (<see cref="SiteTable"/>) of the <c>Function(...)</c> call, where a missing input is reported.</param>
/// <param name="HasErrors">
/// Evaluation reported errors: the later stage reports what it finds too (a gradient that does not exist, a
/// missing input), as one build shows every problem, and the class is emitted empty.
/// </param>
/// <param name="InputSites">The site of each input in the <c>Function(...)</c> call, where an unused input is reported.</param>
/// <param name="OnUnusedInput">What an unused input is: <see cref="Tensorgen.OnUnusedInput"/> as a number (0 raise, 1 warn, 2 ignore).</param>
internal sealed record EvaluatedSpec(FunctionSpec Spec, EquatableArray<GivenSpec> Givens, int FunctionSite, bool HasErrors, EquatableArray<int> InputSites, int OnUnusedInput);

/// <summary>The differentiate stage's result: the spec to compile, and what it reports (at sites of the evaluated method).</summary>
internal sealed record DifferentiatedFunction(FunctionSpec Spec, EquatableArray<SiteDiagnostic> Diagnostics);
