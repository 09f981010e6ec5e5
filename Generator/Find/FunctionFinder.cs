using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Evaluate;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Find;

/// <summary>
/// The attribute transform. Validates a [TensorFunction] declaration in a fixed order (enclosing types
/// partial and not generic, method static and not generic, returns FunctionGraph, has a body), then
/// evaluates the body into a graph. Returns the spec and the diagnostics; never throws.
/// </summary>
internal static class FunctionFinder
{
    public const string AttributeName = "Tensorgen.TensorFunctionAttribute";

    public static FunctionResult Transform(GeneratorAttributeSyntaxContext context, CancellationToken cancellation) =>
        StackGuard.OnFreshStack(() => TransformCore(context, cancellation), StackGuard.EvaluationStackBytes);

    private static FunctionResult TransformCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var anchor = syntax.Identifier.GetLocation();
        var diagnostics = new List<DiagnosticInfo>();
        var containing = Containing(method.ContainingType);
        string? ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        string accessibility = Accessibility(method.DeclaredAccessibility);

        string? owner = method.IsStatic ? null : method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        FunctionSpec Broken(string? failure) => new(ns, containing.ToEquatableArray(), method.Name, accessibility,
            new GraphBuilder().Freeze(), EquatableArray<InputSpec>.Empty, EquatableArray<OutputSpec>.Empty, false,
            EquatableArray<SharedSpec>.Empty, EquatableArray<UpdateSpec>.Empty, EquatableArray<RandomSpec>.Empty, false, owner, failure);
        var sites = EquatableArray<LocationInfo>.Empty;
        FunctionResult Result(FunctionSpec? spec) => Evaluated(spec is null ? null : new EvaluatedFunction(spec, EquatableArray<GivenSpec>.Empty, SiteDiagnostic.Method, HasErrors: true));
        FunctionResult Evaluated(EvaluatedFunction? function) => new(function, diagnostics.ToEquatableArray(), LocationInfo.From(anchor), sites);
        FunctionResult Fail(DiagnosticDescriptor descriptor, Location location, bool canEmit, params string[] args)
        {
            diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
            // A class can only be added to a usable (partial, non-generic) enclosing type.
            return Result(canEmit ? Broken(null) : null);
        }

        try
        {
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                bool isPartial = type.DeclaringSyntaxReferences.Any(r =>
                    r.GetSyntax(cancellation) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!isPartial)
                    return Fail(Diagnostics.TypeNotPartial, anchor, false, method.Name, type.Name);
                if (type.TypeParameters.Length > 0)
                    return Fail(Diagnostics.Generic, anchor, false, method.Name);
            }
            if (method.IsGenericMethod)
                return Fail(Diagnostics.Generic, syntax.TypeParameterList?.GetLocation() ?? anchor, false, method.Name);
            if (!method.IsStatic && method.ContainingType.IsValueType)
                return Fail(Diagnostics.StructInstance, anchor, false, method.Name);
            if (method.ReturnType.ToDisplayString() != "Tensorgen.FunctionGraph")
                return Fail(Diagnostics.WrongReturnType, syntax.ReturnType.GetLocation(), true, method.Name, method.ReturnType.ToDisplayString());
            if (syntax.Body is null && syntax.ExpressionBody is null)
                return Fail(Diagnostics.NoBody, anchor, true, method.Name);
            foreach (var parameter in syntax.ParameterList.Parameters)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GraphParameter, parameter.GetLocation(), method.Name, parameter.Identifier.Text));
            if (diagnostics.Count > 0) return Result(Broken(null));

            var body = context.SemanticModel.GetOperation(syntax, cancellation) switch
            {
                IMethodBodyOperation m => (IOperation?)m.BlockBody ?? m.ExpressionBody,
                _ => null,
            };
            if (body is null) return Fail(Diagnostics.NoBody, anchor, true, method.Name);

            var evaluator = new GraphEvaluator(context.SemanticModel.Compilation, method.Name, !method.IsStatic, cancellation);
            var result = evaluator.Run(body);
            if (result is not FunctionValue function)
            {
                diagnostics.AddRange(evaluator.Diagnostics);
                if (result is not ErrorValue) diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoFunction, anchor, method.Name));
                // The Grad requests still go on, to report what differentiating finds; not past the node limit.
                bool limit = diagnostics.Any(d => d.Descriptor.Id == Diagnostics.GeneratorLimit.Id);
                sites = evaluator.Sites.ToArray();
                return Result(limit ? Broken(null) : Broken(null) with { Graph = evaluator.Graph.Freeze() });
            }

            var lowered = FunctionLowering.Lower(evaluator, function, function.Location);
            int functionSite = evaluator.Sites.Add(function.Location);
            diagnostics.AddRange(evaluator.Diagnostics);
            sites = evaluator.Sites.ToArray();
            var spec = new FunctionSpec(ns, containing.ToEquatableArray(), method.Name, accessibility, evaluator.Graph.Freeze(),
                lowered.Inputs.ToEquatableArray(), lowered.Outputs.ToEquatableArray(), function.ManyOutputs,
                lowered.Shared.ToEquatableArray(), lowered.Updates.ToEquatableArray(), lowered.Randoms.ToEquatableArray(),
                function.NoDefaultUpdates, owner, null);
            bool errors = diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            return Evaluated(new EvaluatedFunction(spec, lowered.Givens.ToEquatableArray(), functionSite, errors));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (GeneratorLimitException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GeneratorLimit, anchor, method.Name, e.Message));
            return Result(Broken(null));
        }
        catch (Exception e)
        {
            var message = $"{e.GetType().Name}: {e.Message}";
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Internal, anchor, method.Name, message));
            return Result(Broken(message));
        }
    }

    private static List<ContainingTypeSpec> Containing(INamedTypeSymbol type)
    {
        var list = new List<ContainingTypeSpec>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            string keyword = t.IsRecord ? (t.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : t.TypeKind == TypeKind.Struct ? "struct" : t.TypeKind == TypeKind.Interface ? "interface" : "class";
            list.Insert(0, new ContainingTypeSpec(keyword, t.Name));
        }
        return list;
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
