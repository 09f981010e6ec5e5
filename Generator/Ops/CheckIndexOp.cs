using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Emit;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// The axes of the indexed tensor an index covers: <paramref name="Count"/> consecutive ones from <paramref name="Axis"/>,
/// read as one merged axis (several int arrays, a mask, <c>Take</c> without an axis), whose size an index is checked against.
/// </summary>
internal sealed record CheckIndexParams(int Axis, int Count) : OpParams
{
    public string Printed => Count == 1 ? "{axis=" + Axis.ToString(CultureInfo.InvariantCulture) + "}"
        : "{axes=" + Axis.ToString(CultureInfo.InvariantCulture) + ".." + (Axis + Count).ToString(CultureInfo.InvariantCulture) + "}";
}

/// <summary>
/// Int indices into axis <c>Axis</c> of a tensor, checked at call time and made non-negative as NumPy reads them
/// (-1 is the last): the int64 positions a gather or scatter reads. An index outside [-size, size) throws an
/// <see cref="System.IndexOutOfRangeException"/> naming the function, the index input, the index and the size.
/// Operands: the indices (any int dtype, any rank) and the indexed tensor, of which only the shape is read.
/// </summary>
internal sealed class CheckIndexOp : IStructuralOp, ICallOp
{
    public static readonly CheckIndexOp Instance = new();

    public OpCode Op => OpCode.CheckIndex;

    public string Name => "check_index";

    public int Arity => 2;

    public OpKind Kind => OpKind.Data;

    public StepKind Step => StepKind.Call;

    /// <summary>The checked int64 positions of <paramref name="index"/> into <paramref name="x"/>'s axes from <paramref name="axis"/> (merged when <paramref name="count"/> is more than 1).</summary>
    public int Build(GraphBuilder b, int index, int x, int axis, int count = 1) =>
        b.Add(new Node(OpCode.CheckIndex, DType.Int64, b[index].Shape, new[] { index, x }.ToEquatableArray(), new CheckIndexParams(axis, count), default, null));

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => operands[0].Shape;

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes)
    {
        for (int d = 0; d < node.Rank; d++) sizes.Same(sizes.Output(d), sizes.Operand(0, d));
    }

    /// <summary>Indices have no gradient.</summary>
    public int[] Pullback(GraphBuilder b, int id, int g) => [-1, -1];

    public bool Disconnected => true;

    public bool IsView(Node node) => false;

    public bool ReadsBuffers => true;

    /// <summary>The indices' values; of the indexed tensor only its shape.</summary>
    public bool ReadsValue(int k) => k == 0;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => node.Parameters<CheckIndexParams>().Printed;

    public string PrintedOperand(Node node, int k, string name) => name;

    /// <summary><c>Gathers.CheckIndex(indices, size, output, ...)</c>, or for one index a local; axis -1 in the message means x flattened.</summary>
    public void Write(CallSite site)
    {
        var p = site.Node.Parameters<CheckIndexParams>();
        var dims = site.Dims(1).Skip(p.Axis).Take(p.Count).Select(s => s.Contains(' ') ? $"({s})" : s).ToList();
        string size = dims.Count == 1 ? dims[0] : string.Join(" * ", dims);
        int axis = p.Count == 1 ? p.Axis : -1;
        string names = $"{site.FunctionName}, {site.NameOf(0)}, {site.NameOf(1)}, {axis.ToString(CultureInfo.InvariantCulture)}";
        if (site.Node.Rank == 0)
            site.Line($"long {site.OutputLocal} = global::Tensorgen.Gathers.CheckIndex((long){site.Scalar(0)}, (long)({size}), {names});");
        else
            site.Line($"global::Tensorgen.Gathers.CheckIndex({site.Input(0)}, (long)({size}), {site.Output}, {names});");
    }
}
