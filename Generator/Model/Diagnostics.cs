using Microsoft.CodeAnalysis;

namespace Tensorgen.Generator.Model;

/// <summary>
/// Every diagnostic Tensorgen reports. Ranges by pipeline stage: 00xx declaration, 01xx evaluation,
/// 02xx types and shapes, 03xx gradients, 04xx functions and inputs, 05xx performance notes, 9xxx internal.
/// </summary>
internal static class Diagnostics
{
    private const string Declaration = "Tensorgen.Declaration";
    private const string Evaluation = "Tensorgen.Evaluation";
    private const string Types = "Tensorgen.Types";
    private const string Functions = "Tensorgen.Functions";
    private const string Gradients = "Tensorgen.Gradients";

    private static DiagnosticDescriptor Error(string id, string title, string message, string category) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpLink(id));

    /// <summary>Each diagnostic has its own section in the README, headed by its id.</summary>
    public static string HelpLink(string id) => "https://github.com/tensorgen/tensorgen/blob/main/README.md#" + id.ToLowerInvariant();

    public static readonly DiagnosticDescriptor TypeNotPartial = Error("TG0001",
        "Type must be partial", "[TensorFunction] method '{0}' is in type '{1}', which must be declared partial so the compiled function class can be added to it", Declaration);

    public static readonly DiagnosticDescriptor WrongReturnType = Error("TG0002",
        "Graph method must return FunctionGraph", "[TensorFunction] method '{0}' must return Tensorgen.FunctionGraph (the result of Function(...)), not '{1}'", Declaration);

    public static readonly DiagnosticDescriptor NoBody = Error("TG0003",
        "Graph method needs a body", "[TensorFunction] method '{0}' must have a body that builds the graph", Declaration);

    public static readonly DiagnosticDescriptor Generic = Error("TG0004",
        "Generic graph methods are not supported", "[TensorFunction] method '{0}' must not be generic or inside a generic type", Declaration);

    public static readonly DiagnosticDescriptor GraphParameter = Error("TG0005",
        "Graph method parameters are not supported", "[TensorFunction] method '{0}' has parameter '{1}'; a graph method takes no parameters (declare inputs with Scalar/Vector/Matrix/... inside it)", Declaration);

    public static readonly DiagnosticDescriptor StructInstance = Error("TG0006",
        "Instance graph method in a struct", "[TensorFunction] method '{0}' is an instance method of a struct; make it static, or declare it in a class (a function holds its owner)", Declaration);

    public static readonly DiagnosticDescriptor UnsupportedStatement = Error("TG0101",
        "Statement not supported in graph code", "In '{0}': {1} is not supported in graph code; a [TensorFunction] body may hold locals, assignments, if/for/foreach over constants, calls to the symbolic API and to your own helper methods, and return", Evaluation);

    public static readonly DiagnosticDescriptor UnknownCall = Error("TG0102",
        "Call not part of the graph language", "In '{0}': '{1}' is not part of the Tensorgen graph language and is not a helper method with source in this compilation", Evaluation);

    public static readonly DiagnosticDescriptor UnsupportedExpression = Error("TG0103",
        "Expression not supported in graph code", "In '{0}': the expression '{1}' ({2}) cannot be evaluated at build time", Evaluation);

    public static readonly DiagnosticDescriptor NotConstant = Error("TG0104",
        "A constant is required", "In '{0}': {1} must be a compile-time constant, but '{2}' is not", Evaluation);

    public static readonly DiagnosticDescriptor TooDeep = Error("TG0105",
        "Evaluation limit reached", "In '{0}': {1}", Evaluation);

    public static readonly DiagnosticDescriptor GeneratorLimit = Error("TG0109",
        "Generator limit reached", "In '{0}': {1}", Evaluation);

    public static readonly DiagnosticDescriptor NoFunction = Error("TG0106",
        "Graph method returns no function", "[TensorFunction] method '{0}' must end by returning Function(inputs, outputs)", Evaluation);

    public static readonly DiagnosticDescriptor Arithmetic = Error("TG0107",
        "Build-time arithmetic fails", "In '{0}': {1}", Evaluation);

    public static readonly DiagnosticDescriptor Effect = Error("TG0108",
        "Side effect not supported in graph code", "In '{0}': {1}", Evaluation);

    public static readonly DiagnosticDescriptor DTypeMismatch = Error("TG0201",
        "Dtype mismatch", "In '{0}': {1}", Types);

    public static readonly DiagnosticDescriptor ShapeMismatch = Error("TG0202",
        "Shapes cannot broadcast", "In '{0}': {1}", Types);

    public static readonly DiagnosticDescriptor InexactConstant = Error("TG0204",
        "Constant does not fit its dtype", "In '{0}': {1} cannot be held exactly by a {2} constant", Types);

    public static readonly DiagnosticDescriptor IndexOutOfRange = Error("TG0205",
        "Index out of range", "In '{0}': {1}", Types);

    public static readonly DiagnosticDescriptor SizeMismatch = Error("TG0206",
        "Sizes do not match", "In '{0}': {1}", Types);

    public static readonly DiagnosticDescriptor BadAxis = Error("TG0207",
        "Axis or pattern not valid", "In '{0}': {1}", Types);

    public static readonly DiagnosticDescriptor CostNotScalar = Error("TG0301",
        "The cost of Grad must be a scalar", "In '{0}': the cost of Grad must be a 0-d tensor, but is {1}; reduce it first (x.Sum(), x.Mean())", Gradients);

    public static readonly DiagnosticDescriptor Disconnected = Error("TG0302",
        "The cost does not depend on a Grad variable", "In '{0}': the cost does not depend on {1}; pass disconnectedInputs: DisconnectedInputs.Ignore for a gradient of zeros", Gradients);

    public static readonly DiagnosticDescriptor NotDifferentiable = Error("TG0303",
        "Gradients need float values", "In '{0}': {1} is {2}; gradients are defined for float costs and variables", Gradients);

    public static readonly DiagnosticDescriptor BadDefault = Error("TG0203",
        "Default value does not fit the input", "In '{0}': the default value {1} of input '{2}' is not a {3} constant", Types);

    public static readonly DiagnosticDescriptor NotAnInput = Error("TG0401",
        "Function input is not an input variable", "In '{0}': input {1} of Function(...) is a computed expression; inputs must be variables made by Scalar/Vector/Matrix/... (use givens to replace expressions)", Functions);

    public static readonly DiagnosticDescriptor TensorDefault = Error("TG0402",
        "Default values are for scalar inputs", "In '{0}': input '{1}' has rank {2}; a default value is only supported for scalar (0-d) inputs, which become optional C# parameters", Functions);

    public static readonly DiagnosticDescriptor MissingInput = Error("TG0403",
        "Missing input", "In '{0}': the outputs depend on input '{1}', which is not in the function's input list", Functions);

    public static readonly DiagnosticDescriptor DuplicateInput = Error("TG0404",
        "Input given twice", "In '{0}': input '{1}' appears more than once in the function's input list", Functions);

    public static readonly DiagnosticDescriptor DefaultOrder = Error("TG0405",
        "Inputs with defaults must come last", "In '{0}': input '{1}' has no default value but follows an input that has one", Functions);

    public static readonly DiagnosticDescriptor BadName = Error("TG0406",
        "Input name is not usable", "In '{0}': input name '{1}' {2}", Functions);


    public static readonly DiagnosticDescriptor UpdateTarget = Error("TG0407",
        "Update target is not a shared variable", "In '{0}': the update of {1} cannot be applied: only shared variables can be updated", Functions);

    public static readonly DiagnosticDescriptor UpdateType = Error("TG0408",
        "Update does not match the shared variable's type", "In '{0}': shared variable '{1}' is a {2}, but its update is a {3}; an update must have the variable's dtype and rank, and may broadcast only where the variable does", Functions);

    public static readonly DiagnosticDescriptor UpdateTwice = Error("TG0409",
        "Shared variable updated twice", "In '{0}': shared variable '{1}' is updated more than once", Functions);

    public static readonly DiagnosticDescriptor GivenInput = Error("TG0410",
        "A given replaces an input", "In '{0}': givens replace '{1}', which is an explicit input of the function; pass the replacement as the input instead", Functions);

    public static readonly DiagnosticDescriptor GivenType = Error("TG0411",
        "A given does not match the type it replaces", "In '{0}': givens replace {1}, a {2}, by a {3}; a replacement must have the same dtype and rank, and broadcast where the original does", Functions);

    public static readonly DiagnosticDescriptor SharedDeclaration = Error("TG0412",
        "Shared variable cannot be used", "In '{0}': shared variable '{1}' cannot be used: {2}", Functions);

    public static readonly DiagnosticDescriptor RandomDeclaration = Error("TG0413",
        "Random variable cannot be used", "In '{0}': random variable '{1}' cannot be used: {2}", Functions);

    // elementwise (issue 13)
    public static readonly DiagnosticDescriptor GradientNotImplemented = Error("TG0222",
        "Gradient not implemented", "In '{0}': {1}", Gradients);
    // dtypes (issue 13)
    public static readonly DiagnosticDescriptor UnusedInput = Error("TG0214",
        "Unused input", "In '{0}': input '{1}' is not used by the outputs or updates (PyTensor's UnusedInputError); use it, remove it, or pass onUnusedInput: OnUnusedInput.Warn (a warning) or OnUnusedInput.Ignore to Function", Functions);

    public static readonly DiagnosticDescriptor UnusedInputWarning = new("TG0215",
        "Unused input (warning)", "In '{0}': input '{1}' is not used by the outputs or updates; the function takes it and ignores its value (onUnusedInput: OnUnusedInput.Warn; Ignore silences this)", Functions,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("TG0215"));

    public static readonly DiagnosticDescriptor Internal = Error("TG9999",
        "Internal generator error", "Tensorgen failed on '{0}': {1}", "Tensorgen.Internal");

    // api (issue 13)
    public static readonly DiagnosticDescriptor NotPtFunction = Error("TG0217",
        "Call does not reach the Pt function of its name", "In '{0}': '{1}' here means {2}, not Tensorgen.Pt.{1}; import Pt in this file (using static Tensorgen.Pt;) or write Pt.{1}", Evaluation);

    // loops (issue 15)
    public static readonly DiagnosticDescriptor ScanMismatch = Error("TG0501",
        "Scan's arguments do not fit its body", "In '{0}': {1}", Evaluation);

    public static readonly DiagnosticDescriptor ScanUnsupported = Error("TG0502",
        "Scan body not supported yet", "In '{0}': {1}", Evaluation);
}
