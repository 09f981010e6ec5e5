using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Lower;

internal sealed partial class BodyLowering
{
    /// <summary>
    /// Code that does not compile, with the calls in it (at any depth: a bad argument makes the enclosing call bad
    /// too) that are spelled like a Pt function (<c>Stack([x, y])</c>) but whose name does not reach Pt, because
    /// the file does not import it (<c>using static Tensorgen.Pt;</c>) or a closer declaration hides it. For those
    /// the compiler's own error may only say that <c>System.Collections.Generic.Stack&lt;T&gt;</c> needs a type
    /// argument (CS0305), so TG0217 names what was meant.
    /// </summary>
    private IrInvalid Invalid(IInvalidOperation invalid)
    {
        var pt = _compilation.GetTypeByMetadataName("Tensorgen.Pt");
        if (pt is null) return new IrInvalid();
        var notPt = invalid.DescendantsAndSelf().OfType<IInvalidOperation>()
            .Select(inner => NotPt(inner.Syntax, pt)).Where(n => n is not null).Select(n => n!).ToEquatableArray();
        return new IrInvalid(notPt);
    }

    /// <summary>
    /// The call <paramref name="syntax"/>, if its name is a Pt function's but means something else here. A call
    /// that reaches Pt with wrong arguments, or a method of the user's of the same name, is left to the compiler,
    /// whose error names them.
    /// </summary>
    private IrNotPt? NotPt(SyntaxNode syntax, INamedTypeSymbol pt)
    {
        if (syntax is not InvocationExpressionSyntax { Expression: IdentifierNameSyntax name }) return null;
        string text = name.Identifier.ValueText;
        if (!pt.GetMembers(text).Any(m => m is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public })) return null;

        var info = SemanticModel(name.SyntaxTree).GetSymbolInfo(name, _cancellation);
        var meanings = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
        if (meanings.Any(m => m is IMethodSymbol || SymbolEqualityComparer.Default.Equals(m.ContainingType, pt))) return null;
        return new IrNotPt(text, meanings.IsEmpty ? "nothing: this file does not import Tensorgen.Pt" : Describe(meanings[0]), Span(syntax));
    }

    private static string Describe(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => $"the type '{type.ToDisplayString()}'",
        ILocalSymbol or IParameterSymbol => $"the variable '{symbol.Name}'",
        _ => $"'{symbol.ToDisplayString()}'",
    };
}
