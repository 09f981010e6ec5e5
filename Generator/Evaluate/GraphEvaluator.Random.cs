using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Lower;

namespace Tensorgen.Generator.Evaluate;

// Random streams and random variables in graph code.
internal sealed partial class GraphEvaluator
{
    /// <summary>The member whose initializer is being evaluated, while it is: a random variable made there belongs to it.</summary>
    private (string Name, Model.MemberRef Member, bool IsTensor)? _declaringMember;

    /// <summary>The random variables drawn so far, in order of first use.</summary>
    public List<RandomDeclaration> RandomVariables { get; } = new();

    /// <summary>What <c>DebugPrint(x)</c> printed, in order: a label's line, then the tree (<see cref="InspectionCalls"/>).</summary>
    public List<string> Printed { get; } = new();

    /// <summary>A member generated code can read, or null (reported) when it is another object's instance member.</summary>
    private Model.MemberRef? MemberAccess(int at, IrMember member, int instance, string what)
    {
        if (member.IsStatic || (instance >= 0 && Node(instance) is IrInstanceReference && _isInstance)) return Reference(member);
        Report(Model.Diagnostics.RandomDeclaration, at, member.Name,
            $"it is an instance {what} read from another object; an instance graph method may read its own object's members (this.Name)");
        return null;
    }

    private Value StreamMember(int at, IrMember member, int instance) =>
        MemberAccess(at, member, instance, "random stream") is { } access ? new StreamValue(access) : ErrorValue.Instance;

    /// <summary>How generated code names a member: its declaring type, fully qualified, its name, static or not.</summary>
    private static Model.MemberRef Reference(IrMember member) => new(member.ContainingType, member.Name, member.IsStatic);

    /// <summary>
    /// A member holding a random variable (<c>static readonly RandomVariable U = Stream.Uniform(...)</c>): its
    /// initializer is evaluated here, and the variable it makes belongs to the member, so every function
    /// reading the member draws from the same generator, as PyTensor functions share a variable's rng.
    /// </summary>
    private Value RandomMember(int at, int id, int instance)
    {
        if (_members.TryGetValue(id, out var known)) return known;
        var member = _ir.Members[id];
        if (member.InitializerSyntax is null || MemberAccess(at, member, instance, "random variable") is not { } access)
        {
            if (member.InitializerSyntax is null) Report(Model.Diagnostics.RandomDeclaration, at, member.Name, "it has no initializer drawing it from a stream (Stream.Uniform(...))");
            return ErrorValue.Instance;
        }
        int operation = member.Initializer;
        if (operation < 0) return ErrorValue.Instance;
        var outer = _declaringMember;
        _declaringMember = (member.Name, access, member.Type != IrMemberType.RandomVariable);
        _frames.Push(NewFrame());
        try
        {
            var value = Evaluate(operation);
            _members[id] = value;
            return value;
        }
        finally
        {
            _frames.Pop();
            _declaringMember = outer;
        }
    }

    /// <summary><c>stream.Uniform(low, high, size)</c> and the other distributions: one draw node per variable.</summary>
    private Value RandomDraw(ApiTag tag, IrMethod method, int at, int[] args, Value?[] values, Value? receiver)
    {
        var distribution = (Distribution)tag.Rank;
        if (receiver is not StreamValue stream)
        {
            if (receiver is not ErrorValue)
                Report(Model.Diagnostics.RandomDeclaration, at, distribution.ToString(), "its stream is not a field or property of type RandomStream");
            return ErrorValue.Instance;
        }
        var parameters = new List<int>();
        int[]? size = null;
        int[] sizeNodes = System.Array.Empty<int>();
        for (int i = 0; i < method.Parameters.Count; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.Name == "size")
            {
                if (values[i] is null or ConstValue { Constant: null }) continue;
                if (Size(values[i]!, args[i]) is not { } dims) return ErrorValue.Instance;
                size = dims.Static;
                sizeNodes = dims.Nodes;
                continue;
            }
            if (values[i] is null or ConstValue { Constant: null })
            {
                parameters.Add(Graph.Constant(DefaultParameter(distribution, parameter.Name), DType.Float64));
                continue;
            }
            if (values[i] is not TensorValue { Operand: var operand })
                return Mistyped(Arg(args, i, at), $"the {parameter.Name} of a random variable is not a tensor");
            int node = Graph.Materialize(operand, operand.IsLiteral ? operand.Weak!.Value.Kind : DType.Float64);
            if (Graph[node].Rank != 0)
            {
                Report(Model.Diagnostics.RandomDeclaration, args[i], distribution.ToString(),
                    $"its {parameter.Name} is a tensor of rank {Graph[node].Rank}; parameters are scalars here (constants, shared scalars or scalar inputs), with size giving the shape");
                return ErrorValue.Instance;
            }
            parameters.Add(node);
        }

        int index = RandomVariables.Count;
        int draw = Graph.Random(distribution, parameters.ToArray(), size ?? System.Array.Empty<int>(), sizeNodes, index);
        if (_declaringMember is { } member)
            RandomVariables.Add(new RandomDeclaration(draw, member.Name, member.Member, member.IsTensor, null, distribution));
        else if (stream.Member is null)
        {
            Report(Model.Diagnostics.RandomDeclaration, at, distribution.ToString(), "its stream is made in graph code; keep streams in fields or properties");
            return ErrorValue.Instance;
        }
        else
            RandomVariables.Add(new RandomDeclaration(draw, distribution.ToString().ToLowerInvariant(), null, false, stream.Member, distribution));
        return new TensorValue(Operand.Of(draw));
    }

    /// <summary>
    /// A size: per dimension a number (static), or an int scalar known when a call starts: an input, a
    /// shared variable, or a dimension of one (<c>x.Shape[0]</c>). Static sizes are -1 where symbolic.
    /// </summary>
    private (int[] Static, int[] Nodes)? Size(Value value, int at)
    {
        if (value is not ListValue list)
        {
            Report(Model.Diagnostics.NotConstant, at, "the size of a random variable (a list of sizes)", Shorten(Text(at)));
            return null;
        }
        var sizes = new int[list.Items.Length];
        var nodes = new int[list.Items.Length];
        for (int d = 0; d < sizes.Length; d++)
        {
            nodes[d] = -1;
            switch (list.Items[d])
            {
                case ConstValue { Constant: int n } when n >= 0:
                    sizes[d] = n;
                    break;
                case TensorValue { Operand.Weak: { } literal } when literal.Kind == DType.Int64 && literal.Value.Bits is >= 0 and <= int.MaxValue:
                    sizes[d] = (int)literal.Value.Bits;
                    break;
                case TensorValue { Operand: { IsLiteral: false } operand } when Graph[operand.Node] is { Rank: 0 } node
                    && node.DType.IsInteger() && (node.IsSource || node.Op == OpCode.DimSize || node.IsConstant):
                    if (node.IsConstant && node.Value.Long is < 0 or > int.MaxValue) goto default;
                    if (node.IsConstant) sizes[d] = (int)node.Value.Long;
                    else
                    {
                        sizes[d] = -1;
                        nodes[d] = operand.Node;
                    }
                    break;
                default:
                    Report(Model.Diagnostics.RandomDeclaration, list.Locations[d], "size",
                        "a size must be a non-negative number, an int scalar input or shared variable, or a size of another tensor (x.Shape[0])");
                    return null;
            }
        }
        return (sizes, nodes);
    }

    private static double DefaultParameter(Distribution distribution, string parameter) =>
        (distribution, parameter) switch
        {
            (Distribution.Uniform, "high") => 1,
            (Distribution.Normal, "scale") => 1,
            (Distribution.Poisson, "lam") => 1,
            (_, "scale") => 1,
            _ => 0,
        };
}
