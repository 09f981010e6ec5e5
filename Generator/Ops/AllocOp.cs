using System.Collections.Generic;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>Alloc</c> of a 0-d value: a tensor of the sizes given, every element the value (<c>Zeros</c>,
/// <c>Ones</c>, <c>Full</c>). Its operands are the value and one int64 size per dimension, each a size given by a
/// value (a constant gives the static size).
/// </summary>
internal sealed class AllocOp : IStructuralOp, ICallOp
{
    public static readonly AllocOp Instance = new();

    public OpCode Op => OpCode.Alloc;

    public string Name => "alloc";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary><paramref name="value"/> (0-d) filling a tensor of <paramref name="sizes"/> (int64 scalars); the value itself when there are none.</summary>
    public int Build(GraphBuilder b, int value, int[] sizes)
    {
        if (sizes.Length == 0) return value;
        var inputs = new[] { value }.Concat(sizes).ToEquatableArray();
        return b.Add(new Node(OpCode.Alloc, b[value].DType, Shape(sizes.Select(s => b[s]).ToList()), inputs, null, default, null));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => Shape(operands.Skip(1).ToList());

    private static EquatableArray<int> Shape(IReadOnlyList<Node> sizes) => sizes.Select(s => s.IsConstant ? (int)s.Value.Long : -1).ToEquatableArray();

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int j = 0; j < node.Rank; j++) sizes.GivenBy(sizes.Output(j), node.Inputs[j + 1]);
    }

    /// <summary>The value's adjoint is the sum of the adjoint; the sizes have none.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g)
    {
        var result = Enumerable.Repeat(-1, b[id].Inputs.Count).ToArray();
        result[0] = b.Reduce(OpCode.Sum, g, Enumerable.Range(0, b[id].Rank).ToArray(), keepdims: false);
        return result;
    }

    public bool Disconnected => false;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;

    public void Write(CallSite site) => site.Line($"{site.Output}.Fill({site.Scalar(0)});");
}
