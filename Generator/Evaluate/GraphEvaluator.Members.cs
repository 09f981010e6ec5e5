using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

// Fields and properties in graph code: shared variables declared as members, and the properties of
// symbolic values (x.DType, x.NDim, x.Name).
internal sealed partial class GraphEvaluator
{
    /// <summary>The values of shared and random variable members read so far, by member id.</summary>
    private readonly Dictionary<int, Value> _members = new();

    /// <summary>The shared variables read so far, in order of first use.</summary>
    public List<SharedDeclaration> SharedVariables { get; } = new();

    private Value Member(int at, int id, int instance)
    {
        var member = _ir.Members[id];
        if (member.IsSymbolicProperty && member.Name is "DType" or "NDim" or "Name")
            return VariableProperty(at, member.Name, instance);
        if (member.IsSymbolicProperty && member.Name == "Shape")
            return ShapeOf(at, instance < 0 ? ErrorValue.Instance : Evaluate(instance));
        if (member.IsSymbolicProperty && member.Name == "T")
            return Transpose(at, instance < 0 ? ErrorValue.Instance : Evaluate(instance));
        if (member.Type == IrMemberType.RandomStream) return StreamMember(at, member, instance);
        if (member.Type == IrMemberType.RandomVariable || (member.Type == IrMemberType.TensorVariable && member.InitializerSyntax is not null))
            return RandomMember(at, id, instance);
        if (member.Type == IrMemberType.Shared)
        {
            if (_members.TryGetValue(id, out var known)) return known;
            var value = DeclareShared(at, member, instance);
            if (value is not ErrorValue) _members[id] = value;
            return value;
        }
        Report(Model.Diagnostics.UnsupportedExpression, at, Shorten(Text(at)), member.IsField ? "a non-constant field" : "a property");
        return ErrorValue.Instance;
    }

    /// <summary><c>x.DType</c>, <c>x.NDim</c>, <c>x.Name</c>: known at build time for every symbolic value.</summary>
    private Value VariableProperty(int at, string property, int instance)
    {
        var target = instance < 0 ? ErrorValue.Instance : Evaluate(instance);
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
    private Value DeclareShared(int at, IrMember member, int instance)
    {
        DType? dtype = member.ElementDType >= 0 ? (DType)member.ElementDType : null;
        if (dtype is null || member.InitializerSyntax is not { } initializer)
        {
            Report(Model.Diagnostics.SharedDeclaration, at, member.Name,
                dtype is null ? $"its element type {member.ElementType} is not a Tensorgen dtype"
                : "it has no initializer the generator can read; declare it as 'static readonly Shared<T> Name = Shared(value, ...);'");
            return ErrorValue.Instance;
        }

        int call = member.Initializer >= 0 ? Unwrap(member.Initializer) : -1;
        var shared = call >= 0 ? Node(call) as IrInvocation : null;
        var method = shared is null ? null : _ir.Methods[shared.Method];
        var tag = method?.Tag;
        if (shared is null || tag?.Builtin != Builtin.Shared)
        {
            Report(Model.Diagnostics.SharedDeclaration, at, member.Name,
                $"its initializer '{Shorten(Text(initializer))}' is not a call of Shared(...), which is how the generator learns its rank");
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
                if (argument.IsDefault || argument.Ordinal < 0) continue;
                string parameter = method!.Parameters[argument.Ordinal].Name;
                if (parameter == "name")
                {
                    var v = Evaluate(argument.Value);
                    if (v is ConstValue { Constant: string s }) name = s;
                    else if (v is not ConstValue { Constant: null } && v is not ErrorValue)
                        Report(Model.Diagnostics.NotConstant, argument.Value, "the name of a shared variable", Shorten(Text(argument.Value)));
                }
                else if (parameter == "shape")
                {
                    var v = Evaluate(argument.Value);
                    if (v is ListValue list && list.Items.All(i => i is ConstValue { Constant: null or int }))
                        shape = list.Items.Select(i => ((ConstValue)i).Constant is int n ? n : -1).ToArray();
                    else if (v is not ConstValue { Constant: null } && v is not ErrorValue)
                        Report(Model.Diagnostics.NotConstant, argument.Value, "the static shape of a shared variable", Shorten(Text(argument.Value)));
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

        if (!member.IsStatic && !(instance >= 0 && Node(instance) is IrInstanceReference && _isInstance))
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

    /// <summary><c>new Dictionary&lt;TensorVariable, TensorVariable&gt; { [a] = b }</c> (or <c>{ { a, b } }</c>): a list of pairs.</summary>
    private Value DictionaryPairs(IrDictionaryCreation creation)
    {
        var items = ImmutableArray.CreateBuilder<Value>();
        var locations = ImmutableArray.CreateBuilder<IrSpan>();
        foreach (int initializer in creation.Entries)
        {
            var entry = (IrDictionaryEntry)Node(initializer);
            if (entry.Key < 0)
            {
                Report(Model.Diagnostics.UnsupportedExpression, initializer, Shorten(Text(initializer)), "a dictionary entry other than [key] = value");
                continue;
            }
            items.Add(new ListValue(ImmutableArray.Create(Evaluate(entry.Key), Evaluate(entry.Value)),
                ImmutableArray.Create(Node(entry.Key).Span, Node(entry.Value).Span)));
            locations.Add(Node(initializer).Span);
        }
        return new ListValue(items.ToImmutable(), locations.ToImmutable());
    }
}
