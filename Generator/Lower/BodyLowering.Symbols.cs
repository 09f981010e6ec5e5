using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

// The tables the nodes point into: variables, methods (with their API tags and helper bodies) and members
// (with their initializers). Each symbol gets an id the first time it is met, so equal code gives equal ids.
internal sealed partial class BodyLowering
{
    private readonly Dictionary<ISymbol, int> _variables = new(SymbolEqualityComparer.Default);
    private readonly List<string> _variableNames = new();
    private readonly Dictionary<IMethodSymbol, int> _methods = new(SymbolEqualityComparer.Default);
    private readonly List<IrMethod> _methodList = new();
    private readonly Dictionary<IMethodSymbol, int> _helpers = new(SymbolEqualityComparer.Default);
    private readonly List<IrHelper> _helperList = new();
    private readonly Dictionary<ISymbol, int> _members = new(SymbolEqualityComparer.Default);
    private readonly List<IrMember> _memberList = new();
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

    /// <summary>A local or parameter's id: the evaluator's frames hold a cell per id.</summary>
    private int Variable(ISymbol symbol)
    {
        if (_variables.TryGetValue(symbol, out int id)) return id;
        _variableNames.Add(symbol.Name);
        return _variables[symbol] = _variableNames.Count - 1;
    }

    private int Method(IMethodSymbol? method)
    {
        if (method is null) return -1;
        if (_methods.TryGetValue(method, out int id)) return id;
        var tag = ApiTag.Read(method);
        var parameters = method.Parameters.Select(p => new IrParameter(p.Name, p.Type.Name == nameof(DType), p.RefKind)).ToEquatableArray();
        bool overridable = (method.IsVirtual || method.IsOverride || method.IsAbstract) && !method.IsSealed && method.ContainingType is { IsSealed: false };
        bool invoke = method.MethodKind == MethodKind.DelegateInvoke;
        _methodList.Add(new IrMethod(method.Name, method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), tag, parameters,
            method.IsStatic, overridable, method.ReturnsByRef || method.ReturnsByRefReadonly, tag is null && !invoke ? Helper(method) : -1, invoke));
        return _methods[method] = _methodList.Count - 1;
    }

    /// <summary>A helper method or local function with source in this compilation: its body is lowered (later, from the queue).</summary>
    private int Helper(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        if (_helpers.TryGetValue(definition, out int id)) return id;
        bool isLocalFunction = definition.MethodKind == MethodKind.LocalFunction;
        id = _helperList.Count;
        _helperList.Add(new IrHelper(isLocalFunction, -1));
        _helpers[definition] = id;
        var declaration = definition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellation);
        if (declaration is not null && _compilation.ContainsSyntaxTree(declaration.SyntaxTree) && !definition.IsAbstract)
        {
            _pending.Enqueue(() =>
            {
                var body = SemanticModel(declaration.SyntaxTree).GetOperation(declaration, _cancellation) switch
                {
                    IMethodBodyOperation m => (IOperation?)m.BlockBody ?? m.ExpressionBody,
                    ILocalFunctionOperation f => f.Body,
                    _ => null,
                };
                if (body is not null) In(declaration, () => _helperList[id] = new IrHelper(isLocalFunction, Statement(body)));
            });
        }
        return id;
    }

    /// <summary>A field or property: what its type makes it, and (for shared and random members) its lowered initializer.</summary>
    private int Member(ISymbol member, ITypeSymbol type)
    {
        if (_members.TryGetValue(member, out int id)) return id;
        var kind = IsTensorgenType(type, "RandomStream") ? IrMemberType.RandomStream
            : IsTensorgenType(type, "RandomVariable") ? IrMemberType.RandomVariable
            : IsTensorgenType(type, "TensorVariable") ? IrMemberType.TensorVariable
            : type is INamedTypeSymbol { Name: "Shared", TypeArguments.Length: 1 } shared && ApiTag.IsTensorgen(shared.ContainingNamespace) ? IrMemberType.Shared
            : IrMemberType.Other;
        var element = kind == IrMemberType.Shared ? ((INamedTypeSymbol)type).TypeArguments[0] : null;
        bool symbolicProperty = member is IPropertySymbol { ContainingType: { } owner } && ApiTag.IsTensorgen(owner.ContainingNamespace)
            && owner.Name is "TensorVariable" or "Shared";
        id = _memberList.Count;
        var entry = new IrMember(member.Name, member is IFieldSymbol, member.IsStatic, member is IPropertySymbol { IsIndexer: true },
            member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), symbolicProperty, kind,
            element is null ? -1 : DTypeOf(element), element?.ToDisplayString(), null, -1,
            member is IPropertySymbol { GetMethod: { } getter } && ApiTag.Read(getter) is { Function: not null } ? Method(getter) : -1);
        _memberList.Add(entry);
        _members[member] = id;
        if (kind is IrMemberType.RandomVariable or IrMemberType.TensorVariable or IrMemberType.Shared && Initializer(member) is { } initializer)
        {
            _memberList[id] = entry = entry with { InitializerSyntax = SpanOf(initializer) };
            _pending.Enqueue(() => In(initializer, () =>
            {
                var operation = SemanticModel(initializer.SyntaxTree).GetOperation(initializer, _cancellation);
                _memberList[id] = entry with { Initializer = Expression(operation) };
            }));
        }
        return id;
    }

    /// <summary>The span of <paramref name="syntax"/> in the declaration that holds it (a new one for an initializer).</summary>
    private IrSpan SpanOf(SyntaxNode syntax)
    {
        int declaration = Declaration(syntax);
        return new IrSpan(declaration, syntax.Span.Start - _declarations[declaration].SpanStart, syntax.Span.Length);
    }

    /// <summary>A member's initializer (or expression body) with source in this compilation.</summary>
    private ExpressionSyntax? Initializer(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_cancellation);
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                _ => null,
            };
            if (initializer is not null && _compilation.ContainsSyntaxTree(syntax.SyntaxTree)) return initializer;
        }
        return null;
    }

    private SemanticModel SemanticModel(SyntaxTree tree)
    {
        if (tree == _model.SyntaxTree) return _model;
        if (!_models.TryGetValue(tree, out var model)) _models[tree] = model = _compilation.GetSemanticModel(tree);
        return model;
    }

    private static int DTypeOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => (int)DType.Bool,
        SpecialType.System_Int32 => (int)DType.Int32,
        SpecialType.System_Int64 => (int)DType.Int64,
        SpecialType.System_SByte => (int)DType.Int8,
        SpecialType.System_Int16 => (int)DType.Int16,
        SpecialType.System_Byte => (int)DType.UInt8,
        SpecialType.System_Single => (int)DType.Float32,
        SpecialType.System_Double => (int)DType.Float64,
        _ => -1,
    };

    private static bool IsTensorgenType(ITypeSymbol type, string name) =>
        type is INamedTypeSymbol { TypeArguments.Length: 0 } named && named.Name == name && ApiTag.IsTensorgen(named.ContainingNamespace);

    private static bool IsPairsDictionary(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Dictionary", TypeArguments.Length: 2 } d
        && d.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
        && d.TypeArguments.All(t => t is INamedTypeSymbol { Name: "TensorVariable" } or INamedTypeSymbol { Name: "Shared" });
}
