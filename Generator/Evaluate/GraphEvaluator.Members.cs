using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Evaluate;

// Fields and properties in graph code: shared variables declared as members, and the properties of
// symbolic values (x.DType, x.NDim, x.Name).
internal sealed partial class GraphEvaluator
{
    private readonly Dictionary<ISymbol, Value> _members = new(SymbolEqualityComparer.Default);

    /// <summary>The shared variables read so far, in order of first use.</summary>
    public List<SharedDeclaration> SharedVariables { get; } = new();

    private Value Member(IOperation at, ISymbol member, ITypeSymbol type, IOperation? instance)
    {
        if (member is IPropertySymbol { Name: "DType" or "NDim" or "Name" } property && IsTensorgen(property.ContainingType))
            return VariableProperty(at, property.Name, instance);
        if (member is IPropertySymbol { Name: "Shape" } shape && IsTensorgen(shape.ContainingType))
            return ShapeOf(at, instance is null ? ErrorValue.Instance : Evaluate(instance));
        if (member is IPropertySymbol { Name: "T" } transpose && IsTensorgen(transpose.ContainingType))
            return Transpose(at, instance is null ? ErrorValue.Instance : Evaluate(instance));
        if (IsTensorgenType(type, "RandomStream")) return StreamMember(at, member, instance);
        if (IsTensorgenType(type, "RandomVariable") || (IsTensorgenType(type, "TensorVariable") && Initializer(member).Initializer is not null))
            return RandomMember(at, member, type, instance);
        if (IsShared(type, out _))
        {
            if (_members.TryGetValue(member, out var known)) return known;
            var value = DeclareShared(at, member, type, instance);
            if (value is not ErrorValue) _members[member] = value;
            return value;
        }
        Report(Model.Diagnostics.UnsupportedExpression, at, Shorten(at.Syntax.ToString()), member is IFieldSymbol ? "a non-constant field" : "a property");
        return ErrorValue.Instance;
    }

    private static bool IsTensorgen(INamedTypeSymbol? type) =>
        type is not null && ApiTag.IsTensorgen(type.ContainingNamespace) && type.Name is "TensorVariable" or "Shared";

    private static bool IsShared(ITypeSymbol type, out ITypeSymbol element)
    {
        element = type;
        if (type is INamedTypeSymbol { Name: "Shared", TypeArguments.Length: 1 } named && ApiTag.IsTensorgen(named.ContainingNamespace))
        {
            element = named.TypeArguments[0];
            return true;
        }
        return false;
    }

    /// <summary><c>x.DType</c>, <c>x.NDim</c>, <c>x.Name</c>: known at build time for every symbolic value.</summary>
    private Value VariableProperty(IOperation at, string property, IOperation? instance)
    {
        var target = instance is null ? ErrorValue.Instance : Evaluate(instance);
        if (target is ErrorValue) return target;
        if (target is not TensorValue { Operand: var operand })
            return Mistyped(at, $"'{property}' of something that is not a tensor");
        var node = operand.Weak is { } literal ? null : Graph[operand.Node];
        return property switch
        {
            "DType" => new ConstValue((int)(node?.DType ?? operand.Weak!.Value.Kind)),
            "NDim" => new ConstValue(node?.Rank ?? 0),
            _ => new ConstValue(node?.Name),
        };
    }

    /// <summary>
    /// A field or property of type <c>Shared&lt;T&gt;</c>: read its initializer for the variable's type, and
    /// make one graph node for it however often the graph reads it.
    /// </summary>
    private Value DeclareShared(IOperation at, ISymbol member, ITypeSymbol type, IOperation? instance)
    {
        IsShared(type, out var element);
        var dtype = DTypeOf(element);
        var (initializer, model) = Initializer(member);
        if (dtype is null || initializer is null || model is null)
        {
            Report(Model.Diagnostics.SharedDeclaration, at, member.Name,
                dtype is null ? $"its element type {element.ToDisplayString()} is not a Tensorgen dtype"
                : "it has no initializer the generator can read; declare it as 'static readonly Shared<T> Name = Shared(value, ...);'");
            return ErrorValue.Instance;
        }

        var call = model.GetOperation(initializer, _cancellation) is { } op ? Unwrap(op) : null;
        var tag = call is IInvocationOperation invocation ? ApiTag.Read(invocation.TargetMethod) : null;
        if (call is not IInvocationOperation shared || tag?.Builtin != Builtin.Shared)
        {
            Report(Model.Diagnostics.SharedDeclaration, at, member.Name,
                $"its initializer '{Shorten(initializer.ToString())}' is not a call of Shared(...), which is how the generator learns its rank");
            return ErrorValue.Instance;
        }

        // The name and static shape are read as constants, in a frame of their own.
        string? name = null;
        int[]? shape = null;
        _frames.Push(NewFrame());
        try
        {
            foreach (var argument in shared.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null) continue;
                if (argument.Parameter.Name == "name")
                {
                    var v = Evaluate(argument.Value);
                    if (v is ConstValue { Constant: string s }) name = s;
                    else if (v is not ConstValue { Constant: null } && v is not ErrorValue)
                        Report(Model.Diagnostics.NotConstant, argument.Value, "the name of a shared variable", Shorten(argument.Value.Syntax.ToString()));
                }
                else if (argument.Parameter.Name == "shape")
                {
                    var v = Evaluate(argument.Value);
                    if (v is ListValue list && list.Items.All(i => i is ConstValue { Constant: null or int }))
                        shape = list.Items.Select(i => ((ConstValue)i).Constant is int n ? n : -1).ToArray();
                    else if (v is not ConstValue { Constant: null } && v is not ErrorValue)
                        Report(Model.Diagnostics.NotConstant, argument.Value, "the static shape of a shared variable", Shorten(argument.Value.Syntax.ToString()));
                }
            }
        }
        finally
        {
            _frames.Pop();
        }

        int rank = tag.Rank >= 0 ? tag.Rank : shape?.Length ?? -1;
        if (rank < 0 || (shape is not null && shape.Length != rank))
        {
            Report(Model.Diagnostics.SharedDeclaration, at, member.Name, rank < 0
                ? "its rank is unknown: pass shape: with one entry per dimension"
                : $"its static shape has {shape!.Length} entries but its value has rank {rank}");
            return ErrorValue.Instance;
        }
        shape ??= Enumerable.Repeat(-1, rank).ToArray();

        if (!member.IsStatic && !(instance is IInstanceReferenceOperation && _isInstance))
        {
            Report(Model.Diagnostics.SharedDeclaration, at, member.Name,
                "it is an instance member read from another object; an instance graph method may read its own object's shared variables (this.Name)");
            return ErrorValue.Instance;
        }

        int index = SharedVariables.Count;
        int node = Graph.Shared(name ?? member.Name, dtype.Value, shape, index);
        SharedVariables.Add(new SharedDeclaration(node, name ?? member.Name, Reference(member)));
        return new TensorValue(Operand.Of(node));
    }

    private (ExpressionSyntax? Initializer, SemanticModel? Model) Initializer(ISymbol member)
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
            if (initializer is not null && _compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                return (initializer, SemanticModel(syntax.SyntaxTree));
        }
        return (null, null);
    }

    private static DType? DTypeOf(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => DType.Bool,
        SpecialType.System_Int32 => DType.Int32,
        SpecialType.System_Int64 => DType.Int64,
        SpecialType.System_Single => DType.Float32,
        SpecialType.System_Double => DType.Float64,
        _ => null,
    };

    private static bool IsPairsDictionary(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Dictionary", TypeArguments.Length: 2 } d
        && d.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
        && d.TypeArguments.All(t => t is INamedTypeSymbol { Name: "TensorVariable" } or INamedTypeSymbol { Name: "Shared" });

    /// <summary><c>new Dictionary&lt;TensorVariable, TensorVariable&gt; { [a] = b }</c> (or <c>{ { a, b } }</c>): a list of pairs.</summary>
    private Value DictionaryPairs(IObjectCreationOperation creation)
    {
        var items = System.Collections.Immutable.ImmutableArray.CreateBuilder<Value>();
        var locations = System.Collections.Immutable.ImmutableArray.CreateBuilder<Location>();
        foreach (var initializer in creation.Initializer?.Initializers ?? System.Collections.Immutable.ImmutableArray<IOperation>.Empty)
        {
            (IOperation Key, IOperation Value)? pair = initializer switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } a => (indexer.Arguments[0].Value, a.Value),
                IInvocationOperation { Arguments.Length: 2 } add => (add.Arguments[0].Value, add.Arguments[1].Value),
                _ => null,
            };
            if (pair is null)
            {
                Report(Model.Diagnostics.UnsupportedExpression, initializer, Shorten(initializer.Syntax.ToString()), "a dictionary entry other than [key] = value");
                continue;
            }
            items.Add(new ListValue(System.Collections.Immutable.ImmutableArray.Create(Evaluate(pair.Value.Key), Evaluate(pair.Value.Value)),
                System.Collections.Immutable.ImmutableArray.Create(pair.Value.Key.Syntax.GetLocation(), pair.Value.Value.Syntax.GetLocation())));
            locations.Add(initializer.Syntax.GetLocation());
        }
        return new ListValue(items.ToImmutable(), locations.ToImmutable());
    }
}
