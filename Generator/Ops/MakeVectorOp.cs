using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>PyTensor's <c>MakeVector</c> of int64 scalars: what <c>Shape(x)</c> is made of.</summary>
internal sealed class MakeVectorOp : IStructuralOp, ICallOp
{
    public static readonly MakeVectorOp Instance = new();

    public OpCode Op => OpCode.MakeVector;

    public string Name => "make_vector";

    public int Arity => -1;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The vector of the int64 scalars <paramref name="items"/>.</summary>
    public int Build(GraphBuilder b, int[] items) =>
        b.Add(new Node(OpCode.MakeVector, DType.Int64, new[] { items.Length }.ToEquatableArray(), items.ToEquatableArray(), null, default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => new[] { operands.Count }.ToEquatableArray();

    public bool OwnIdentity => false;

    /// <summary>A static length: nothing to relate.</summary>
    public void RelateSizes(Node node, SizeRelations sizes)
    {
    }

    /// <summary>Made of sizes: no gradient.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => Enumerable.Repeat(-1, b[id].Inputs.Count).ToArray();

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => "";

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary>One assignment per element.</summary>
    public void Write(CallSite site)
    {
        for (int k = 0; k < site.Node.Inputs.Count; k++)
            site.Line($"{site.Output}[{k.ToString(CultureInfo.InvariantCulture)}] = {site.Scalar(k)};");
    }
}
