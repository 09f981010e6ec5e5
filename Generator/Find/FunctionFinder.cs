using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Evaluate;
using Tensorgen.Generator.Lower;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Find;

/// <summary>
/// The attribute transform, the one step that touches the semantic model. Validates a [TensorFunction]
/// declaration in a fixed order (enclosing types partial and not generic, method not generic, not an instance
/// method of a struct, returns FunctionGraph, has a body, takes no parameters), then lowers the body into a
/// <see cref="LoweredFunction"/>: no evaluation, so it stays cheap when Roslyn re-runs it after every edit.
/// When nothing the lowering read has changed (<see cref="LoweringCache"/>), it is not done again: the
/// previous result comes back with fresh anchors, and nothing is bound. Never throws: an internal failure
/// is carried to the Evaluate step, which reports it as TG9999.
/// </summary>
internal static class FunctionFinder
{
    public const string AttributeName = "Tensorgen.TensorFunctionAttribute";

    public static FoundFunction Transform(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        SourceWorld.View? view = null;
        try
        {
            view = SourceWorld.Of(context.SemanticModel.Compilation, cancellation);
            if (LoweringCache.TryReuse(syntax, view, cancellation) is { } reused) return reused;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            view = null; // lower as if nothing were remembered
        }
        // Roslyn recurses as deep as the source nests when it builds the body's operations: a stack of its own.
        return StackGuard.OnFreshStack(() => TransformCore(context, view, cancellation), StackGuard.EvaluationStackBytes);
    }

    private static FoundFunction TransformCore(GeneratorAttributeSyntaxContext context, SourceWorld.View? view, CancellationToken cancellation)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var lowering = new BodyLowering(context.SemanticModel, cancellation);
        int self = lowering.Declaration(syntax);
        var anchor = syntax.Identifier.GetLocation();
        var diagnostics = new List<DiagnosticInfo>();
        string? ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        string? owner = method.IsStatic ? null : method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var header = new FunctionHeader(ns, Containing(method.ContainingType).ToEquatableArray(), method.Name,
            Accessibility(method.DeclaredAccessibility), owner, CanEmit: true, lowering.Relative(self, anchor),
            Profiled: !context.Attributes[0].NamedArguments.Any(a => a.Key == "Profiling" && a.Value.Value is false));

        FoundFunction Result(int body = -1, string? failure = null)
        {
            var function = lowering.Result(header, diagnostics.ToEquatableArray(), failure, body);
            if (view is not null) LoweringCache.Store(syntax, view, function, lowering.DeclarationSyntax, cancellation);
            return new(function, LoweringCache.Anchors(header.HintName, syntax, lowering.DeclarationSyntax));
        }
        FoundFunction Fail(DiagnosticDescriptor descriptor, Location location, bool canEmit, params string[] args)
        {
            diagnostics.Add(DiagnosticInfo.Create(descriptor, lowering.Relative(self, location), args));
            // A class can only be added to a usable (partial, non-generic) enclosing type.
            header = header with { CanEmit = canEmit };
            return Result();
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
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GraphParameter, lowering.Relative(self, parameter.GetLocation()), method.Name, parameter.Identifier.Text));
            if (diagnostics.Count > 0) return Result();

            var body = context.SemanticModel.GetOperation(syntax, cancellation) switch
            {
                IMethodBodyOperation m => (IOperation?)m.BlockBody ?? m.ExpressionBody,
                _ => null,
            };
            if (body is null) return Fail(Diagnostics.NoBody, anchor, true, method.Name);
            return Result(lowering.LowerBody(body));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return Result(failure: $"{e.GetType().Name}: {e.Message}");
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
