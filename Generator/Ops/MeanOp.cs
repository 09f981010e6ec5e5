using System.Collections.Generic;
using Tensorgen.Generator.Graph;
using Tensorgen.Generator.Model;
using Tensorgen.Generator.Schedule;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// PyTensor's <c>mean</c>: not an op of its own in a graph but a sum over a count, in float (integers
/// average to float64, as NumPy's). Building it builds those; so no graph holds a mean, and the facets a
/// node would need say so rather than answer.
/// </summary>
internal sealed class MeanOp : IStructuralOp, IAxisReduction
{
    public static readonly MeanOp Instance = new();

    public OpCode Op => OpCode.Mean;

    public string Name => "mean";

    public int Arity => 1;

    public OpKind Kind => OpKind.Lowered;

    public StepKind Step => StepKind.Lowered;

    /// <summary>sum(x) / (size of each reduced axis multiplied), the sizes read at run time where not static.</summary>
    public int Build(GraphBuilder b, int x, int[] axes, bool keepdims)
    {
        var dtype = b[x].DType.IsFloat() ? b[x].DType : DType.Float64;
        int sum = SumOp.Instance.Build(b, b.Convert(x, dtype), axes, keepdims);
        int count = b.Constant(1, DType.Int64);
        foreach (var a in axes) count = b.Ew(OpCode.Mul, count, b.DimSize(x, a));
        return b.Ew(OpCode.TrueDiv, sum, b.Convert(count, dtype));
    }

    public EquatableArray<int> StaticShape(Node node, IReadOnlyList<Node> operands) => throw Lowered();

    public bool OwnIdentity => false;

    public void RelateSizes(Node node, SizeRelations sizes) => throw Lowered();

    public int[] Pullback(GraphBuilder b, int id, int g) => throw Lowered();

    public bool Disconnected => false;

    public bool IsView(Node node) => throw Lowered();

    public bool ReadsBuffers => false;

    public bool ReadsValue(int k) => true;

    public string PrintedName(Node node) => Name;

    public string PrintedParameters(Node node) => throw Lowered();

    public string PrintedOperand(Node node, int k, string name) => throw Lowered();

    private static System.InvalidOperationException Lowered() => new("mean is lowered to a sum over a count when built: no graph holds it");
}
